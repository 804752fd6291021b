import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY } from '../policy/table';
import { turnover, turnoverStatus, type TurnoverFigures } from './turnover';

const ito = (figures: Partial<TurnoverFigures>) => {
  const sku = { sellable: 200, dailySales: 4, turnoverDays: null, ...figures };
  const verdict = turnover(sku, DEFAULT_POLICY);
  // The badges' status alone (turnoverStatus) is always the verdict's.
  expect(turnoverStatus(sku, DEFAULT_POLICY)).toEqual({ status: verdict.status, basis: verdict.basis });
  return verdict;
};

describe('turnover (ITO) bands', () => {
  it.each([
    [29, 'rebate'],
    [30, 'normal'],
    [31, 'normal'],
    [89, 'normal'],
    [90, 'normal'],
    [91, 'surcharge'],
    [0, 'rebate'],
  ])('%s days shown -> %s', (days, expected) => {
    expect(ito({ turnoverDays: days })).toMatchObject({ status: expected, turnoverDays: days, basis: 'shown', basisNote: 'rule_ito_basis_shown' });
  });

  it('estimates stock / daily sales when the page shows no figure, and says so', () => {
    expect(ito({ sellable: 400, dailySales: 4 })).toMatchObject({ status: 'surcharge', turnoverDays: 100, basis: 'estimated', basisNote: 'rule_ito_basis_estimated' });
    expect(ito({ sellable: 120, dailySales: 4 })).toMatchObject({ status: 'normal', turnoverDays: 30, basis: 'estimated' });
    expect(ito({ sellable: 116, dailySales: 4 })).toMatchObject({ status: 'rebate', turnoverDays: 29 });
  });

  it('leaves an estimate that overflows unknown, never Infinity', () => {
    expect(ito({ sellable: 1, dailySales: 5e-324 })).toMatchObject({ status: 'unknown', turnoverDays: null, basis: null });
    expect(ito({ sellable: Number.MAX_VALUE, turnoverDays: 100 })).toMatchObject({ status: 'surcharge', surchargeCnyPerMonth: null });
  });

  it('prefers the shown figure to an estimate', () => {
    expect(ito({ sellable: 400, dailySales: 4, turnoverDays: 20 })).toMatchObject({ status: 'rebate', turnoverDays: 20, basis: 'shown' });
  });

  it.each([
    [{ sellable: null }],
    [{ dailySales: null }],
    [{ dailySales: 0 }],
    [{ sellable: 0 }],
  ])('is unknown when it can be neither read nor estimated: %j', (figures) => {
    expect(ito(figures)).toMatchObject({ status: 'unknown', turnoverDays: null, basis: null, basisNote: null, surchargeCnyPerMonth: null, todo: 'rule_ito_todo_unknown' });
  });

  it('estimates the monthly surcharge as sellable units x 0.30 CNY, in the surcharge band only', () => {
    expect(ito({ sellable: 1000, turnoverDays: 91 })).toMatchObject({ surchargeUnits: 1000, surchargeCnyPerMonth: 300 });
    expect(ito({ sellable: 333, turnoverDays: 120 }).surchargeCnyPerMonth).toBe(99.9);
    expect(ito({ sellable: 1000, turnoverDays: 90 })).toMatchObject({ surchargeUnits: 0, surchargeCnyPerMonth: 0 });
    expect(ito({ sellable: null, turnoverDays: 120 })).toMatchObject({ status: 'surcharge', surchargeCnyPerMonth: null });
  });

  it('shows a seller\'s own premium and the surcharge to the fen', () => {
    const premium = { ...DEFAULT_POLICY.entries.slowMovingSurcharge, value: 0.35 };
    const verdict = turnover({ sellable: 7, dailySales: 1, turnoverDays: 100 }, { ...DEFAULT_POLICY, entries: { ...DEFAULT_POLICY.entries, slowMovingSurcharge: premium } });
    expect(verdict.params).toMatchObject({ rate: 0.35, surcharge: 2.45 });
  });

  it('explains the bands with both edges, the premium and the rebate', () => {
    expect(ito({ turnoverDays: 120, sellable: 10 })).toMatchObject({
      rule: 'T1',
      rebateBelowDays: 30,
      surchargeAboveDays: 90,
      source: 'policy_src_turnover',
      what: 'rule_T1_what',
      todo: 'rule_ito_todo_surcharge',
      params: { days: 120, below: 30, above: 90, rate: 0.3, rebatePct: 15, sellable: 10, surcharge: 3 },
    });
  });
});
