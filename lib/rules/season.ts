import type { MessageKey } from '../i18n';
import { sectionSource } from '../policy/table';
import type { Market } from '../records';
import type { RuleContext } from './context';
import { yearlyOccurrence, daysBetween, type Day } from './day';

/** The seasonal calendar of the safety water line: the shipped ES Christmas rule (S2) and the seller's own windows. */

export interface SeasonalWindow {
  market: Market;
  /** This occurrence's first and last day, both included. */
  from: Day;
  to: Day;
  multiplier: number;
  /** The seller's name for their window; null for the shipped rule. */
  label: string | null;
  source: MessageKey;
}

/** Every seasonal window in force on `day`, in any market (worked out once per context: a page of SKUs asks for each). */
export function windowsInForce(ctx: Omit<RuleContext, 'leadTimeDays'>): SeasonalWindow[] {
  let active = inForce.get(ctx);
  if (!active) inForce.set(ctx, (active = windowsOn(ctx)));
  return active;
}

const inForce = new WeakMap<object, SeasonalWindow[]>();

function windowsOn({ policy, seasons, day }: Omit<RuleContext, 'leadTimeDays'>): SeasonalWindow[] {
  const { christmas, entries } = policy;
  const active: SeasonalWindow[] = [];
  const shipped = yearlyOccurrence(day, christmas.monthDay, entries.christmasDaysBefore.value);
  if (shipped) {
    active.push({ market: christmas.market, ...shipped, multiplier: entries.christmasMultiplier.value, label: null, source: sectionSource('safety') });
  }
  for (const w of seasons) {
    const occurrence = w.everyYear
      ? yearlyOccurrence(day, w.to.slice(5), daysBetween(w.from, w.to))
      : w.from <= day && day <= w.to
        ? { from: w.from, to: w.to }
        : null;
    if (occurrence) active.push({ market: w.market, ...occurrence, multiplier: w.multiplier, label: w.label, source: 'rule_src_userWindow' });
  }
  return active;
}

export interface MultiplierInForce {
  /** Times daily sales; null when the market is unknown while a seasonal window is in force somewhere. */
  multiplier: number | null;
  /** S1 the platform default, S2 a seasonal window. */
  rule: 'S1' | 'S2';
  window: SeasonalWindow | null;
}

/** The highest multiplier in force for the market that day: a window never lowers the platform default. */
export function multiplierInForce(market: Market | null, ctx: Omit<RuleContext, 'leadTimeDays'>): MultiplierInForce {
  // A page of SKUs asks for each row: worked out once per context and market.
  let byMarket = multipliers.get(ctx);
  if (!byMarket) multipliers.set(ctx, (byMarket = new Map()));
  let found = byMarket.get(market);
  if (!found) byMarket.set(market, (found = multiplierOn(market, ctx)));
  return found;
}

const multipliers = new WeakMap<object, Map<Market | null, MultiplierInForce>>();

function multiplierOn(market: Market | null, ctx: Omit<RuleContext, 'leadTimeDays'>): MultiplierInForce {
  const fallback: MultiplierInForce = { multiplier: ctx.policy.entries.safetyMultiplier.value, rule: 'S1', window: null };
  const active = windowsInForce(ctx);
  // Without the market we cannot tell whether today's season applies: unknown, not the default.
  if (market === null) return active.length > 0 ? { multiplier: null, rule: 'S2', window: null } : fallback;
  return active
    .filter((w) => w.market === market)
    .reduce<MultiplierInForce>(
      (best, w) => (best.multiplier !== null && w.multiplier > best.multiplier ? { multiplier: w.multiplier, rule: 'S2', window: w } : best),
      fallback,
    );
}
