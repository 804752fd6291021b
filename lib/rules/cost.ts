import type { MessageKey } from '../i18n';
import { entryLabel, type Policy, type PolicyKey, type RuleId } from '../policy/table';
import { DAYS_PER_MONTH } from './day';
import { turnover, type TurnoverFigures, type TurnoverVerdict } from './turnover';
import { cents, finite } from './verdict';

/**
 * Monthly cost of one SKU in the standard warehouse (rules §4 fee table): storage for the stock
 * held, the slow-moving premium, and the operations every unit sold passes through (inbound QC,
 * shelving, outbound packing), with labelling and returns where the seller says so.
 */

export interface CostOptions {
  /** The warehouse labels each unit. */
  labelling?: boolean;
  /** Units returned a month. */
  returnsPerMonth?: number;
}

export interface CostLine {
  policyKey: PolicyKey;
  rule: RuleId;
  label: MessageKey;
  units: number | null;
  /** CNY per unit (per month for storage and the premium). */
  rate: number;
  cny: number | null;
}

export interface CostEstimate {
  lines: CostLine[];
  /** Null when a line could not be computed: never a partial total. */
  totalCny: number | null;
  /** A fast mover may claim up to this much of its operation fees back; 0 in other bands. */
  rebateUpToCny: number | null;
  /** Daily sales × a month: what passes through the warehouse, at steady state in and out. */
  outboundUnits: number | null;
  turnover: TurnoverVerdict;
}

const sum = (values: readonly (number | null)[]): number | null =>
  values.includes(null) ? null : cents((values as number[]).reduce((a, b) => a + b, 0));

export function monthlyCost(sku: TurnoverFigures, options: CostOptions, policy: Policy): CostEstimate {
  const ito = turnover(sku, policy);
  const outbound = sku.dailySales === null ? null : finite(sku.dailySales * DAYS_PER_MONTH);
  const line = (policyKey: PolicyKey, units: number | null): CostLine => {
    const { rule, value } = policy.entries[policyKey];
    return { policyKey, rule, label: entryLabel(policyKey), units, rate: value, cny: units === null ? null : cents(units * value) };
  };
  const operations = [
    line('inboundQcFee', outbound),
    line('shelvingFee', outbound),
    line('packingFee', outbound),
    ...(options.labelling ? [line('labellingFee', outbound)] : []),
    ...(options.returnsPerMonth ? [line('returnFee', options.returnsPerMonth)] : []),
  ];
  const lines = [line('storageFee', sku.sellable), line('slowMovingSurcharge', ito.surchargeUnits), ...operations];
  const operationFees = sum(operations.map((l) => l.cny));
  const rebateShare = policy.entries.fastMovingRebateMaxPct.value / 100;
  const rebateUpTo = (): number | null => {
    if (ito.status === 'unknown') return null;
    if (ito.status !== 'rebate') return 0;
    return operationFees === null ? null : cents(operationFees * rebateShare);
  };
  return {
    lines,
    totalCny: sum(lines.map((l) => l.cny)),
    rebateUpToCny: rebateUpTo(),
    outboundUnits: outbound,
    turnover: ito,
  };
}
