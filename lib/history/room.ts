import { addDays, DAYS_PER_MONTH, type Day } from '../rules/day';
import type { HistoryDb } from './db';
import { pruneBefore, type PruneResult } from './prune';
import { storesWithWeeks, validated } from './read';
import { snapshotsIn } from './sku-weeks';
import { saveReading, type SaveResult } from './save';
import { isStorageFull } from './transaction';
import type { PageReading } from '../records';

/**
 * Storage full: old snapshots go before new ones are dropped. When the browser refuses a page's
 * figures for want of space, the oldest month of daily snapshots is deleted (never the newest
 * month, which charts and reminders read) and the save is tried once more.
 */

/** The span of daily snapshots deleted per attempt, from the oldest day; also the span that is never deleted. */
export const ROOM_DAYS = DAYS_PER_MONTH;

/** Storage stayed full: what was done to make room, for the seller, and the browser's error. */
export class StorageFullError extends Error {
  override readonly name = 'QuotaExceededError';
  constructor(
    override readonly cause: unknown,
    /** Snapshots before this day were deleted to make room; null when none was old enough. */
    readonly prunedBefore: Day | null,
  ) {
    super(`${errorText(cause)}; ${prunedBefore ? `snapshots before ${prunedBefore} deleted, still no room` : 'no snapshot old enough to delete'}`);
  }
}

const errorText = (error: unknown): string => {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return typeof name === 'string' && typeof message === 'string' ? `${name}: ${message}` : String(error);
};

/** The oldest day any daily snapshot is kept for, or null when there is none. */
export async function oldestDay(db: HistoryDb): Promise<Day | null> {
  const storeDay = (await db.transaction('storeSnapshots').store.index('byDay').openKeyCursor())?.key;
  const skuDays = await Promise.all((await storesWithWeeks(db)).map((storeId) => oldestSkuDay(db, storeId)));
  const days = [storeDay, ...skuDays].filter((day): day is string => day !== undefined).sort();
  return days[0] ?? null;
}

/** The first day with a reading in a store's oldest week. */
async function oldestSkuDay(db: HistoryDb, storeId: string): Promise<Day | undefined> {
  const index = db.transaction('skuWeeks').store.index('byStoreWeek');
  const first = await index.openKeyCursor(IDBKeyRange.bound([storeId, ''], [storeId, '\uffff']));
  if (!first) return undefined;
  const { records } = validated('skuWeeks', await index.getAll(first.key));
  return records.flatMap((record) => snapshotsIn(record).map(({ day }) => day)).sort()[0];
}

/** Deletes the oldest month of snapshots, keeping the month before `today`; null when nothing was that old. */
export async function makeRoom(db: HistoryDb, today: Day): Promise<{ before: Day; pruned: PruneResult } | null> {
  const oldest = await oldestDay(db);
  if (oldest === null) return null;
  const [before] = [addDays(oldest, ROOM_DAYS), addDays(today, -ROOM_DAYS)].sort() as [Day, Day];
  if (before <= oldest) return null;
  return { before, pruned: await pruneBefore(db, before) };
}

export interface RoomySave {
  result: SaveResult;
  /** Null when there was room; else the day before which snapshots were deleted, and the browser's error. */
  room: { prunedBefore: Day; detail: string } | null;
}

/**
 * saveReading, and when storage is full, makeRoom then one more try. Throws StorageFullError
 * when storage stays full (the reading is not stored: one transaction, nothing half-written).
 */
export async function saveReadingMakingRoom(
  db: HistoryDb,
  reading: PageReading,
  { timeZone, today, rowsChecked }: { timeZone: string; today: Day; rowsChecked?: boolean },
): Promise<RoomySave> {
  try {
    return { result: await saveReading(db, reading, { timeZone, rowsChecked }), room: null };
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    const room = await makeRoom(db, today);
    if (!room) throw new StorageFullError(error, null);
    try {
      const result = await saveReading(db, reading, { timeZone, rowsChecked });
      return { result, room: { prunedBefore: room.before, detail: `${errorText(error)}; snapshots before ${room.before} deleted` } };
    } catch (again) {
      throw isStorageFull(again) ? new StorageFullError(again, room.before) : again;
    }
  }
}
