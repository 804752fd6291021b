import { describe, expect, it } from 'vitest';

import { t } from '../i18n';
import { DEFAULT_POLICY } from '../policy/table';
import type { RuleContext } from './context';
import { daysOfCover, safetyLine as fullVerdict, safetyStatus, type SafetyFigures } from './safety';

const ctx = (day = '2025-06-01'): RuleContext => ({ policy: DEFAULT_POLICY, seasons: [], leadTimeDays: {}, day });
// Every verdict of these tests is checked against the badges' status alone (safetyStatus).
const safetyLine: typeof fullVerdict = (figures, context) => {
  const verdict = fullVerdict(figures, context);
  expect(safetyStatus(figures, context)).toBe(verdict.status);
  return verdict;
};
const sku = (figures: Partial<SafetyFigures>): SafetyFigures => ({ sellable: 100, inTransit: null, dailySales: 10, market: 'ES', ...figures });

describe('safety water line', () => {
  it.each([
    [69, 'low'],
    [70, 'ok'],
    [71, 'ok'],
    [1, 'low'],
    [0, 'out'],
  ])('daily sales 10 x 7, sellable %s -> %s', (sellable, expected) => {
    const verdict = safetyLine(sku({ sellable }), ctx());
    expect(verdict.status).toBe(expected);
    expect(verdict.line).toBe(70);
  });

  it.each([
    ['2025-11-24', 100, 'ok'],
    ['2025-11-25', 100, 'low'],
    ['2025-11-25', 150, 'ok'],
    ['2025-12-25', 149, 'low'],
    ['2025-12-26', 100, 'ok'],
  ])('ES on %s with %s sellable (Christmas window 11-25..12-25, x15) -> %s', (day, sellable, expected) => {
    expect(safetyLine(sku({ sellable }), ctx(day)).status).toBe(expected);
  });

  it('never counts in-transit stock as sellable, but shows it', () => {
    const verdict = safetyLine(sku({ sellable: 50, inTransit: 500 }), ctx());
    expect(verdict).toMatchObject({ status: 'low', inTransit: 500, params: { inTransit: 500, shortfall: 20 } });
  });

  it('is out at zero sellable stock even when daily sales are unknown', () => {
    expect(safetyLine(sku({ sellable: 0, dailySales: null }), ctx()).status).toBe('out');
  });

  it.each([
    [{ sellable: null }],
    [{ dailySales: null }],
    [{ sellable: null, dailySales: null }],
  ])('is unknown when a figure is missing: %j', (figures) => {
    const verdict = safetyLine(sku(figures), ctx());
    expect(verdict.status).toBe('unknown');
    expect(verdict.todo).toBe('rule_safety_todo_unknown');
  });

  it('is unknown for a SKU of unknown market in season, and says why', () => {
    const verdict = safetyLine(sku({ market: null }), ctx('2025-12-01'));
    expect(verdict).toMatchObject({ status: 'unknown', multiplier: null, line: null, what: 'rule_safety_what_noMarket', todo: 'rule_safety_todo_noMarket' });
    expect(safetyLine(sku({ market: null }), ctx('2025-06-01')).status).toBe('ok');
  });

  it('is ok with no sales: the line is zero', () => {
    expect(safetyLine(sku({ dailySales: 0 }), ctx())).toMatchObject({ status: 'ok', line: 0, daysOfCover: null });
  });

  it('computes days of cover from sellable stock only', () => {
    expect(daysOfCover(100, 8)).toBe(12.5);
    expect(daysOfCover(100, 0)).toBeNull();
    expect(daysOfCover(null, 8)).toBeNull();
    expect(daysOfCover(100, null)).toBeNull();
    expect(safetyLine(sku({ sellable: 35, inTransit: 100 }), ctx()).daysOfCover).toBe(3.5);
  });

  it('explains the line with the multiplier in force, the window and its source', () => {
    const verdict = safetyLine(sku({ sellable: 100 }), ctx('2025-12-01'));
    expect(verdict).toMatchObject({ rule: 'S2', status: 'low', multiplier: 15, line: 150, source: 'policy_src_safety', what: 'rule_S2_what', todo: 'rule_safety_todo_low' });
    expect(t('en', verdict.what, verdict.params)).toBe(
      'Seasonal window (ES, 2025-11-25 to 2025-12-25): safety water line = average daily sales × 15. Below it, stock-out demotion drops search ranking by 52%.',
    );
    expect(t('zh', verdict.todo, verdict.params)).toBe('可售 100 件，低于水位线 150 件：至少补 50 件，并预留头程时间。');
  });

  it('never shows Infinity for absurd page figures: what overflows is unknown', () => {
    expect(safetyLine(sku({ sellable: 1, dailySales: 5e-324 }), ctx())).toMatchObject({ status: 'ok', daysOfCover: null });
    const huge = safetyLine(sku({ sellable: 1, dailySales: Number.MAX_VALUE }), ctx());
    expect(huge).toMatchObject({ status: 'unknown', line: null });
    expect(Object.values(huge.params).every((v) => typeof v === 'string' || Number.isFinite(v))).toBe(true);
  });

  it('rounds the line up to whole units for the seller', () => {
    const verdict = safetyLine(sku({ sellable: 23, dailySales: 3.33 }), ctx());
    expect(verdict.line).toBeCloseTo(23.31);
    expect(verdict.status).toBe('low');
    expect(verdict.params).toMatchObject({ line: 24, shortfall: 1, dailySales: 3.33 });
  });
});
