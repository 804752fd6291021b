/**
 * The options page's routes live in the URL hash, so that a link (the popup's, a notification's
 * `#/at-risk?store=<id>`) opens the right view: `#/<page>?<params>`.
 */
export const PAGES = ['history', 'at-risk', 'settings', 'glossary', 'data'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  params: URLSearchParams;
}

const isPage = (name: string): name is Page => (PAGES as readonly string[]).includes(name);

/** An unknown or empty hash opens the history. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  return { page: isPage(path) ? path : 'history', params: new URLSearchParams(query) };
}

export function routeHref(page: Page, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}
