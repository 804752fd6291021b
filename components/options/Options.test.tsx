import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { daySeconds } from '@/components/charts/series';
import { planWithRisks, snapshot } from '@/components/ui/fixtures';
import { click, fakeBackground, mount, settle, submit, type } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { addDays } from '@/lib/rules/day';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { saveSettings, settingsStore } from '@/platform/settings-item';
import { Options } from './Options';

// uPlot draws on a canvas, which happy-dom lacks: the charts are checked through what they are given.
const charts = vi.hoisted(() => [] as { options: { series: { label?: string }[]; scales: { x: { range: unknown } } }; data: unknown[][] }[]);
vi.mock('uplot', () => ({
  default: Object.assign(
    class {
      constructor(options: (typeof charts)[number]['options'], data: unknown[][]) {
        charts.push({ options, data });
      }
      setSize() {}
      destroy() {}
    },
    { tzDate: (date: Date) => date },
  ),
}));

const stores = [{ storeId: '2001', firstSeen: 1, lastSeen: 9 }];
const introSeen = { ...defaultSettings().notifications, introSeen: true };

async function options(hash: string, settings: Partial<Settings> = {}, world: Parameters<typeof fakeBackground>[0] = {}) {
  window.location.hash = hash;
  await saveSettings({ ...defaultSettings(), language: 'en', notifications: introSeen, ...settings });
  const background = fakeBackground({ stores, ...world });
  const ui = await mount(
    <Options send={background.send} settingsStore={settingsStore} browserLocale="en-US" today="2025-11-20" now={() => 0} download={vi.fn()} />,
  );
  return { ui, ...background };
}

const go = async (hash: string) => {
  await act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await settle();
};

describe('options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    charts.length = 0;
  });

  it("opens the notification's link: the at-risk list of its store", async () => {
    const { ui, world } = await options('#/at-risk?store=2001', {}, { plans: { '2001': planWithRisks } });
    expect(ui.get('#page-heading').textContent).toBe('SKUs at risk');
    expect(ui.get('nav [aria-current="page"]').textContent).toBe('SKUs at risk');
    expect(world.requests).toContainEqual({ type: 'store/at-risk', storeId: '2001', limit: 100 });
    expect(ui.get('[data-sku="ES-1001"] a').getAttribute('href')).toBe('#/history?store=2001&sku=ES-1001');
  });

  it('lists a hundred SKUs at risk at a time, and more on request', async () => {
    const many = { ...planWithRisks, skus: Array.from({ length: 250 }, (_, i) => ({ ...planWithRisks.skus[1]!, snapshot: snapshot({ sku: `ES-${2000 + i}`, sellable: 0 }) })) };
    const { ui, world } = await options('#/at-risk?store=2001', {}, { plans: { '2001': many } });
    expect(ui.root.querySelectorAll('.at-risk-sku')).toHaveLength(100);
    expect(ui.get('.muted').textContent).toContain('250 SKUs need attention');
    await click(ui.button('Show 100 more (150 left)'));
    expect(world.requests).toContainEqual({ type: 'store/at-risk', storeId: '2001', limit: 200 });
    await settle();
    expect(ui.root.querySelectorAll('.at-risk-sku')).toHaveLength(200);
    await click(ui.button('Show 50 more (50 left)'));
    await settle();
    expect(ui.root.querySelectorAll('.at-risk-sku')).toHaveLength(250);
    expect(ui.root.querySelector('.at-risk ~ button')).toBeNull();
  });

  it('moves between pages by the hash, taking focus to the new heading', async () => {
    const { ui } = await options('#/history');
    await go('#/glossary');
    expect(ui.get('#page-heading').textContent).toBe('Event codes');
    expect(document.activeElement).toBe(ui.get('#page-heading'));
  });

  it('explains notifications on first run, and records the choice', async () => {
    const { ui } = await options('#/settings', { notifications: defaultSettings().notifications });
    const intro = ui.get('.intro');
    expect(intro.textContent).toContain('Nothing is notified until you choose');
    await click(ui.button('Once a day'));
    await settle();
    expect((await settingsStore.load()).settings.notifications).toMatchObject({ mode: 'digest', introSeen: true });
    expect(ui.root.querySelector('.intro')).toBeNull();
  });

  it('names the settings that fell back to their defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), language: 'en', notifications: introSeen, retentionDays: -1, leadTimeDays: { ES: 0 } } });
    const background = fakeBackground({ stores });
    const ui = await mount(
      <Options send={background.send} settingsStore={settingsStore} browserLocale="en-US" today="2025-11-20" now={() => 0} download={vi.fn()} />,
    );
    const note = ui.get('[data-notice="settings-fell-back"]');
    expect(note.textContent).toContain('Some saved settings were not valid; their defaults are in use.');
    expect([...note.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Lead time · Spain', 'Days kept']);
  });

  it('shows storage full on every page, and blocked notifications in the notification settings', async () => {
    const notices = {
      storageFull: { at: 0, prunedBefore: '2024-11-01', saved: true, detail: 'QuotaExceededError' },
      notificationsBlocked: { detail: 'notifications.getPermissionLevel() is "denied"' },
    };
    const { ui } = await options('#/history', {}, { notices });
    expect(ui.get('[data-notice="storage-full"]').textContent).toContain('To keep recording, the oldest daily figures (before Nov 1, 2024) were deleted');
    expect(ui.get('[data-notice="storage-full"] a').getAttribute('href')).toBe('#/settings');
    expect(ui.root.querySelector('[data-notice="notifications-blocked"]')).toBeNull();
    await go('#/settings');
    const blocked = ui.get('[aria-labelledby="set-notify"] [data-notice="notifications-blocked"]');
    expect(blocked.textContent).toContain('reminders will not appear');
    expect(blocked.textContent).toContain('allow notifications for your browser');
  });

  it("charts a SKU's history: stock against the water line, days of cover and turnover, with a table", async () => {
    const { entries, christmas } = DEFAULT_POLICY;
    // The last day before the shipped Spanish Christmas window, and its first day.
    const seasonStart = addDays(`2025-${christmas.monthDay}`, -entries.christmasDaysBefore.value);
    const snapshots = [snapshot({ day: addDays(seasonStart, -1), sellable: 80 }), snapshot({ day: seasonStart, sellable: 60 })];
    const { ui, world } = await options('#/history?store=2001&sku=ES-1001', {}, { snapshots, plans: { '2001': planWithRisks } });
    expect(world.requests).toContainEqual({ type: 'sku/history', storeId: '2001', sku: 'ES-1001', fromDay: '2025-08-22' });
    // No plan is asked for beside the chart's history: suggestions wait until the form is used.
    expect(world.requests.map((request) => request.type)).not.toContain('store/at-risk');
    await act(() => void ui.get('#history-sku').dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    await settle();
    expect(world.requests).toContainEqual({ type: 'store/at-risk', storeId: '2001', limit: 100 });
    expect([...ui.root.querySelectorAll('#history-skus option')].map((option) => option.getAttribute('value'))).toEqual(['ES-1001', 'ES-1002']);
    expect(charts).toHaveLength(2);
    const [stock, days] = charts;
    // The chart spans the period asked for (90 days by default), not just the days recorded.
    expect(stock!.options.scales.x.range).toEqual([daySeconds('2025-08-22'), daySeconds('2025-11-20')]);
    expect(stock!.options.series.map((s) => s.label)).toEqual(['Date', 'Sellable stock (units)', 'Safety water line (units, dashed)', 'In transit (units, dotted)']);
    expect(stock!.data[1]).toEqual([80, 60]);
    // Daily sales 10: the line steps from the default multiplier to the seasonal one.
    expect(stock!.data[2]).toEqual([10 * entries.safetyMultiplier.value, 10 * entries.christmasMultiplier.value]);
    expect(days!.data[1]).toEqual([8, 6]);
    expect(ui.get('.seasons').textContent).toContain('Spain Christmas season (platform rule)');
    expect(ui.get('.chart-table tbody').querySelectorAll('tr')).toHaveLength(2);
  });

  it('says what to do when a SKU has no history, and picks a SKU by typing it', async () => {
    const { ui } = await options('#/history?store=2001');
    expect(ui.text()).toContain('Pick a store and type a SKU');
    await type(ui.field('SKU'), 'ES-9');
    await submit(ui.field('SKU'));
    expect(window.location.hash).toBe('#/history?store=2001&sku=ES-9');
    await go(window.location.hash);
    expect(ui.text()).toContain('No snapshots of SKU ES-9 in store 2001 in this period.');
  });

  it('without any history, says to open the inventory page', async () => {
    const { ui } = await options('#/history', {}, { stores: [] });
    expect(ui.text()).toContain('No stock history yet. Open your inventory page in Seller Center');
  });

  it('speaks Chinese when the settings say so', async () => {
    const { ui } = await options('#/settings', { language: 'zh' });
    expect(ui.get('#page-heading').textContent).toBe('设置');
    expect(ui.button('保存设置')).toBeTruthy();
  });
});
