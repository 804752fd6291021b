import { describe, expect, it } from 'vitest';

import { skuRow } from '../../test/fixtures/db/build';
import { addDays } from '../rules/day';
import { RECENT_DAYS, readAtOn, withSnapshot } from './recent';
import type { SkuRecent, SkuSnapshot } from './schema';

const snapshot = (day: string, sellable: number, readAt = 1): SkuSnapshot => ({ ...skuRow('A', { sellable }), storeId: '2088', day, readAt });

describe('withSnapshot', () => {
  it('starts a record from a first snapshot', () => {
    const first = withSnapshot(undefined, snapshot('2026-03-01', 50));
    expect(first).toEqual({
      storeId: '2088',
      sku: 'A',
      latest: snapshot('2026-03-01', 50),
      days: [{ day: '2026-03-01', readAt: 1, sellable: 50, inTransit: 0, dailySales: 10, turnoverDays: null }],
    });
  });

  it('replaces the same day, keeps days in order and drops what falls out of the window', () => {
    let recent: SkuRecent | undefined;
    for (let i = 0; i <= RECENT_DAYS + 2; i += 1) recent = withSnapshot(recent, snapshot(addDays('2026-03-01', i), 100 - i));
    recent = withSnapshot(recent, snapshot(addDays('2026-03-01', RECENT_DAYS + 2), 7, 2));
    expect(recent?.days).toHaveLength(RECENT_DAYS + 1);
    expect(recent?.days[0]?.day).toBe('2026-03-03');
    expect(recent?.days.at(-1)).toMatchObject({ sellable: 7, readAt: 2 });
    expect(recent?.latest.sellable).toBe(7);
  });

  it('files a late snapshot of an earlier day without making it the latest', () => {
    const recent = withSnapshot(withSnapshot(undefined, snapshot('2026-03-05', 40)), snapshot('2026-03-03', 60));
    expect(recent.latest.day).toBe('2026-03-05');
    expect(recent.days.map((d) => d.day)).toEqual(['2026-03-03', '2026-03-05']);
    expect(withSnapshot(recent, snapshot('2026-01-01', 99)).days).toEqual(recent.days);
  });

  it('tells when a day was last read', () => {
    const recent = withSnapshot(undefined, snapshot('2026-03-05', 40, 77));
    expect(readAtOn(recent, '2026-03-05')).toBe(77);
    expect(readAtOn(recent, '2026-03-04')).toBeUndefined();
    expect(readAtOn(undefined, '2026-03-05')).toBeUndefined();
  });
});
