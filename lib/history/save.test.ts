import { describe, expect, it, vi } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../../test/fixtures/db/build';
import type { PageReading } from '../records';
import { listStores, readEventsOfSku, readRecent, readSkuHistory, readStoreSnapshots, readStoreWindow } from './read';
import { mergeStoreDay, saveReading } from './save';
import { groupOf, SHARDS, shardOf } from './shard';

const zone = { timeZone: SHANGHAI };

describe('saveReading', () => {
  it('writes one snapshot per SKU for the seller-local day of the reading', async () => {
    const db = await freshDb();
    // 23:30 in Shanghai on 1 December: UTC says 15:30, Tokyo says 00:30 on 2 December.
    const lateEvening = Date.parse('2025-12-01T23:30:00+08:00');
    const result = await saveReading(db, inventoryReading(lateEvening, [skuRow('A'), skuRow('B', { sellable: 0 })]), zone);
    expect(result).toEqual({ saved: 2, skipped: 0, problems: [] });
    const day = await readStoreWindow(db, '2088', '2025-12-01', '2025-12-01');
    expect(day.records.map((s) => [s.sku, s.day, s.sellable])).toEqual([
      ['A', '2025-12-01', 100],
      ['B', '2025-12-01', 0],
    ]);
    const tokyo = await freshDb();
    await saveReading(tokyo, inventoryReading(lateEvening, [skuRow('A')]), { timeZone: 'Asia/Tokyo' });
    expect((await readSkuHistory(tokyo, '2088', 'A')).records[0]?.day).toBe('2025-12-02');
  });

  it('keeps the latest reading of the day, even when an older one arrives after it', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2025-12-01', 9), [skuRow('A', { sellable: 90 })]), zone);
    await saveReading(db, inventoryReading(at('2025-12-01', 15), [skuRow('A', { sellable: 70 })]), zone);
    const late = await saveReading(db, inventoryReading(at('2025-12-01', 12), [skuRow('A', { sellable: 80 })]), zone);
    expect(late.saved).toBe(0);
    expect(late.skipped).toBe(1);
    expect(late.problems).toEqual(['1 SKU rows were older than the reading already saved for 2025-12-01']);
    const history = await readSkuHistory(db, '2088', 'A');
    expect(history.records.map((s) => s.sellable)).toEqual([70]);
    await saveReading(db, inventoryReading(at('2025-12-02'), [skuRow('A', { sellable: 50 })]), zone);
    expect((await readSkuHistory(db, '2088', 'A')).records.map((s) => [s.day, s.sellable])).toEqual([
      ['2025-12-01', 70],
      ['2025-12-02', 50],
    ]);
  });

  it('keeps the first row of a SKU repeated in one reading and says so', async () => {
    const db = await freshDb();
    const result = await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A', { sellable: 5 }), skuRow('A', { sellable: 9 })]), zone);
    expect(result).toEqual({ saved: 1, skipped: 1, problems: ['SKU A appears more than once in this reading; the first row was kept'] });
    expect((await readSkuHistory(db, '2088', 'A')).records[0]?.sellable).toBe(5);
  });

  it('tracks when a store was first and last seen, whatever order readings arrive in', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2025-12-02'), []), zone);
    await saveReading(db, inventoryReading(at('2025-12-01'), []), zone);
    await saveReading(db, inventoryReading(at('2025-12-03'), [], '77'), zone);
    expect((await listStores(db)).records).toEqual([
      { storeId: '2088', firstSeen: at('2025-12-01'), lastSeen: at('2025-12-02') },
      { storeId: '77', firstSeen: at('2025-12-03'), lastSeen: at('2025-12-03') },
    ]);
  });

  it('merges the store figures of the day from several pages', async () => {
    const db = await freshDb();
    const storePage = (readAt: number, store: PageReading['store']): PageReading => ({
      ...inventoryReading(readAt, []),
      pageKind: 'store-performance',
      store,
    });
    await saveReading(db, storePage(at('2025-12-01', 9), { dsrDescription: 4.8, orders30d: 600 }), zone);
    await saveReading(db, { ...storePage(at('2025-12-01', 11), { fulfilmentP95Days: 6, orders30d: null }), pageKind: 'logistics-performance' }, zone);
    await saveReading(db, storePage(at('2025-12-01', 14), { orders30d: 610 }), zone);
    const [day] = (await readStoreSnapshots(db, '2088')).records;
    expect(day).toMatchObject({ day: '2025-12-01', dsrDescription: 4.8, orders30d: 610, fulfilmentP95Days: 6, dsrService: null, readAt: at('2025-12-01', 14) });
  });

  it('counts each event code per SKU once per reading', async () => {
    const db = await freshDb();
    const events = (readAt: number): PageReading => ({
      ...inventoryReading(readAt, []),
      pageKind: 'event-log',
      events: [
        { code: 'ES-402', sku: 'A' },
        { code: 'ES-402', sku: 'A' },
        { code: 'MX-711', sku: null },
      ],
    });
    await saveReading(db, events(at('2025-12-01')), zone);
    await saveReading(db, events(at('2025-12-03')), zone);
    expect((await readEventsOfSku(db, '2088', 'A')).records).toEqual([
      { storeId: '2088', code: 'ES-402', sku: 'A', firstSeen: at('2025-12-01'), lastSeen: at('2025-12-03'), count: 2 },
    ]);
    expect((await readEventsOfSku(db, '2088', '')).records.map((e) => e.code)).toEqual(['MX-711']);
  });

  it('writes nothing of a reading when one of its records cannot be stored', async () => {
    const db = await freshDb();
    const bad = inventoryReading(at('2025-12-01'), [skuRow('A'), skuRow('B', { sellable: -1 })]);
    await expect(saveReading(db, bad, zone)).rejects.toThrow();
    expect((await readStoreWindow(db, '2088', '2025-12-01', '2025-12-01')).records).toEqual([]);
    expect((await listStores(db)).records).toEqual([]);
  });

  it('stores the same records whether the rows were checked on arrival or are checked here', async () => {
    const stored = async (rowsChecked: boolean) => {
      const db = await freshDb();
      await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A'), skuRow('B', { sellable: 2 ** 40, dailySales: 0.3 })]), { ...zone, rowsChecked });
      await saveReading(db, inventoryReading(at('2025-12-01', 15), [skuRow('A', { sellable: 0, market: null })]), { ...zone, rowsChecked });
      return Promise.all([db.getAll('skuWeeks'), db.getAll('recentDays'), db.getAll('stores')]);
    };
    expect(await stored(true)).toEqual(await stored(false));
  });

  it('checks the store, day and time of a reading once for all its rows, and stores nothing of one that fails', async () => {
    const db = await freshDb();
    for (const rowsChecked of [false, true]) {
      await expect(saveReading(db, inventoryReading(-1, [skuRow('A')]), { ...zone, rowsChecked })).rejects.toMatchObject({ name: '$ZodError' });
      await expect(saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A')], ''), { ...zone, rowsChecked })).rejects.toMatchObject({ name: '$ZodError' });
      // 1970-01-01 00:00 UTC is 31 December 1969 in New York: before the first day planning's copy numbers.
      await expect(saveReading(db, inventoryReading(0, [skuRow('A')]), { timeZone: 'America/New_York', rowsChecked })).rejects.toThrow(RangeError);
    }
    expect(await Promise.all([db.count('stores'), db.count('skuWeeks'), db.count('recentDays')])).toEqual([0, 0, 0]);
    expect((await saveReading(db, inventoryReading(0, [skuRow('A')]), { timeZone: 'Asia/Tokyo', rowsChecked: true })).saved).toBe(1);
  });

  it('puts only the records a reading changes: none for one that arrives twice or late, all for a later one of the same figures', async () => {
    const db = await freshDb();
    const rows = [skuRow('A'), skuRow('B'), skuRow('数据线-01')];
    const noon = inventoryReading(at('2025-12-01', 12), rows);
    await saveReading(db, noon, zone);
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      expect(await saveReading(db, noon, zone)).toEqual({ saved: 3, skipped: 0, problems: [] });
      expect(puts).not.toHaveBeenCalled();
      // Read at nine, arriving after noon's: no SKU record changes, the store was first seen earlier.
      const late = await saveReading(db, inventoryReading(at('2025-12-01', 9), rows.map((row) => ({ ...row, sellable: 1 }))), zone);
      expect(late).toMatchObject({ saved: 0, skipped: 3 });
      expect(puts.mock.contexts.map((store) => (store as IDBObjectStore).name)).toEqual(['stores']);
      puts.mockClear();
      // Read again at three: the same figures, but the day's reading is now the one of three o'clock.
      await saveReading(db, inventoryReading(at('2025-12-01', 15), rows), zone);
      const count = (keys: number[]) => new Set(keys).size;
      expect(puts.mock.contexts.map((store) => (store as IDBObjectStore).name).sort()).toEqual([
        ...Array<string>(count(rows.map((row) => groupOf(row.sku)))).fill('recentDays'),
        ...Array<string>(count(rows.map((row) => shardOf(row.sku)))).fill('skuWeeks'),
        'stores',
      ]);
    } finally {
      puts.mockRestore();
    }
    expect((await readSkuHistory(db, '2088', 'A')).records.map((s) => [s.sellable, s.readAt])).toEqual([[100, at('2025-12-01', 15)]]);
    expect((await readRecent(db, '2088')).records.map((r) => r.latest.readAt)).toEqual(rows.map(() => at('2025-12-01', 15)));
    expect((await listStores(db)).records[0]?.lastSeen).toBe(at('2025-12-01', 15));
  });

  it('writes a day of 10,000 SKUs in one transaction', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const transactions = vi.spyOn(db, 'transaction');
    const skus = Array.from({ length: 10_000 }, (_, i) => skuRow(`SKU-${i}`, { sellable: i }));
    const result = await saveReading(db, inventoryReading(at('2025-12-01'), skus), zone);
    expect(result.saved).toBe(10_000);
    expect(transactions).toHaveBeenCalledTimes(1);
    // A record per shard of SKUs for the week, not one per SKU.
    expect(await db.count('skuWeeks')).toBe(SHARDS);
    const day = async () => (await readStoreWindow(db, '2088', '2025-12-01', '2025-12-01')).records;
    expect((await day()).map((s) => s.sellable).sort((a, b) => a! - b!)).toEqual(skus.map((_, i) => i));
    // A second, later reading of the same day replaces the first, still one snapshot a SKU.
    const again = await saveReading(db, inventoryReading(at('2025-12-01', 18), skus.map((row) => ({ ...row, sellable: 1 }))), zone);
    expect(again.saved).toBe(10_000);
    expect(await db.count('skuWeeks')).toBe(SHARDS);
    expect((await day()).filter((s) => s.sellable === 1)).toHaveLength(10_000);
  });

  it('replaces a stored week that no longer reads, and says so', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A')]), zone);
    const [stored] = await db.getAll('skuWeeks');
    await db.put('skuWeeks', { ...stored!, sellable: stored!.sellable.map(() => -2) });
    const result = await saveReading(db, inventoryReading(at('2025-12-02'), [skuRow('A', { sellable: 7 })]), zone);
    expect(result.saved).toBe(1);
    expect(result.problems).toEqual([`skuWeeks ["2088",${stored!.shard},"2025-12-01"] could not be read and was replaced: (record): sellable holds -2`]);
    expect((await readSkuHistory(db, '2088', 'A')).records.map((s) => [s.day, s.sellable])).toEqual([['2025-12-02', 7]]);
  });

  it('replaces planning\'s copy of a group that no longer reads, and says so', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A')]), zone);
    const [stored] = await db.getAll('recentDays');
    await db.put('recentDays', { ...stored!, day: new Int32Array(1) });
    expect((await readRecent(db, '2088')).problems).toEqual([`recentDays ["2088",${stored!.group}]: (record): day does not match the SKUs`]);
    const result = await saveReading(db, inventoryReading(at('2025-12-02'), [skuRow('A', { sellable: 7 })]), zone);
    expect(result.problems).toEqual([`recentDays ["2088",${stored!.group}] could not be read and was replaced: (record): day does not match the SKUs`]);
    expect((await readRecent(db, '2088')).records.map((r) => r.days.map((d) => [d.day, d.sellable]))).toEqual([[['2025-12-02', 7]]]);
  });

  it('gives each SKU\'s latest snapshot and its days to planning', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2025-12-02'), [skuRow('A', { sellable: 80 })]), zone);
    await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A', { sellable: 90 })]), zone);
    await saveReading(db, inventoryReading(at('2025-12-02', 8), [skuRow('A', { sellable: 85 })]), zone);
    const [recent] = (await readRecent(db, '2088')).records;
    expect(recent?.latest).toMatchObject({ day: '2025-12-02', sellable: 80 });
    expect(recent?.days.map((d) => [d.day, d.sellable])).toEqual([
      ['2025-12-01', 90],
      ['2025-12-02', 80],
    ]);
  });
});

describe('mergeStoreDay', () => {
  const at9 = { storeId: '2088', day: '2025-12-01', readAt: 9 };
  it('writes nothing for a reading that shows no store figure', () => {
    expect(mergeStoreDay(undefined, { orders30d: null }, at9)).toBeNull();
  });
  it('lets a late, older reading fill only what is still missing', () => {
    const newer = mergeStoreDay(undefined, { orders30d: 610 }, { ...at9, readAt: 20 });
    const merged = mergeStoreDay(newer!, { orders30d: 600, dsrService: 4.9 }, at9);
    expect(merged).toMatchObject({ orders30d: 610, dsrService: 4.9, readAt: 20 });
  });
});
