import { dayIndex, estimateDailySales, replenishmentsInWeek, slopePerDay } from '../history/derived';
import { RECENT_DAYS } from '../history/recent-days';
import { REMINDER_REASONS, type SkuRecent } from '../history/schema';
import type { Market } from '../records';
import type { RuleContext } from '../rules/context';
import { addDays, type Day } from '../rules/day';
import { daysOfCover, safetyLine } from '../rules/safety';
import { multiplierInForce } from '../rules/season';
import { turnover, turnoverDays } from '../rules/turnover';
import type { PlannedReason, PlannedSku, StorePlan } from './schema';

/**
 * Which SKUs need the seller's attention, and why: planned from each SKU's latest snapshot and its
 * last two weeks (lib/history/recent-days.ts: recentOf), never from all history. Pure: records and the rule
 * context (effective policy, seasonal calendar, lead times, today) in, plans out.
 *   out / low      already out of stock / below the safety water line (rules §3)
 *   will-cross     stock reaches the water line before a shipment sent today could land
 *   ito-over-90    turnover days above the slow-moving line now, or heading there this month (§4)
 *   replenishment-short  fewer replenishments in the last full week than E4 asks (§1)
 */
export function planReminders(recent: readonly SkuRecent[], ctx: RuleContext): StorePlan[] {
  const multipliers = cachedMultipliers(ctx);
  const today = dayIndex(ctx.day);
  const lastOfMonth = monthEnd(ctx.day);
  const plans = new Map<string, StorePlan>();
  for (const record of recent) {
    let plan = plans.get(record.storeId);
    if (!plan) {
      plan = { storeId: record.storeId, day: ctx.day, skus: [] };
      plans.set(record.storeId, plan);
    }
    // Figures older than the recent window would remind the seller of a past they have moved on from.
    if (today - dayIndex(record.latest.day) > RECENT_DAYS) continue;
    const planned = planSku(record, ctx, multipliers, lastOfMonth);
    if (planned.reasons.length > 0) plan.skus.push(planned);
  }
  for (const plan of plans.values()) plan.skus = byUrgency(plan.skus);
  return [...plans.values()];
}

/** The water-line multiplier of each day from `from` on, for `days` days; null where unknown. */
type Multipliers = (market: Market | null, from: Day, days: number) => readonly (number | null)[];

// The seasonal calendar is the same for every SKU of a market read the same day: work it out once.
function cachedMultipliers(ctx: RuleContext): Multipliers {
  const cache = new Map<string, (number | null)[]>();
  return (market, from, days) => {
    const key = `${market}|${from}`;
    const known = cache.get(key) ?? [];
    for (let k = known.length; k < days; k += 1) known.push(multiplierInForce(market, { ...ctx, day: addDays(from, k) }).multiplier);
    cache.set(key, known);
    return known;
  };
}

function planSku(record: SkuRecent, ctx: RuleContext, multipliers: Multipliers, lastOfMonth: Day): PlannedSku {
  const { latest, days } = record;
  const estimate = latest.dailySales === null ? estimateDailySales(days).dailySales : null;
  const dailySales = latest.dailySales ?? estimate;
  const dailySalesFrom = latest.dailySales !== null ? latest.dailySalesFrom : estimate !== null ? 'history' : null;
  const figures = { sellable: latest.sellable, inTransit: latest.inTransit, dailySales, market: latest.market };
  const reasons: PlannedReason[] = [];
  const reason = (name: PlannedReason['reason'], figure: number | null, threshold: number | null, day: Day | null, state = '') =>
    reasons.push({ reason: name, state, figure, threshold, day });

  const safety = safetyLine(figures, ctx);
  if (safety.status === 'out') reason('out', 0, safety.line, latest.day);
  else if (safety.status === 'low') reason('low', latest.sellable, safety.line, latest.day);
  else if (safety.status === 'ok') {
    const crossing = waterLineCrossing(record, dailySales, ctx, multipliers);
    if (crossing) reason('will-cross', daysOfCover(latest.sellable, dailySales), crossing.leadTimeDays, crossing.day);
  }

  const slow = slowMoverThisMonth(record, dailySales, ctx, lastOfMonth);
  if (slow) reason('ito-over-90', slow.turnoverDays, ctx.policy.entries.slowMovingAboveDays.value, slow.day, ctx.day.slice(0, 7));

  const minimum = ctx.policy.entries.replenishmentsPerWeekMin.value;
  const week = replenishmentsInWeek(days, latest.day);
  // An incomplete week may hide replenishments: only a fully read week can say "too few".
  if (week.complete && week.count < minimum) reason('replenishment-short', week.count, minimum, null);

  return { snapshot: latest, dailySales, dailySalesFrom, reasons };
}

/**
 * The day sellable stock, running down at daily sales, falls below the water line in force that
 * day, if that is sooner than the market's lead time from today (a shipment sent today lands too
 * late). Walks day by day because a seasonal window can raise the line on the way.
 */
function waterLineCrossing(
  { latest }: SkuRecent,
  dailySales: number | null,
  ctx: RuleContext,
  multipliers: Multipliers,
): { day: Day; leadTimeDays: number } | null {
  const cover = daysOfCover(latest.sellable, dailySales);
  const leadTimeDays = latest.market === null ? undefined : ctx.leadTimeDays[latest.market];
  if (cover === null || leadTimeDays === undefined) return null;
  const horizon = dayIndex(ctx.day) - dayIndex(latest.day) + leadTimeDays;
  const byDay = multipliers(latest.market, latest.day, horizon);
  for (let k = 0; k < horizon; k += 1) {
    const multiplier = byDay[k];
    if (multiplier == null) return null;
    if (cover - k < multiplier) return { day: addDays(latest.day, k), leadTimeDays };
  }
  return null;
}

/**
 * Turnover days over the slow-moving line now, or rising to cross it before the month ends
 * (the storage premium is billed per month): the day it gets there, by the trend of the last
 * two weeks.
 */
function slowMoverThisMonth(
  { latest, days }: SkuRecent,
  dailySales: number | null,
  ctx: RuleContext,
  lastOfMonth: Day,
): { turnoverDays: number; day: Day } | null {
  const line = ctx.policy.entries.slowMovingAboveDays.value;
  const now = turnover({ ...latest, dailySales }, ctx.policy);
  if (now.turnoverDays === null) return null;
  if (now.status === 'surcharge') return { turnoverDays: now.turnoverDays, day: latest.day };
  const slope = slopePerDay(days.map((day) => ({ day: day.day, value: turnoverDays({ ...day, dailySales: day.dailySales ?? dailySales }).turnoverDays })));
  if (slope === null || slope <= 0) return null;
  const day = addDays(latest.day, Math.floor((line - now.turnoverDays) / slope) + 1);
  return day <= lastOfMonth ? { turnoverDays: now.turnoverDays, day } : null;
}

function monthEnd(day: Day): Day {
  const next = addDays(`${day.slice(0, 7)}-28`, 4);
  return addDays(`${next.slice(0, 7)}-01`, -1);
}

/** Out of stock first, then below the line, then the soonest crossing; ties by SKU. */
function byUrgency(skus: PlannedSku[]): PlannedSku[] {
  const keyed = skus.map((sku) => ({
    sku,
    rank: Math.min(...sku.reasons.map((r) => REMINDER_REASONS.indexOf(r.reason))),
    day: sku.reasons.reduce((first, r) => (r.day !== null && r.day < first ? r.day : first), '\uffff'),
  }));
  keyed.sort((a, b) => a.rank - b.rank || a.day.localeCompare(b.day) || a.sku.snapshot.sku.localeCompare(b.sku.snapshot.sku));
  return keyed.map((entry) => entry.sku);
}
