import { describe, expect, it } from 'vitest';

import { t } from '../i18n';
import { choiceAdmission } from '../rules/choice';
import { monthlyCost } from '../rules/cost';
import { eligibility } from '../rules/eligibility';
import { explainEventCode } from '../rules/event-code';
import { reorderAdvice } from '../rules/reorder';
import { safetyLine } from '../rules/safety';
import { turnover } from '../rules/turnover';
import { emptyStoreFigures, type StoreFigures } from '../records';
import {
  DEFAULT_POLICY,
  EXPLANATION_SECTIONS,
  POLICY_KEYS,
  UNIT_RANGES,
  entryLabel,
  sectionSource,
  unitLabel,
  type Policy,
  type PolicyKey,
} from './table';

/** Entries no rule reads: they explain the platform (overview, §6, §7) and are only shown. */
const isExplanation = (key: PolicyKey) => EXPLANATION_SECTIONS.includes(DEFAULT_POLICY.entries[key].section);
const explanationKeys = POLICY_KEYS.filter(isExplanation);
const ruleKeys = POLICY_KEYS.filter((key) => !isExplanation(key));

const withValue = (key: PolicyKey, value: number): Policy => ({
  ...DEFAULT_POLICY,
  entries: { ...DEFAULT_POLICY.entries, [key]: { ...DEFAULT_POLICY.entries[key], value } },
});

const store = (figures: Partial<StoreFigures>): StoreFigures => ({ ...emptyStoreFigures(), ...figures });
const criterionOf = (summary: { criteria: { rule: string; status: string; params: object }[] }, rule: string) =>
  summary.criteria.find((c) => c.rule === rule)!;
const sku = { sellable: 100, inTransit: 0, dailySales: 10, market: 'ES' as const, turnoverDays: null };
const ctx = (policy: Policy, day = '2025-06-01') => ({ policy, seasons: [], leadTimeDays: { ES: 10 }, day });

describe('the policy table', () => {
  it('holds every number of the rules document, once, with its rule id and unit', () => {
    const table = Object.fromEntries(POLICY_KEYS.map((k) => [k, [DEFAULT_POLICY.entries[k].rule, DEFAULT_POLICY.entries[k].value, DEFAULT_POLICY.entries[k].unit]]));
    expect(table).toEqual({
      dsrMin: ['E1', 4.78, 'score'],
      dsrWindowDays: ['E1', 90, 'days'],
      ordersMin: ['E2', 500, 'orders'],
      ordersWindowDays: ['E2', 30, 'days'],
      fakeShipmentsMax: ['E3', 0, 'times'],
      overtimeUnshippedLimit: ['E3', 3, 'times'],
      violationsWindowDays: ['E3', 30, 'days'],
      replenishmentsPerWeekMin: ['E4', 2, 'perWeek'],
      fulfilmentP95MaxDays: ['C1', 7, 'days'],
      cancellationRateLimitPct: ['C2', 1.2, 'percent'],
      pickingAccuracyMinPct: ['C3', 99.95, 'percent'],
      syncErrorMaxPct: ['C4', 0.3, 'percent'],
      safetyMultiplier: ['S1', 7, 'timesDailySales'],
      christmasMultiplier: ['S2', 15, 'timesDailySales'],
      christmasDaysBefore: ['S2', 30, 'days'],
      stockOutRankingDropPct: ['S3', 52, 'percent'],
      sellersWithoutSmartReplenishmentPct: ['S4', 92, 'percent'],
      stockOutRateRatio: ['S4', 3.8, 'ratio'],
      slowMovingAboveDays: ['T1', 90, 'days'],
      fastMovingBelowDays: ['T1', 30, 'days'],
      slowMovingSurcharge: ['T2', 0.3, 'cnyPerUnitMonth'],
      fastMovingRebateMaxPct: ['T3', 15, 'percent'],
      storageFee: ['F1', 0.85, 'cnyPerUnitMonth'],
      inboundQcFee: ['F2', 1.2, 'cnyPerUnit'],
      shelvingFee: ['F3', 0.6, 'cnyPerUnit'],
      packingFee: ['F4', 1.8, 'cnyPerUnit'],
      labellingFee: ['F5', 0.5, 'cnyPerUnit'],
      returnFee: ['F6', 3.2, 'cnyPerUnit'],
      localDeliveryMinDays: ['L1', 3, 'days'],
      localDeliveryMaxDays: ['L1', 7, 'days'],
      declarationRejectionsPct: ['Q1', 82.3, 'percent'],
      declarationMismatchMaxPct: ['Q1', 5, 'percent'],
      bankStatementsMonths: ['Q2', 3, 'months'],
      reviewMinWorkingDays: ['Q3', 3, 'workingDays'],
      reviewMaxWorkingDays: ['Q3', 5, 'workingDays'],
      gmvGrowthYoYPct: ['X1', 187, 'percentChange'],
      addToCartGrowthPct: ['X2', 32, 'percentChange'],
      returnsDropPoints: ['X3', 9.6, 'points'],
      logisticsScoreGain: ['X4', 2.1, 'score'],
      choiceExposureGainPct: ['X5', 35, 'percentChange'],
      returnCostDropPct: ['X6', 41, 'percentChange'],
      capitalTiedUpDays: ['X7', 42, 'days'],
      homeGardenGmvSharePct: ['X8', 28.6, 'percent'],
      electronicsGmvSharePct: ['X8', 21.3, 'percent'],
      autoPartsGmvSharePct: ['X8', 15.7, 'percent'],
    });
    expect(DEFAULT_POLICY.requiredStoreEntity).toBe('enterprise');
    expect(DEFAULT_POLICY.christmas).toEqual({ market: 'ES', monthDay: '12-25' });
    expect(Object.keys(DEFAULT_POLICY.knownEventCodes)).toEqual(['ES-402', 'MX-711']);
    expect(DEFAULT_POLICY.failureShares).toEqual({ customs: 61.4, shelving: 23.7, sync: 14.9 });
  });

  it('lets the seller adjust thresholds, multipliers and fees, but not windows or context figures', () => {
    const fixed = POLICY_KEYS.filter((k) => !DEFAULT_POLICY.entries[k].overridable && !isExplanation(k));
    expect(fixed).toEqual([
      'dsrWindowDays',
      'ordersWindowDays',
      'violationsWindowDays',
      'stockOutRankingDropPct',
      'sellersWithoutSmartReplenishmentPct',
      'stockOutRateRatio',
    ]);
    // The overview, qualification review (§6) and context figures (§7) describe the platform: all fixed.
    expect(explanationKeys.length).toBeGreaterThan(0);
    for (const key of explanationKeys) expect(DEFAULT_POLICY.entries[key].overridable, key).toBe(false);
  });

  it('keeps each documented range in order: its minimum below its maximum', () => {
    const { entries } = DEFAULT_POLICY;
    expect(entries.localDeliveryMinDays.value).toBeLessThan(entries.localDeliveryMaxDays.value);
    expect(entries.reviewMinWorkingDays.value).toBeLessThan(entries.reviewMaxWorkingDays.value);
  });

  it('describes every entry to a person in both languages: label, unit, source', () => {
    for (const key of POLICY_KEYS) {
      const { unit, section } = DEFAULT_POLICY.entries[key];
      for (const lang of ['zh', 'en'] as const) {
        for (const messageKey of [entryLabel(key), unitLabel(unit), sectionSource(section)]) {
          expect(t(lang, messageKey), `${lang} ${messageKey}`).not.toBe(messageKey);
        }
      }
    }
    for (const meaning of Object.values(DEFAULT_POLICY.knownEventCodes)) expect(t('en', meaning)).not.toBe(meaning);
  });

  it('keeps every default inside the range an override may take', () => {
    for (const key of POLICY_KEYS) {
      const { unit, value } = DEFAULT_POLICY.entries[key];
      expect(value).toBeGreaterThanOrEqual(UNIT_RANGES[unit].min);
      expect(value).toBeLessThanOrEqual(UNIT_RANGES[unit].max);
    }
  });
});

/**
 * No rule holds a number of its own: for every entry, a verdict (or its explanation) moves when
 * only that entry moves. A new entry no rule reads fails the coverage check below, unless it
 * belongs to a section that only explains (EXPLANATION_SECTIONS: overview, §6, §7).
 */
const readers: Partial<Record<PolicyKey, { changeTo: number; read: (policy: Policy) => unknown; from: unknown; to: unknown }>> = {
  dsrMin: { changeTo: 4.79, read: (p) => criterionOf(eligibility(store({ dsrDescription: 4.78, dsrService: 4.78, dsrLogistics: 4.78 }), p), 'E1').status, from: 'eligible', to: 'ineligible' },
  dsrWindowDays: { changeTo: 60, read: (p) => criterionOf(eligibility(store({}), p), 'E1').params, from: { threshold: 4.78, window: 90 }, to: { threshold: 4.78, window: 60 } },
  ordersMin: { changeTo: 501, read: (p) => criterionOf(eligibility(store({ orders30d: 500 }), p), 'E2').status, from: 'eligible', to: 'ineligible' },
  ordersWindowDays: { changeTo: 28, read: (p) => criterionOf(eligibility(store({}), p), 'E2').params, from: { threshold: 500, window: 30 }, to: { threshold: 500, window: 28 } },
  fakeShipmentsMax: { changeTo: 1, read: (p) => criterionOf(eligibility(store({ fakeShipments30d: 1, overtimeUnshipped30d: 0 }), p), 'E3').status, from: 'ineligible', to: 'eligible' },
  overtimeUnshippedLimit: { changeTo: 2, read: (p) => criterionOf(eligibility(store({ fakeShipments30d: 0, overtimeUnshipped30d: 2 }), p), 'E3').status, from: 'eligible', to: 'ineligible' },
  violationsWindowDays: { changeTo: 14, read: (p) => (criterionOf(eligibility(store({}), p), 'E3').params as { window: number }).window, from: 30, to: 14 },
  replenishmentsPerWeekMin: { changeTo: 3, read: (p) => criterionOf(eligibility(store({ replenishmentsPerWeek: 2 }), p), 'E4').status, from: 'eligible', to: 'ineligible' },
  fulfilmentP95MaxDays: { changeTo: 6, read: (p) => criterionOf(choiceAdmission(store({ fulfilmentP95Days: 7 }), p), 'C1').status, from: 'pass', to: 'fail' },
  cancellationRateLimitPct: { changeTo: 1.1, read: (p) => criterionOf(choiceAdmission(store({ cancellationRatePct: 1.19 }), p), 'C2').status, from: 'pass', to: 'fail' },
  pickingAccuracyMinPct: { changeTo: 99.96, read: (p) => criterionOf(choiceAdmission(store({ pickingAccuracyPct: 99.95 }), p), 'C3').status, from: 'pass', to: 'fail' },
  syncErrorMaxPct: { changeTo: 0.2, read: (p) => criterionOf(choiceAdmission(store({ syncErrorPct: -0.3 }), p), 'C4').status, from: 'pass', to: 'fail' },
  safetyMultiplier: { changeTo: 11, read: (p) => safetyLine(sku, ctx(p)).status, from: 'ok', to: 'low' },
  christmasMultiplier: { changeTo: 9, read: (p) => safetyLine(sku, ctx(p, '2025-12-01')).status, from: 'low', to: 'ok' },
  christmasDaysBefore: { changeTo: 31, read: (p) => safetyLine(sku, ctx(p, '2025-11-24')).status, from: 'ok', to: 'low' },
  stockOutRankingDropPct: { changeTo: 40, read: (p) => safetyLine(sku, ctx(p)).params.rankingDrop, from: 52, to: 40 },
  sellersWithoutSmartReplenishmentPct: { changeTo: 80, read: (p) => reorderAdvice(sku, ctx(p)).params.withoutSmartPct, from: 92, to: 80 },
  stockOutRateRatio: { changeTo: 2, read: (p) => reorderAdvice(sku, ctx(p)).params.stockOutRatio, from: 3.8, to: 2 },
  slowMovingAboveDays: { changeTo: 89, read: (p) => turnover({ ...sku, turnoverDays: 90 }, p).status, from: 'normal', to: 'surcharge' },
  fastMovingBelowDays: { changeTo: 31, read: (p) => turnover({ ...sku, turnoverDays: 30 }, p).status, from: 'normal', to: 'rebate' },
  slowMovingSurcharge: { changeTo: 0.5, read: (p) => turnover({ ...sku, turnoverDays: 120 }, p).surchargeCnyPerMonth, from: 30, to: 50 },
  fastMovingRebateMaxPct: { changeTo: 10, read: (p) => monthlyCost({ ...sku, turnoverDays: 10 }, {}, p).rebateUpToCny, from: 162, to: 108 },
  storageFee: { changeTo: 1, read: (p) => monthlyCost(sku, {}, p).lines[0]?.cny, from: 85, to: 100 },
  inboundQcFee: { changeTo: 1, read: (p) => monthlyCost(sku, {}, p).lines[2]?.cny, from: 360, to: 300 },
  shelvingFee: { changeTo: 1, read: (p) => monthlyCost(sku, {}, p).lines[3]?.cny, from: 180, to: 300 },
  packingFee: { changeTo: 1, read: (p) => monthlyCost(sku, {}, p).lines[4]?.cny, from: 540, to: 300 },
  labellingFee: { changeTo: 1, read: (p) => monthlyCost(sku, { labelling: true }, p).lines[5]?.cny, from: 150, to: 300 },
  returnFee: { changeTo: 1, read: (p) => monthlyCost(sku, { returnsPerMonth: 10 }, p).lines[5]?.cny, from: 32, to: 10 },
};

describe('rules read the table, never a number of their own', () => {
  it('covers every entry but those that only explain', () => {
    expect(Object.keys(readers).sort()).toEqual([...ruleKeys].sort());
  });

  it.each(ruleKeys)('%s: changing only this entry changes what a rule says', (key) => {
    const { changeTo, read, from, to } = readers[key]!;
    expect(read(DEFAULT_POLICY)).toEqual(from);
    expect(read(withValue(key, changeTo))).toEqual(to);
  });

  it('reads E5, the Christmas market and the known codes from the table too', () => {
    const individual = store({ storeEntity: 'individual' });
    expect(criterionOf(eligibility(individual, DEFAULT_POLICY), 'E5').status).toBe('ineligible');
    expect(criterionOf(eligibility(individual, { ...DEFAULT_POLICY, requiredStoreEntity: 'individual' }), 'E5').status).toBe('eligible');

    const fr = { ...sku, market: 'FR' as const };
    expect(safetyLine(fr, ctx(DEFAULT_POLICY, '2025-12-01')).status).toBe('ok');
    expect(safetyLine(fr, ctx({ ...DEFAULT_POLICY, christmas: { market: 'FR', monthDay: '12-25' } }, '2025-12-01')).status).toBe('low');

    expect(explainEventCode('FR-101', DEFAULT_POLICY, {}).status).toBe('unknown');
    const withCode = { ...DEFAULT_POLICY, knownEventCodes: { 'FR-101': 'policy_code_ES402' as const } };
    expect(explainEventCode('FR-101', withCode, {}).status).toBe('known');
    expect(explainEventCode('FR-101', { ...DEFAULT_POLICY, failureShares: { customs: 50, shelving: 30, sync: 20 } }, {}).families.map((f) => f.sharePct)).toEqual([50, 30, 20]);
  });
});
