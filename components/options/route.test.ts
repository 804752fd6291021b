import { describe, expect, it } from 'vitest';

import { parseRoute, routeHref } from './route';

describe('options routes', () => {
  it("reads the notification's at-risk link", () => {
    const route = parseRoute('#/at-risk?store=2001');
    expect(route.page).toBe('at-risk');
    expect(route.params.get('store')).toBe('2001');
  });

  it('opens the history for an empty or unknown hash', () => {
    expect(parseRoute('').page).toBe('history');
    expect(parseRoute('#/nowhere').page).toBe('history');
  });

  it('writes links that read back the same, escaping what needs it', () => {
    const href = routeHref('history', { store: '2001', sku: 'ES 10/01&x' });
    const route = parseRoute(href);
    expect(route.page).toBe('history');
    expect(Object.fromEntries(route.params)).toEqual({ store: '2001', sku: 'ES 10/01&x' });
    expect(routeHref('settings')).toBe('#/settings');
  });
});
