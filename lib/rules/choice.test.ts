import { describe, expect, it } from 'vitest';

import { GOOD_STORE } from '../../test/fixtures/stores';
import { DEFAULT_POLICY } from '../policy/table';
import type { StoreFigures } from '../records';
import { choiceAdmission } from './choice';

const statusOf = (figures: Partial<StoreFigures>, rule: string) =>
  choiceAdmission({ ...GOOD_STORE, ...figures }, DEFAULT_POLICY).criteria.find((c) => c.rule === rule)?.status;

describe('Choice admission C1..C4', () => {
  it('passes when every metric holds', () => {
    const verdict = choiceAdmission(GOOD_STORE, DEFAULT_POLICY);
    expect(verdict.status).toBe('pass');
    expect(verdict.criteria.map((c) => c.rule)).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  it.each([
    [6.9, 'pass'],
    [7, 'pass'],
    [7.1, 'fail'],
  ])('C1: P95 fulfilment %s days -> %s', (days, expected) => {
    expect(statusOf({ fulfilmentP95Days: days }, 'C1')).toBe(expected);
  });

  it.each([
    [1.19, 'pass'],
    [1.2, 'fail'],
    [1.21, 'fail'],
  ])('C2: cancellation %s%% -> %s (strictly below)', (rate, expected) => {
    expect(statusOf({ cancellationRatePct: rate }, 'C2')).toBe(expected);
  });

  it.each([
    [99.94, 'fail'],
    [99.95, 'pass'],
    [99.96, 'pass'],
  ])('C3: picking accuracy %s%% -> %s', (accuracy, expected) => {
    expect(statusOf({ pickingAccuracyPct: accuracy }, 'C3')).toBe(expected);
  });

  it.each([
    [0.29, 'pass'],
    [0.3, 'pass'],
    [0.31, 'fail'],
    [-0.29, 'pass'],
    [-0.3, 'pass'],
    [-0.31, 'fail'],
    [0, 'pass'],
  ])('C4: sync error %s%% -> %s (within plus or minus)', (error, expected) => {
    expect(statusOf({ syncErrorPct: error }, 'C4')).toBe(expected);
  });

  it('is unknown, never a pass, while a metric is missing; a fail wins over unknown', () => {
    expect(choiceAdmission({ ...GOOD_STORE, pickingAccuracyPct: null }, DEFAULT_POLICY).status).toBe('unknown');
    expect(choiceAdmission({ ...GOOD_STORE, pickingAccuracyPct: null, syncErrorPct: 1 }, DEFAULT_POLICY).status).toBe('fail');
    expect(statusOf({ syncErrorPct: null }, 'C4')).toBe('unknown');
  });

  it('explains C4 with its signed figure and the plus-or-minus threshold', () => {
    const c4 = choiceAdmission({ ...GOOD_STORE, syncErrorPct: -0.4 }, DEFAULT_POLICY).criteria[3]!;
    expect(c4).toMatchObject({ rule: 'C4', status: 'fail', source: 'policy_src_choice', what: 'rule_C4_what', todo: 'rule_C4_todo', params: { threshold: 0.3 } });
    expect(c4.checks[0]).toMatchObject({ figure: -0.4, threshold: 0.3, comparison: 'within', unit: 'percent', policyKey: 'syncErrorMaxPct' });
  });
});
