import type { SkuSnapshot } from '@/lib/history/schema';
import type { StorePlan } from '@/lib/reminders/schema';

/** Test data shared by the popup and options tests: what the worker would keep and plan. */

export const snapshot = (over: Partial<SkuSnapshot> = {}): SkuSnapshot => ({
  storeId: '2001',
  day: '2025-11-20',
  readAt: Date.UTC(2025, 10, 20, 9),
  sku: 'ES-1001',
  product: 'Garden hose 20 m',
  warehouse: 'Madrid',
  market: 'ES',
  sellable: 20,
  inTransit: 0,
  dailySales: 10,
  dailySalesFrom: 'daily',
  turnoverDays: 2,
  ...over,
});

export const planWithRisks: StorePlan = {
  storeId: '2001',
  day: '2025-11-20',
  skus: [
    {
      snapshot: snapshot(),
      dailySales: 10,
      dailySalesFrom: 'daily',
      reasons: [
        { reason: 'low', state: '', figure: 20, threshold: 150, day: null },
        { reason: 'will-cross', state: '', figure: 2, threshold: 21, day: '2025-11-22' },
      ],
    },
    {
      snapshot: snapshot({ sku: 'ES-1002', product: null, sellable: 0 }),
      dailySales: 4,
      dailySalesFrom: 'sales30d',
      reasons: [{ reason: 'out', state: '', figure: 0, threshold: null, day: null }],
    },
  ],
};
