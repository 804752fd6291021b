import type { SkuFigures } from '../records';
import type { RuleContext } from './context';
import { multiplierInForce, type SeasonalWindow } from './season';
import { finite, paramsOf, type Explanation } from './verdict';

/** The safety water line per SKU (rules §3): daily sales × the multiplier in force for its market today. */

export type SafetyStatus = 'ok' | 'low' | 'out' | 'unknown';

export interface SafetyVerdict extends Explanation {
  rule: 'S1' | 'S2';
  status: SafetyStatus;
  sellable: number | null;
  /** Shown beside the line, never counted in it: it is not sellable yet. */
  inTransit: number | null;
  dailySales: number | null;
  multiplier: number | null;
  window: SeasonalWindow | null;
  /** Units: daily sales × multiplier. */
  line: number | null;
  /** Sellable stock ÷ daily sales; null without sales to divide by. */
  daysOfCover: number | null;
}

export type SafetyFigures = Pick<SkuFigures, 'sellable' | 'inTransit' | 'dailySales' | 'market'>;

export const daysOfCover = (sellable: number | null, dailySales: number | null): number | null =>
  sellable !== null && dailySales !== null && dailySales > 0 ? finite(sellable / dailySales) : null;

function statusOf(sellable: number | null, line: number | null): SafetyStatus {
  if (sellable === 0) return 'out';
  if (sellable === null || line === null) return 'unknown';
  return sellable < line ? 'low' : 'ok';
}

const lineOf = (dailySales: number | null, multiplier: number | null): number | null =>
  multiplier !== null && dailySales !== null ? finite(dailySales * multiplier) : null;

/** The status alone, for a table's thousands of badges: the verdict is worked out when its explanation is asked for. */
export const safetyStatus = ({ sellable, dailySales, market }: SafetyFigures, ctx: RuleContext): SafetyStatus =>
  statusOf(sellable, lineOf(dailySales, multiplierInForce(market, ctx).multiplier));

export function safetyLine(sku: SafetyFigures, ctx: RuleContext): SafetyVerdict {
  const { sellable, inTransit, dailySales, market } = sku;
  const { multiplier, rule, window } = multiplierInForce(market, ctx);
  const line = lineOf(dailySales, multiplier);
  const status = statusOf(sellable, line);
  const cover = daysOfCover(sellable, dailySales);
  const entries = ctx.policy.entries;
  // With both figures shown, an unknown status can only come from an unknown market in season.
  const figuresShown = sellable !== null && dailySales !== null;
  return {
    rule,
    status,
    sellable,
    inTransit,
    dailySales,
    multiplier,
    window,
    line,
    daysOfCover: cover,
    source: window?.source ?? 'policy_src_safety',
    what: multiplier === null ? 'rule_safety_what_noMarket' : `rule_${rule}_what`,
    todo: status === 'unknown' && figuresShown ? 'rule_safety_todo_noMarket' : `rule_safety_todo_${status}`,
    params: paramsOf({
      sellable,
      inTransit,
      dailySales,
      multiplier,
      line: line === null ? null : Math.ceil(line),
      daysOfCover: cover,
      shortfall: line === null || sellable === null ? null : Math.max(0, Math.ceil(line - sellable)),
      rankingDrop: entries.stockOutRankingDropPct.value,
      market: window?.market ?? market,
      from: window?.from ?? null,
      to: window?.to ?? null,
      label: window?.label ?? null,
    }),
  };
}
