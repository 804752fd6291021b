import { describe, expect, it } from 'vitest';

import { checkOverride, effectivePolicy } from './overrides';
import { DEFAULT_POLICY } from './table';

describe('checkOverride', () => {
  it('accepts a number in its unit range', () => {
    expect(checkOverride('dsrMin', 4.7)).toBeNull();
    expect(checkOverride('dsrMin', 0)).toBeNull();
    expect(checkOverride('dsrMin', 5)).toBeNull();
    expect(checkOverride('storageFee', 0)).toBeNull();
  });

  it.each([
    ['noSuchEntry', 1, 'policy_err_unknownEntry', {}],
    ['dsrWindowDays', 60, 'policy_err_fixed', {}],
    ['stockOutRankingDropPct', 10, 'policy_err_fixed', {}],
    ['dsrMin', '4.7', 'policy_err_notNumber', {}],
    ['dsrMin', Number.NaN, 'policy_err_notNumber', {}],
    ['dsrMin', Number.POSITIVE_INFINITY, 'policy_err_notNumber', {}],
    ['dsrMin', null, 'policy_err_notNumber', {}],
    ['dsrMin', 5.01, 'policy_err_range', { min: 0, max: 5 }],
    ['dsrMin', -0.01, 'policy_err_range', { min: 0, max: 5 }],
    ['cancellationRateLimitPct', 100.5, 'policy_err_range', { min: 0, max: 100 }],
    ['safetyMultiplier', 0.5, 'policy_err_range', { min: 1, max: 365 }],
    ['ordersMin', 499.5, 'policy_err_whole', {}],
    ['christmasDaysBefore', 30.5, 'policy_err_whole', {}],
  ])('rejects %s = %s with %s', (key, value, reason, params) => {
    expect(checkOverride(key, value)).toEqual({ key, value, reason, params });
  });
});

describe('effectivePolicy', () => {
  it('is the default table when there are no overrides', () => {
    expect(effectivePolicy({})).toEqual({ policy: DEFAULT_POLICY, rejected: [] });
  });

  it('applies valid overrides and keeps each entry\'s rule, unit and source', () => {
    const { policy, rejected } = effectivePolicy({ dsrMin: 4.8, christmasMultiplier: 20 });
    expect(rejected).toEqual([]);
    expect(policy.entries.dsrMin).toEqual({ ...DEFAULT_POLICY.entries.dsrMin, value: 4.8 });
    expect(policy.entries.christmasMultiplier.value).toBe(20);
    expect(policy.entries.ordersMin).toBe(DEFAULT_POLICY.entries.ordersMin);
  });

  it('rejects the bad overrides, applies the good ones, and leaves the defaults untouched', () => {
    const { policy, rejected } = effectivePolicy({ dsrMin: 6, ordersMin: 400, dsrWindowDays: 60 });
    expect(rejected.map((r) => [r.key, r.reason])).toEqual([
      ['dsrMin', 'policy_err_range'],
      ['dsrWindowDays', 'policy_err_fixed'],
    ]);
    expect(policy.entries.dsrMin.value).toBe(4.78);
    expect(policy.entries.dsrWindowDays.value).toBe(90);
    expect(policy.entries.ordersMin.value).toBe(400);
    expect(DEFAULT_POLICY.entries.ordersMin.value).toBe(500);
  });

  it('never lets the rebate band end above the surcharge band starts', () => {
    const low = effectivePolicy({ fastMovingBelowDays: 100 });
    expect(low.rejected).toEqual([{ key: 'fastMovingBelowDays', value: 100, reason: 'policy_err_notAbove', params: { limit: 90 } }]);
    expect(low.policy.entries.fastMovingBelowDays.value).toBe(30);

    const high = effectivePolicy({ slowMovingAboveDays: 20 });
    expect(high.rejected).toEqual([{ key: 'slowMovingAboveDays', value: 20, reason: 'policy_err_notBelow', params: { limit: 30 } }]);

    // Equal bounds are allowed: the normal band is then one day wide.
    expect(effectivePolicy({ fastMovingBelowDays: 90 }).rejected).toEqual([]);
  });

  it('when both band bounds are overridden out of order, reverts only as much as it must', () => {
    // 100 > 50: the rebate bound goes back to 30, and 30 <= 50 holds, so the 50 stays.
    const { policy, rejected } = effectivePolicy({ fastMovingBelowDays: 100, slowMovingAboveDays: 50 });
    expect(rejected.map((r) => r.key)).toEqual(['fastMovingBelowDays']);
    expect(policy.entries.fastMovingBelowDays.value).toBe(30);
    expect(policy.entries.slowMovingAboveDays.value).toBe(50);

    // 100 > 20: reverting the rebate bound to 30 is still above 20, so the 20 goes too.
    const both = effectivePolicy({ fastMovingBelowDays: 100, slowMovingAboveDays: 20 });
    expect(both.rejected.map((r) => r.key)).toEqual(['fastMovingBelowDays', 'slowMovingAboveDays']);
    expect(both.policy.entries.slowMovingAboveDays.value).toBe(90);
  });
});
