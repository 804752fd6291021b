import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { DB_NAME } from '@/lib/history/db';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings/schema';
import { inventoryReading, skuRow } from '@/test/fixtures/db/build';
import background from '@/entrypoints/background';

const OPTIONS_PAGE = { url: 'chrome-extension://test-extension-id/options.html' };
const SELLER_CENTER = { url: 'https://csp.aliexpress.com/m_apps/inventory', tab: { id: 1 } };

/** Lets the alarm checks started in main run to the end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function deleteHistory(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function startWorker(notifications: Partial<ReturnType<typeof defaultSettings>['notifications']> = {}) {
  const defaults = defaultSettings();
  await storage.setItem(SETTINGS_KEY, { ...defaults, notifications: { ...defaults.notifications, mode: 'immediate', introSeen: true, ...notifications } });
  background.main();
  await settle();
}

const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender))[0];
const planAlarm = () => fakeBrowser.alarms.onAlarm.trigger({ name: 'plan-reminders', scheduledTime: Date.now() });

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteHistory();
});

describe('background worker', () => {
  it('schedules the hourly reminder plan and the daily prune, and keeps them on every restart', async () => {
    await startWorker();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => [a.name, a.periodInMinutes]).sort()).toEqual([
      ['plan-reminders', 60],
      ['prune-history', 1440],
    ]);
    // A restart (the worker woken by a message) must not push the next plan further away.
    background.main();
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual(alarms);
  });

  it('answers content scripts and extension pages, each within its rights', async () => {
    await startWorker();
    const reading = inventoryReading(Date.now(), [skuRow('A', { sellable: 0 })]);
    expect(await send({ type: 'reading/save', reading }, SELLER_CENTER)).toEqual({ ok: true, data: { saved: 1, skipped: 0, problems: [] } });
    expect(await send({ type: 'data/delete-all' }, SELLER_CENTER)).toMatchObject({ ok: false, error: { key: 'history_error_badRequest' } });
    expect(await send({ type: 'stores/list' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { stores: [{ storeId: '2088' }] } });
  });

  it('notifies once per store on the hourly alarm, and not again while nothing changes', async () => {
    await startWorker();
    await send({ type: 'reading/save', reading: inventoryReading(Date.now(), [skuRow('A', { sellable: 0 }), skuRow('B', { sellable: 0 })]) }, SELLER_CENTER);
    await planAlarm();
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['reminder:2088']);
    expect(shown['reminder:2088']).toMatchObject({
      type: 'basic',
      iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
      title: expect.stringContaining('2088'),
      message: expect.stringContaining('A, B'),
    });

    await fakeBrowser.notifications.clear('reminder:2088');
    await planAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('stays silent until the seller has read the first-run explanation', async () => {
    await startWorker({ introSeen: false });
    await send({ type: 'reading/save', reading: inventoryReading(Date.now(), [skuRow('A', { sellable: 0 })]) }, SELLER_CENTER);
    await planAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('Firefox: a notification the browser refuses becomes a notice for the pages, and its SKUs are told once it is allowed', async () => {
    await startWorker();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('notifications are blocked'));
    await send({ type: 'reading/save', reading: inventoryReading(Date.now(), [skuRow('A', { sellable: 0 })]) }, SELLER_CENTER);
    await planAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await send({ type: 'notices/get' }, OPTIONS_PAGE)).toMatchObject({
      ok: true,
      data: { notificationsBlocked: { detail: expect.stringContaining('notifications are blocked') } },
    });
    expect(warn).toHaveBeenCalled();

    // Allowed again: A was never shown, so it is told now, with B; the notice goes.
    await send({ type: 'reading/save', reading: inventoryReading(Date.now(), [skuRow('A', { sellable: 0 }), skuRow('B', { sellable: 0 })]) }, SELLER_CENTER);
    await planAlarm();
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['reminder:2088']);
    expect(shown['reminder:2088']).toMatchObject({ message: expect.stringContaining('A, B') });
    expect(await send({ type: 'notices/get' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { notificationsBlocked: null } });

    // Told once: nothing new on the next plan.
    await fakeBrowser.notifications.clear('reminder:2088');
    await planAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(create).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it("Chrome: while notifications are blocked, says so and plans nothing, so that nothing counts as told", async () => {
    let level = 'denied';
    Object.assign(fakeBrowser.notifications, { getPermissionLevel: async () => level });
    try {
      await startWorker();
      await send({ type: 'reading/save', reading: inventoryReading(Date.now(), [skuRow('A', { sellable: 0 })]) }, SELLER_CENTER);
      await planAlarm();
      expect(await fakeBrowser.notifications.getAll()).toEqual({});
      expect(await send({ type: 'notices/get' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { notificationsBlocked: { detail: expect.stringContaining('denied') } } });
      level = 'granted';
      await planAlarm();
      expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['reminder:2088']);
      expect(await send({ type: 'notices/get' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { notificationsBlocked: null } });
    } finally {
      delete (fakeBrowser.notifications as { getPermissionLevel?: unknown }).getPermissionLevel;
    }
  });

  it('opens the store\'s at-risk view when a notification is clicked', async () => {
    await startWorker();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('reminder:20 88');
    expect(opened).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/options.html#/at-risk?store=20%2088' });
  });
});
