import { z } from 'zod/mini';

import { addDays, daysBetween, DAYS_PER_WEEK, isDay, type Day } from '../rules/day';
import type { SkuSnapshot } from './schema';
import { shardOf, SHARDS } from './shard';
import { packed, storedColumnsShape, storedSchemaOf } from './stored-columns';
import { columnsMisfit, compacted, copyCell, groupedBy, copyNames, holds, noColumns, resized, setCell, setNamesIfLatest, skuColumnsShape, snapshotAt, withSkusOf, type BuildOptions } from './sku-columns';

/**
 * How daily SKU snapshots are kept since database version 4: one record per store, shard of SKUs
 * and week (Monday to Sunday), its figures in columns with one cell per SKU and day of the week.
 *
 * Why: measured in Chromium on two cores, 10,000 puts of one snapshot each take ~1.5 s (the cost
 * is per request), and objects with named fields clone several times slower than numbers in typed
 * arrays; past that, the cost is per byte read and written. So a day of 10,000 SKUs is at most
 * SHARDS requests, each rewriting a week (a month per record would rewrite four times the bytes),
 * and one SKU's 400 days are 58 small records. Planning reads its own copy of the last days
 * (recent-days.ts).
 *
 * Version 5 let figure columns of whole numbers be Int32Array (sku-columns.ts) and reads version 4's
 * Float64Array ones; migration 4 writes what withSnapshots writes today, which version 5 reads.
 * Version 6 stores records packed (stored-columns.ts: storedWeekSchema reads them, packedWeek
 * writes them); skuWeekSchema is the form they are built and checked in, as versions 4 and 5 stored
 * them. A later version that changes the format keeps a copy of this file for its migrations.
 */

/** Cells per SKU in a week record, one a day: Monday in cell 0, Sunday in cell 6. */
export const WEEK_CELLS = DAYS_PER_WEEK;

/** Code-unit order, as IndexedDB orders string keys (and days and weeks sort by date). */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A week, named by its Monday ('YYYY-MM-DD'): names sort as the weeks do. */
export type Week = Day;
// 1970-01-05 was a Monday: days since then, modulo 7, are days since Monday.
const FIRST_MONDAY: Day = '1970-01-05';
const cellOf = (day: Day): number => (((daysBetween(FIRST_MONDAY, day) % WEEK_CELLS) + WEEK_CELLS) % WEEK_CELLS);
export const weekOf = (day: Day): Week => addDays(day, -cellOf(day));

/** Every week from the one of `from` to the one of `to`, in order. */
export function weeksBetween(from: Day, to: Day): Week[] {
  const weeks: Week[] = [];
  for (let week = weekOf(from); week <= to; week = addDays(week, WEEK_CELLS)) weeks.push(week);
  return weeks;
}

const storeId = z.string().check(z.minLength(1));

/** One store's SKUs of one shard in one week (sku-columns.ts: the columns, a cell per day of the week). */
const skuWeekShape = z.object({
  storeId,
  shard: z.number().check(z.int(), z.gte(0), z.lt(SHARDS)),
  week: z.string().check(z.refine((week) => isDay(week) && cellOf(week) === 0, { message: 'not a Monday' })),
  ...skuColumnsShape,
});
export type SkuWeek = z.infer<typeof skuWeekShape>;
const checkedBy = (why: (record: SkuWeek) => string | null) =>
  skuWeekShape.check((payload) => {
    const reason = why(payload.value);
    if (reason) payload.issues.push({ code: 'custom', message: reason, input: payload.value });
  });
export const skuWeekSchema = checkedBy(misfit);

/** A week record as the database keeps it since version 6 (stored-columns.ts). */
const storedWeekShape = z.object({ storeId: z.string(), shard: z.number(), week: z.string(), ...storedColumnsShape });
export type StoredWeek = z.infer<typeof storedWeekShape>;
/** Week records as read from the database: unpacked, then checked as skuWeekSchema checks them. */
export const storedWeekSchema = storedSchemaOf(storedWeekShape, skuWeekSchema);

/**
 * For migrations: week records as versions before 7 kept them, whose shards are of another count
 * (shard.ts): checked but for the SKUs' shard. Unpacked as versions 4 and 5 stored them, packed as 6.
 */
export const weekOfOldShardsSchema = checkedBy((record) => columnsMisfit(record, WEEK_CELLS));
export const storedWeekOfOldShardsSchema = storedSchemaOf(storedWeekShape, weekOfOldShardsSchema);
export const packedWeek = (record: SkuWeek): StoredWeek => packed<SkuWeek, never>(record, []);

/** Why a record's columns do not fit its SKUs, or null when they do (every cell a figure or NaN). */
export function misfit(record: SkuWeek): string | null {
  if (record.skus.some((sku) => shardOf(sku) !== record.shard)) return 'a SKU of another shard';
  return columnsMisfit(record, WEEK_CELLS);
}

const emptyWeek = (storeId: string, shard: number, week: Week): SkuWeek => ({ storeId, shard, week, ...noColumns() });

/**
 * A week record after more snapshots of its store, shard and week: a SKU's day takes the latest
 * reading of that day (one read earlier than the stored one counts as stale and is left out), and
 * its names the latest reading of the week. `before` is not changed, unless `inPlace` says it may be.
 * `changed` is false when the record holds what `before` held (every snapshot stale, or already
 * there): a save need not write it.
 */
export function withSnapshots(
  before: SkuWeek | undefined,
  key: { storeId: string; shard: number; week: Week },
  snapshots: readonly SkuSnapshot[],
  options: BuildOptions = {},
): { record: SkuWeek; saved: number; stale: number; changed: boolean } {
  const { record, position } = withSkusOf(before ?? emptyWeek(key.storeId, key.shard, key.week), snapshots, WEEK_CELLS, options);
  let saved = 0;
  let stale = 0;
  let changed = false;
  for (const snapshot of snapshots) {
    const at = position.get(snapshot.sku)!;
    const row = at * WEEK_CELLS;
    const cell = row + cellOf(snapshot.day);
    if (record.readAt[cell]! > snapshot.readAt) {
      stale += 1;
      continue;
    }
    const held = holds(record, cell, snapshot);
    const renamed = setNamesIfLatest(record, at, WEEK_CELLS, snapshot);
    changed ||= renamed || !held;
    setCell(record, cell, snapshot);
    saved += 1;
  }
  return { record: compacted(record), saved, stale, changed };
}

/** Snapshots of any stores and days into week records, one per store, shard and week. */
export function weekRecordsOf(snapshots: readonly SkuSnapshot[]): SkuWeek[] {
  return groupedBy(snapshots, (snapshot) => ({ storeId: snapshot.storeId, shard: shardOf(snapshot.sku), week: weekOf(snapshot.day) }), JSON.stringify).map(
    ({ key, items }) => withSnapshots(undefined, key, items).record,
  );
}

/** The record without the readings of days before `cutoff`, and how many there were; SKUs left with none are dropped. */
export function withoutDaysBefore(record: SkuWeek, cutoff: Day): { record: SkuWeek; removed: number } {
  const firstKept = record.week < weekOf(cutoff) ? WEEK_CELLS : record.week > weekOf(cutoff) ? 0 : cellOf(cutoff);
  let removed = 0;
  const kept: number[] = [];
  record.skus.forEach((_, position) => {
    const row = position * WEEK_CELLS;
    let left = 0;
    for (let cell = 0; cell < WEEK_CELLS; cell += 1) {
      if (Number.isNaN(record.readAt[row + cell]!)) continue;
      if (cell < firstKept) removed += 1;
      else left += 1;
    }
    if (left > 0) kept.push(position);
  });
  if (removed === 0) return { record, removed };
  const pruned = resized(emptyWeek(record.storeId, record.shard, record.week), kept.length, WEEK_CELLS);
  kept.forEach((from, to) => {
    copyNames(record, from, pruned, to);
    for (let cell = firstKept; cell < WEEK_CELLS; cell += 1) copyCell(record, from * WEEK_CELLS + cell, pruned, to * WEEK_CELLS + cell);
  });
  return { record: compacted(pruned), removed };
}

/** How many SKU-days a record holds readings for. */
export function readingsIn(record: SkuWeek): number {
  let count = 0;
  for (const readAt of record.readAt) if (!Number.isNaN(readAt)) count += 1;
  return count;
}

/** The seven days of a week record, worked out once per record rather than once per cell. */
const daysOf = (record: SkuWeek): Day[] => Array.from({ length: WEEK_CELLS }, (_, cell) => addDays(record.week, cell));

/** The snapshots a record holds, SKU by SKU in the record's order, each SKU's oldest day first; `sku` picks one. */
export function snapshotsIn(record: SkuWeek, sku?: string): SkuSnapshot[] {
  const snapshots: SkuSnapshot[] = [];
  const days = daysOf(record);
  record.skus.forEach((name, position) => {
    if (sku !== undefined && name !== sku) return;
    for (let cell = 0; cell < WEEK_CELLS; cell += 1) {
      const at = position * WEEK_CELLS + cell;
      if (!Number.isNaN(record.readAt[at]!)) snapshots.push(snapshotAt(record, record.storeId, days[cell]!, position, at));
    }
  });
  return snapshots;
}
