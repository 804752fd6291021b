import { describe, expect, it } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import type { HistoryDb } from './db';
import { readSkuHistory, readStoreSnapshots } from './read';
import { makeRoom, oldestDay, ROOM_DAYS, saveReadingMakingRoom } from './room';
import { saveReading } from './save';

// Storage full on a save is driven through the worker's handler in test/unit/data-safety.test.ts;
// here, which days go to make room.

const TODAY = '2026-03-10';

async function historyOn(days: readonly string[]): Promise<HistoryDb> {
  const db = await freshDb();
  for (const day of days) {
    await saveReading(db, { ...inventoryReading(at(day), [skuRow('A')]), store: { orders30d: 600 } }, { timeZone: SHANGHAI });
  }
  return db;
}

const keptDays = async (db: HistoryDb) => ({
  sku: (await readSkuHistory(db, '2088', 'A')).records.map((s) => s.day),
  store: (await readStoreSnapshots(db, '2088')).records.map((s) => s.day),
});

describe('making room', () => {
  it('deletes the oldest month of snapshots, and nothing newer', async () => {
    const oldest = addDays(TODAY, -400);
    const db = await historyOn([oldest, addDays(oldest, ROOM_DAYS - 1), addDays(oldest, ROOM_DAYS), TODAY]);
    expect(await oldestDay(db)).toBe(oldest);
    expect(await makeRoom(db, TODAY)).toEqual({ before: addDays(oldest, ROOM_DAYS), pruned: { skuSnapshots: 2, storeSnapshots: 2 } });
    const kept = [addDays(oldest, ROOM_DAYS), TODAY];
    expect(await keptDays(db)).toEqual({ sku: kept, store: kept });
  });

  it('never deletes the newest month', async () => {
    const db = await historyOn([addDays(TODAY, -45), addDays(TODAY, -ROOM_DAYS), TODAY]);
    expect((await makeRoom(db, TODAY))?.before).toBe(addDays(TODAY, -ROOM_DAYS));
    const kept = [addDays(TODAY, -ROOM_DAYS), TODAY];
    expect(await keptDays(db)).toEqual({ sku: kept, store: kept });
  });

  it('makes no room when nothing is older than the newest month, or there is no history', async () => {
    const db = await historyOn([addDays(TODAY, -ROOM_DAYS), TODAY]);
    expect(await makeRoom(db, TODAY)).toBeNull();
    expect((await keptDays(db)).sku).toHaveLength(2);
    expect(await makeRoom(await freshDb(), TODAY)).toBeNull();
    expect(await oldestDay(await freshDb())).toBeNull();
  });

  it('deletes nothing for a failure that is not storage full', async () => {
    const db = await historyOn([addDays(TODAY, -400)]);
    const bad = inventoryReading(at(TODAY), [skuRow('B', { sellable: -5 })]);
    await expect(saveReadingMakingRoom(db, bad, { timeZone: SHANGHAI, today: TODAY })).rejects.toMatchObject({ name: '$ZodError' });
    expect((await keptDays(db)).sku).toEqual([addDays(TODAY, -400)]);
  });

  it('with room to spare, is a plain save', async () => {
    const db = await historyOn([addDays(TODAY, -400)]);
    const saved = await saveReadingMakingRoom(db, inventoryReading(at(TODAY), [skuRow('A')]), { timeZone: SHANGHAI, today: TODAY });
    expect(saved).toEqual({ result: { saved: 1, skipped: 0, problems: [] }, room: null });
    expect((await keptDays(db)).sku).toEqual([addDays(TODAY, -400), TODAY]);
  });
});
