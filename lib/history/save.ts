import type { z } from 'zod/mini';

import { emptyStoreFigures, type PageReading, type SkuFigures, type StoreFigures } from '../records';

import type { HistoryDb } from './db';
import { browserTimeZone, localDay } from './clock';
import { dayIndex } from './derived';
import { dailySchema, eventSightingRecordSchema, skuSnapshotSchema, storeRecordSchema, storeSnapshotSchema, type SkuSnapshot, type StoreSnapshot } from './schema';
import { packedRing, storedRingSchema, withRecentSnapshots } from './recent-days';
import { groupOf, shardOf } from './shard';
import { groupedBy } from './sku-columns';
import { packedWeek, storedWeekSchema, weekOf, withSnapshots } from './sku-weeks';
import { abandon } from './transaction';
import { describeIssues, MAX_PROBLEMS } from './validate';

export interface SaveResult {
  /** SKU snapshots written. */
  saved: number;
  /** SKU rows not written: a later reading of the same day is already stored, or the row repeats a SKU. */
  skipped: number;
  problems: string[];
}

export interface SaveOptions {
  timeZone?: string;
  /**
   * The reading's SKU rows were validated already (the worker: lib/messages.ts parseRequest checks
   * each with skuFiguresSchema on arrival), so they are not parsed again one by one. Either way the
   * fields a snapshot adds to a row (store, day, time) are checked, once for the reading.
   */
  rowsChecked?: boolean;
}

/**
 * Writes one page reading in ONE transaction: the store's first/last seen, one snapshot per SKU for
 * the reading's day (into its shard's week record and its group's recent days), the store's figures
 * merged into its day, and the event codes seen. Gets are issued together and puts are not awaited
 * one by one, so 10,000 rows cost one round of at most SHARDS + SHARD_GROUPS gets and puts.
 *
 * Week and ring records are not parsed again before they are put: they are built (withSnapshots,
 * withRecentSnapshots) from records that passed their schema when read and from valid snapshots,
 * and such a build always passes (sku-weeks.test.ts, recent-days.test.ts: property tests). Parsing
 * each again cost ~5 ms of the worker per 1,000 SKUs, and each SKU's snapshot ~5 ms more.
 */
export async function saveReading(db: HistoryDb, reading: PageReading, { timeZone = browserTimeZone(), rowsChecked = false }: SaveOptions = {}): Promise<SaveResult> {
  const { storeId, readAt, day } = readingDay(reading, timeZone);
  const result: SaveResult = { saved: 0, skipped: 0, problems: [] };
  const problem = (text: string) => {
    if (result.problems.length < MAX_PROBLEMS) result.problems.push(text);
  };

  const rows = new Map<string, SkuFigures>();
  for (const row of reading.skus) {
    if (rows.has(row.sku)) {
      result.skipped += 1;
      problem(`SKU ${row.sku} appears more than once in this reading; the first row was kept`);
    } else {
      rows.set(row.sku, row);
    }
  }

  const tx = db.transaction(['stores', 'skuWeeks', 'recentDays', 'storeSnapshots', 'eventSightings'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    const weekStore = tx.objectStore('skuWeeks');
    const recentStore = tx.objectStore('recentDays');
    const eventStore = tx.objectStore('eventSightings');
    const week = weekOf(day);
    const snapshots = [...rows.values()].map((row) => (rowsChecked ? snapshotOf(row, storeId, day, readAt) : skuSnapshotSchema.parse({ ...row, storeId, day, readAt })));
    const shards = groupedBy(snapshots, (snapshot) => shardOf(snapshot.sku));
    const groups = groupedBy(snapshots, (snapshot) => groupOf(snapshot.sku));
    const sightings = distinctSightings(reading.events);
    const [store, storeDay, weeksBefore, ringsBefore, seenBefore] = await Promise.all([
      tx.objectStore('stores').get(storeId),
      tx.objectStore('storeSnapshots').get([storeId, day]),
      Promise.all(shards.map(({ key: shard }) => weekStore.get([storeId, shard, week]))),
      Promise.all(groups.map(({ key: group }) => recentStore.get([storeId, group]))),
      Promise.all(sightings.map(({ code, sku }) => eventStore.get([storeId, code, sku]))),
    ]);

    // A record is put only when it changes: not for a reading older than the one kept (two tabs),
    // nor for one that arrives twice. A later reading of the same figures moves readAt: it is put.
    const seen = storeRecordSchema.parse({
      storeId,
      firstSeen: Math.min(store?.firstSeen ?? readAt, readAt),
      lastSeen: Math.max(store?.lastSeen ?? readAt, readAt),
    });
    const seenKept = storeRecordSchema.safeParse(store).success && store!.firstSeen === seen.firstSeen && store!.lastSeen === seen.lastSeen;
    if (!seenKept) writes.push(tx.objectStore('stores').put(seen));

    let stale = 0;
    shards.forEach(({ key: shard, items }, index) => {
      const before = storedRecord(weeksBefore[index], storedWeekSchema, `skuWeeks ${JSON.stringify([storeId, shard, week])}`, problem);
      // Read just now, ours alone: built on in place.
      const written = withSnapshots(before, { storeId, shard, week }, items, { inPlace: true });
      if (written.changed) writes.push(weekStore.put(packedWeek(written.record)));
      result.saved += written.saved;
      stale += written.stale;
    });
    groups.forEach(({ key: group, items }, index) => {
      const before = storedRecord(ringsBefore[index], storedRingSchema, `recentDays ${JSON.stringify([storeId, group])}`, problem);
      const ring = withRecentSnapshots(before, { storeId, group }, items, { inPlace: true });
      if (ring.changed) writes.push(recentStore.put(packedRing(ring.record)));
    });
    if (stale > 0) {
      result.skipped += stale;
      problem(`${stale} SKU rows were older than the reading already saved for ${day}`);
    }

    if (reading.store) {
      const merged = mergeStoreDay(storeDay, reading.store, { storeId, day, readAt });
      if (merged) writes.push(tx.objectStore('storeSnapshots').put(storeSnapshotSchema.parse(merged)));
    }

    sightings.forEach(({ code, sku }, index) => {
      const before = seenBefore[index];
      writes.push(
        eventStore.put(
          eventSightingRecordSchema.parse({
            storeId,
            code,
            sku,
            firstSeen: Math.min(before?.firstSeen ?? readAt, readAt),
            lastSeen: Math.max(before?.lastSeen ?? readAt, readAt),
            count: (before?.count ?? 0) + 1,
          }),
        ),
      );
    });
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    throw await abandon(tx, writes, error);
  }
  return result;
}

/**
 * The store, day and time every snapshot of a reading shares, checked once: as the snapshot schema
 * checks them, and the day no earlier than 1970-01-01, the first day planning's copy can number
 * (recent-days.ts: a cell's day is days since then). A reading that fails is not stored at all.
 */
function readingDay(reading: PageReading, timeZone: string): { storeId: string; day: string; readAt: number } {
  const key = dailySchema.parse({ storeId: reading.storeId, day: localDay(reading.readAt, timeZone), readAt: reading.readAt });
  if (dayIndex(key.day) < 0) throw new RangeError(`A reading of ${key.day} is older than history can keep (1970-01-01 on)`);
  return key;
}

/**
 * A row's snapshot, written out field by field: V8 makes `{ ...row, storeId, day, readAt }` some
 * 100 times slower (2.6 ms for 1,000 rows against 0.02 ms in Node 20), and the objects it makes
 * slow down every later read of their fields (building the records: 3.7 ms against 1.8 ms).
 */
const snapshotOf = (row: SkuFigures, storeId: string, day: string, readAt: number): SkuSnapshot => ({
  storeId,
  sku: row.sku,
  day,
  readAt,
  product: row.product,
  warehouse: row.warehouse,
  market: row.market,
  sellable: row.sellable,
  inTransit: row.inTransit,
  dailySales: row.dailySales,
  dailySalesFrom: row.dailySalesFrom,
  turnoverDays: row.turnoverDays,
});

/** A stored record to build on, or undefined: one that no longer reads is replaced (and said so), not kept failing every save. */
function storedRecord<T>(stored: unknown, schema: z.ZodMiniType<T>, name: string, problem: (text: string) => void): T | undefined {
  if (stored === undefined) return undefined;
  const parsed = schema.safeParse(stored);
  if (parsed.success) return parsed.data;
  problem(`${name} could not be read and was replaced: ${describeIssues(parsed.error)}`);
  return undefined;
}

/** One count per reading, however many rows repeat the same code for the same SKU. */
function distinctSightings(sightings: PageReading['events']): { code: string; sku: string }[] {
  const distinct = new Map<string, { code: string; sku: string }>();
  for (const { code, sku } of sightings) distinct.set(`${code}\u0000${sku ?? ''}`, { code, sku: sku ?? '' });
  return [...distinct.values()];
}

/**
 * A store's day collects figures from several pages (store performance, logistics performance).
 * A reading overwrites only the figures it shows (null = not shown, so it never erases one); when
 * an older reading arrives late it only fills the figures still missing.
 */
export function mergeStoreDay(
  before: StoreSnapshot | undefined,
  figures: Partial<StoreFigures>,
  at: { storeId: string; day: string; readAt: number },
): StoreSnapshot | null {
  const shown = Object.entries(figures).filter(([, value]) => value != null);
  if (shown.length === 0) return null;
  const merged: StoreSnapshot = before ?? { ...emptyStoreFigures(), ...at };
  const newer = !before || at.readAt >= before.readAt;
  const next: Record<string, unknown> = { ...merged, readAt: Math.max(merged.readAt, at.readAt) };
  for (const [field, value] of shown) {
    if (newer || next[field] == null) next[field] = value;
  }
  return next as StoreSnapshot;
}
