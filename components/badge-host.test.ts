import { describe, expect, it } from 'vitest';

import { badgeView as view } from '@/test/fixtures/badges';
import { createBadgeHost, hideExplanation, isBadgeHost, renderBadge, showExplanation, updateBadgeHost } from './badge-host';

const attributes = (host: Element) => Object.fromEntries([...host.attributes].map((a) => [a.name, a.value]));

describe('badge host', () => {
  it('is a hidden light element with the contract attributes until its UI is built', () => {
    const host = createBadgeHost(view('ok'));
    expect(isBadgeHost(host)).toBe(true);
    expect(attributes(host)).toEqual({ hidden: '', 'data-lsm-kind': 'safety', 'data-lsm-status': 'ok', 'data-lsm-sku': 'SKU-1' });
    expect(host.shadowRoot).toBeNull();
  });

  it('builds its button with the newest view, and keeps it up to date', () => {
    const host = createBadgeHost(view('ok'));
    updateBadgeHost(host, view('low', { tone: 'warn', criterion: 'E1' }));
    expect(attributes(host)).toMatchObject({ 'data-lsm-status': 'low', 'data-lsm-criterion': 'E1' });
    renderBadge(host);
    renderBadge(host);
    expect(host.hidden).toBe(false);
    const buttons = host.shadowRoot!.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.className).toBe('badge tone-warn');
    expect(buttons[0]!.getAttribute('aria-label')).toBe('low');
    expect(buttons[0]!.textContent).toBe('!low');
    updateBadgeHost(host, view('out', { tone: 'bad' }));
    expect(buttons[0]!.className).toBe('badge tone-bad');
    expect(host.hasAttribute('data-lsm-criterion')).toBe(false);
  });

  it('builds its UI when the explanation is asked for', () => {
    const host = createBadgeHost(view('ok'));
    document.body.append(host);
    showExplanation(host);
    expect(host.shadowRoot!.textContent).toContain('Advice');
    hideExplanation(host, true);
    host.remove();
  });
});
