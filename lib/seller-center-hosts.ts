/** The only pages the extension may read: Seller Center and its global / Choice twin. */
export const SELLER_CENTER_HOSTS = ['csp.aliexpress.com', 'gsp.aliexpress.com'] as const;

export const SELLER_CENTER_MATCHES = SELLER_CENTER_HOSTS.map((host) => `https://${host}/*`);
