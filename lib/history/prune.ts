import { addDays, type Day } from '../rules/day';
import type { HistoryDb } from './db';
import { commit } from './transaction';

/** Keys deleted per transaction: a first prune of years of data must not hold one huge transaction. */
const BATCH = 5_000;

export interface PruneResult {
  skuSnapshots: number;
  storeSnapshots: number;
  /** Recent records of SKUs not seen since the retention began. */
  skuRecent: number;
}

/**
 * Deletes daily snapshots more than `retentionDays` before `today` (the setting, default 400), a
 * batch of keys at a time from the byDay index, and the recent record of a SKU last seen before then. The glossary and event sightings are the seller's
 * knowledge, not daily figures: they are never pruned.
 */
export async function pruneSnapshots(
  db: HistoryDb,
  { retentionDays, today }: { retentionDays: number; today: Day },
): Promise<PruneResult> {
  return pruneBefore(db, addDays(today, -retentionDays));
}

/** Deletes the daily snapshots of every day before `cutoff`, and the recent record of a SKU last seen before it. */
export async function pruneBefore(db: HistoryDb, cutoff: Day): Promise<PruneResult> {
  const before = IDBKeyRange.upperBound(cutoff, true);
  return {
    skuSnapshots: await deleteByDay(db, 'skuSnapshots', before),
    storeSnapshots: await deleteByDay(db, 'storeSnapshots', before),
    skuRecent: await deleteRecentBefore(db, cutoff),
  };
}

/** One record per SKU: a walk over them all is cheap, and saves an index every save would update. */
async function deleteRecentBefore(db: HistoryDb, cutoff: Day): Promise<number> {
  const tx = db.transaction('skuRecent', 'readwrite');
  const deletes: Promise<void>[] = [];
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.latest.day < cutoff) deletes.push(cursor.delete());
  }
  await commit(tx, deletes);
  return deletes.length;
}

async function deleteByDay(db: HistoryDb, storeName: 'skuSnapshots' | 'storeSnapshots', range: IDBKeyRange): Promise<number> {
  let deleted = 0;
  for (;;) {
    const tx = db.transaction(storeName, 'readwrite');
    const keys = await tx.store.index('byDay').getAllKeys(range, BATCH);
    await commit(tx, keys.map((key) => tx.store.delete(key)));
    deleted += keys.length;
    if (keys.length < BATCH) return deleted;
  }
}
