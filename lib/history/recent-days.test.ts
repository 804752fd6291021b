import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { anyRingDays, anySnapshot, anyStoredColumns, codesOfGroup, contentOf, daysAround, oneReading } from '../../test/fixtures/db/arbitrary';
import { skuSnapshot } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import { dayIndex } from './derived';
import { RECENT_DAYS, recentDaysSchema, recentOf, RING_CELLS, ringMisfit, ringRecordsOf, ringWithoutDaysBefore, withRecentSnapshots } from './recent-days';
import type { SkuSnapshot } from './schema';
import { groupOf } from './shard';

const snapshot = skuSnapshot;
const keyOf = (sku: string) => ({ storeId: '2088', group: groupOf(sku) });

describe('recentOf', () => {
  it('gives each SKU its latest snapshot and the days within RECENT_DAYS before it, by store and SKU', () => {
    const days = Array.from({ length: RECENT_DAYS + 3 }, (_, i) => addDays('2026-02-20', i));
    const records = ringRecordsOf([
      ...days.map((day, i) => snapshot('A', day, i, { sellable: i })),
      snapshot('B', '2026-03-01', 1),
      { ...snapshot('A', '2026-03-01', 1), storeId: '77' },
    ]);
    const recent = recentOf(records.reverse());
    expect(recent.map((r) => [r.storeId, r.sku, r.latest.day])).toEqual([
      ['2088', 'A', days.at(-1)],
      ['2088', 'B', '2026-03-01'],
      ['77', 'A', '2026-03-01'],
    ]);
    expect(recent[0]!.days.map((d) => d.day)).toEqual(days.slice(2));
    expect(recent[0]!.latest).toEqual(snapshot('A', days.at(-1)!, RECENT_DAYS + 2, { sellable: RECENT_DAYS + 2 }));
  });

  it('keeps each day\'s latest reading and the window before the latest day, however the readings came', () => {
    const reading = fc.record({
      sku: fc.constantFrom('A', 'B', '数据线-01'),
      // Five weeks of days: the ring (15 cells) wraps round more than twice.
      day: fc.integer({ min: 0, max: 34 }).map((d) => addDays('2026-02-02', d)),
      at: fc.integer({ min: 0, max: 99 }),
      sellable: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      dailySales: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 60 }), fc.nat(), (readings, cut) => {
        // Read later in the day, read later: readAt follows the day, as on the seller's clock.
        const all = readings.map((r) => snapshot(r.sku, r.day, dayIndex(r.day) * 100 + r.at, { sellable: r.sellable, dailySales: r.dailySales, product: `p${r.day}/${r.at}` }));
        const split = cut % (all.length + 1);
        // The same readings in two saves, each group's ring built on the first save's.
        const rings = [...new Set(all.map((s) => groupOf(s.sku)))].map((group) => {
          const mine = all.filter((s) => groupOf(s.sku) === group);
          const first = withRecentSnapshots(undefined, { storeId: '2088', group }, mine.slice(0, split)).record;
          return withRecentSnapshots(first, { storeId: '2088', group }, mine.slice(split)).record;
        });
        for (const ring of rings) expect(ringMisfit(ring)).toBeNull();
        // One reading (its SKUs once each, one day, one time) saved twice: the second changes no ring.
        const reading = oneReading(all.slice(split));
        for (const ring of rings) {
          const mine = reading.filter((s) => groupOf(s.sku) === ring.group);
          const once = withRecentSnapshots(ring, { storeId: '2088', group: ring.group }, mine).record;
          expect(withRecentSnapshots(structuredClone(once), { storeId: '2088', group: ring.group }, mine, { inPlace: true }).changed).toBe(false);
        }
        expect(recentOf(rings)).toEqual(expected(all));
      }),
    );
  });
});

describe('withRecentSnapshots, validity by construction and in place', () => {
  // save.ts puts what withRecentSnapshots makes without parsing it again: this is why it may.
  it('makes a ring that passes recentDaysSchema from any stored ring that passes it and any valid snapshots', () => {
    const ringCase = fc.tuple(fc.constantFrom(0, 9, 15), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 20_000, max: 21_000 }))).chain(([group, around]) =>
      fc.record({
        group: fc.constant(group),
        before: fc.option(
          anyStoredColumns(codesOfGroup(group), RING_CELLS).chain((columns) =>
            anyRingDays(columns.readAt, RING_CELLS, around).map((day) => ({ storeId: '2088', group, ...columns, day })),
          ),
          { nil: undefined },
        ),
        // Days before, within and after the stored ring's window, wrapping round it.
        snapshots: fc.array(anySnapshot(codesOfGroup(group), daysAround(around, 3 * RING_CELLS)), { maxLength: 30 }),
      }),
    );
    fc.assert(
      fc.property(ringCase, ({ group, before, snapshots }) => {
        // The arbitrary gives only what a read lets through.
        if (before) expect(ringMisfit(before)).toBeNull();
        const { record: ring, changed } = withRecentSnapshots(before, { storeId: '2088', group }, snapshots);
        const parsed = recentDaysSchema.safeParse(ring);
        expect(parsed.success ? null : parsed.error.issues).toBeNull();
        // Built in place on the save's own copy of the ring, the same ring.
        expect(withRecentSnapshots(before && structuredClone(before), { storeId: '2088', group }, snapshots, { inPlace: true }).record).toEqual(ring);
        // `changed` says whether it holds anything else than what was stored (a save writes it only then).
        expect(changed).toBe(!isDeepStrictEqual(contentOf(ring), contentOf(before ?? withRecentSnapshots(undefined, { storeId: '2088', group }, []).record)));
      }),
      { numRuns: 300 },
    );
  });
});

/** What recentOf must give, worked out the plain way from every snapshot. */
function expected(all: readonly SkuSnapshot[]) {
  const skus = [...new Set(all.map((s) => s.sku))].sort((a, b) => (a < b ? -1 : 1));
  return skus.map((sku) => {
    const byDay = new Map<string, SkuSnapshot>();
    let named: SkuSnapshot | undefined;
    for (const s of all.filter((s) => s.sku === sku)) {
      const kept = byDay.get(s.day);
      if (!kept || s.readAt >= kept.readAt) byDay.set(s.day, s);
      if (!named || s.readAt >= named.readAt) named = s;
    }
    const days = [...byDay.keys()].sort();
    const latestDay = days.at(-1)!;
    const since = addDays(latestDay, -RECENT_DAYS);
    const latest = byDay.get(latestDay)!;
    return {
      storeId: '2088',
      sku,
      latest: { ...latest, product: named!.product, warehouse: named!.warehouse, market: named!.market },
      days: days
        .filter((day) => day >= since)
        .map((day) => {
          const { readAt, sellable, inTransit, dailySales, turnoverDays } = byDay.get(day)!;
          return { day, readAt, sellable, inTransit, dailySales, turnoverDays };
        }),
    };
  });
}

describe('ringRecordsOf', () => {
  it('keeps each store\'s days from 2 x RECENT_DAYS before its last day, the same records whatever the order', () => {
    const snapshots = [
      snapshot('A', '2026-03-30', 3),
      snapshot('B', addDays('2026-03-30', -2 * RECENT_DAYS), 2),
      snapshot('C', addDays('2026-03-30', -2 * RECENT_DAYS - 1), 1),
      { ...snapshot('C', '2026-01-05', 1), storeId: '77' },
    ];
    const records = ringRecordsOf(snapshots);
    expect(recentOf(records).map((r) => [r.storeId, r.sku])).toEqual([
      ['2088', 'A'],
      ['2088', 'B'],
      ['77', 'C'],
    ]);
    const byKey = (list: typeof records) => [...list].sort((a, b) => a.group - b.group || (a.storeId < b.storeId ? -1 : 1));
    expect(byKey(ringRecordsOf([...snapshots].reverse()))).toEqual(byKey(records));
  });
});

describe('ringWithoutDaysBefore', () => {
  const ring = withRecentSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-02', 1), snapshot('A', '2026-03-06', 2)]).record;
  it('clears the days before the cutoff, and a SKU left with none', () => {
    const cut = ringWithoutDaysBefore(ring, '2026-03-06');
    expect(cut.changed).toBe(true);
    expect(recentOf([cut.record])[0]!.days.map((d) => d.day)).toEqual(['2026-03-06']);
    expect(recentDaysSchema.safeParse(cut.record).success).toBe(true);
    expect(ringWithoutDaysBefore(ring, '2026-03-07')).toMatchObject({ changed: true, record: { skus: [] } });
    expect(ringWithoutDaysBefore(ring, '2026-03-02')).toEqual({ record: ring, changed: false });
  });
});

describe('ringMisfit', () => {
  const ring = () => withRecentSnapshots(undefined, keyOf('A'), [snapshot('A', '2026-03-02', 1)]).record;
  const cellOf = (r: ReturnType<typeof ring>) => r.readAt.findIndex((readAt) => !Number.isNaN(readAt));
  it('passes a ring as written', () => {
    expect(ringMisfit(ring())).toBeNull();
    expect(ring().day).toHaveLength(RING_CELLS);
  });
  it.each([
    ['a SKU of another group', (r: ReturnType<typeof ring>) => ({ ...r, group: (r.group + 1) % 16 })],
    ['day does not match the SKUs', (r: ReturnType<typeof ring>) => ({ ...r, day: new Int32Array(3) })],
    ['sellable holds -2', (r: ReturnType<typeof ring>) => ({ ...r, sellable: r.sellable.map(() => -2) })],
    [`day ${dayIndex('2026-03-03')} in the cell of another day`, (r: ReturnType<typeof ring>) => ({ ...r, day: r.day.map((d, cell) => (cell === cellOf(r) ? d + 1 : d)) })],
  ])('names %s', (reason, spoil) => {
    expect(ringMisfit(spoil(ring()))).toBe(reason);
    expect(recentDaysSchema.safeParse(spoil(ring())).success).toBe(false);
  });
});
