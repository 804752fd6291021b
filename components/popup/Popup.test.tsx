import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { planWithRisks } from '@/components/ui/fixtures';
import { click, fakeBackground, mount, settle, submit, type } from '@/components/ui/test-utils';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { saveSettings, settingsStore } from '@/platform/settings-item';
import { Popup } from './Popup';
import type { TabStatus } from './tab-status';

const OPTIONS = 'chrome-extension://abc/options.html';
const sellerTab: TabStatus = { kind: 'seller', host: 'csp.aliexpress.com', storeId: '2001' };

async function popup(options: { tab?: TabStatus; world?: Parameters<typeof fakeBackground>[0]; settings?: Partial<Settings> } = {}) {
  await saveSettings({ ...defaultSettings(), language: 'en', ...options.settings });
  const background = fakeBackground(options.world);
  const ui = await mount(
    <Popup
      send={background.send}
      settingsStore={settingsStore}
      tab={options.tab ?? sellerTab}
      browserLocale="en-US"
      today="2025-11-20"
      optionsUrl={OPTIONS}
    />,
  );
  return { ui, ...background };
}

describe('popup', () => {
  beforeEach(() => fakeBrowser.reset());

  it("lists the current store's SKUs at risk with their reasons, each linking to its history", async () => {
    const { ui, world } = await popup({ world: { plans: { '2001': planWithRisks } } });
    expect(world.requests).toContainEqual({ type: 'store/at-risk', storeId: '2001', limit: 5 });
    const first = ui.get('[data-sku="ES-1001"]');
    expect(first.querySelector('[data-reason="low"]')?.textContent).toContain('Below the safety water line: 20 sellable, line at 150');
    expect(first.querySelector('[data-reason="will-cross"]')?.textContent).toContain('Falls below the water line on Nov 22, 2025');
    expect(ui.get('[data-sku="ES-1002"] [data-reason="out"]').className).toContain('tone-bad');
    expect(first.querySelector('a')?.getAttribute('href')).toBe(`${OPTIONS}#/history?store=2001&sku=ES-1001`);
    expect(ui.button('See every SKU at risk').getAttribute('href')).toBe(`${OPTIONS}#/at-risk?store=2001`);
  });

  it('says so when the store has nothing at risk', async () => {
    const { ui } = await popup();
    expect(ui.text()).toContain('No SKU at risk in store 2001 as of Nov 20, 2025.');
  });

  it('on another tab, lists the store seen last, or says to open the inventory page', async () => {
    const stores = [
      { storeId: '2001', firstSeen: 1, lastSeen: 5 },
      { storeId: '3003', firstSeen: 1, lastSeen: 9 },
    ];
    const { ui, world } = await popup({ tab: { kind: 'other' }, world: { stores } });
    expect(world.requests).toContainEqual({ type: 'store/at-risk', storeId: '3003', limit: 5 });
    expect(ui.get('[data-tab="other"]').textContent).toContain('This tab is not AliExpress Seller Center');
    ui.unmount();
    const empty = await popup({ tab: { kind: 'other' } });
    expect(empty.ui.get('.at-risk-section .empty').textContent).toContain('Open your inventory page in Seller Center');
    expect(empty.world.requests.map((r) => r.type)).not.toContain('store/at-risk');
  });

  it('shows the worker\'s failure in words when the risks cannot be read', async () => {
    const { ui } = await popup({ world: { failures: { 'store/at-risk': { key: 'history_error_failed', detail: 'db closed' } } } });
    const failure = ui.get('.at-risk-section [role="alert"]');
    expect(failure.querySelector('.problem')?.textContent).toContain('The history operation did not complete');
    expect(failure.querySelector('code')?.textContent).toBe('db closed');
  });

  it('names the Seller Center tab and its store', async () => {
    const { ui } = await popup();
    expect(ui.get('[data-tab="seller"]').textContent).toContain('AliExpress Seller Center (csp.aliexpress.com), store 2001');
  });

  it('speaks the language of the settings, and follows a change made elsewhere', async () => {
    const { ui } = await popup({ settings: { language: 'zh' } });
    expect(ui.text()).toContain('快速检查');
    expect(ui.get('main').getAttribute('lang')).toBe('zh-CN');
    await act(async () => {
      await saveSettings({ ...defaultSettings(), language: 'en' });
    });
    await settle();
    expect(ui.text()).toContain('Quick checks');
  });

  it('moves between the quick checks with the arrow keys, keeping what was typed', async () => {
    const { ui } = await popup();
    const safety = ui.get('#check-tab-safety');
    expect(safety.getAttribute('aria-selected')).toBe('true');
    await type(ui.field('Sellable stock (units)'), '42');
    safety.focus();
    await act(() => {
      safety.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(ui.get('#check-tab-ito').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('check-tab-ito');
    expect(ui.get('#check-panel-safety').hidden).toBe(true);
    await act(() => {
      ui.get('#check-tab-ito').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(ui.field<HTMLInputElement>('Sellable stock (units)').value).toBe('42');
  });

  it("saves a meaning for an unknown code to the worker's glossary and shows it at once", async () => {
    const { ui, world } = await popup();
    await click(ui.button('Event code'));
    await type(ui.field('Event code'), 'PL-555');
    await submit(ui.field('Event code'));
    await type(ui.get('#check-panel-code .verdict form input'), 'Pallet too high');
    await click(ui.button('Save'));
    expect(world.glossary).toEqual([expect.objectContaining({ code: 'PL-555', meaning: 'Pallet too high' })]);
    expect(ui.get('#check-panel-code .headline .status').dataset.status).toBe('known');
    expect(ui.get('#check-panel-code .headline').textContent).toContain('Pallet too high');
  });

  it('says storage was full, what was done and what to do, and lets the seller dismiss it', async () => {
    const storageFull = { at: Date.UTC(2025, 10, 19, 8), prunedBefore: '2024-11-01', saved: false, detail: 'reading/save: QuotaExceededError' };
    const { ui, world } = await popup({ world: { notices: { storageFull, notificationsBlocked: null } } });
    const notice = ui.get('[data-notice="storage-full"]');
    expect(notice.textContent).toContain("the browser's storage was full, so the figures read from the Seller Center page were not saved");
    expect(notice.textContent).toContain('The oldest daily figures (before Nov 1, 2024) were deleted');
    expect(notice.textContent).toContain('To make room: lower “Days kept” in Settings');
    expect(notice.querySelector('code')?.textContent).toBe('reading/save: QuotaExceededError');
    expect([...notice.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([`${OPTIONS}#/settings`, `${OPTIONS}#/data`]);
    await click(ui.button('Dismiss'));
    expect(world.requests).toContainEqual({ type: 'notices/dismiss', notice: 'storageFull' });
    expect(ui.root.querySelector('[data-notice="storage-full"]')).toBeNull();
  });

  it('says notifications are blocked while reminders are wanted, and nothing when they are off', async () => {
    const notices = { storageFull: null, notificationsBlocked: { detail: 'notifications.create: blocked' } };
    const chosen = (mode: Settings['notifications']['mode']) => ({ notifications: { ...defaultSettings().notifications, mode, introSeen: true } });
    const on = await popup({ world: { notices }, settings: chosen('digest') });
    expect(on.ui.get('[data-notice="notifications-blocked"]').textContent).toContain('does not let this extension show notifications');
    on.ui.unmount();
    const off = await popup({ world: { notices }, settings: chosen('off') });
    expect(off.ui.root.querySelector('[data-notice]')).toBeNull();
  });

  it('points to the settings when stored settings fell back to defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), retentionDays: -1 } });
    const background = fakeBackground();
    const ui = await mount(
      <Popup send={background.send} settingsStore={settingsStore} tab={sellerTab} browserLocale="en-US" today="2025-11-20" optionsUrl={OPTIONS} />,
    );
    expect(ui.get('[role="note"]').textContent).toContain('Some saved settings were not valid');
    expect(ui.button('Open settings').getAttribute('href')).toBe(`${OPTIONS}#/settings`);
  });
});
