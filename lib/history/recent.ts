import { addDays, DAYS_PER_WEEK } from '../rules/day';
import { MAX_GAP_DAYS } from './derived';
import type { RecentDay, SkuRecent, SkuSnapshot } from './schema';

/**
 * Days of history kept with each SKU's latest snapshot: a full E4 week plus the longest gap
 * allowed before it, which also gives the sales estimate and the turnover trend enough days.
 */
export const RECENT_DAYS = DAYS_PER_WEEK + MAX_GAP_DAYS;

const recentDay = ({ day, readAt, sellable, inTransit, dailySales, turnoverDays }: SkuSnapshot): RecentDay => ({
  day,
  readAt,
  sellable,
  inTransit,
  dailySales,
  turnoverDays,
});

/** A SKU's recent record after one more snapshot (of any day, in any order). */
export function withSnapshot(before: SkuRecent | undefined, snapshot: SkuSnapshot): SkuRecent {
  const latest = before && before.latest.day > snapshot.day ? before.latest : snapshot;
  const since = addDays(latest.day, -RECENT_DAYS);
  const days = [...(before?.days ?? []).filter((day) => day.day !== snapshot.day), recentDay(snapshot)]
    .filter((day) => day.day >= since)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  return { storeId: snapshot.storeId, sku: snapshot.sku, latest, days };
}

/** When the SKU's snapshot of `day` was read, if the recent record still holds that day. */
export const readAtOn = (recent: SkuRecent | undefined, day: string): number | undefined =>
  recent?.days.find((entry) => entry.day === day)?.readAt;
