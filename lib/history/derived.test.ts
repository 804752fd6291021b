import { describe, expect, it } from 'vitest';

import { skuRow } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import {
  coverTrend,
  estimateDailySales,
  isReplenishment,
  replenishmentsInWeek,
  slopePerDay,
  storeReplenishmentsPerWeek,
} from './derived';
import type { SkuSnapshot } from './schema';

const START = '2026-03-01';
/** A series from START, one reading a day; null leaves a gap (no reading that day). */
const daily = (sellable: (number | null)[], inTransit: (number | null)[] = []): SkuSnapshot[] =>
  sellable.flatMap((units, i) =>
    units === null
      ? []
      : [{ ...skuRow('A', { sellable: units, inTransit: inTransit[i] ?? null, dailySales: null }), storeId: '2088', day: addDays(START, i), readAt: i }],
  );

describe('estimateDailySales', () => {
  it('averages the stock that went out per day', () => {
    expect(estimateDailySales(daily([100, 90, 82, 70]))).toEqual({ dailySales: 10, daysUsed: 3 });
  });

  it('spreads a drop over the days of a gap', () => {
    // 100 on day 0, nothing read on days 1-2, 70 on day 3: 10 a day.
    expect(estimateDailySales(daily([100, null, null, 70]))).toEqual({ dailySales: 10, daysUsed: 3 });
  });

  it('skips the day stock rose (inbound), whose sales it hides', () => {
    expect(estimateDailySales(daily([100, 90, 300, 290]))).toEqual({ dailySales: 10, daysUsed: 2 });
  });

  it('skips days that end out of stock: sales stopped at zero, not at demand', () => {
    expect(estimateDailySales(daily([30, 20, 0, 0, 200, 180]))).toEqual({ dailySales: 15, daysUsed: 2 });
  });

  it('counts a day with no drop as a day without sales', () => {
    expect(estimateDailySales(daily([50, 50, 44]))).toEqual({ dailySales: 3, daysUsed: 2 });
  });

  it('does not compare readings further apart than a week', () => {
    const far = daily([100, ...Array<null>(8).fill(null), 10]);
    expect(estimateDailySales(far)).toEqual({ dailySales: null, daysUsed: 0 });
  });

  it('knows nothing from unknown stock or a single reading', () => {
    expect(estimateDailySales(daily([100]))).toEqual({ dailySales: null, daysUsed: 0 });
    expect(estimateDailySales([...daily([100]), { ...daily([null, 80])[0]!, sellable: null }])).toEqual({ dailySales: null, daysUsed: 0 });
  });

  it('reads the series in day order whatever order it comes in', () => {
    expect(estimateDailySales(daily([100, 90, 80]).reverse())).toEqual({ dailySales: 10, daysUsed: 2 });
  });
});

describe('replenishments', () => {
  const step = (from: [number, number | null], to: [number, number | null]) => ({
    from: { day: START, sellable: from[0], inTransit: from[1] },
    to: { day: addDays(START, 1), sellable: to[0], inTransit: to[1] },
  });

  it('sees an inbound jump, or a rise while in transit fell, but not a returned unit', () => {
    expect(isReplenishment(step([10, null], [60, null]))).toBe(true);
    expect(isReplenishment(step([10, 200], [11, 100]))).toBe(true);
    expect(isReplenishment(step([10, 200], [11, 200]))).toBe(false);
    expect(isReplenishment(step([10, null], [12, null]))).toBe(true);
    expect(isReplenishment(step([10, 200], [8, 100]))).toBe(false);
  });

  it('counts the replenishments of the 7 days ending on the given day', () => {
    // Day 0 is the day before the week (days 1..7); inbound on days 3 and 6, one before the week.
    const series = daily([50, 40, 30, 90, 80, 70, 120, 110], [100, 100, 100, 40, 40, 40, 0, 0]);
    const before = daily([10, 60]);
    expect(replenishmentsInWeek(series, addDays(START, 7))).toEqual({ count: 2, daysCovered: 7, complete: true });
    expect(replenishmentsInWeek(before, addDays(START, 1))).toMatchObject({ count: 1 });
  });

  it('says a week with a reading missing at its start is incomplete', () => {
    const series = daily([null, 40, 30, 90, 80, 70, 120, 110]);
    expect(replenishmentsInWeek(series, addDays(START, 7))).toEqual({ count: 2, daysCovered: 6, complete: false });
  });

  it('counts a step across a gap only for the days inside the week', () => {
    const series = daily([50, null, null, 40, null, null, null, null, 30, 25]);
    // Week: days 3..9. Steps ending in it: 0->3 (covers day 3 only), 3->8 (5 days), 8->9 (1 day).
    expect(replenishmentsInWeek(series, addDays(START, 9))).toEqual({ count: 0, daysCovered: 7, complete: true });
  });

  it('gives the store the weakest SKU\'s count among complete weeks', () => {
    expect(
      storeReplenishmentsPerWeek([
        { count: 3, daysCovered: 7, complete: true },
        { count: 1, daysCovered: 7, complete: true },
        { count: 0, daysCovered: 3, complete: false },
      ]),
    ).toBe(1);
    expect(storeReplenishmentsPerWeek([{ count: 0, daysCovered: 3, complete: false }])).toBeNull();
  });
});

describe('coverTrend and slopePerDay', () => {
  it('gives days of cover per day, the history estimate standing in for a missing daily sales figure', () => {
    const series = daily([100, 80, 0]).map((s, i) => ({ ...s, dailySales: i === 1 ? null : 20 }));
    expect(coverTrend(series, 10)).toEqual([
      { day: START, daysOfCover: 5 },
      { day: addDays(START, 1), daysOfCover: 8 },
      { day: addDays(START, 2), daysOfCover: 0 },
    ]);
    expect(coverTrend(series)[1]?.daysOfCover).toBeNull();
  });

  it('fits a straight line through days with gaps', () => {
    expect(slopePerDay([
      { day: START, value: 60 },
      { day: addDays(START, 1), value: null },
      { day: addDays(START, 3), value: 66 },
      { day: addDays(START, 4), value: 68 },
    ])).toBeCloseTo(2);
    expect(slopePerDay([{ day: START, value: 60 }])).toBeNull();
  });
});
