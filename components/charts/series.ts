import { marketsByDay, type SkuHistory } from '@/lib/history/sku-history';
import type { RuleContext } from '@/lib/rules/context';
import { safetyLine } from '@/lib/rules/safety';
import { turnover } from '@/lib/rules/turnover';
import type { Day } from '@/lib/rules/day';

/**
 * One SKU's history as chart series: each day's sellable stock against that day's water line (the
 * multiplier in force on that day, so a seasonal window shows as a step), days of cover and
 * turnover days, with the seasonal windows to shade. The rules compute every derived figure, the
 * same way the badges do.
 */

export interface SeasonBand {
  /** Seconds since the epoch (uPlot's x unit), first and last day of the window within the chart. */
  from: number;
  to: number;
  /** The seller's name for the window, or null for the shipped rule. */
  label: string | null;
  multiplier: number;
}

export interface SkuSeries {
  days: Day[];
  /** Midnight UTC of each day, in seconds. */
  x: number[];
  sellable: (number | null)[];
  inTransit: (number | null)[];
  line: (number | null)[];
  daysOfCover: (number | null)[];
  turnoverDays: (number | null)[];
  /** Days whose turnover is estimated (sellable ÷ daily sales), not shown by the page. */
  estimated: boolean[];
  seasons: SeasonBand[];
}

export const daySeconds = (day: Day): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 1000;

export const secondsDay = (seconds: number): Day => new Date(seconds * 1000).toISOString().slice(0, 10);

export function skuSeries(history: SkuHistory, rules: Omit<RuleContext, 'day'>): SkuSeries {
  const { days, sellable, inTransit, dailySales, turnoverDays } = history;
  const markets = marketsByDay(history);
  const series: SkuSeries = { days, x: days.map(daySeconds), sellable, inTransit, line: [], daysOfCover: [], turnoverDays: [], estimated: [], seasons: [] };
  const seen = new Map<string, SeasonBand>();
  for (const [i, day] of days.entries()) {
    const figures = { sellable: sellable[i]!, inTransit: inTransit[i]!, dailySales: dailySales[i]!, turnoverDays: turnoverDays[i]!, market: markets[i]! };
    const safety = safetyLine(figures, { ...rules, day });
    const ito = turnover(figures, rules.policy);
    series.line.push(safety.line);
    series.daysOfCover.push(safety.daysOfCover);
    series.turnoverDays.push(ito.turnoverDays);
    series.estimated.push(ito.basis === 'estimated');
    const { window } = safety;
    if (window) {
      const id = `${window.from}|${window.to}|${window.label ?? ''}`;
      if (!seen.has(id)) seen.set(id, { from: daySeconds(window.from), to: daySeconds(window.to), label: window.label, multiplier: window.multiplier });
    }
  }
  // Shade only what the chart shows.
  const first = series.x[0];
  const last = series.x[series.x.length - 1];
  if (first !== undefined && last !== undefined) {
    series.seasons = [...seen.values()].map((band) => ({ ...band, from: Math.max(band.from, first), to: Math.min(band.to, last) }));
  }
  return series;
}
