import { z } from 'zod/mini';

import { marketSchema } from '../records';
import { addDays, daysBetween, DAYS_PER_WEEK, isDay, type Day } from '../rules/day';
import { MAX_GAP_DAYS } from './derived';
import type { RecentDay, SkuRecent, SkuSnapshot } from './schema';
import { shardOf, SHARDS } from './shard';

/**
 * How daily SKU snapshots are kept since database version 4: one record per store, shard of SKUs
 * and week (Monday to Sunday), its figures in columns with one cell per SKU and day of the week.
 *
 * Why: measured in Chromium on two cores, 10,000 puts of one snapshot each take ~1.5 s (the cost
 * is per request), and objects with named fields clone several times slower than numbers in typed
 * arrays; past that, the cost is per byte read and written. So a day of 10,000 SKUs is at most
 * SHARDS requests, each rewriting a week (a month per record would rewrite four times the bytes),
 * one SKU's 400 days are 58 small records, and planning reads five weeks of SHARDS records.
 *
 * A record is version 4's storage format: a later version that changes it keeps a copy of this
 * file for migration 4.
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

/**
 * Days of history planning takes with each SKU's latest snapshot: a full E4 week plus the longest
 * gap allowed before it, which also gives the sales estimate and the turnover trend enough days.
 */
export const RECENT_DAYS = DAYS_PER_WEEK + MAX_GAP_DAYS;

/** The figures kept per day, each a Float64Array column; NaN = not shown (null), or no reading that day (readAt). */
const NUMBER_COLUMNS = ['readAt', 'sellable', 'inTransit', 'dailySales', 'turnoverDays'] as const;
/** dailySalesFrom as a code: its index here (0 = not shown). */
const SALES_FROM = [null, 'daily', 'sales30d', 'history'] as const satisfies readonly SkuSnapshot['dailySalesFrom'][];

const storeId = z.string().check(z.minLength(1));
const column = z.instanceof(Float64Array);

/**
 * One store's SKUs of one shard in one week. product, warehouse and market name the SKU rather
 * than measure it: they are kept once per SKU and week, as last read.
 */
const skuWeekShape = z.object({
  storeId,
  shard: z.number().check(z.int(), z.gte(0), z.lt(SHARDS)),
  week: z.string().check(z.refine((week) => isDay(week) && cellOf(week) === 0, { message: 'not a Monday' })),
  skus: z.array(z.string().check(z.minLength(1))),
  product: z.array(z.nullable(z.string())),
  warehouse: z.array(z.nullable(z.string())),
  market: z.array(z.nullable(marketSchema)),
  readAt: column,
  sellable: column,
  inTransit: column,
  dailySales: column,
  turnoverDays: column,
  dailySalesFrom: z.instanceof(Uint8Array),
});
export type SkuWeek = z.infer<typeof skuWeekShape>;
export const skuWeekSchema = skuWeekShape.check((payload) => {
  const reason = misfit(payload.value);
  if (reason) payload.issues.push({ code: 'custom', message: reason, input: payload.value });
});

/** Why a record's columns do not fit its SKUs, or null when they do (every cell a figure or NaN). */
export function misfit(record: SkuWeek): string | null {
  const count = record.skus.length;
  if (new Set(record.skus).size !== count) return 'a SKU listed twice';
  if (record.skus.some((sku) => shardOf(sku) !== record.shard)) return 'a SKU of another shard';
  if ([record.product, record.warehouse, record.market].some((names) => names.length !== count)) return 'names do not match the SKUs';
  const cells = count * WEEK_CELLS;
  for (const name of NUMBER_COLUMNS) {
    const values = record[name];
    if (values.length !== cells) return `${name} has ${values.length} cells for ${cells}`;
    // NaN >= 0 is false: the test is written so that NaN passes and every other non-figure fails.
    for (let cell = 0; cell < cells; cell += 1) if (values[cell]! < 0 || values[cell] === Infinity) return `${name} holds ${values[cell]}`;
  }
  if (record.dailySalesFrom.length !== cells) return 'dailySalesFrom does not match the SKUs';
  if (record.dailySalesFrom.some((code) => code >= SALES_FROM.length)) return 'dailySalesFrom holds an unknown code';
  return null;
}

const figure = (value: number): number | null => (Number.isNaN(value) ? null : value);
const cellValue = (value: number | null): number => value ?? NaN;

function emptyWeek(storeId: string, shard: number, week: Week): SkuWeek {
  return {
    storeId,
    shard,
    week,
    skus: [],
    product: [],
    warehouse: [],
    market: [],
    readAt: new Float64Array(0),
    sellable: new Float64Array(0),
    inTransit: new Float64Array(0),
    dailySales: new Float64Array(0),
    turnoverDays: new Float64Array(0),
    dailySalesFrom: new Uint8Array(0),
  };
}

/** A copy with room for `count` SKUs: new cells are NaN (no reading). */
function resized(record: SkuWeek, count: number): SkuWeek {
  const grown = { ...record, skus: [...record.skus], product: [...record.product], warehouse: [...record.warehouse], market: [...record.market] };
  for (const name of NUMBER_COLUMNS) {
    const values = new Float64Array(count * WEEK_CELLS).fill(NaN);
    values.set(record[name]);
    grown[name] = values;
  }
  const codes = new Uint8Array(count * WEEK_CELLS);
  codes.set(record.dailySalesFrom);
  grown.dailySalesFrom = codes;
  return grown;
}

/**
 * A week record after more snapshots of its store, shard and week: a SKU's day takes the latest
 * reading of that day (one read earlier than the stored one counts as stale and is left out), and
 * its names the latest reading of the week. `before` is not changed.
 */
export function withSnapshots(
  before: SkuWeek | undefined,
  key: { storeId: string; shard: number; week: Week },
  snapshots: readonly SkuSnapshot[],
): { record: SkuWeek; saved: number; stale: number } {
  const start = before ?? emptyWeek(key.storeId, key.shard, key.week);
  const index = new Map(start.skus.map((sku, position) => [sku, position]));
  const added = [...new Set(snapshots.map((snapshot) => snapshot.sku))].filter((sku) => !index.has(sku));
  const record = resized(start, start.skus.length + added.length);
  for (const sku of added) {
    index.set(sku, record.skus.length);
    record.skus.push(sku);
    record.product.push(null);
    record.warehouse.push(null);
    record.market.push(null);
  }
  let saved = 0;
  let stale = 0;
  for (const snapshot of snapshots) {
    const row = index.get(snapshot.sku)! * WEEK_CELLS;
    const cell = row + cellOf(snapshot.day);
    if (record.readAt[cell]! > snapshot.readAt) {
      stale += 1;
      continue;
    }
    let latest = -Infinity;
    for (let day = row; day < row + WEEK_CELLS; day += 1) if (record.readAt[day]! > latest) latest = record.readAt[day]!;
    if (!(snapshot.readAt < latest)) {
      const position = row / WEEK_CELLS;
      record.product[position] = snapshot.product;
      record.warehouse[position] = snapshot.warehouse;
      record.market[position] = snapshot.market;
    }
    for (const name of NUMBER_COLUMNS) record[name][cell] = cellValue(snapshot[name]);
    record.dailySalesFrom[cell] = SALES_FROM.indexOf(snapshot.dailySalesFrom);
    saved += 1;
  }
  return { record, saved, stale };
}

/** Snapshots of any stores and days into week records, one per store, shard and week. */
export function weekRecordsOf(snapshots: readonly SkuSnapshot[]): SkuWeek[] {
  const groups = new Map<string, { key: { storeId: string; shard: number; week: Week }; snapshots: SkuSnapshot[] }>();
  for (const snapshot of snapshots) {
    const key = { storeId: snapshot.storeId, shard: shardOf(snapshot.sku), week: weekOf(snapshot.day) };
    const id = JSON.stringify(key);
    const group = groups.get(id);
    if (group) group.snapshots.push(snapshot);
    else groups.set(id, { key, snapshots: [snapshot] });
  }
  return [...groups.values()].map(({ key, snapshots: group }) => withSnapshots(undefined, key, group).record);
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
  const pruned = resized(emptyWeek(record.storeId, record.shard, record.week), kept.length);
  kept.forEach((from, to) => {
    pruned.skus.push(record.skus[from]!);
    pruned.product.push(record.product[from]!);
    pruned.warehouse.push(record.warehouse[from]!);
    pruned.market.push(record.market[from]!);
    for (let cell = firstKept; cell < WEEK_CELLS; cell += 1) {
      const source = from * WEEK_CELLS + cell;
      const target = to * WEEK_CELLS + cell;
      for (const name of NUMBER_COLUMNS) pruned[name][target] = record[name][source]!;
      pruned.dailySalesFrom[target] = record.dailySalesFrom[source]!;
    }
  });
  return { record: pruned, removed };
}

/** How many SKU-days a record holds readings for. */
export function readingsIn(record: SkuWeek): number {
  let count = 0;
  for (const readAt of record.readAt) if (!Number.isNaN(readAt)) count += 1;
  return count;
}

/** The seven days of a week record, worked out once per record rather than once per cell. */
const daysOf = (record: SkuWeek): Day[] => Array.from({ length: WEEK_CELLS }, (_, cell) => addDays(record.week, cell));

function snapshotAt(record: SkuWeek, days: readonly Day[], position: number, cell: number): SkuSnapshot {
  const at = position * WEEK_CELLS + cell;
  return {
    storeId: record.storeId,
    sku: record.skus[position]!,
    day: days[cell]!,
    readAt: record.readAt[at]!,
    product: record.product[position]!,
    warehouse: record.warehouse[position]!,
    market: record.market[position]!,
    sellable: figure(record.sellable[at]!),
    inTransit: figure(record.inTransit[at]!),
    dailySales: figure(record.dailySales[at]!),
    dailySalesFrom: SALES_FROM[record.dailySalesFrom[at]!]!,
    turnoverDays: figure(record.turnoverDays[at]!),
  };
}

/** The snapshots a record holds, SKU by SKU in the record's order, each SKU's oldest day first; `sku` picks one. */
export function snapshotsIn(record: SkuWeek, sku?: string): SkuSnapshot[] {
  const snapshots: SkuSnapshot[] = [];
  const days = daysOf(record);
  record.skus.forEach((name, position) => {
    if (sku !== undefined && name !== sku) return;
    for (let cell = 0; cell < WEEK_CELLS; cell += 1) {
      if (!Number.isNaN(record.readAt[position * WEEK_CELLS + cell]!)) snapshots.push(snapshotAt(record, days, position, cell));
    }
  });
  return snapshots;
}

/**
 * Each SKU's latest snapshot and the days within RECENT_DAYS before it, from the week records
 * that cover them (any order), by store and SKU: what reminder planning reads. Objects are built
 * only for the days kept (planning reads ~150,000 cells for 10,000 SKUs).
 */
export function recentOf(records: readonly SkuWeek[]): SkuRecent[] {
  interface Seen {
    /** The SKU's rows in week records, oldest week first, each with that record's day names. */
    rows: { record: SkuWeek; days: readonly Day[]; position: number }[];
    /** Its latest reading: which row, which cell. */
    latestRow: number;
    latestCell: number;
  }
  const stores = new Map<string, Map<string, Seen>>();
  for (const record of [...records].sort((a, b) => compareKeys(a.week, b.week))) {
    const days = daysOf(record);
    let skus = stores.get(record.storeId);
    if (!skus) stores.set(record.storeId, (skus = new Map()));
    for (let position = 0; position < record.skus.length; position += 1) {
      let last = -1;
      for (let cell = 0; cell < WEEK_CELLS; cell += 1) if (!Number.isNaN(record.readAt[position * WEEK_CELLS + cell]!)) last = cell;
      if (last < 0) continue;
      const sku = record.skus[position]!;
      const seen = skus.get(sku);
      const row = { record, days, position };
      if (seen) {
        seen.latestRow = seen.rows.push(row) - 1;
        seen.latestCell = last;
      } else {
        skus.set(sku, { rows: [row], latestRow: 0, latestCell: last });
      }
    }
  }
  const recent: SkuRecent[] = [];
  const sinceOf = new Map<Day, Day>();
  for (const storeId of [...stores.keys()].sort()) {
    const skus = stores.get(storeId)!;
    for (const sku of [...skus.keys()].sort()) {
      const { rows, latestRow, latestCell } = skus.get(sku)!;
      const latest = rows[latestRow]!;
      const snapshot = snapshotAt(latest.record, latest.days, latest.position, latestCell);
      let since = sinceOf.get(snapshot.day);
      if (since === undefined) sinceOf.set(snapshot.day, (since = addDays(snapshot.day, -RECENT_DAYS)));
      const days: RecentDay[] = [];
      for (const { record, days: names, position } of rows) {
        if (names[WEEK_CELLS - 1]! < since) continue;
        for (let cell = 0; cell < WEEK_CELLS; cell += 1) {
          const at = position * WEEK_CELLS + cell;
          const readAt = record.readAt[at]!;
          if (Number.isNaN(readAt) || names[cell]! < since) continue;
          days.push({
            day: names[cell]!,
            readAt,
            sellable: figure(record.sellable[at]!),
            inTransit: figure(record.inTransit[at]!),
            dailySales: figure(record.dailySales[at]!),
            turnoverDays: figure(record.turnoverDays[at]!),
          });
        }
      }
      recent.push({ storeId, sku, latest: snapshot, days });
    }
  }
  return recent;
}
