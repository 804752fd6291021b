import { z } from 'zod/mini';

import { addDays, DAYS_PER_WEEK, type Day } from '../rules/day';
import { dayIndex, MAX_GAP_DAYS } from './derived';
import type { RecentDay, SkuRecent, SkuSnapshot } from './schema';
import { groupOf, SHARD_GROUPS } from './shard';
import { columnsMisfit, compacted, copyCell, groupedBy, copyNames, figureAt, holds, noColumns, resized, setCell, setNamesIfLatest, skuColumnsShape, snapshotAt, withSkusOf, type BuildOptions } from './sku-columns';
import { compareKeys } from './sku-weeks';
import { packed, storedColumnsShape, storedIntColumn, storedSchemaOf } from './stored-columns';

/**
 * What reminder planning reads, since database version 5: each SKU's last RECENT_DAYS + 1 days of
 * readings in a ring of cells (a day's cell is its day number modulo the ring's size), a store's
 * group of shards to a record. The week records hold the same readings; this copy exists for speed.
 *
 * Why: planning needs ~15 days of 10,000 SKUs; from week records that was five weeks of 256 records
 * (~15 MB, ~1.9 s in Chromium on two cores). Measured there: records over 64 KB read faster per byte
 * (~4x then; 58 records of 128 KB read in the time of 58 of 64 KB in a later check; Blink wraps
 * large values in blobs kept apart from the database, the likely reason, not seen in a trace), so
 * 16 records of ~470 KB (~7 MB in all) read in about a tenth of that; packed since version 6
 * (stored-columns.ts), a quarter of those bytes, still over 64 KB. A day's save rewrites them too.
 */

/**
 * Days of history planning takes with each SKU's latest snapshot: a full E4 week plus the longest
 * gap allowed before it, which also gives the sales estimate and the turnover trend enough days.
 */
export const RECENT_DAYS = DAYS_PER_WEEK + MAX_GAP_DAYS;

/** Cells per SKU: the latest reading's day and the RECENT_DAYS before it, each in its own cell. */
export const RING_CELLS = RECENT_DAYS + 1;

const recentDaysShape = z.object({
  storeId: z.string().check(z.minLength(1)),
  group: z.number().check(z.int(), z.gte(0), z.lt(SHARD_GROUPS)),
  ...skuColumnsShape,
  /** Each cell's day, as days since 1970-01-01 (derived.ts: dayIndex); meaningful where readAt is not NaN. */
  day: z.instanceof(Int32Array),
});
export type RecentDays = z.infer<typeof recentDaysShape>;
export const recentDaysSchema = recentDaysShape.check((payload) => {
  const reason = ringMisfit(payload.value);
  if (reason) payload.issues.push({ code: 'custom', message: reason, input: payload.value });
});

/** A ring as the database keeps it since version 6 (stored-columns.ts): its days stored narrow too. */
const storedRingShape = z.object({ storeId: z.string(), group: z.number(), ...storedColumnsShape, day: storedIntColumn });
export type StoredRing = z.infer<typeof storedRingShape>;
/** Rings as read from the database: unpacked, then checked as recentDaysSchema checks them. */
export const storedRingSchema = storedSchemaOf(storedRingShape, recentDaysSchema, ['day']);
export const packedRing = (record: RecentDays): StoredRing => packed<RecentDays, 'day'>(record, ['day']);

/** Why a ring record does not hold together, or null when it does. */
export function ringMisfit(record: RecentDays): string | null {
  const columns = columnsMisfit(record, RING_CELLS);
  if (columns) return columns;
  if (record.skus.some((sku) => groupOf(sku) !== record.group)) return 'a SKU of another group';
  if (record.day.length !== record.readAt.length) return 'day does not match the SKUs';
  for (let cell = 0; cell < record.day.length; cell += 1) {
    if (!Number.isNaN(record.readAt[cell]!) && (record.day[cell]! < 0 || record.day[cell]! % RING_CELLS !== cell % RING_CELLS)) {
      return `day ${record.day[cell]} in the cell of another day`;
    }
  }
  return null;
}

function emptyRing(storeId: string, group: number): RecentDays {
  return { storeId, group, ...noColumns(), day: new Int32Array(0) };
}

/** Gives `record` a day column the length of its cells, filled from `days`. */
function withDayColumn(record: RecentDays, days: Int32Array): RecentDays {
  record.day = new Int32Array(record.readAt.length);
  record.day.set(days.subarray(0, record.day.length));
  return record;
}

/**
 * The ring after more snapshots of its store and group, in any order: a cell keeps the latest day
 * that falls in it, and of that day the latest reading; names are those of the SKU's latest
 * reading, as in week records. `before` is not changed, unless `inPlace` says it may be.
 * `changed` is false when the ring holds what `before` held (every snapshot out of the window,
 * stale, or already there), so that a save need not write it: as withSnapshots says of a week.
 */
export function withRecentSnapshots(
  before: RecentDays | undefined,
  key: { storeId: string; group: number },
  snapshots: readonly SkuSnapshot[],
  options: BuildOptions = {},
): { record: RecentDays; changed: boolean } {
  const start = before ?? emptyRing(key.storeId, key.group);
  const { record, position } = withSkusOf(start, snapshots, RING_CELLS, options);
  if (record !== start) withDayColumn(record, start.day);
  let changed = false;
  for (const snapshot of snapshots) {
    const at = position.get(snapshot.sku)!;
    const day = dayIndex(snapshot.day);
    const cell = at * RING_CELLS + (day % RING_CELLS);
    if (!Number.isNaN(record.readAt[cell]!)) {
      const held = record.day[cell]!;
      // An older day than the one the cell holds is out of the window; a same-day reading older than the kept one is stale.
      if (held > day || (held === day && record.readAt[cell]! > snapshot.readAt)) continue;
    }
    const held = record.day[cell] === day && holds(record, cell, snapshot);
    const renamed = setNamesIfLatest(record, at, RING_CELLS, snapshot);
    changed ||= renamed || !held;
    setCell(record, cell, snapshot);
    record.day[cell] = day;
  }
  return { record: compacted(record), changed };
}

/**
 * The ring records of a history that has none yet (migration 5, an import): each store's snapshots
 * from 2 x RECENT_DAYS before its last day, the most planning looks back. Built in SKU and day
 * order, so that the same snapshots always give the same records.
 */
export function ringRecordsOf(snapshots: readonly SkuSnapshot[]): RecentDays[] {
  const lastDay = new Map<string, Day>();
  for (const { storeId, day } of snapshots) if (!(day <= (lastDay.get(storeId) ?? ''))) lastDay.set(storeId, day);
  const from = new Map([...lastDay].map(([storeId, day]) => [storeId, addDays(day, -2 * RECENT_DAYS)]));
  const kept = snapshots
    .filter((snapshot) => snapshot.day >= from.get(snapshot.storeId)!)
    .sort((a, b) => compareKeys(a.storeId, b.storeId) || compareKeys(a.sku, b.sku) || compareKeys(a.day, b.day) || a.readAt - b.readAt);
  return groupedBy(kept, (snapshot) => ({ storeId: snapshot.storeId, group: groupOf(snapshot.sku) }), JSON.stringify).map(({ key, items }) =>
    withRecentSnapshots(undefined, key, items).record,
  );
}

/** The ring without the cells of days before `cutoff`, and whether any went; SKUs left with none are dropped. */
export function ringWithoutDaysBefore(record: RecentDays, cutoff: Day): { record: RecentDays; changed: boolean } {
  const first = dayIndex(cutoff);
  const kept: number[] = [];
  let changed = false;
  record.skus.forEach((_, position) => {
    let left = 0;
    for (let cell = position * RING_CELLS; cell < (position + 1) * RING_CELLS; cell += 1) {
      if (Number.isNaN(record.readAt[cell]!)) continue;
      if (record.day[cell]! < first) changed = true;
      else left += 1;
    }
    if (left > 0) kept.push(position);
  });
  if (!changed) return { record, changed };
  const pruned = withDayColumn(resized(emptyRing(record.storeId, record.group), kept.length, RING_CELLS), new Int32Array(0));
  kept.forEach((from, to) => {
    copyNames(record, from, pruned, to);
    for (let offset = 0; offset < RING_CELLS; offset += 1) {
      const source = from * RING_CELLS + offset;
      if (Number.isNaN(record.readAt[source]!) || record.day[source]! < first) continue;
      copyCell(record, source, pruned, to * RING_CELLS + offset);
      pruned.day[to * RING_CELLS + offset] = record.day[source]!;
    }
  });
  return { record: compacted(pruned), changed };
}

// Rings name a few dozen distinct days: turn each day number back into its name once.
const dayNames = new Map<number, Day>();
const EPOCH: Day = '1970-01-01';
function dayName(index: number): Day {
  let name = dayNames.get(index);
  if (name === undefined) dayNames.set(index, (name = addDays(EPOCH, index)));
  return name;
}

/**
 * Each SKU's latest snapshot and the days within RECENT_DAYS before it, oldest first, by store
 * and SKU: what reminder planning reads. Objects are built only for the cells kept.
 */
export function recentOf(records: readonly RecentDays[]): SkuRecent[] {
  const recent: SkuRecent[] = [];
  for (const record of records) {
    record.skus.forEach((sku, position) => {
      const row = position * RING_CELLS;
      let latest = -1;
      for (let cell = row; cell < row + RING_CELLS; cell += 1) {
        if (!Number.isNaN(record.readAt[cell]!) && (latest < 0 || record.day[cell]! > record.day[latest]!)) latest = cell;
      }
      if (latest < 0) return;
      const newest = record.day[latest]!;
      const days: RecentDay[] = [];
      // Each day of the window has its own cell: walk the days, oldest first, and take those read.
      for (let day = newest - RECENT_DAYS; day <= newest; day += 1) {
        const cell = row + (day % RING_CELLS);
        if (Number.isNaN(record.readAt[cell]!) || record.day[cell] !== day) continue;
        days.push({
          day: dayName(day),
          readAt: record.readAt[cell]!,
          sellable: figureAt(record.sellable, cell),
          inTransit: figureAt(record.inTransit, cell),
          dailySales: figureAt(record.dailySales, cell),
          turnoverDays: figureAt(record.turnoverDays, cell),
        });
      }
      recent.push({ storeId: record.storeId, sku, latest: snapshotAt(record, record.storeId, dayName(newest), position, latest), days });
    });
  }
  return recent.sort((a, b) => compareKeys(a.storeId, b.storeId) || compareKeys(a.sku, b.sku));
}
