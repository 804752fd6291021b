import type { MessageKey } from '../i18n';
import type { Policy } from '../policy/table';
import type { SkuFigures } from '../records';
import { cents, finite, paramsOf, type Explanation } from './verdict';

/** Inventory turnover days (ITO, rules §4): the band, and what a slow mover costs each month. */

export type TurnoverStatus = 'rebate' | 'normal' | 'surcharge' | 'unknown';

export interface TurnoverVerdict extends Explanation {
  rule: 'T1';
  status: TurnoverStatus;
  turnoverDays: number | null;
  /** Whether the page showed the figure or it was estimated as sellable stock ÷ daily sales. */
  basis: 'shown' | 'estimated' | null;
  basisNote: MessageKey | null;
  /** The band edges: below the first a fast mover, above the second a slow mover. */
  rebateBelowDays: number;
  surchargeAboveDays: number;
  /** Units that pay the slow-moving premium: the sellable stock in the surcharge band, 0 outside it, null when unknown. */
  surchargeUnits: number | null;
  /** CNY a month: those units × the premium. */
  surchargeCnyPerMonth: number | null;
}

export type TurnoverFigures = Pick<SkuFigures, 'sellable' | 'dailySales' | 'turnoverDays'>;

/** The turnover days shown, or estimated as sellable ÷ daily sales: the figure alone, without a verdict (planning's trend asks for thousands). */
export function turnoverDays({ turnoverDays: shown, sellable, dailySales }: TurnoverFigures): Pick<TurnoverVerdict, 'turnoverDays' | 'basis'> {
  if (shown !== null) return { turnoverDays: shown, basis: 'shown' };
  const estimate = sellable !== null && dailySales !== null && sellable > 0 && dailySales > 0 ? finite(sellable / dailySales) : null;
  return estimate === null ? { turnoverDays: null, basis: null } : { turnoverDays: estimate, basis: 'estimated' };
}

/** The band of a turnover figure, by the policy's edges. */
function bandOf(days: number | null, { entries }: Policy): TurnoverStatus {
  if (days === null) return 'unknown';
  return days > entries.slowMovingAboveDays.value ? 'surcharge' : days < entries.fastMovingBelowDays.value ? 'rebate' : 'normal';
}

/** The band and its basis alone, for a table's thousands of badges: the verdict is worked out when its explanation is asked for. */
export function turnoverStatus(sku: TurnoverFigures, policy: Policy): Pick<TurnoverVerdict, 'status' | 'basis'> {
  const { turnoverDays: days, basis } = turnoverDays(sku);
  return { status: bandOf(days, policy), basis };
}

export function turnover(sku: TurnoverFigures, policy: Policy): TurnoverVerdict {
  const { entries } = policy;
  const below = entries.fastMovingBelowDays.value;
  const above = entries.slowMovingAboveDays.value;
  const { turnoverDays: days, basis } = turnoverDays(sku);
  const status = bandOf(days, policy);
  const rate = entries.slowMovingSurcharge.value;
  const units = status === 'unknown' ? null : status === 'surcharge' ? sku.sellable : 0;
  const surcharge = units === null ? null : cents(units * rate);
  return {
    rule: 'T1',
    status,
    turnoverDays: days,
    basis,
    basisNote: basis === null ? null : `rule_ito_basis_${basis}`,
    rebateBelowDays: below,
    surchargeAboveDays: above,
    surchargeUnits: units,
    surchargeCnyPerMonth: surcharge,
    source: 'policy_src_turnover',
    what: 'rule_T1_what',
    todo: `rule_ito_todo_${status}`,
    params: paramsOf({
      days,
      below,
      above,
      rate,
      rebatePct: entries.fastMovingRebateMaxPct.value,
      sellable: sku.sellable,
      surcharge,
    }),
  };
}
