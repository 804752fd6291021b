import { beforeEach, describe, expect, it } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../test/fixtures/db/build';
import type { HistoryDb } from './history/db';
import { shardOf } from './history/shard';
import { createHandler } from './message-handler';
import { BackgroundError, sendToBackground, type Request, type Sender } from './messages';
import { noticeBoard } from './notices';
import { defaultSettings, type Settings } from './settings/schema';

const NOW = at('2026-03-10', 12);

let db: HistoryDb;
let settings: Settings;
let handle: ReturnType<typeof createHandler>;

beforeEach(async () => {
  db = await freshDb();
  settings = { ...defaultSettings(), leadTimeDays: { ES: 30 } };
  handle = createHandler({
    db: async () => db,
    readSettings: async () => settings,
    writeSettings: async (next) => {
      settings = next;
    },
    now: () => NOW,
    timeZone: SHANGHAI,
    locale: 'zh-CN',
    notices: noticeBoard({ load: async () => null, save: async () => {} }),
  });
});

/** The typed client over the handler, as a content script (or page) would see it. */
const send = <R extends Request>(request: R, from: Sender = 'ui') => sendToBackground(request, (message) => handle(message, from));

describe('the worker\'s message handler', () => {
  it('saves a page reading and gives the SKU\'s history back', async () => {
    const reading = inventoryReading(at('2026-03-10'), [skuRow('A', { sellable: 40 })]);
    expect(await send({ type: 'reading/save', reading }, 'content')).toEqual({ saved: 1, skipped: 0, problems: [] });
    const history = await send({ type: 'sku/history', storeId: '2088', sku: 'A' });
    expect([history.history.days, history.history.sellable]).toEqual([['2026-03-10'], [40]]);
    expect(history.events).toEqual([]);
    expect((await send({ type: 'stores/list' })).stores.map((s) => s.storeId)).toEqual(['2088']);
  });

  it("answers a SKU's history in columns, its market once per change, skipping and reporting a stored week that no longer fits", async () => {
    for (const [day, market] of [['2026-02-27', 'ES'], ['2026-03-02', 'ES'], ['2026-03-09', 'FR']] as const) {
      await send({ type: 'reading/save', reading: inventoryReading(at(day), [skuRow('A', { sellable: 40, market })]) }, 'content');
    }
    const range = IDBKeyRange.bound(['2088', shardOf('A'), '2026-02-23'], ['2088', shardOf('A'), '2026-02-23']);
    const [february] = await db.getAll('skuWeeks', range);
    expect((await send({ type: 'sku/history', storeId: '2088', sku: 'A' })).history).toEqual({
      days: ['2026-02-27', '2026-03-02', '2026-03-09'],
      sellable: [40, 40, 40],
      inTransit: [0, 0, 0],
      dailySales: [10, 10, 10],
      turnoverDays: [null, null, null],
      markets: [
        { fromDay: '2026-02-27', market: 'ES' },
        { fromDay: '2026-03-09', market: 'FR' },
      ],
    });
    await db.put('skuWeeks', { ...february!, sellable: february!.sellable.map(() => -4) });
    const { history, skipped, problems } = await send({ type: 'sku/history', storeId: '2088', sku: 'A' });
    expect(history.days).toEqual(['2026-03-02', '2026-03-09']);
    expect(history.markets).toEqual([
      { fromDay: '2026-03-02', market: 'ES' },
      { fromDay: '2026-03-09', market: 'FR' },
    ]);
    expect([skipped, problems]).toEqual([1, [`skuWeeks ["2088",${shardOf('A')},"2026-02-23"]: (record): sellable holds -4`]]);
  });

  it('refuses what a content script may not ask, an unknown message and a malformed one, with the reason', async () => {
    expect(await handle({ type: 'data/delete-all' }, 'content')).toEqual({
      ok: false,
      error: { key: 'history_error_badRequest', detail: 'data/delete-all may not be sent from a content script' },
    });
    expect(await handle({ type: 'stock/steal' }, 'ui')).toMatchObject({ ok: false, error: { detail: 'unknown message type "stock/steal"' } });
    expect(await handle(null, 'ui')).toMatchObject({ ok: false, error: { key: 'history_error_badRequest' } });
    expect(await handle({ type: 'glossary/put', code: 'es402', meaning: 'x' }, 'content')).toMatchObject({
      ok: false,
      error: { key: 'history_error_badRequest', detail: expect.stringContaining('code') },
    });
  });

  it('throws the worker\'s reason on the client side', async () => {
    const refused = send({ type: 'glossary/put', code: 'ES-999', meaning: '   ' }, 'content');
    await expect(refused).rejects.toBeInstanceOf(BackgroundError);
    await expect(refused).rejects.toMatchObject({ failure: { key: 'history_error_badRequest' } });
  });

  it('keeps the seller\'s glossary', async () => {
    await send({ type: 'glossary/put', code: 'SA-118', meaning: '外箱唛头缺失' }, 'content');
    expect((await send({ type: 'glossary/list' }, 'content')).entries).toEqual([{ code: 'SA-118', meaning: '外箱唛头缺失', updatedAt: NOW }]);
    await send({ type: 'glossary/delete', code: 'SA-118' });
    expect((await send({ type: 'glossary/list' })).entries).toEqual([]);
  });

  it('plans one store\'s SKUs at risk for the options page', async () => {
    await send({ type: 'reading/save', reading: inventoryReading(at('2026-03-10'), [skuRow('OUT', { sellable: 0 }), skuRow('OK', { sellable: 900 })]) }, 'content');
    const { plan } = await send({ type: 'store/at-risk', storeId: '2088' });
    expect(plan.day).toBe('2026-03-10');
    expect(plan.skus.map((s) => [s.snapshot.sku, s.reasons.map((r) => r.reason)])).toEqual([['OUT', ['out']]]);
    expect((await send({ type: 'store/at-risk', storeId: 'nobody' })).plan.skus).toEqual([]);
  });

  it('sends the most urgent SKUs at risk up to a limit, and counts them all', async () => {
    const rows = [skuRow('LOW', { sellable: 5 }), skuRow('OUT', { sellable: 0 }), skuRow('OK', { sellable: 900 })];
    await send({ type: 'reading/save', reading: inventoryReading(at('2026-03-10'), rows) }, 'content');
    const limited = await send({ type: 'store/at-risk', storeId: '2088', limit: 1 });
    expect(limited.plan.skus.map((s) => s.snapshot.sku)).toEqual(['OUT']);
    expect(limited.atRisk).toBe(2);
    expect((await send({ type: 'store/at-risk', storeId: '2088' })).plan.skus).toHaveLength(2);
    await expect(send({ type: 'store/at-risk', storeId: '2088', limit: 0 })).rejects.toMatchObject({ failure: { key: 'history_error_badRequest' } });
  });

  it('exports, deletes and imports back the whole history and the settings', async () => {
    await send({ type: 'reading/save', reading: inventoryReading(at('2026-03-09'), [skuRow('A')]) }, 'content');
    await send({ type: 'glossary/put', code: 'SA-118', meaning: '外箱唛头缺失' });
    const file = await send({ type: 'backup/export' });
    expect(file.fileName).toBe('local-stock-copilot-backup-2026-03-10.json');
    await send({ type: 'data/delete-all' });
    expect((await send({ type: 'stores/list' })).stores).toEqual([]);
    settings = defaultSettings();

    const { imported } = await send({ type: 'backup/import', json: file.text });
    expect(imported).toMatchObject({ stores: 1, skuSnapshots: 1, glossary: 1 });
    expect(settings.leadTimeDays).toEqual({ ES: 30 });
    expect((await send({ type: 'sku/history', storeId: '2088', sku: 'A' })).history.days).toHaveLength(1);
  });

  it('refuses a bad backup file with its reason, changing nothing', async () => {
    await send({ type: 'glossary/put', code: 'SA-118', meaning: '外箱唛头缺失' });
    expect(await handle({ type: 'backup/import', json: 'not json' }, 'ui')).toMatchObject({ ok: false, error: { key: 'backup_error_notJson' } });
    expect((await send({ type: 'glossary/list' })).entries).toHaveLength(1);
  });

  it('keeps the settings when the history cannot be written', async () => {
    const file = await send({ type: 'backup/export' });
    const before = settings;
    const other = JSON.stringify({ ...JSON.parse(file.text), settings: { ...before, retentionDays: 90 } });
    db.close();
    expect(await handle({ type: 'backup/import', json: other }, 'ui')).toMatchObject({ ok: false, error: { key: 'history_error_failed' } });
    expect(settings).toBe(before);
  });

  it('exports SKU snapshots as CSV in the seller\'s language', async () => {
    await send({ type: 'reading/save', reading: inventoryReading(at('2026-03-10'), [skuRow('A', { product: '落地灯' })]) }, 'content');
    const csv = await send({ type: 'snapshots/csv', storeId: '2088' });
    expect(csv.fileName).toBe('local-stock-copilot-snapshots-2026-03-10.csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^\ufeff店铺ID,日期,SKU,商品/);
    expect(csv.text).toContain('落地灯');
  });

  it('snoozes one SKU\'s reminder', async () => {
    await send({ type: 'reminders/snooze', storeId: '2088', sku: 'A', reason: 'low', until: NOW + 1000 });
    expect(await db.get('reminderState', ['2088', 'A', 'low'])).toEqual({
      storeId: '2088', sku: 'A', reason: 'low', state: null, notifiedAt: null, snoozedUntil: NOW + 1000,
    });
    await send({ type: 'reminders/snooze', storeId: '2088', sku: 'A', reason: 'low', until: null });
    expect((await db.get('reminderState', ['2088', 'A', 'low']))?.snoozedUntil).toBeNull();
  });
});
