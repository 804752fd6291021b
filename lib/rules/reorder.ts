import type { SkuFigures } from '../records';
import type { RuleContext } from './context';
import { addDays, DAYS_PER_WEEK, type Day } from './day';
import { multiplierInForce } from './season';
import { finite, paramsOf, type Explanation } from './verdict';

/**
 * Reorder advice beyond the platform's rule (R1): when to ship the next replenishment and how much,
 * so that it lands before stock falls below the safety water line.
 *   reorder point = daily sales × lead time + safety stock
 *   suggested quantity covers lead time + review period, less what is sellable and in transit
 *   last safe ship-by day = the day the stock position reaches the reorder point
 * The review period follows from E4: replenishing the required times a week means one review every
 * week ÷ that many days.
 */

export type ReorderStatus = 'reorder' | 'ok' | 'unknown';

export interface ReorderVerdict extends Explanation {
  rule: 'R1';
  status: ReorderStatus;
  leadTimeDays: number | null;
  reviewDays: number;
  /** Daily sales × the higher multiplier of today and of the day a shipment sent today would arrive. */
  safetyStock: number | null;
  reorderPoint: number | null;
  /** Sellable + in transit; in transit counted as 0 when the page does not show it (the cautious side). */
  position: number | null;
  suggestedUnits: number | null;
  /** Null when there are no sales to run the stock down. */
  shipBy: Day | null;
}

export type ReorderFigures = Pick<SkuFigures, 'sellable' | 'inTransit' | 'dailySales' | 'market'>;

/** Further out than a century a ship-by day means nothing (and past ±273,790 years no Date holds it). */
const SHIP_BY_HORIZON_DAYS = 36_525;

export function reorderAdvice(sku: ReorderFigures, ctx: RuleContext): ReorderVerdict {
  const { sellable, inTransit, dailySales, market } = sku;
  const lead = market === null ? null : (ctx.leadTimeDays[market] ?? null);
  const reviewDays = DAYS_PER_WEEK / ctx.policy.entries.replenishmentsPerWeekMin.value;
  // A shipment sent today must also cover the season it lands in.
  const multipliers =
    lead === null ? [] : [ctx.day, addDays(ctx.day, lead)].map((day) => multiplierInForce(market, { ...ctx, day }).multiplier);
  const multiplier = multipliers.length === 0 || multipliers.includes(null) ? null : Math.max(...(multipliers as number[]));

  const unknown = (todo: 'rule_reorder_todo_unknown' | 'rule_reorder_todo_leadTime'): ReorderVerdict => ({
    rule: 'R1',
    status: 'unknown',
    leadTimeDays: lead,
    reviewDays,
    safetyStock: null,
    reorderPoint: null,
    position: null,
    suggestedUnits: null,
    shipBy: null,
    source: 'rule_src_reorder',
    what: 'rule_R1_what',
    todo,
    params: paramsOf({ market }),
  });
  if (sellable === null || dailySales === null) return unknown('rule_reorder_todo_unknown');
  if (lead === null || multiplier === null) return unknown('rule_reorder_todo_leadTime');

  const safetyStock = dailySales * multiplier;
  const reorderPoint = dailySales * lead + safetyStock;
  const position = sellable + (inTransit ?? 0);
  const suggestedUnits = Math.max(0, Math.ceil(dailySales * (lead + reviewDays) + safetyStock - position));
  if ([safetyStock, reorderPoint, position, suggestedUnits].some((n) => finite(n) === null)) return unknown('rule_reorder_todo_unknown');
  const daysLeft = dailySales > 0 ? Math.floor((position - reorderPoint) / dailySales) : null;
  const shipBy = daysLeft !== null && Math.abs(daysLeft) <= SHIP_BY_HORIZON_DAYS ? addDays(ctx.day, daysLeft) : null;
  const status: ReorderStatus = position <= reorderPoint && dailySales > 0 ? 'reorder' : 'ok';
  const { entries } = ctx.policy;
  return {
    rule: 'R1',
    status,
    leadTimeDays: lead,
    reviewDays,
    safetyStock,
    reorderPoint,
    position,
    suggestedUnits,
    shipBy,
    source: 'rule_src_reorder',
    what: 'rule_R1_what',
    todo: `rule_reorder_todo_${status}`,
    params: paramsOf({
      lead,
      review: reviewDays,
      multiplier,
      safetyStock: Math.ceil(safetyStock),
      reorderPoint: Math.ceil(reorderPoint),
      position,
      units: suggestedUnits,
      shipBy,
      withoutSmartPct: entries.sellersWithoutSmartReplenishmentPct.value,
      stockOutRatio: entries.stockOutRateRatio.value,
    }),
  };
}
