import { describe, expect, it } from 'vitest';

import { snapshot } from '@/components/ui/fixtures';
import { skuHistoryOf } from '@/lib/history/sku-history';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { addDays } from '@/lib/rules/day';
import { daySeconds, skuSeries } from './series';

const { entries, christmas } = DEFAULT_POLICY;
const rules = { policy: DEFAULT_POLICY, seasons: [], leadTimeDays: {} };
const christmasDay = `2025-${christmas.monthDay}`;
const seasonStart = addDays(christmasDay, -entries.christmasDaysBefore.value);

describe('sku chart series', () => {
  it("follows each day's water line: the default multiplier, then the seasonal one inside the window", () => {
    const before = addDays(seasonStart, -1);
    const series = skuSeries(skuHistoryOf([snapshot({ day: before, dailySales: 2 }), snapshot({ day: seasonStart, dailySales: 2 })]), rules);
    expect(series.days).toEqual([before, seasonStart]);
    expect(series.line).toEqual([2 * entries.safetyMultiplier.value, 2 * entries.christmasMultiplier.value]);
    expect(series.seasons).toEqual([{ from: daySeconds(seasonStart), to: daySeconds(seasonStart), label: null, multiplier: entries.christmasMultiplier.value }]);
  });

  it('leaves a gap (null), never a zero, where a figure was not shown', () => {
    const series = skuSeries(skuHistoryOf([snapshot({ day: '2025-03-01', sellable: null, dailySales: null, turnoverDays: null })]), rules);
    expect(series.sellable).toEqual([null]);
    expect(series.line).toEqual([null]);
    expect(series.daysOfCover).toEqual([null]);
    expect(series.turnoverDays).toEqual([null]);
  });

  it('marks turnover estimated from stock and sales when the page did not show it', () => {
    const series = skuSeries(
      skuHistoryOf([snapshot({ day: '2025-03-01', sellable: 300, dailySales: 3, turnoverDays: null }), snapshot({ day: '2025-03-02', turnoverDays: 40 })]),
      rules,
    );
    expect(series.turnoverDays).toEqual([100, 40]);
    expect(series.estimated).toEqual([true, false]);
    expect(series.daysOfCover[0]).toBe(100);
  });

  it("takes each day's market for its line: unknown in season until the market is known", () => {
    const next = addDays(seasonStart, 1);
    const history = skuHistoryOf([snapshot({ day: seasonStart, market: null, dailySales: 2 }), snapshot({ day: next, dailySales: 2 })]);
    expect(history.markets).toEqual([
      { fromDay: seasonStart, market: null },
      { fromDay: next, market: 'ES' },
    ]);
    expect(skuSeries(history, rules).line).toEqual([null, 2 * entries.christmasMultiplier.value]);
  });

  it('puts days at midnight UTC, so no time zone moves them', () => {
    expect(daySeconds('2025-01-02')).toBe(Date.UTC(2025, 0, 2) / 1000);
  });
});
