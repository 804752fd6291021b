import { serialize } from 'node:v8';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { anyRingDays, anyStoredColumns, codesOfGroup, codesOfShard, contentOf } from '../../test/fixtures/db/arbitrary';
import { skuSnapshot } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import { packedRing, RING_CELLS, recentDaysSchema, storedRingSchema } from './recent-days';
import { shardOf } from './shard';
import { FIGURE_COLUMNS } from './sku-columns';
import { packedWeek, skuWeekSchema, storedWeekSchema, WEEK_CELLS, withSnapshots, type SkuWeek } from './sku-weeks';
import { describeIssues } from './validate';

const kinds = (record: object) => Object.fromEntries(Object.entries(record).map(([name, value]) => [name, ArrayBuffer.isView(value) ? value.constructor.name : typeof value]));

describe('week records and rings as stored', () => {
  it('read back as the record they were packed from, whatever it holds', () => {
    const week = fc.integer({ min: 0, max: 255 }).chain((shard) =>
      anyStoredColumns(codesOfShard(shard), WEEK_CELLS).map((columns): SkuWeek => ({ storeId: '2088', shard, week: '2026-03-02', ...columns })),
    );
    fc.assert(
      fc.property(week, (record) => {
        if (!skuWeekSchema.safeParse(record).success) return;
        const read = storedWeekSchema.parse(packedWeek(record));
        expect(contentOf(read)).toEqual(contentOf(record));
        // Whole-number columns read as Int32Array again, the rest as Float64Array: as the builders left them.
        expect(kinds(read)).toEqual(kinds(record));
      }),
    );
  });

  it('read back a ring as it was, its days too', () => {
    const ring = fc.integer({ min: 0, max: 15 }).chain((group) =>
      anyStoredColumns(codesOfGroup(group), RING_CELLS).chain((columns) =>
        anyRingDays(columns.readAt, RING_CELLS, 20_500).map((day) => ({ storeId: '2088', group, ...columns, day })),
      ),
    );
    fc.assert(
      fc.property(ring, (record) => {
        if (!recentDaysSchema.safeParse(record).success) return;
        const read = storedRingSchema.parse(packedRing(record));
        expect(contentOf(read)).toEqual(contentOf(record));
        expect(read.day).toEqual(record.day);
      }),
    );
  });

  it('keep a week of stock figures in a third of the bytes, in one buffer', () => {
    const skus = codesOfShard(shardOf('A')).slice(0, 10);
    const days = Array.from({ length: WEEK_CELLS }, (_, cell) => addDays('2026-03-02', cell));
    const snapshots = skus.flatMap((sku, index) =>
      days.map((day, cell) => skuSnapshot(sku, day, Date.parse(`${day}T10:00:00+08:00`), { sellable: 2_000 - cell * 30 - index, inTransit: 100, dailySales: 30 })),
    );
    const record = withSnapshots(undefined, { storeId: '2088', shard: shardOf('A'), week: '2026-03-02' }, snapshots).record;
    const stored = packedWeek(record);
    const columnBytes = Object.values(record).reduce((bytes: number, value) => bytes + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0);
    expect(stored.sellable.buffer.byteLength).toBeLessThan(columnBytes / 3);
    // Names too are smaller in one JSON string than in four arrays, Chinese and all.
    expect(serialize(stored).length).toBeLessThan(serialize(record).length * 0.7);
    expect(kinds(stored)).toMatchObject({ names: 'string', times: 'Float64Array', readAt: 'Uint8Array', sellable: 'Int16Array', inTransit: 'Int8Array', dailySales: 'Int8Array' });
    expect(stored.times).toHaveLength(WEEK_CELLS);
    expect(new Set(['times', 'readAt', 'dailySalesFrom', ...FIGURE_COLUMNS].map((name) => (stored[name as keyof typeof stored] as Uint8Array).buffer)).size).toBe(1);
  });

  it.each([
    [127, 'Int8Array'],
    [128, 'Int16Array'],
    [32_767, 'Int16Array'],
    [32_768, 'Int32Array'],
    [2.5, 'Float64Array'],
  ])('stores stock of %d in an %s', (sellable, kind) => {
    const record = withSnapshots(undefined, { storeId: '2088', shard: shardOf('A'), week: '2026-03-02' }, [skuSnapshot('A', '2026-03-03', 5, { sellable })]).record;
    const stored = packedWeek(record);
    expect(stored.sellable.constructor.name).toBe(kind);
    expect(storedWeekSchema.parse(stored).sellable[1]).toBe(sellable);
  });

  it('number more distinct reading times than a byte can in two bytes a cell', () => {
    const shard = shardOf('A');
    const skus: string[] = [];
    for (let n = 0; skus.length < 40; n += 1) if (shardOf(`P-${n}`) === shard) skus.push(`P-${n}`);
    // 40 SKUs x 7 days, each read at its own time: 280 times.
    const snapshots = skus.flatMap((sku, index) => Array.from({ length: WEEK_CELLS }, (_, cell) => skuSnapshot(sku, addDays('2026-03-02', cell), 1_000 * index + cell)));
    const record = withSnapshots(undefined, { storeId: '2088', shard, week: '2026-03-02' }, snapshots).record;
    const stored = packedWeek(record);
    expect(stored.readAt).toBeInstanceOf(Uint16Array);
    expect(stored.times).toHaveLength(280);
    expect(contentOf(storedWeekSchema.parse(stored))).toEqual(contentOf(record));
  });

  it('say what is wrong with a stored record that does not unpack', () => {
    const record = withSnapshots(undefined, { storeId: '2088', shard: shardOf('A'), week: '2026-03-02' }, [skuSnapshot('A', '2026-03-03', 5)]).record;
    const stored = packedWeek(record);
    const problem = (value: unknown) => {
      const parsed = storedWeekSchema.safeParse(value);
      return parsed.success ? null : describeIssues(parsed.error);
    };
    expect(problem(stored)).toBeNull();
    expect(problem({ ...stored, names: '["A"]' })).toBe('(record): names are not four lists');
    expect(problem({ ...stored, names: 'not json' })).toBe('(record): names are not four lists');
    expect(problem({ ...stored, times: new Float64Array(0) })).toBe('(record): readAt names a time that is not kept');
    expect(problem({ ...stored, sellable: new Uint16Array(7) })).toMatch(/^sellable: /);
    // Unpacked, it is checked as any week record is.
    expect(problem({ ...stored, names: JSON.stringify([['A'], [null, null], [null], [null]]) })).toBe('(record): names do not match the SKUs');
  });
});
