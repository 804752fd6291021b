import { describe, expect, it } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import { pruneSnapshots } from './prune';
import { RECENT_DAYS } from './recent-days';
import { listGlossary, putGlossary, readEventsOfSku, readRecent, readSkuHistory, readStoreSnapshots, readStoreWindow } from './read';
import { saveReading } from './save';

describe('pruneSnapshots', () => {
  it('deletes the daily snapshots older than the retention, and keeps the glossary and events', async () => {
    const db = await freshDb();
    const today = '2026-03-10';
    for (const ago of [0, 399, 400, 401, 800]) {
      const day = addDays(today, -ago);
      await saveReading(
        db,
        { ...inventoryReading(at(day), [skuRow('A')]), store: { orders30d: ago }, events: [{ code: 'ES-402', sku: 'A' }] },
        { timeZone: SHANGHAI },
      );
    }
    await putGlossary(db, 'ES-402', '标签不全', 1);

    expect(await pruneSnapshots(db, { retentionDays: 400, today })).toEqual({ skuSnapshots: 2, storeSnapshots: 2 });
    const kept = [today, addDays(today, -399), addDays(today, -400)].sort();
    expect((await readSkuHistory(db, '2088', 'A')).records.map((s) => s.day)).toEqual(kept);
    expect((await readStoreSnapshots(db, '2088')).records.map((s) => s.day)).toEqual(kept);
    expect((await listGlossary(db)).records).toHaveLength(1);
    expect((await readEventsOfSku(db, '2088', 'A')).records[0]?.count).toBe(5);
  });

  it('works through more snapshots than one batch holds', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const skus = Array.from({ length: 6_000 }, (_, i) => skuRow(`SKU-${i}`));
    await saveReading(db, inventoryReading(at('2025-01-01'), skus), { timeZone: SHANGHAI });
    await saveReading(db, inventoryReading(at('2026-03-10'), skus.slice(0, 3)), { timeZone: SHANGHAI });
    expect(await pruneSnapshots(db, { retentionDays: 30, today: '2026-03-10' })).toEqual({ skuSnapshots: 6_000, storeSnapshots: 0 });
    expect((await readStoreWindow(db, '2088', '2025-01-01', '2026-12-31')).records.map((s) => s.sku)).toEqual(['SKU-0', 'SKU-1', 'SKU-2']);
    expect(await db.count('skuWeeks')).toBe(3);
  });

  it('keeps planning\'s copy of the last days to what planning may look back to, and SKUs read since', async () => {
    const db = await freshDb();
    const today = '2026-03-10';
    const back = 2 * RECENT_DAYS;
    for (const ago of [0, back, back + 1]) await saveReading(db, inventoryReading(at(addDays(today, -ago)), [skuRow('A'), skuRow(`ONLY-${ago}`)]), { timeZone: SHANGHAI });
    await pruneSnapshots(db, { retentionDays: 400, today });
    const recent = (await readRecent(db, '2088')).records;
    expect(recent.map((r) => [r.sku, r.days.map((d) => d.day)])).toEqual([
      ['A', [today]],
      ['ONLY-0', [today]],
      [`ONLY-${back}`, [addDays(today, -back)]],
    ]);
    // The history itself keeps every day within the retention.
    expect((await readSkuHistory(db, '2088', 'A')).records).toHaveLength(3);
  });
});
