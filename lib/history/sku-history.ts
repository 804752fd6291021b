import { z } from 'zod/mini';

import { skuFiguresSchema, type Market } from '../records';
import { daySchema, type SkuSnapshot } from './schema';
import { FIGURE_COLUMNS } from './sku-columns';

/**
 * One SKU's history as the options page charts it: a column per figure, one cell per day, the
 * days once, and the market (which sets each day's seasonal water line) once per change.
 *
 * Why columns: a 400-day history as 400 snapshot objects was a ~98,000-character answer, checked
 * field by field by the worker and again by the page; as columns it is ~12,400. Only the figures
 * the chart and its table show travel; the full snapshots stay in backups and CSV.
 */

const figures = z.array(skuFiguresSchema.shape.sellable);

const skuHistoryShape = z.object({
  /** Oldest first, each day once. */
  days: z.array(daySchema),
  sellable: figures,
  inTransit: figures,
  dailySales: figures,
  turnoverDays: figures,
  /** The SKU's market from a day on: the first entry from the first day, one more per change. */
  markets: z.array(z.object({ fromDay: daySchema, market: skuFiguresSchema.shape.market })),
});
export type SkuHistory = z.infer<typeof skuHistoryShape>;

/** Why the columns do not describe one day per cell, or null when they do. */
function misfit({ days, markets, ...columns }: SkuHistory): string | null {
  for (const name of FIGURE_COLUMNS) if (columns[name].length !== days.length) return `${name} has ${columns[name].length} cells for ${days.length} days`;
  for (let i = 1; i < days.length; i += 1) if (days[i - 1]! >= days[i]!) return `days out of order at ${days[i]}`;
  if (days.length === 0) return markets.length === 0 ? null : 'markets without days';
  if (markets[0]?.fromDay !== days[0]) return 'markets do not start on the first day';
  const seen = new Set(days);
  for (let i = 1; i < markets.length; i += 1) {
    const { fromDay } = markets[i]!;
    if (!seen.has(fromDay) || fromDay <= markets[i - 1]!.fromDay) return `market change on ${fromDay} is not one of the days, in order`;
  }
  return null;
}

export const skuHistorySchema = skuHistoryShape.check((payload) => {
  const reason = misfit(payload.value);
  if (reason) payload.issues.push({ code: 'custom', message: reason, input: payload.value });
});

/** One SKU's snapshots (oldest first, one a day, as readSkuHistory gives them) as its history. */
export function skuHistoryOf(snapshots: readonly SkuSnapshot[]): SkuHistory {
  const history: SkuHistory = { days: [], sellable: [], inTransit: [], dailySales: [], turnoverDays: [], markets: [] };
  for (const snapshot of snapshots) {
    // The first day always starts an entry: no entry's market is undefined.
    if (history.markets.at(-1)?.market !== snapshot.market) history.markets.push({ fromDay: snapshot.day, market: snapshot.market });
    history.days.push(snapshot.day);
    for (const name of FIGURE_COLUMNS) history[name].push(snapshot[name]);
  }
  return history;
}

/** Each day's market, from the history's changes: what the water line of that day depends on. */
export function marketsByDay({ days, markets }: SkuHistory): (Market | null)[] {
  let change = -1;
  return days.map((day) => {
    while (change + 1 < markets.length && markets[change + 1]!.fromDay <= day) change += 1;
    return markets[change]?.market ?? null;
  });
}
