import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { GOOD_STORE } from '../../test/fixtures/stores';
import { effectivePolicy } from '../policy/overrides';
import { POLICY_KEYS, UNIT_RANGES, type Policy } from '../policy/table';
import { MARKETS, STORE_ENTITIES, type StoreFigures } from '../records';
import type { SeasonWindow } from '../settings/schema';
import { choiceAdmission } from './choice';
import type { RuleContext } from './context';
import { addDays } from './day';
import { eligibility } from './eligibility';
import { safetyLine, type SafetyFigures, type SafetyStatus } from './safety';
import { turnover, type TurnoverStatus } from './turnover';

/**
 * Properties the rules must keep for any figures, any day, any valid policy overrides and any
 * seasonal calendar: monotone where the business says so, unknown (never a pass) when a figure
 * they need is missing, never NaN or Infinity in what a badge shows.
 */

const RUNS = { numRuns: 120 };

// ---- arbitraries ---------------------------------------------------------------------------

/**
 * A figure a reader can hand over: a non-negative number as pages print them (whole units, or
 * sales to three decimals: 30-day sales / 30), or null (not shown). Absurd magnitudes have their
 * own test below.
 */
const amount = fc.oneof(fc.nat({ max: 100_000 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }));
const figure = fc.option(amount, { nil: null, freq: 4 });
const market = fc.option(fc.constantFrom(...MARKETS), { nil: null, freq: 6 });

/** Any day from 2024 to 2027 (both Christmas windows and plain days). */
const day = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays('2024-01-01', n));

/** Overrides a seller could store, valid or not: effectivePolicy drops the bad ones, as in use. */
const overrides = fc.dictionary(
  fc.constantFrom(...POLICY_KEYS, 'notAKey'),
  fc.oneof(fc.double({ min: -10, max: 2_000, noNaN: true }), fc.integer({ min: 0, max: 400 })),
  { maxKeys: 4 },
);
const policy = overrides.map((o): Policy => effectivePolicy(o).policy);

const { min: MULT_MIN, max: MULT_MAX } = UNIT_RANGES.timesDailySales;
const seasonWindow = fc
  .record({
    market: fc.constantFrom(...MARKETS),
    start: fc.integer({ min: 0, max: 3 * 366 }),
    length: fc.integer({ min: 0, max: 120 }),
    everyYear: fc.boolean(),
    multiplier: fc.double({ min: MULT_MIN, max: MULT_MAX, noNaN: true }),
  })
  .map(({ market: m, start, length, everyYear, multiplier }, i = 0): SeasonWindow => {
    const from = addDays('2024-01-01', start);
    return { id: `w${i}`, market: m, from, to: addDays(from, length), everyYear, multiplier, label: 'x' };
  });

const ruleContext = fc.record({
  policy,
  seasons: fc.array(seasonWindow, { maxLength: 3 }),
  leadTimeDays: fc.constant({}),
  day,
}) satisfies fc.Arbitrary<RuleContext>;

const safetyFigures = fc.record({ sellable: figure, inTransit: figure, dailySales: figure, market }) satisfies fc.Arbitrary<SafetyFigures>;

const SAFETY_RANK: Record<Exclude<SafetyStatus, 'unknown'>, number> = { out: 0, low: 1, ok: 2 };
const BAND_RANK: Record<Exclude<TurnoverStatus, 'unknown'>, number> = { rebate: 0, normal: 1, surcharge: 2 };

const finiteOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));
const paramsAreFinite = (params: Record<string, unknown>) =>
  Object.values(params).every((value) => typeof value !== 'number' || Number.isFinite(value));

/** Two figures, the second at least the first. */
const ordered = fc.tuple(amount, amount).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

// ---- safety water line -----------------------------------------------------------------------

describe('safety water line, property-based', () => {
  it('more sellable stock never turns ok into low/out, nor low into out', () => {
    fc.assert(
      fc.property(safetyFigures, ordered, ruleContext, (sku, [less, more], ctx) => {
        const before = safetyLine({ ...sku, sellable: less }, ctx).status;
        const after = safetyLine({ ...sku, sellable: more }, ctx).status;
        if (before === 'ok') expect(after).toBe('ok');
        if (before === 'low') expect(['low', 'ok']).toContain(after);
        // From "out" (0 sellable, which needs no sales figure) anything may follow: above 0 the line may be unknown.
      }),
      RUNS,
    );
  });

  it('more daily sales never turns low/out into ok', () => {
    fc.assert(
      fc.property(safetyFigures, ordered, ruleContext, (sku, [less, more], ctx) => {
        const slow = safetyLine({ ...sku, dailySales: less }, ctx).status;
        const fast = safetyLine({ ...sku, dailySales: more }, ctx).status;
        if (slow === 'unknown' || fast === 'unknown') return;
        expect(SAFETY_RANK[fast]).toBeLessThanOrEqual(SAFETY_RANK[slow]);
      }),
      RUNS,
    );
  });

  it('in-transit stock never changes the status (it is not sellable yet)', () => {
    fc.assert(
      fc.property(safetyFigures, figure, ruleContext, (sku, inTransit, ctx) => {
        expect(safetyLine({ ...sku, inTransit }, ctx).status).toBe(safetyLine(sku, ctx).status);
      }),
      RUNS,
    );
  });

  it('a seasonal window never lowers the line: with the calendar, never better than without it', () => {
    fc.assert(
      fc.property(safetyFigures, ruleContext, (sku, ctx) => {
        const withSeason = safetyLine(sku, ctx);
        const plain = safetyLine(sku, { ...ctx, seasons: [], day: '2024-06-01' });
        if (withSeason.status === 'unknown' || plain.status === 'unknown') return;
        expect(SAFETY_RANK[withSeason.status]).toBeLessThanOrEqual(SAFETY_RANK[plain.status]);
      }),
      RUNS,
    );
  });

  it('is unknown whenever a needed figure is missing (out only when sellable stock is 0)', () => {
    fc.assert(
      fc.property(safetyFigures, ruleContext, (sku, ctx) => {
        const { status } = safetyLine(sku, ctx);
        if (sku.sellable === null) expect(status).toBe('unknown');
        else if (sku.sellable === 0) expect(status).toBe('out');
        else if (sku.dailySales === null) expect(status).toBe('unknown');
        else expect(status).not.toBe('out');
      }),
      RUNS,
    );
  });

  it('never shows NaN or Infinity', () => {
    fc.assert(
      fc.property(safetyFigures, ruleContext, (sku, ctx) => {
        const verdict = safetyLine(sku, ctx);
        for (const value of [verdict.line, verdict.daysOfCover, verdict.multiplier, verdict.sellable, verdict.dailySales]) {
          expect(finiteOrNull(value)).toBe(true);
        }
        expect(paramsAreFinite(verdict.params)).toBe(true);
      }),
      RUNS,
    );
  });
});

// ---- turnover (ITO) --------------------------------------------------------------------------

const turnoverFigures = fc.record({ sellable: figure, dailySales: figure, turnoverDays: figure });

describe('turnover bands, property-based', () => {
  it('more turnover days never moves the band down', () => {
    fc.assert(
      fc.property(turnoverFigures, ordered, policy, (sku, [fewer, more], p) => {
        const a = turnover({ ...sku, turnoverDays: fewer }, p).status;
        const b = turnover({ ...sku, turnoverDays: more }, p).status;
        expect(a).not.toBe('unknown');
        expect(b).not.toBe('unknown');
        expect(BAND_RANK[b as keyof typeof BAND_RANK]).toBeGreaterThanOrEqual(BAND_RANK[a as keyof typeof BAND_RANK]);
      }),
      RUNS,
    );
  });

  it('estimated from stock and sales when not shown: more stock never moves the band down', () => {
    fc.assert(
      fc.property(ordered, amount, policy, ([less, more], dailySales, p) => {
        const a = turnover({ sellable: less, dailySales, turnoverDays: null }, p);
        const b = turnover({ sellable: more, dailySales, turnoverDays: null }, p);
        if (a.status === 'unknown' || b.status === 'unknown') return;
        expect(a.basis).toBe('estimated');
        expect(BAND_RANK[b.status]).toBeGreaterThanOrEqual(BAND_RANK[a.status]);
      }),
      RUNS,
    );
  });

  it('is unknown exactly when the figure is not shown and cannot be estimated', () => {
    fc.assert(
      fc.property(turnoverFigures, policy, (sku, p) => {
        const verdict = turnover(sku, p);
        const estimable = sku.sellable !== null && sku.dailySales !== null && sku.sellable > 0 && sku.dailySales > 0;
        expect(verdict.status === 'unknown').toBe(sku.turnoverDays === null && !estimable);
        expect(verdict.basis).toBe(sku.turnoverDays !== null ? 'shown' : estimable ? 'estimated' : null);
      }),
      RUNS,
    );
  });

  it('never shows NaN or Infinity, and a surcharge only in the surcharge band', () => {
    fc.assert(
      fc.property(turnoverFigures, policy, (sku, p) => {
        const verdict = turnover(sku, p);
        for (const value of [verdict.turnoverDays, verdict.surchargeUnits, verdict.surchargeCnyPerMonth]) {
          expect(finiteOrNull(value)).toBe(true);
        }
        expect(paramsAreFinite(verdict.params)).toBe(true);
        if (verdict.status !== 'surcharge' && verdict.status !== 'unknown') expect(verdict.surchargeCnyPerMonth).toBe(0);
      }),
      RUNS,
    );
  });
});

// ---- absurd magnitudes -------------------------------------------------------------------------

/**
 * Page text can hold any finite number parseFigure accepts (up to 1.8e308, down to 5e-324), and the
 * record schema lets it through. The rules guard every derived figure (null unless finite), so a
 * quotient or product that would overflow leaves the verdict unknown instead of "Infinity days".
 */
describe('absurd magnitudes from page text', () => {
  const extreme = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
  it('never shows NaN or Infinity, however large or tiny the figures', () => {
    fc.assert(
      fc.property(extreme, extreme, fc.option(extreme, { nil: null }), ruleContext, (sellable, dailySales, turnoverDays, ctx) => {
        const safety = safetyLine({ sellable, dailySales, inTransit: null, market: 'ES' }, ctx);
        const ito = turnover({ sellable, dailySales, turnoverDays }, ctx.policy);
        for (const value of [safety.line, safety.daysOfCover, ito.turnoverDays, ito.surchargeCnyPerMonth]) {
          expect(finiteOrNull(value)).toBe(true);
        }
        expect(paramsAreFinite(safety.params) && paramsAreFinite(ito.params)).toBe(true);
      }),
      { numRuns: 100, seed: 7, examples: [[1, 5e-324, null, { policy: effectivePolicy({}).policy, seasons: [], leadTimeDays: {}, day: '2025-06-01' }]] },
    );
  });
});

// ---- eligibility and Choice admission --------------------------------------------------------

const dsr = fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null, freq: 5 });
const storeFigures = fc.record({
  dsrDescription: dsr,
  dsrService: dsr,
  dsrLogistics: dsr,
  orders30d: figure,
  fakeShipments30d: fc.option(fc.nat({ max: 5 }), { nil: null, freq: 5 }),
  overtimeUnshipped30d: fc.option(fc.nat({ max: 6 }), { nil: null, freq: 5 }),
  replenishmentsPerWeek: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null, freq: 5 }),
  storeEntity: fc.option(fc.constantFrom(...STORE_ENTITIES), { nil: null, freq: 5 }),
  fulfilmentP95Days: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: null, freq: 5 }),
  cancellationRatePct: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null, freq: 5 }),
  pickingAccuracyPct: fc.option(fc.double({ min: 99, max: 100, noNaN: true }), { nil: null, freq: 5 }),
  syncErrorPct: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null, freq: 5 }),
}) satisfies fc.Arbitrary<StoreFigures>;

/** Mostly good stores (GOOD_STORE, to make "eligible" reachable often) with a few random figures: both outcomes stay common. */
const store = fc.oneof(
  storeFigures,
  fc.subarray(Object.keys(GOOD_STORE) as (keyof StoreFigures)[]).chain((keys) =>
    storeFigures.map((random) => ({ ...GOOD_STORE, ...Object.fromEntries(keys.map((k) => [k, random[k]])) }) as StoreFigures),
  ),
);

const DSR_KEYS = ['dsrDescription', 'dsrService', 'dsrLogistics'] as const;
const raise = (value: number | null, by: number, cap: number) => (value === null ? null : Math.min(cap, value + by));
const lower = (value: number | null, by: number) => (value === null ? null : Math.max(0, value - by));

describe('eligibility, property-based', () => {
  it('a higher DSR never turns eligible into ineligible (nor a passing E1 into a failing one)', () => {
    fc.assert(
      fc.property(store, fc.constantFrom(...DSR_KEYS), fc.double({ min: 0, max: 5, noNaN: true }), policy, (s, key, by, p) => {
        const before = eligibility(s, p);
        const after = eligibility({ ...s, [key]: raise(s[key], by, 5) }, p);
        if (before.status === 'eligible') expect(after.status).toBe('eligible');
        if (before.criteria[0]!.status === 'eligible') expect(after.criteria[0]!.status).toBe('eligible');
        if (before.status !== 'ineligible') expect(after.status).not.toBe('ineligible');
      }),
      RUNS,
    );
  });

  it('more orders and more replenishments never turn eligible into ineligible; more violations never the other way', () => {
    fc.assert(
      fc.property(store, amount, fc.nat({ max: 5 }), policy, (s, by, more, p) => {
        const before = eligibility(s, p).status;
        const better = eligibility(
          { ...s, orders30d: raise(s.orders30d, by, Infinity), replenishmentsPerWeek: raise(s.replenishmentsPerWeek, by, Infinity) },
          p,
        ).status;
        const worse = eligibility(
          {
            ...s,
            fakeShipments30d: s.fakeShipments30d === null ? null : s.fakeShipments30d + more,
            overtimeUnshipped30d: s.overtimeUnshipped30d === null ? null : s.overtimeUnshipped30d + more,
          },
          p,
        ).status;
        if (before === 'eligible') expect(better).toBe('eligible');
        if (before === 'ineligible') expect(worse).toBe('ineligible');
      }),
      RUNS,
    );
  });

  it('is never eligible when a needed figure is missing; each criterion is unknown, never a pass, without its figures', () => {
    fc.assert(
      fc.property(store, fc.constantFrom(...(Object.keys(GOOD_STORE) as (keyof StoreFigures)[])), policy, (s, missing, p) => {
        const verdict = eligibility({ ...s, [missing]: null }, p);
        const partial = { ...s } as Partial<StoreFigures>;
        delete partial[missing];
        const eligibilityKeys: (keyof StoreFigures)[] = [
          ...DSR_KEYS, 'orders30d', 'fakeShipments30d', 'overtimeUnshipped30d', 'replenishmentsPerWeek', 'storeEntity',
        ];
        if (eligibilityKeys.includes(missing)) {
          expect(verdict.status).not.toBe('eligible');
          // A missing key (a page that does not show it) and a null figure are the same thing.
          expect(eligibility(partial, p).status).toBe(verdict.status);
        }
        for (const criterion of verdict.criteria) {
          for (const check of criterion.checks) if (check.figure === null) expect(check.status).toBe('unknown');
          if (criterion.checks.some((c) => c.figure === null)) expect(criterion.status).not.toBe('eligible');
        }
      }),
      RUNS,
    );
  });

  it('an empty page is unknown, not a pass', () => {
    fc.assert(
      fc.property(policy, (p) => {
        expect(eligibility({}, p).status).toBe('unknown');
        expect(choiceAdmission({}, p).status).toBe('unknown');
      }),
      { numRuns: 20 },
    );
  });
});

describe('Choice admission, property-based', () => {
  it('better metrics (faster, fewer cancellations, more accurate, smaller sync error) never turn pass into fail', () => {
    fc.assert(
      fc.property(store, fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), policy, (s, by, shrink, p) => {
        const before = choiceAdmission(s, p);
        const after = choiceAdmission(
          {
            ...s,
            fulfilmentP95Days: lower(s.fulfilmentP95Days, by),
            cancellationRatePct: lower(s.cancellationRatePct, by),
            pickingAccuracyPct: raise(s.pickingAccuracyPct, by, 100),
            syncErrorPct: s.syncErrorPct === null ? null : s.syncErrorPct * shrink,
          },
          p,
        );
        if (before.status === 'pass') expect(after.status).toBe('pass');
        before.criteria.forEach((criterion, i) => {
          if (criterion.status === 'pass') expect(after.criteria[i]!.status).toBe('pass');
        });
      }),
      RUNS,
    );
  });

  it('a sync error is judged by its size, whichever its sign', () => {
    fc.assert(
      fc.property(store, policy, (s, p) => {
        const flipped = { ...s, syncErrorPct: s.syncErrorPct === null ? null : -s.syncErrorPct };
        expect(choiceAdmission(flipped, p).criteria[3]!.status).toBe(choiceAdmission(s, p).criteria[3]!.status);
      }),
      RUNS,
    );
  });

  it('is never pass when a metric is missing', () => {
    const metrics = ['fulfilmentP95Days', 'cancellationRatePct', 'pickingAccuracyPct', 'syncErrorPct'] as const;
    fc.assert(
      fc.property(store, fc.constantFrom(...metrics), policy, (s, missing, p) => {
        const verdict = choiceAdmission({ ...s, [missing]: null }, p);
        expect(verdict.status).not.toBe('pass');
        expect(verdict.criteria[metrics.indexOf(missing)]!.status).toBe('unknown');
      }),
      RUNS,
    );
  });
});
