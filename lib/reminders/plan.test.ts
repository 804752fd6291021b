import { describe, expect, it } from 'vitest';

import { skuRow } from '../../test/fixtures/db/build';
import type { SkuRecent, SkuSnapshot } from '../history/schema';
import { recentOf, ringRecordsOf } from '../history/recent-days';
import type { SkuFigures } from '../records';
import { ruleContext } from '../rules/context';
import { addDays } from '../rules/day';
import { defaultSettings } from '../settings/schema';
import { planReminders } from './plan';

const TODAY = '2026-03-10';
const ctx = (day = TODAY, leadTimeDays: Record<string, number> = { ES: 30 }) =>
  ruleContext({ ...defaultSettings(), leadTimeDays }, day);

/** A SKU read on each of the given days back from `last` (0 = that day), figures per day. */
function history(sku: string, figures: Partial<SkuFigures>[], last = TODAY, storeId = '2088'): SkuRecent {
  const snapshots = figures.map((f, i): SkuSnapshot => ({ ...skuRow(sku, f), storeId, day: addDays(last, i - figures.length + 1), readAt: i }));
  return recentOf(ringRecordsOf(snapshots))[0]!;
}

const reasonsOf = (recent: SkuRecent[], context = ctx()) =>
  Object.fromEntries(planReminders(recent, context).flatMap((plan) => plan.skus.map((s) => [s.snapshot.sku, s.reasons])));

describe('planReminders', () => {
  it('reminds of a SKU out of stock, and one below the water line', () => {
    const reasons = reasonsOf([history('OUT', [{ sellable: 0 }]), history('LOW', [{ sellable: 69 }]), history('OK', [{ sellable: 500 }])]);
    expect(reasons.OUT).toEqual([{ reason: 'out', state: '', figure: 0, threshold: 70, day: TODAY }]);
    expect(reasons.LOW).toEqual([{ reason: 'low', state: '', figure: 69, threshold: 70, day: TODAY }]);
    expect(reasons.OK).toBeUndefined();
  });

  it('warns when stock reaches the water line before a shipment sent today could land', () => {
    // 100 units at 10 a day: 10 days of cover, below 7 days' sales on day 4.
    expect(reasonsOf([history('A', [{ sellable: 100 }])]).A).toEqual([
      { reason: 'will-cross', state: '', figure: 10, threshold: 30, day: addDays(TODAY, 4) },
    ]);
    // 400 units: the line is reached on day 34, after the 30-day lead time.
    expect(reasonsOf([history('A', [{ sellable: 400 }])]).A).toBeUndefined();
    expect(reasonsOf([history('A', [{ sellable: 350 }])]).A?.[0]?.day).toBe(addDays(TODAY, 29));
  });

  it('says nothing about crossing for a market whose lead time the seller has not given', () => {
    expect(reasonsOf([history('FR', [{ sellable: 100, market: 'FR' }])]).FR).toBeUndefined();
  });

  it('raises the line on the way when the Spanish Christmas season begins', () => {
    // 250 units at 10 a day from 20 November: 7 days' line reached on 9 Dec, but from 25 Nov the line is 15 days.
    const reasons = reasonsOf([history('ES', [{ sellable: 250 }], '2025-11-20')], ctx('2025-11-20'));
    expect(reasons.ES?.[0]).toMatchObject({ reason: 'will-cross', day: '2025-12-01' });
    const mexico = reasonsOf([history('MX', [{ sellable: 250, market: 'MX' }], '2025-11-20')], ctx('2025-11-20', { MX: 30 }));
    expect(mexico.MX?.[0]).toMatchObject({ reason: 'will-cross', day: '2025-12-09' });
  });

  it('estimates daily sales from history when the page shows none', () => {
    const recent = history('A', [120, 110, 100].map((sellable) => ({ sellable, dailySales: null, dailySalesFrom: null })));
    const [plan] = planReminders([recent], ctx());
    expect(plan?.skus[0]).toMatchObject({ dailySales: 10, dailySalesFrom: 'history' });
    expect(plan?.skus[0]?.reasons[0]).toMatchObject({ reason: 'will-cross', day: addDays(TODAY, 4) });
  });

  it('reminds of a slow mover over 90 turnover days, once a month', () => {
    const reasons = reasonsOf([history('SLOW', [{ sellable: 5000, turnoverDays: 120 }])]);
    expect(reasons.SLOW).toEqual([{ reason: 'ito-over-90', state: '2026-03', figure: 120, threshold: 90, day: TODAY }]);
  });

  it('warns of turnover rising past 90 days before the month ends, not after', () => {
    const rising = [80, 81, 82, 83, 84].map((turnoverDays) => ({ sellable: 5000, turnoverDays }));
    // 84 on 10 March, one day more each day: over 90 on 17 March.
    expect(reasonsOf([history('A', rising)]).A).toEqual([
      { reason: 'ito-over-90', state: '2026-03', figure: 84, threshold: 90, day: '2026-03-17' },
    ]);
    expect(reasonsOf([history('A', rising, '2026-03-25')], ctx('2026-03-25')).A).toBeUndefined();
    const falling = [...rising].reverse();
    expect(reasonsOf([history('A', falling)]).A).toBeUndefined();
  });

  it('reminds of too few replenishments only when the whole week was read', () => {
    // Eight daily readings (the day before the week, then its 7 days): 30 sold a day, 100 shelved on each inbound day.
    const week = (inbound: number[]) =>
      Array.from({ length: 8 }, (_, i) => ({
        market: 'FR' as const,
        dailySales: 30,
        sellable: 500 - 30 * i + 100 * inbound.filter((d) => d <= i).length,
      }));
    expect(reasonsOf([history('ONE', week([3]))]).ONE).toEqual([
      { reason: 'replenishment-short', state: '', figure: 1, threshold: 2, day: null },
    ]);
    expect(reasonsOf([history('TWO', week([3, 6]))]).TWO).toBeUndefined();
    expect(reasonsOf([history('PART', week([3]).slice(2))]).PART).toBeUndefined();
  });

  it('leaves out a SKU not read for longer than the recent window', () => {
    const plans = planReminders([history('OLD', [{ sellable: 0 }], addDays(TODAY, -15))], ctx());
    expect(plans).toEqual([{ storeId: '2088', day: TODAY, skus: [] }]);
    expect(reasonsOf([history('OLD', [{ sellable: 0 }], addDays(TODAY, -14))]).OLD).toHaveLength(1);
  });

  it('plans per store, the most urgent SKU first', () => {
    const plans = planReminders(
      [
        history('CROSS-LATE', [{ sellable: 200 }]),
        history('LOW', [{ sellable: 10 }]),
        history('CROSS-SOON', [{ sellable: 100 }]),
        history('OUT', [{ sellable: 0 }]),
        history('ELSEWHERE', [{ sellable: 0 }], TODAY, '77'),
      ],
      ctx(),
    );
    expect(plans.map((p) => [p.storeId, p.skus.map((s) => s.snapshot.sku)])).toEqual([
      ['2088', ['OUT', 'LOW', 'CROSS-SOON', 'CROSS-LATE']],
      ['77', ['ELSEWHERE']],
    ]);
  });
});
