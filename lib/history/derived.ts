import { daysOfCover } from '../rules/safety';
import { daysBetween, DAYS_PER_WEEK, type Day } from '../rules/day';
import type { SkuSnapshot } from './schema';

/**
 * Figures the pages do not show, worked out from a SKU's daily snapshots (pure: the series in,
 * numbers out). Snapshots may have gaps: the seller does not open the inventory page every day.
 */

type Reading = Pick<SkuSnapshot, 'day' | 'sellable' | 'inTransit'>;

// Planning compares days of 10,000 series that share a few dozen distinct days: number each once.
const dayNumbers = new Map<Day, number>();
const EPOCH: Day = '1970-01-01';

/** The day as a whole number of days, so that day differences in hot loops are a subtraction. */
export function dayIndex(day: Day): number {
  let index = dayNumbers.get(day);
  if (index === undefined) {
    index = daysBetween(EPOCH, day);
    dayNumbers.set(day, index);
  }
  return index;
}

/**
 * Longest gap between two readings still compared. Over a longer one, an inbound and a week of
 * sales can cancel out and look like a quiet spell.
 */
export const MAX_GAP_DAYS = 7;

/** A customer return puts back the single unit it took; it is not a replenishment. */
const RETURN_UNITS = 1;

interface Step {
  from: Reading & { sellable: number };
  to: Reading & { sellable: number };
  days: number;
}

// Planning asks several questions of the same series (sales, replenishments): pair it up once.
const stepsOfSeries = new WeakMap<readonly Reading[], Step[]>();

/** Consecutive readings that can be compared: both sellable figures known, at most MAX_GAP_DAYS apart. */
function steps(series: readonly Reading[]): Step[] {
  let result = stepsOfSeries.get(series);
  if (!result) {
    result = pairUp(series);
    stepsOfSeries.set(series, result);
  }
  return result;
}

function pairUp(series: readonly Reading[]): Step[] {
  const known = series.filter((reading): reading is Reading & { sellable: number } => reading.sellable !== null);
  if (known.some((reading, i) => i > 0 && known[i - 1]!.day > reading.day)) known.sort((a, b) => (a.day < b.day ? -1 : 1));
  const result: Step[] = [];
  for (let i = 1; i < known.length; i += 1) {
    const from = known[i - 1]!;
    const to = known[i]!;
    const days = dayIndex(to.day) - dayIndex(from.day);
    if (days > 0 && days <= MAX_GAP_DAYS) result.push({ from, to, days });
  }
  return result;
}

export interface SalesEstimate {
  /** Units a day; null when no step of the series could be used. */
  dailySales: number | null;
  /** Days of history the estimate stands on. */
  daysUsed: number;
}

/**
 * Daily sales when the page shows none: the stock that went out between readings, per day.
 * A step where stock rose is skipped (an inbound hides that day's sales), and so is one that ends
 * out of stock (sales stopped at zero, not at demand).
 */
export function estimateDailySales(series: readonly Reading[]): SalesEstimate {
  let units = 0;
  let days = 0;
  for (const { from, to, days: gap } of steps(series)) {
    if (to.sellable > from.sellable || to.sellable === 0) continue;
    units += from.sellable - to.sellable;
    days += gap;
  }
  return { dailySales: days > 0 ? units / days : null, daysUsed: days };
}

/**
 * A replenishment arrived between two readings: sellable stock jumped by more than a return, or
 * rose while in-transit stock fell (the shipment was shelved, even if the same day's sales ate
 * most of the rise).
 */
export function isReplenishment({ from, to }: Pick<Step, 'from' | 'to'>): boolean {
  const rise = to.sellable - from.sellable;
  if (rise <= 0) return false;
  const shelved = from.inTransit !== null && to.inTransit !== null && to.inTransit < from.inTransit;
  return shelved || rise > RETURN_UNITS;
}

export interface WeeklyReplenishments {
  /** Replenishments seen in the 7 days ending on the given day (a lower bound when not complete). */
  count: number;
  /** Days of that week lying between two compared readings; 7 means no replenishment can have been missed. */
  daysCovered: number;
  complete: boolean;
}

/** Replenishments of one SKU in the rolling week ending on `lastDay`, for criterion E4. */
export function replenishmentsInWeek(series: readonly Reading[], lastDay: Day): WeeklyReplenishments {
  const last = dayIndex(lastDay);
  const first = last + 1 - DAYS_PER_WEEK;
  let count = 0;
  let daysCovered = 0;
  for (const step of steps(series)) {
    const to = dayIndex(step.to.day);
    if (to < first || to > last) continue;
    if (isReplenishment(step)) count += 1;
    // Only the part of the step inside the week covers it.
    daysCovered += Math.min(step.days, to - first + 1);
  }
  return { count, daysCovered, complete: daysCovered >= DAYS_PER_WEEK };
}

/**
 * The store's figure for E4 (each SKU must be replenished often enough): the fewest
 * replenishments of any SKU whose week is completely known; null when none is.
 */
export function storeReplenishmentsPerWeek(perSku: readonly WeeklyReplenishments[]): number | null {
  const known = perSku.filter((week) => week.complete).map((week) => week.count);
  return known.length > 0 ? Math.min(...known) : null;
}

export interface CoverPoint {
  day: Day;
  /** Sellable stock ÷ daily sales that day; null when either is unknown. */
  daysOfCover: number | null;
}

/**
 * Days of cover day by day, for the trend chart. A day whose page showed no daily sales uses
 * `fallbackDailySales` (the history estimate), so one blank cell does not break the line.
 */
export function coverTrend(series: readonly SkuSnapshot[], fallbackDailySales: number | null = null): CoverPoint[] {
  return [...series]
    .sort((a, b) => (a.day < b.day ? -1 : 1))
    .map((snapshot) => ({ day: snapshot.day, daysOfCover: daysOfCover(snapshot.sellable, snapshot.dailySales ?? fallbackDailySales) }));
}

/** Least-squares change per day of a daily series; null with fewer than two known points. */
export function slopePerDay(points: readonly { day: Day; value: number | null }[]): number | null {
  const known = points.filter((point): point is { day: Day; value: number } => point.value !== null);
  if (known.length < 2) return null;
  const xs = known.map((point) => dayIndex(point.day));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = known.reduce((sum, point) => sum + point.value, 0) / known.length;
  let covariance = 0;
  let variance = 0;
  known.forEach((point, i) => {
    covariance += (xs[i]! - meanX) * (point.value - meanY);
    variance += (xs[i]! - meanX) ** 2;
  });
  return variance > 0 ? covariance / variance : null;
}
