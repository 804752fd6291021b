import { addDays, type Day } from '../rules/day';
import type { HistoryDb } from './db';
import { storesWithWeeks } from './read';
import { packedRing, RECENT_DAYS, ringWithoutDaysBefore, storedRingSchema } from './recent-days';
import { packedWeek, readingsIn, storedWeekSchema, weekOf, withoutDaysBefore } from './sku-weeks';
import { commit } from './transaction';

/** Records deleted per transaction: a first prune of years of data must not hold one huge transaction. */
const BATCH = 5_000;
/** Week records per transaction: each holds a few hundred cells, so a few years of a large store take a few transactions. */
const WEEK_BATCH = 512;

export interface PruneResult {
  /** SKU-days whose snapshot was deleted. */
  skuSnapshots: number;
  storeSnapshots: number;
}

/**
 * Deletes daily snapshots more than `retentionDays` before `today` (the setting, default 400), and
 * the copies of days planning no longer looks at (recent-days.ts) from 2 x RECENT_DAYS. The glossary
 * and event sightings are the seller's knowledge, not daily figures: they are never pruned.
 */
export async function pruneSnapshots(
  db: HistoryDb,
  { retentionDays, today }: { retentionDays: number; today: Day },
): Promise<PruneResult> {
  const cutoff = addDays(today, -retentionDays);
  const pruned = await pruneDailyBefore(db, cutoff);
  // One walk of the copies, to the later day: they keep neither a day the history lost nor one planning no longer reads.
  await pruneRecentDays(db, [cutoff, addDays(today, -2 * RECENT_DAYS)].sort()[1]!);
  return pruned;
}

/** Deletes the daily snapshots of every day before `cutoff`, and planning's copies of them. */
export async function pruneBefore(db: HistoryDb, cutoff: Day): Promise<PruneResult> {
  const pruned = await pruneDailyBefore(db, cutoff);
  await pruneRecentDays(db, cutoff);
  return pruned;
}

async function pruneDailyBefore(db: HistoryDb, cutoff: Day): Promise<PruneResult> {
  let skuSnapshots = 0;
  for (const storeId of await storesWithWeeks(db)) skuSnapshots += await pruneStoreWeeks(db, storeId, cutoff);
  return { skuSnapshots, storeSnapshots: await deleteStoreDays(db, IDBKeyRange.upperBound(cutoff, true)) };
}

/**
 * Clears planning's copies of days before `cutoff`, and SKUs left with none. A record that no
 * longer reads is left for planning to report until a save replaces it.
 */
async function pruneRecentDays(db: HistoryDb, cutoff: Day): Promise<void> {
  const tx = db.transaction('recentDays', 'readwrite');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  const writes = values.flatMap((value, index) => {
    const parsed = storedRingSchema.safeParse(value);
    if (!parsed.success) return [];
    const { record, changed } = ringWithoutDaysBefore(parsed.data, cutoff);
    if (!changed) return [];
    return [record.skus.length > 0 ? tx.store.put(packedRing(record)) : tx.store.delete(keys[index]!)];
  });
  await commit(tx, writes);
}

/**
 * Whole weeks before the cutoff's week are deleted, a batch of records at a time; the cutoff's
 * own week loses only its days before the cutoff. A record that no longer reads is deleted with
 * its week all the same (uncounted): it is past keeping either way.
 */
async function pruneStoreWeeks(db: HistoryDb, storeId: string, cutoff: Day): Promise<number> {
  const week = weekOf(cutoff);
  let deleted = 0;
  const readings = (value: unknown) => {
    const parsed = storedWeekSchema.safeParse(value);
    return parsed.success ? readingsIn(parsed.data) : 0;
  };
  const older = IDBKeyRange.bound([storeId, ''], [storeId, week], false, true);
  for (;;) {
    const tx = db.transaction('skuWeeks', 'readwrite');
    const index = tx.store.index('byStoreWeek');
    const [keys, values] = await Promise.all([index.getAllKeys(older, WEEK_BATCH), index.getAll(older, WEEK_BATCH)]);
    for (const value of values) deleted += readings(value);
    await commit(tx, keys.map((key) => tx.store.delete(key)));
    if (keys.length < WEEK_BATCH) break;
  }
  const tx = db.transaction('skuWeeks', 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const value of await tx.store.index('byStoreWeek').getAll([storeId, week])) {
    const parsed = storedWeekSchema.safeParse(value);
    if (!parsed.success) continue;
    const { record, removed } = withoutDaysBefore(parsed.data, cutoff);
    if (removed === 0) continue;
    deleted += removed;
    writes.push(record.skus.length > 0 ? tx.store.put(packedWeek(record)) : tx.store.delete([record.storeId, record.shard, record.week]));
  }
  await commit(tx, writes);
  return deleted;
}

async function deleteStoreDays(db: HistoryDb, range: IDBKeyRange): Promise<number> {
  let deleted = 0;
  for (;;) {
    const tx = db.transaction('storeSnapshots', 'readwrite');
    const keys = await tx.store.index('byDay').getAllKeys(range, BATCH);
    await commit(tx, keys.map((key) => tx.store.delete(key)));
    deleted += keys.length;
    if (keys.length < BATCH) return deleted;
  }
}
