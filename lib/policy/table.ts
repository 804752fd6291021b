import { z } from 'zod/mini';

import { catalogKeys, type MessageKey } from '../i18n';
import { EVENT_CODE_PATTERN, MARKETS, STORE_ENTITIES, type Market } from '../records';

/**
 * Every threshold, multiplier, fee, known event code and context figure of
 * ../shared/domain/local-stock-rules.md, once, with its rule id, unit and source section.
 * Platform policy changes: this table is data, validated at load, shown to the seller and
 * (where `overridable`) adjusted by their settings through ./overrides.ts. Rules never hold
 * a number of their own; they read the effective policy they are given.
 */

export const POLICY_VERSION = '2026-guide';

/** Units a policy number is expressed in, each with the range an override may take. */
export const UNIT_RANGES = {
  score: { min: 0, max: 5, whole: false },
  orders: { min: 0, max: 1_000_000, whole: true },
  times: { min: 0, max: 1_000, whole: true },
  perWeek: { min: 0, max: 50, whole: false },
  days: { min: 0, max: 3_650, whole: true },
  percent: { min: 0, max: 100, whole: false },
  timesDailySales: { min: 1, max: 365, whole: false },
  cnyPerUnitMonth: { min: 0, max: 1_000, whole: false },
  cnyPerUnit: { min: 0, max: 1_000, whole: false },
  ratio: { min: 0, max: 1_000, whole: false },
  /** A change in percent (growth, saving): may exceed 100; its direction is in the entry's name. */
  percentChange: { min: 0, max: 10_000, whole: false },
  /** Percentage points. */
  points: { min: 0, max: 100, whole: false },
  months: { min: 0, max: 120, whole: true },
  workingDays: { min: 0, max: 365, whole: true },
} as const;
export type Unit = keyof typeof UNIT_RANGES;
const UNITS = Object.keys(UNIT_RANGES) as [Unit, ...Unit[]];

/** Sections of the rules document, each with its source note (`policy_src_<section>`). */
const SECTIONS = ['overview', 'eligibility', 'choice', 'safety', 'turnover', 'fees', 'events', 'qualification', 'context'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * Sections whose numbers explain the platform to the seller and judge nothing: the document's
 * overview, §6 qualification review and §7 context figures. No rule reads them; they are shown.
 */
export const EXPLANATION_SECTIONS: readonly Section[] = ['overview', 'qualification', 'context'];

/**
 * Rule ids: E eligibility, C Choice admission, S safety water line (S1 default, S2 seasonal,
 * S3/S4 context), T turnover, F fees, R our reorder advice (beyond the platform's rules),
 * L local delivery (overview), Q qualification review (§6), X context figures (§7).
 */
const RULE_IDS = [
  'E1', 'E2', 'E3', 'E4', 'E5',
  'C1', 'C2', 'C3', 'C4',
  'S1', 'S2', 'S3', 'S4',
  'T1', 'T2', 'T3',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6',
  'R1',
  'L1',
  'Q1', 'Q2', 'Q3',
  'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

interface EntryInput {
  rule: RuleId;
  unit: Unit;
  value: number;
  section: Section;
  /** Windows and context figures describe the platform; only thresholds, multipliers and fees are the seller's to adjust. */
  overridable: boolean;
}

const entry = (rule: RuleId, unit: Unit, value: number, section: Section, overridable = true): EntryInput => ({
  rule,
  unit,
  value,
  section,
  overridable,
});

const ENTRIES = {
  // What Local Stock Mode is: local fulfilment from the overseas warehouse
  localDeliveryMinDays: entry('L1', 'days', 3, 'overview', false),
  localDeliveryMaxDays: entry('L1', 'days', 7, 'overview', false),
  // §1 eligibility to open Local Stock Mode
  dsrMin: entry('E1', 'score', 4.78, 'eligibility'),
  dsrWindowDays: entry('E1', 'days', 90, 'eligibility', false),
  ordersMin: entry('E2', 'orders', 500, 'eligibility'),
  ordersWindowDays: entry('E2', 'days', 30, 'eligibility', false),
  fakeShipmentsMax: entry('E3', 'times', 0, 'eligibility'),
  /** Overtime-unshipped orders must stay below this count. */
  overtimeUnshippedLimit: entry('E3', 'times', 3, 'eligibility'),
  violationsWindowDays: entry('E3', 'days', 30, 'eligibility', false),
  replenishmentsPerWeekMin: entry('E4', 'perWeek', 2, 'eligibility'),
  // §2 Choice admission
  fulfilmentP95MaxDays: entry('C1', 'days', 7, 'choice'),
  /** Cancellation rate must stay below this. */
  cancellationRateLimitPct: entry('C2', 'percent', 1.2, 'choice'),
  pickingAccuracyMinPct: entry('C3', 'percent', 99.95, 'choice'),
  /** Sync error must stay within plus or minus this. */
  syncErrorMaxPct: entry('C4', 'percent', 0.3, 'choice'),
  // §3 safety water line
  safetyMultiplier: entry('S1', 'timesDailySales', 7, 'safety'),
  christmasMultiplier: entry('S2', 'timesDailySales', 15, 'safety'),
  christmasDaysBefore: entry('S2', 'days', 30, 'safety'),
  stockOutRankingDropPct: entry('S3', 'percent', 52, 'safety', false),
  sellersWithoutSmartReplenishmentPct: entry('S4', 'percent', 92, 'safety', false),
  stockOutRateRatio: entry('S4', 'ratio', 3.8, 'safety', false),
  // §4 turnover (ITO) bands and what they cost or earn
  slowMovingAboveDays: entry('T1', 'days', 90, 'turnover'),
  fastMovingBelowDays: entry('T1', 'days', 30, 'turnover'),
  slowMovingSurcharge: entry('T2', 'cnyPerUnitMonth', 0.3, 'turnover'),
  fastMovingRebateMaxPct: entry('T3', 'percent', 15, 'turnover'),
  // §4 standard-warehouse fees
  storageFee: entry('F1', 'cnyPerUnitMonth', 0.85, 'fees'),
  inboundQcFee: entry('F2', 'cnyPerUnit', 1.2, 'fees'),
  shelvingFee: entry('F3', 'cnyPerUnit', 0.6, 'fees'),
  packingFee: entry('F4', 'cnyPerUnit', 1.8, 'fees'),
  labellingFee: entry('F5', 'cnyPerUnit', 0.5, 'fees'),
  returnFee: entry('F6', 'cnyPerUnit', 3.2, 'fees'),
  // §6 qualification review
  /** Share of rejections: declaration differs from what was shipped, or CE does not cover every model. */
  declarationRejectionsPct: entry('Q1', 'percent', 82.3, 'qualification', false),
  /** Declared against shipped SKU quantity / weight may differ by no more than this. */
  declarationMismatchMaxPct: entry('Q1', 'percent', 5, 'qualification', false),
  bankStatementsMonths: entry('Q2', 'months', 3, 'qualification', false),
  reviewMinWorkingDays: entry('Q3', 'workingDays', 3, 'qualification', false),
  reviewMaxWorkingDays: entry('Q3', 'workingDays', 5, 'qualification', false),
  // §7 context figures: Local Stock goods, year on year and against direct shipping
  gmvGrowthYoYPct: entry('X1', 'percentChange', 187, 'context', false),
  addToCartGrowthPct: entry('X2', 'percentChange', 32, 'context', false),
  returnsDropPoints: entry('X3', 'points', 9.6, 'context', false),
  logisticsScoreGain: entry('X4', 'score', 2.1, 'context', false),
  choiceExposureGainPct: entry('X5', 'percentChange', 35, 'context', false),
  returnCostDropPct: entry('X6', 'percentChange', 41, 'context', false),
  capitalTiedUpDays: entry('X7', 'days', 42, 'context', false),
  homeGardenGmvSharePct: entry('X8', 'percent', 28.6, 'context', false),
  electronicsGmvSharePct: entry('X8', 'percent', 21.3, 'context', false),
  autoPartsGmvSharePct: entry('X8', 'percent', 15.7, 'context', false),
} satisfies Record<string, EntryInput>;

export type PolicyKey = keyof typeof ENTRIES;
export const POLICY_KEYS = Object.keys(ENTRIES) as [PolicyKey, ...PolicyKey[]];

/** Pairs that must stay ordered whatever the overrides: [lower, upper]. */
export const ORDERED_PAIRS: readonly (readonly [PolicyKey, PolicyKey])[] = [
  ['fastMovingBelowDays', 'slowMovingAboveDays'],
];

export const FAILURE_FAMILIES = ['customs', 'shelving', 'sync'] as const;
export type FailureFamilyId = (typeof FAILURE_FAMILIES)[number];

export const inUnitRange = (unit: Unit, value: number): boolean => {
  const range = UNIT_RANGES[unit];
  return value >= range.min && value <= range.max && (!range.whole || Number.isInteger(value));
};

const messageKeySchema = z.custom<MessageKey>(
  (key) => typeof key === 'string' && catalogKeys('zh').includes(key),
  'not a message key of the catalogs',
);

const entrySchema = z
  .object({
    rule: z.enum(RULE_IDS),
    unit: z.enum(UNITS),
    value: z.number(),
    section: z.enum(SECTIONS),
    overridable: z.boolean(),
  })
  .check(z.refine((entry) => inUnitRange(entry.unit, entry.value), 'value outside the range of its unit'));

const policySchema = z.object({
  version: z.string(),
  entries: z.record(z.enum(POLICY_KEYS), entrySchema),
  /** E5: the only store entity the platform accepts. */
  requiredStoreEntity: z.enum(STORE_ENTITIES),
  /** S2, the shipped seasonal rule: this market, the window ending on this day (MM-DD) each year. */
  christmas: z.object({ market: z.enum(MARKETS), monthDay: z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)) }),
  /** The only documented codes, each with the message key of its meaning. */
  knownEventCodes: z.record(z.string().check(z.regex(EVENT_CODE_PATTERN)), messageKeySchema),
  /** The three failure families and their share of failures, in percent. */
  failureShares: z.record(z.enum(FAILURE_FAMILIES), z.number().check(z.gte(0), z.lte(100))),
});

export type PolicyEntry = z.infer<typeof entrySchema>;
export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = policySchema.parse({
  version: POLICY_VERSION,
  entries: ENTRIES,
  requiredStoreEntity: 'enterprise',
  christmas: { market: 'ES', monthDay: '12-25' },
  knownEventCodes: { 'ES-402': 'policy_code_ES402', 'MX-711': 'policy_code_MX711' },
  failureShares: { customs: 61.4, shelving: 23.7, sync: 14.9 },
});

/** Message keys that describe an entry to a person: what it is, its unit, where it comes from. */
export const entryLabel = (key: PolicyKey): MessageKey => `policy_label_${key}`;
export const unitLabel = (unit: Unit): MessageKey => `policy_unit_${unit}`;
export const sectionSource = (section: Section): MessageKey => `policy_src_${section}`;
/** The warehouse country's name. */
export const marketName = (market: Market): MessageKey => `policy_market_${market}`;
