import { describe, expect, it } from 'vitest';
import { SELLER_CENTER_MATCHES } from './seller-center-hosts';

describe('Seller Center hosts', () => {
  it('match patterns are the two Seller Center hosts over https only', () => {
    expect(SELLER_CENTER_MATCHES).toEqual(['https://csp.aliexpress.com/*', 'https://gsp.aliexpress.com/*']);
  });
});
