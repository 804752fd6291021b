import { z } from 'zod/mini';

import { FIGURE_COLUMNS, type SkuColumns } from './sku-columns';

/**
 * How columned records (week records, recent rings) are kept in IndexedDB since database version
 * 6: the names of a record's SKUs in one JSON string, each distinct reading time once, and every
 * column a view of one buffer, of the narrowest type its numbers fit. Records are built and read
 * as SkuColumns (sku-columns.ts); this is only their form at rest.
 *
 * Why: measured in Chromium on two cores, a read costs per byte and per object in the records
 * (each string, each typed array), not per record. One SKU's 400-day history takes its shard's 58
 * week records: with four arrays of names and a typed array per column, ~8 KB a record, ~21 ms;
 * in this form, ~4 KB a record, ~9 ms. A day's save writes fewer bytes and objects too.
 */

const INT_KINDS = [Int8Array, Int16Array, Int32Array] as const;
type IntColumn = InstanceType<(typeof INT_KINDS)[number]>;
const TIME_CODE_KINDS = [Uint8Array, Uint16Array, Uint32Array] as const;
type TimeCodes = InstanceType<(typeof TIME_CODE_KINDS)[number]>;
type AnyColumn = IntColumn | TimeCodes | Float64Array;
type ColumnKind = { new (buffer: ArrayBuffer, byteOffset: number, length: number): AnyColumn; readonly BYTES_PER_ELEMENT: number };

/** A stored whole-number column (-1 = not shown, as in memory). */
export const storedIntColumn = z.union(INT_KINDS.map((kind) => z.instanceof(kind)));
const figureColumn = z.union([storedIntColumn, z.instanceof(Float64Array)]);

/** The fields every stored columned record has, in place of SkuColumns' own. */
export const storedColumnsShape = {
  /** JSON of [skus, product, warehouse, market]. */
  names: z.string(),
  /** Each reading time the record holds, once. */
  times: z.instanceof(Float64Array),
  /** Each cell's reading time as its place in `times` plus one; 0 = no reading in the cell. */
  readAt: z.union(TIME_CODE_KINDS.map((kind) => z.instanceof(kind))),
  sellable: figureColumn,
  inTransit: figureColumn,
  dailySales: figureColumn,
  turnoverDays: figureColumn,
  dailySalesFrom: z.instanceof(Uint8Array),
};
export type StoredColumns = z.infer<z.ZodMiniObject<typeof storedColumnsShape>>;

/** The narrowest whole-number type that holds every value of an Int32Array column. */
function intKind(values: Int32Array): (typeof INT_KINDS)[number] {
  let least = 0;
  let most = 0;
  for (const value of values) {
    if (value < least) least = value;
    else if (value > most) most = value;
  }
  return INT_KINDS.find((kind) => least >= -(2 ** (kind.BYTES_PER_ELEMENT * 8 - 1)) && most < 2 ** (kind.BYTES_PER_ELEMENT * 8 - 1))!;
}

/**
 * Columns of the given types and contents as views of one buffer, so that a read makes one
 * buffer, not one per column: the widest elements first, so every view starts aligned.
 */
function inOneBuffer<K extends string>(columns: Record<K, { kind: ColumnKind; values: ArrayLike<number> }>): Record<K, AnyColumn> {
  const order = (Object.keys(columns) as K[]).sort((a, b) => columns[b].kind.BYTES_PER_ELEMENT - columns[a].kind.BYTES_PER_ELEMENT);
  const buffer = new ArrayBuffer(order.reduce((bytes, name) => bytes + columns[name].kind.BYTES_PER_ELEMENT * columns[name].values.length, 0));
  const views = {} as Record<K, AnyColumn>;
  let offset = 0;
  for (const name of order) {
    const { kind, values } = columns[name];
    const view = new kind(buffer, offset, values.length);
    view.set(values as ArrayLike<number> & Float64Array);
    views[name] = view;
    offset += kind.BYTES_PER_ELEMENT * values.length;
  }
  return views;
}

/** Reading times as codes into a list of the distinct ones (a page's reading gives all its SKUs one time). */
function timeCodes(readAt: Float64Array): { times: Float64Array; codes: Uint32Array } {
  const codeOf = new Map<number, number>();
  const codes = new Uint32Array(readAt.length);
  readAt.forEach((time, cell) => {
    if (Number.isNaN(time)) return;
    let code = codeOf.get(time);
    if (code === undefined) codeOf.set(time, (code = codeOf.size + 1));
    codes[cell] = code;
  });
  return { times: Float64Array.from(codeOf.keys()), codes };
}

/**
 * A record's columns as they are stored, and its other fields as they are; `extra` names more
 * Int32Array columns it has (a ring's days), stored narrow in the same buffer.
 */
export function packed<R extends SkuColumns, E extends keyof R & string>(
  record: R,
  extra: readonly E[],
): Omit<R, keyof SkuColumns | E> & StoredColumns & Record<E, IntColumn> {
  const { skus, product, warehouse, market, readAt, dailySalesFrom, ...rest } = record;
  const { times, codes } = timeCodes(readAt);
  const columns: Record<string, { kind: ColumnKind; values: ArrayLike<number> }> = {
    times: { kind: Float64Array, values: times },
    readAt: { kind: TIME_CODE_KINDS.find((kind) => times.length < 2 ** (kind.BYTES_PER_ELEMENT * 8))!, values: codes },
    dailySalesFrom: { kind: Uint8Array, values: dailySalesFrom },
  };
  for (const name of [...FIGURE_COLUMNS, ...extra]) {
    const values = (record as unknown as Record<string, Int32Array | Float64Array>)[name]!;
    columns[name] = { kind: values instanceof Int32Array ? intKind(values) : Float64Array, values };
  }
  return { ...rest, names: JSON.stringify([skus, product, warehouse, market]), ...inOneBuffer(columns) } as never;
}

/** The Int32Array a stored whole-number column reads as (the view itself when it is one). */
const widened = (column: IntColumn): Int32Array => (column instanceof Int32Array ? column : new Int32Array(column));

/** Each cell's reading time (NaN: none) from its code, or null when a code names no time. */
function timesOf(codes: TimeCodes, times: Float64Array): Float64Array | null {
  // Code 0 (no reading) reads NaN; code n the nth time.
  const lookup = new Float64Array(times.length + 1);
  lookup[0] = NaN;
  lookup.set(times, 1);
  const readAt = new Float64Array(codes.length);
  for (let cell = 0; cell < codes.length; cell += 1) {
    const code = codes[cell]!;
    if (code > times.length) return null;
    readAt[cell] = lookup[code]!;
  }
  return readAt;
}

/**
 * A stored record as the record it was packed from (its columns as SkuColumns, `extra` columns as
 * Int32Array, other fields as they are), or undefined with what does not fit in `issues` (names
 * that are not four lists, a time code with no time). The record's own schema checks the rest.
 */
function unpacked(stored: StoredColumns & Record<string, unknown>, extra: readonly string[], issues: string[]): Record<string, unknown> | undefined {
  const { names, times, readAt: codes, ...rest } = stored;
  let lists: unknown;
  try {
    lists = JSON.parse(names);
  } catch {
    lists = null;
  }
  if (!Array.isArray(lists) || lists.length !== 4 || !lists.every(Array.isArray)) {
    issues.push('names are not four lists');
    return undefined;
  }
  const readAt = timesOf(codes, times);
  if (!readAt) {
    issues.push(`readAt names a time that is not kept`);
    return undefined;
  }
  const [skus, product, warehouse, market] = lists as unknown[];
  const record: Record<string, unknown> = { ...rest, skus, product, warehouse, market, readAt };
  for (const name of [...FIGURE_COLUMNS, ...extra]) {
    const column = record[name] as IntColumn | Float64Array;
    if (!(column instanceof Float64Array)) record[name] = widened(column);
  }
  return record;
}

/**
 * The schema of records as stored: `storedShape` (the record's own fields and
 * storedColumnsShape), unpacked, then checked by `recordSchema` as a record built in memory is.
 */
export function storedSchemaOf<T>(storedShape: z.ZodMiniType<StoredColumns>, recordSchema: z.ZodMiniType<T>, extra: readonly string[] = []) {
  const unpack = z.transform((stored: StoredColumns, payload): unknown => {
    const issues: string[] = [];
    const record = unpacked(stored as StoredColumns & Record<string, unknown>, extra, issues);
    for (const message of issues) payload.issues.push({ code: 'custom', message, input: stored });
    return record;
  });
  return z.pipe(z.pipe(storedShape, unpack), recordSchema);
}
