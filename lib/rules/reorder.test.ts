import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY } from '../policy/table';
import type { RuleContext } from './context';
import { reorderAdvice, type ReorderFigures } from './reorder';

const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  policy: DEFAULT_POLICY,
  seasons: [],
  leadTimeDays: { FR: 20, ES: 20 },
  day: '2025-06-01',
  ...over,
});
const sku = (figures: Partial<ReorderFigures>): ReorderFigures => ({ sellable: 300, inTransit: 0, dailySales: 10, market: 'FR', ...figures });

describe('reorder advice', () => {
  it('computes the reorder point, the suggested quantity and the last safe ship-by day', () => {
    // safety 10 x 7 = 70; reorder point 10 x 20 + 70 = 270; review 7 / 2 = 3.5 days
    const advice = reorderAdvice(sku({ sellable: 300 }), ctx());
    expect(advice).toMatchObject({
      rule: 'R1',
      status: 'ok',
      leadTimeDays: 20,
      reviewDays: 3.5,
      safetyStock: 70,
      reorderPoint: 270,
      position: 300,
      // 10 x (20 + 3.5) + 70 - 300 = 5
      suggestedUnits: 5,
      // (300 - 270) / 10 = 3 days from 06-01
      shipBy: '2025-06-04',
      todo: 'rule_reorder_todo_ok',
    });
  });

  it.each([
    [269, 'reorder'],
    [270, 'reorder'],
    [271, 'ok'],
  ])('stock position %s against a reorder point of 270 -> %s', (sellable, expected) => {
    expect(reorderAdvice(sku({ sellable }), ctx()).status).toBe(expected);
  });

  it('counts in-transit stock in the position, and treats an unshown one as none', () => {
    expect(reorderAdvice(sku({ sellable: 200, inTransit: 100 }), ctx())).toMatchObject({ position: 300, status: 'ok' });
    expect(reorderAdvice(sku({ sellable: 200, inTransit: null }), ctx())).toMatchObject({ position: 200, status: 'reorder' });
  });

  it('gives a ship-by day in the past when it is already late', () => {
    // (100 - 270) / 10 = -17 days
    expect(reorderAdvice(sku({ sellable: 100 }), ctx())).toMatchObject({ status: 'reorder', shipBy: '2025-05-15', suggestedUnits: 205 });
  });

  it('covers the season a shipment lands in', () => {
    // sent 2025-11-10 with 20 days lead, it lands 11-30, inside the ES Christmas window (x15)
    const advice = reorderAdvice(sku({ market: 'ES', sellable: 400 }), ctx({ day: '2025-11-10' }));
    expect(advice).toMatchObject({ safetyStock: 150, reorderPoint: 350, status: 'ok', params: { multiplier: 15 } });
    expect(reorderAdvice(sku({ market: 'ES', sellable: 400 }), ctx({ day: '2025-10-01' })).safetyStock).toBe(70);
  });

  it('needs the lead time of the SKU\'s market', () => {
    expect(reorderAdvice(sku({ market: 'MX' }), ctx())).toMatchObject({ status: 'unknown', leadTimeDays: null, todo: 'rule_reorder_todo_leadTime' });
    expect(reorderAdvice(sku({ market: null }), ctx())).toMatchObject({ status: 'unknown', todo: 'rule_reorder_todo_leadTime' });
  });

  it.each([[{ sellable: null }], [{ dailySales: null }]])('is unknown without stock or sales: %j', (figures) => {
    expect(reorderAdvice(sku(figures), ctx())).toMatchObject({ status: 'unknown', suggestedUnits: null, shipBy: null, todo: 'rule_reorder_todo_unknown' });
  });

  it('has nothing to reorder for a SKU that does not sell', () => {
    expect(reorderAdvice(sku({ sellable: 0, dailySales: 0 }), ctx())).toMatchObject({ status: 'ok', suggestedUnits: 0, shipBy: null });
  });

  it('neither crashes nor shows Infinity for absurd page figures', () => {
    expect(reorderAdvice(sku({ dailySales: Number.MAX_VALUE }), ctx())).toMatchObject({ status: 'unknown', suggestedUnits: null, shipBy: null });
    // 1 / 5e-324 days from now is no date at all
    expect(reorderAdvice(sku({ sellable: 1, dailySales: 5e-324 }), ctx())).toMatchObject({ status: 'ok', shipBy: null });
  });

  it('follows E4 for the review period', () => {
    // once a week: 10 x (20 + 7) + 70 - 300 = 40
    const weekly = { ...DEFAULT_POLICY, entries: { ...DEFAULT_POLICY.entries, replenishmentsPerWeekMin: { ...DEFAULT_POLICY.entries.replenishmentsPerWeekMin, value: 1 } } };
    expect(reorderAdvice(sku({}), ctx({ policy: weekly }))).toMatchObject({ reviewDays: 7, suggestedUnits: 40 });
  });
});
