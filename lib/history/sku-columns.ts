import { z } from 'zod/mini';

import { marketSchema } from '../records';
import type { SkuSnapshot } from './schema';

/**
 * SKU figures kept in columns: a record lists SKUs, and holds `cells` cells per SKU in typed arrays
 * (SKU `position`'s cells from position * cells). Week records (sku-weeks.ts: a cell per day of the
 * week) and the recent ring (recent-days.ts: a cell per day of the last 15) are both made of it.
 * Measured in Chromium: numbers in typed arrays clone several times faster than objects with named
 * fields, and a record's cost is mostly its bytes.
 */

/** When each cell was read, a Float64Array: NaN = no reading in the cell. */
const READ_AT = 'readAt';
/**
 * The figures kept per cell. A column holds whole numbers in an Int32Array (-1 = not shown) while
 * every figure in it is one, as stock counts are, else a Float64Array (NaN = not shown): half the
 * bytes for most columns, and bytes are what IndexedDB's reads and writes cost.
 */
export const FIGURE_COLUMNS = ['sellable', 'inTransit', 'dailySales', 'turnoverDays'] as const;
export type FigureColumn = Int32Array | Float64Array;
/** The whole-number column's "not shown": figures are never negative. */
const NOT_SHOWN = -1;
const INT32_MAX = 0x7fffffff;
/** dailySalesFrom as a code: its index here (0 = not shown). */
const SALES_FROM = [null, 'daily', 'sales30d', 'history'] as const satisfies readonly SkuSnapshot['dailySalesFrom'][];

const figureColumn = z.union([z.instanceof(Int32Array), z.instanceof(Float64Array)]);

/**
 * The fields every columned record has. product, warehouse and market name the SKU rather than
 * measure it: they are kept once per SKU, as last read.
 */
export const skuColumnsShape = {
  skus: z.array(z.string().check(z.minLength(1))),
  product: z.array(z.nullable(z.string())),
  warehouse: z.array(z.nullable(z.string())),
  market: z.array(z.nullable(marketSchema)),
  readAt: z.instanceof(Float64Array),
  sellable: figureColumn,
  inTransit: figureColumn,
  dailySales: figureColumn,
  turnoverDays: figureColumn,
  dailySalesFrom: z.instanceof(Uint8Array),
};
export type SkuColumns = z.infer<z.ZodMiniObject<typeof skuColumnsShape>>;

/** Why a record's columns do not fit its SKUs, or null when they do (every cell a figure or "not shown"). */
export function columnsMisfit(record: SkuColumns, cellsPerSku: number): string | null {
  const count = record.skus.length;
  if (new Set(record.skus).size !== count) return 'a SKU listed twice';
  if ([record.product, record.warehouse, record.market].some((names) => names.length !== count)) return 'names do not match the SKUs';
  const cells = count * cellsPerSku;
  for (const name of [READ_AT, ...FIGURE_COLUMNS] as const) {
    const values = record[name];
    if (values.length !== cells) return `${name} has ${values.length} cells for ${cells}`;
    // NaN >= 0 is false: the test is written so that NaN passes and every other non-figure fails.
    const least = values instanceof Int32Array ? NOT_SHOWN : 0;
    for (let cell = 0; cell < cells; cell += 1) if (values[cell]! < least || values[cell] === Infinity) return `${name} holds ${values[cell]}`;
  }
  if (record.dailySalesFrom.length !== cells) return 'dailySalesFrom does not match the SKUs';
  if (record.dailySalesFrom.some((code) => code >= SALES_FROM.length)) return 'dailySalesFrom holds an unknown code';
  return null;
}

/** A cell's figure, null when not shown. */
export function figureAt(column: FigureColumn, cell: number): number | null {
  const value = column[cell]!;
  return column instanceof Int32Array ? (value === NOT_SHOWN ? null : value) : Number.isNaN(value) ? null : value;
}

/** Writes a figure, moving the column to Float64Array the first time a figure is not a whole number that fits. */
function setFigure(record: SkuColumns, name: (typeof FIGURE_COLUMNS)[number], cell: number, value: number | null): void {
  const column = record[name];
  if (column instanceof Int32Array) {
    if (value === null || (Number.isInteger(value) && value <= INT32_MAX)) {
      column[cell] = value ?? NOT_SHOWN;
      return;
    }
    record[name] = Float64Array.from(column, (kept) => (kept === NOT_SHOWN ? NaN : kept));
  }
  record[name][cell] = value ?? NaN;
}

export const noColumns = (): SkuColumns => ({
  skus: [],
  product: [],
  warehouse: [],
  market: [],
  readAt: new Float64Array(0),
  sellable: new Int32Array(0),
  inTransit: new Int32Array(0),
  dailySales: new Int32Array(0),
  turnoverDays: new Int32Array(0),
  dailySalesFrom: new Uint8Array(0),
});

/** A copy with room for `count` SKUs (names copied, columns grown or cut, each of its kind): new cells hold no reading. */
export function resized<R extends SkuColumns>(record: R, count: number, cellsPerSku: number): R {
  const copy = { ...record, skus: [...record.skus], product: [...record.product], warehouse: [...record.warehouse], market: [...record.market] };
  const cells = count * cellsPerSku;
  const grown = <C extends Float64Array | Int32Array | Uint8Array>(column: C, empty: C): C => {
    empty.set(column.subarray(0, cells));
    return empty;
  };
  copy.readAt = grown(record.readAt, new Float64Array(cells).fill(NaN));
  for (const name of FIGURE_COLUMNS) {
    const column = record[name];
    copy[name] = column instanceof Int32Array ? grown(column, new Int32Array(cells).fill(NOT_SHOWN)) : grown(column, new Float64Array(cells).fill(NaN));
  }
  copy.dailySalesFrom = grown(record.dailySalesFrom, new Uint8Array(cells));
  return copy;
}

/**
 * Items by the record they go to, in the order each key first appears. `idOf` names a key that is
 * not a number or a string (an object key is compared by its id).
 */
export function groupedBy<T, K>(items: readonly T[], keyOf: (item: T) => K, idOf: (key: K) => unknown = (key) => key): { key: K; items: T[] }[] {
  const groups = new Map<unknown, { key: K; items: T[] }>();
  for (const item of items) {
    const key = keyOf(item);
    const id = idOf(key);
    const group = groups.get(id);
    if (group) group.items.push(item);
    else groups.set(id, { key, items: [item] });
  }
  return [...groups.values()];
}

/** How a builder may treat the record it builds on. */
export interface BuildOptions {
  /**
   * The record is the caller's own (just read from storage, nobody else holds it): change it in
   * place rather than copy it first, when it has room for every SKU. A save of 1,000 SKUs copied
   * ~140 records for nothing.
   */
  inPlace?: boolean;
}

/**
 * `record` with `snapshots`' SKUs it lacks added at the end (no readings yet), and where each SKU
 * is: a copy, or with `inPlace` the record itself when it lacks none.
 */
export function withSkusOf<R extends SkuColumns>(
  record: R,
  snapshots: readonly SkuSnapshot[],
  cellsPerSku: number,
  { inPlace = false }: BuildOptions = {},
): { record: R; position: Map<string, number> } {
  const position = new Map<string, number>();
  record.skus.forEach((sku, index) => position.set(sku, index));
  const added = new Set<string>();
  for (const { sku } of snapshots) if (!position.has(sku)) added.add(sku);
  if (inPlace && added.size === 0) return { record, position };
  const grown = resized(record, record.skus.length + added.size, cellsPerSku);
  for (const sku of added) {
    position.set(sku, grown.skus.length);
    grown.skus.push(sku);
    grown.product.push(null);
    grown.warehouse.push(null);
    grown.market.push(null);
  }
  return { record: grown, position };
}

/**
 * The record with each figure column of whole numbers in an Int32Array: the one form for the same
 * figures, whichever figures were written and overwritten before (and a version-4 record's columns
 * shrink). Columns already in their form are kept, not copied.
 */
export function compacted<R extends SkuColumns>(record: R): R {
  let copy: R | null = null;
  for (const name of FIGURE_COLUMNS) {
    const column = record[name];
    if (column instanceof Int32Array || !column.every((value) => Number.isNaN(value) || (Number.isInteger(value) && value <= INT32_MAX))) continue;
    copy ??= { ...record };
    copy[name] = Int32Array.from(column, (value) => (Number.isNaN(value) ? NOT_SHOWN : value));
  }
  return copy ?? record;
}

/** Writes a snapshot's figures into one cell. */
export function setCell(record: SkuColumns, cell: number, snapshot: SkuSnapshot): void {
  record.readAt[cell] = snapshot.readAt;
  for (const name of FIGURE_COLUMNS) setFigure(record, name, cell, snapshot[name]);
  record.dailySalesFrom[cell] = SALES_FROM.indexOf(snapshot.dailySalesFrom);
}

/**
 * Whether a cell already holds a snapshot's reading (the same time, figures and source): writing
 * it again would change nothing. A reading arriving twice changes no record; a later reading of
 * the same figures does (its readAt).
 */
export function holds(record: SkuColumns, cell: number, snapshot: SkuSnapshot): boolean {
  // NaN (no reading) equals nothing.
  if (record.readAt[cell] !== snapshot.readAt) return false;
  for (const name of FIGURE_COLUMNS) if (figureAt(record[name], cell) !== snapshot[name]) return false;
  return record.dailySalesFrom[cell] === SALES_FROM.indexOf(snapshot.dailySalesFrom);
}

/** Takes a snapshot's names as its SKU's unless a later reading is kept: names are those last read. Says whether they changed. */
export function setNamesIfLatest(record: SkuColumns, position: number, cellsPerSku: number, snapshot: SkuSnapshot): boolean {
  let latest = -Infinity;
  for (let cell = position * cellsPerSku; cell < (position + 1) * cellsPerSku; cell += 1) if (record.readAt[cell]! > latest) latest = record.readAt[cell]!;
  if (snapshot.readAt < latest) return false;
  const changed = record.product[position] !== snapshot.product || record.warehouse[position] !== snapshot.warehouse || record.market[position] !== snapshot.market;
  record.product[position] = snapshot.product;
  record.warehouse[position] = snapshot.warehouse;
  record.market[position] = snapshot.market;
  return changed;
}

/** Copies one cell's figures from another record (or the same one). */
export function copyCell(from: SkuColumns, source: number, to: SkuColumns, target: number): void {
  to.readAt[target] = from.readAt[source]!;
  for (const name of FIGURE_COLUMNS) setFigure(to, name, target, figureAt(from[name], source));
  to.dailySalesFrom[target] = from.dailySalesFrom[source]!;
}

/** Copies one SKU's names from another record. */
export function copyNames(from: SkuColumns, source: number, to: SkuColumns, target: number): void {
  to.skus[target] = from.skus[source]!;
  to.product[target] = from.product[source]!;
  to.warehouse[target] = from.warehouse[source]!;
  to.market[target] = from.market[source]!;
}

/** The snapshot in one cell of SKU `position` (which must hold a reading), for `storeId` on `day`. */
export function snapshotAt(record: SkuColumns, storeId: string, day: string, position: number, cell: number): SkuSnapshot {
  return {
    storeId,
    sku: record.skus[position]!,
    day,
    readAt: record.readAt[cell]!,
    product: record.product[position]!,
    warehouse: record.warehouse[position]!,
    market: record.market[position]!,
    sellable: figureAt(record.sellable, cell),
    inTransit: figureAt(record.inTransit, cell),
    dailySales: figureAt(record.dailySales, cell),
    dailySalesFrom: SALES_FROM[record.dailySalesFrom[cell]!]!,
    turnoverDays: figureAt(record.turnoverDays, cell),
  };
}
