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

/** The figures kept per cell, each a Float64Array; NaN = not shown (null), or no reading in the cell (readAt). */
export const NUMBER_COLUMNS = ['readAt', 'sellable', 'inTransit', 'dailySales', 'turnoverDays'] as const;
/** dailySalesFrom as a code: its index here (0 = not shown). */
const SALES_FROM = [null, 'daily', 'sales30d', 'history'] as const satisfies readonly SkuSnapshot['dailySalesFrom'][];

const column = z.instanceof(Float64Array);

/**
 * The fields every columned record has. product, warehouse and market name the SKU rather than
 * measure it: they are kept once per SKU, as last read.
 */
export const skuColumnsShape = {
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
};
export type SkuColumns = z.infer<z.ZodMiniObject<typeof skuColumnsShape>>;

/** Why a record's columns do not fit its SKUs, or null when they do (every cell a figure or NaN). */
export function columnsMisfit(record: SkuColumns, cellsPerSku: number): string | null {
  const count = record.skus.length;
  if (new Set(record.skus).size !== count) return 'a SKU listed twice';
  if ([record.product, record.warehouse, record.market].some((names) => names.length !== count)) return 'names do not match the SKUs';
  const cells = count * cellsPerSku;
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

export const figure = (value: number): number | null => (Number.isNaN(value) ? null : value);

export const noColumns = (): SkuColumns => ({
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
});

/** A copy with room for `count` SKUs (names copied, columns grown or cut): new cells are NaN (no reading). */
export function resized<R extends SkuColumns>(record: R, count: number, cellsPerSku: number): R {
  const copy = { ...record, skus: [...record.skus], product: [...record.product], warehouse: [...record.warehouse], market: [...record.market] };
  const cells = count * cellsPerSku;
  for (const name of NUMBER_COLUMNS) {
    const values = new Float64Array(cells).fill(NaN);
    values.set(record[name].subarray(0, cells));
    copy[name] = values;
  }
  const codes = new Uint8Array(cells);
  codes.set(record.dailySalesFrom.subarray(0, cells));
  copy.dailySalesFrom = codes;
  return copy;
}

/**
 * A copy of `record` with `snapshots`' SKUs it lacks added at the end (no readings yet), and
 * where each SKU is.
 */
export function withSkusOf<R extends SkuColumns>(record: R, snapshots: readonly SkuSnapshot[], cellsPerSku: number): { record: R; position: Map<string, number> } {
  const position = new Map(record.skus.map((sku, index) => [sku, index]));
  const added = [...new Set(snapshots.map((snapshot) => snapshot.sku))].filter((sku) => !position.has(sku));
  const grown = resized(record, record.skus.length + added.length, cellsPerSku);
  for (const sku of added) {
    position.set(sku, grown.skus.length);
    grown.skus.push(sku);
    grown.product.push(null);
    grown.warehouse.push(null);
    grown.market.push(null);
  }
  return { record: grown, position };
}

/** Writes a snapshot's figures into one cell. */
export function setCell(record: SkuColumns, cell: number, snapshot: SkuSnapshot): void {
  for (const name of NUMBER_COLUMNS) record[name][cell] = snapshot[name] ?? NaN;
  record.dailySalesFrom[cell] = SALES_FROM.indexOf(snapshot.dailySalesFrom);
}

/** Takes a snapshot's names as its SKU's unless a later reading is kept: names are those last read. */
export function setNamesIfLatest(record: SkuColumns, position: number, cellsPerSku: number, snapshot: SkuSnapshot): void {
  let latest = -Infinity;
  for (let cell = position * cellsPerSku; cell < (position + 1) * cellsPerSku; cell += 1) if (record.readAt[cell]! > latest) latest = record.readAt[cell]!;
  if (snapshot.readAt < latest) return;
  record.product[position] = snapshot.product;
  record.warehouse[position] = snapshot.warehouse;
  record.market[position] = snapshot.market;
}

/** Copies one cell's figures from another record (or the same one). */
export function copyCell(from: SkuColumns, source: number, to: SkuColumns, target: number): void {
  for (const name of NUMBER_COLUMNS) to[name][target] = from[name][source]!;
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
    sellable: figure(record.sellable[cell]!),
    inTransit: figure(record.inTransit[cell]!),
    dailySales: figure(record.dailySales[cell]!),
    dailySalesFrom: SALES_FROM[record.dailySalesFrom[cell]!]!,
    turnoverDays: figure(record.turnoverDays[cell]!),
  };
}
