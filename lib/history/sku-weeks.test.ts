import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { anySnapshot, anyStoredColumns, codesOfShard, contentOf, oneReading } from '../../test/fixtures/db/arbitrary';
import { skuSnapshot } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import { MARKETS } from '../records';
import { shardOf } from './shard';
import {
  WEEK_CELLS,
  weekRecordsOf,
  weekOf,
  weeksBetween,
  misfit,
  readingsIn,
  skuWeekSchema,
  snapshotsIn,
  withoutDaysBefore,
  withSnapshots,
} from './sku-weeks';

const snapshot = skuSnapshot;
// The week of Monday 2 March 2026 to Sunday 8 March.
const keyOf = (sku: string, week = '2026-03-02') => ({ storeId: '2088', shard: shardOf(sku), week });

describe('withSnapshots', () => {
  it('keeps the latest reading of each day and names as last read in the week', () => {
    const first = withSnapshots(undefined, keyOf('A'), [
      snapshot('A', '2026-03-05', 50, { sellable: 5, product: '旧名 old' }),
      snapshot('A', '2026-03-02', 10, { sellable: 1, product: '更旧 older' }),
    ]);
    expect(first).toMatchObject({ saved: 2, stale: 0 });
    const later = withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-05', 40, { sellable: 4 })]);
    expect(later).toMatchObject({ saved: 0, stale: 1 });
    const again = withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-05', 60, { sellable: null, dailySalesFrom: null, market: null })]);
    expect(snapshotsIn(again.record).map((s) => [s.day, s.sellable, s.product, s.market, s.dailySalesFrom])).toEqual([
      ['2026-03-02', 1, '商品 A', null, 'daily'],
      ['2026-03-05', null, '商品 A', null, null],
    ]);
    // `before` stays as it was.
    expect(snapshotsIn(first.record).map((s) => s.sellable)).toEqual([1, 5]);
  });

  it('gives back every field of every day as it was written, round any batching', () => {
    const sku = fc.constantFrom('A', 'B', '数据线-01');
    const figure = fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null });
    const reading = fc.record({
      sku,
      day: fc.integer({ min: 2, max: 8 }).map((d) => `2026-03-0${d}`),
      readAt: fc.integer({ min: 0, max: 1e6 }),
      sellable: figure,
      inTransit: figure,
      dailySales: figure,
      turnoverDays: figure,
      dailySalesFrom: fc.constantFrom(null, 'daily', 'sales30d', 'history'),
      market: fc.constantFrom(null, ...MARKETS),
    });
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 40 }), fc.nat(), (readings, cut) => {
        const all = readings.map((r) => snapshot(r.sku, r.day, r.readAt, { ...r, product: `p${r.readAt}` }));
        const bySku = (sku: string) => all.filter((s) => s.sku === sku);
        for (const name of ['A', 'B', '数据线-01']) {
          const mine = bySku(name);
          const split = cut % (mine.length + 1);
          const once = withSnapshots(undefined, keyOf(name), mine).record;
          const twice = withSnapshots(withSnapshots(undefined, keyOf(name), mine.slice(0, split)).record, keyOf(name), mine.slice(split)).record;
          const days = snapshotsIn(once);
          expect(snapshotsIn(twice).map(({ product, warehouse, market, ...day }) => day)).toEqual(days.map(({ product, warehouse, market, ...day }) => day));
          for (const stored of days) {
            const latest = Math.max(...mine.filter((s) => s.day === stored.day).map((s) => s.readAt));
            const { product, warehouse, market, ...figures } = stored;
            const written = mine.filter((s) => s.day === stored.day && s.readAt === latest);
            expect(written.map(({ product: _p, warehouse: _w, market: _m, ...f }) => f)).toContainEqual(figures);
          }
          expect(new Set(days.map((s) => s.day)).size).toBe(new Set(mine.map((s) => s.day)).size);
          expect(skuWeekSchema.safeParse(once).success).toBe(true);
        }
      }),
    );
  });
});

describe('withSnapshots, validity by construction and in place', () => {
  // save.ts puts what withSnapshots makes without parsing it again: this is why it may.
  it('makes a record that passes skuWeekSchema from any stored record that passes it and any valid snapshots', () => {
    const week = '2026-03-02';
    const weekCase = fc.constantFrom(0, 77, 255).chain((shard) =>
      fc.record({
        shard: fc.constant(shard),
        before: fc.option(anyStoredColumns(codesOfShard(shard), WEEK_CELLS).map((columns) => ({ storeId: '2088', shard, week, ...columns })), { nil: undefined }),
        snapshots: fc.array(anySnapshot(codesOfShard(shard), fc.integer({ min: 0, max: WEEK_CELLS - 1 }).map((cell) => addDays(week, cell))), { maxLength: 30 }),
      }),
    );
    fc.assert(
      fc.property(weekCase, ({ shard, before, snapshots }) => {
        // The arbitrary gives only what a read lets through.
        if (before) expect(skuWeekSchema.safeParse(before).success).toBe(true);
        const built = withSnapshots(before, { storeId: '2088', shard, week }, snapshots);
        const parsed = skuWeekSchema.safeParse(built.record);
        expect(parsed.success ? null : parsed.error.issues).toBeNull();
        // Built in place on the save's own copy of the record, the same record.
        expect(withSnapshots(before && structuredClone(before), { storeId: '2088', shard, week }, snapshots, { inPlace: true })).toEqual(built);
        // `changed` says whether it holds anything else than what was stored (a save writes it only then).
        const stored = before ?? withSnapshots(undefined, { storeId: '2088', shard, week }, []).record;
        expect(built.changed).toBe(!isDeepStrictEqual(contentOf(built.record), contentOf(stored)));
        // One reading (its SKUs once each, one day, one time) saved twice: the second changes nothing.
        const reading = oneReading(snapshots);
        const once = withSnapshots(before, { storeId: '2088', shard, week }, reading).record;
        expect(withSnapshots(structuredClone(once), { storeId: '2088', shard, week }, reading, { inPlace: true }).changed).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('withSnapshots, changed', () => {
  it('says a record changed unless every snapshot was stale or already held', () => {
    const first = withSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-03', 50, { sellable: 5 })]);
    expect(first.changed).toBe(true);
    // The same reading again, and an older one of the same day: nothing to write.
    expect(withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-03', 50, { sellable: 5 })])).toMatchObject({ saved: 1, changed: false });
    expect(withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-03', 40, { sellable: 9 })])).toMatchObject({ saved: 0, stale: 1, changed: false });
    // A later reading of the same figures moves the day's readAt; new names, new figures, another day.
    expect(withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-03', 60, { sellable: 5 })]).changed).toBe(true);
    expect(withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-03', 50, { sellable: 5, product: '新名' })]).changed).toBe(true);
    expect(withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-03', 50, { sellable: 6 })]).changed).toBe(true);
    expect(withSnapshots(first.record, keyOf('A'), [snapshot('A', '2026-03-04', 50, { sellable: 5 })]).changed).toBe(true);
  });
});

describe('figure columns', () => {
  it('keep whole numbers in 4 bytes a cell, and any other figure in 8, reading back the same', () => {
    const whole = withSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-02', 1, { sellable: 2_147_483_647, dailySales: null })]).record;
    expect(whole.sellable).toBeInstanceOf(Int32Array);
    expect(whole.dailySales).toBeInstanceOf(Int32Array);
    const mixed = withSnapshots(whole, keyOf('A'), [snapshot('A', '2026-03-03', 2, { sellable: 2_147_483_648, dailySales: 0.4 })]).record;
    expect(mixed.sellable).toBeInstanceOf(Float64Array);
    expect(mixed.inTransit).toBeInstanceOf(Int32Array);
    expect(snapshotsIn(mixed).map((s) => [s.sellable, s.dailySales])).toEqual([
      [2_147_483_647, null],
      [2_147_483_648, 0.4],
    ]);
    // The same figures, the same form: a fraction overwritten by a whole number shrinks back.
    const again = withSnapshots(mixed, keyOf('A'), [snapshot('A', '2026-03-03', 3, { sellable: 5, dailySales: 4 })]).record;
    expect(again).toEqual(weekRecordsOf([...snapshotsIn(again)])[0]);
    expect(again.sellable).toBeInstanceOf(Int32Array);
    expect(skuWeekSchema.safeParse(again).success).toBe(true);
  });
});

describe('misfit', () => {
  const record = () => withSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-02', 1)]).record;
  it('passes a record as written', () => {
    expect(misfit(record())).toBeNull();
  });
  it.each([
    ['a SKU listed twice', (r: ReturnType<typeof record>) => ({ ...r, skus: ['A', 'A'] })],
    ['a SKU of another shard', (r: ReturnType<typeof record>) => ({ ...r, skus: ['B'] })],
    ['names do not match the SKUs', (r: ReturnType<typeof record>) => ({ ...r, product: [] })],
    [`readAt has 6 cells for ${WEEK_CELLS}`, (r: ReturnType<typeof record>) => ({ ...r, readAt: new Float64Array(6) })],
    ['sellable holds -2', (r: ReturnType<typeof record>) => ({ ...r, sellable: r.sellable.map(() => -2) })],
    // A column of figures that are not all whole numbers: Float64Array, NaN for "not shown".
    ['sellable holds -1', (r: ReturnType<typeof record>) => ({ ...r, sellable: Float64Array.from(r.sellable, () => -1) })],
    ['turnoverDays holds Infinity', (r: ReturnType<typeof record>) => ({ ...r, turnoverDays: Float64Array.from(r.turnoverDays, () => Infinity) })],
    ['dailySalesFrom holds an unknown code', (r: ReturnType<typeof record>) => ({ ...r, dailySalesFrom: r.dailySalesFrom.map(() => 9) })],
  ])('names %s', (reason, spoil) => {
    expect(misfit(spoil(record()))).toBe(reason);
  });
});

describe('withoutDaysBefore', () => {
  const week = withSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-02', 1), snapshot('A', '2026-03-06', 2)]).record;
  it('clears the days before the cutoff in its week, all of an older week, none of a newer one', () => {
    const cut = withoutDaysBefore(week, '2026-03-06');
    expect(cut.removed).toBe(1);
    expect(snapshotsIn(cut.record).map((s) => s.day)).toEqual(['2026-03-06']);
    expect(withoutDaysBefore(week, '2026-03-09')).toMatchObject({ removed: 2, record: { skus: [] } });
    expect(withoutDaysBefore(week, '2026-03-01')).toEqual({ record: week, removed: 0 });
  });
  it('counts a record\'s readings', () => {
    expect(readingsIn(week)).toBe(2);
  });
});

describe('weeks', () => {
  it('names a day\'s week by its Monday, across a month and a year', () => {
    expect(['2026-03-02', '2026-03-05', '2026-03-08', '2026-03-01', '2026-01-01', '1970-01-01'].map(weekOf)).toEqual([
      '2026-03-02',
      '2026-03-02',
      '2026-03-02',
      '2026-02-23',
      '2025-12-29',
      '1969-12-29',
    ]);
  });
  it('lists the weeks of a span', () => {
    expect(weeksBetween('2025-12-31', '2026-01-12')).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
    expect(weeksBetween('2026-03-03', '2026-03-04')).toEqual(['2026-03-02']);
  });
  it('refuses a record whose week does not start on a Monday', () => {
    const record = withSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-02', 1)]).record;
    expect(skuWeekSchema.safeParse({ ...record, week: '2026-03-03' }).success).toBe(false);
  });
});
