import { describe, expect, it } from 'vitest';

import { skuRow } from '../../test/fixtures/db/build';
import type { SkuSnapshot } from './schema';
import { marketsByDay, skuHistoryOf, skuHistorySchema, type SkuHistory } from './sku-history';
import { describeIssues } from './validate';

const day = (date: string, figures: Parameters<typeof skuRow>[1] = {}): SkuSnapshot => ({ ...skuRow('A', figures), storeId: '2088', day: date, readAt: 0 });

const history = skuHistoryOf([
  day('2025-12-01', { sellable: 40, market: 'ES' }),
  day('2025-12-02', { sellable: null, market: 'ES' }),
  day('2025-12-05', { sellable: 30, market: null }),
  day('2025-12-06', { sellable: 20, market: 'FR' }),
]);

/** Why the schema refuses a history, as the seller's bug report would say it. */
const refusal = (value: unknown): string | null => {
  const parsed = skuHistorySchema.safeParse(value);
  return parsed.success ? null : describeIssues(parsed.error);
};

describe("one SKU's history in columns", () => {
  it('keeps each day once, a cell per figure and day (null where not shown), and the market once per change', () => {
    expect(history.days).toEqual(['2025-12-01', '2025-12-02', '2025-12-05', '2025-12-06']);
    expect(history.sellable).toEqual([40, null, 30, 20]);
    expect(history.dailySales).toEqual([skuRow('A').dailySales, skuRow('A').dailySales, skuRow('A').dailySales, skuRow('A').dailySales]);
    expect(history.markets).toEqual([
      { fromDay: '2025-12-01', market: 'ES' },
      { fromDay: '2025-12-05', market: null },
      { fromDay: '2025-12-06', market: 'FR' },
    ]);
    expect(marketsByDay(history)).toEqual(['ES', 'ES', null, 'FR']);
  });

  it('gives no days, no markets, for no snapshots, and the schema takes both', () => {
    expect(skuHistoryOf([])).toEqual({ days: [], sellable: [], inTransit: [], dailySales: [], turnoverDays: [], markets: [] });
    expect(refusal(skuHistoryOf([]))).toBeNull();
    expect(refusal(history)).toBeNull();
  });

  it.each<[string, Partial<SkuHistory>, string]>([
    ['a column shorter than the days', { inTransit: [0, 0, 0] }, '(record): inTransit has 3 cells for 4 days'],
    ['days out of order', { days: ['2025-12-01', '2025-12-05', '2025-12-02', '2025-12-06'] }, '(record): days out of order at 2025-12-02'],
    ['a day twice', { days: ['2025-12-01', '2025-12-01', '2025-12-05', '2025-12-06'] }, '(record): days out of order at 2025-12-01'],
    ['a negative figure', { sellable: [40, null, -1, 20] }, 'sellable.2: too_small (minimum 0)'],
    ['a day that is no day', { days: ['2025-12-01', '2025-12-02', '2025-12-05', '2025-13-06'] }, 'days.3: invalid regex'],
    ['markets from a later day', { markets: [{ fromDay: '2025-12-02', market: 'ES' }] }, '(record): markets do not start on the first day'],
    [
      'a market change on a day not listed',
      { markets: [{ fromDay: '2025-12-01', market: 'ES' }, { fromDay: '2025-12-03', market: 'FR' }] },
      '(record): market change on 2025-12-03 is not one of the days, in order',
    ],
    ['an unknown market', { markets: [{ fromDay: '2025-12-01', market: 'XX' as never }] }, 'markets.0.market: expected one of "ES", "FR", "PL", "SA", "AE", "MX", "BR", "KR", "JP", "AU", "US", "CA"'],
  ])('refuses %s', (_, change, reason) => {
    expect(refusal({ ...history, ...change })).toContain(reason);
  });

  it('refuses markets without days', () => {
    expect(refusal({ ...skuHistoryOf([]), markets: [{ fromDay: '2025-12-01', market: 'ES' }] })).toBe('(record): markets without days');
  });
});
