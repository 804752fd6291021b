import { z } from 'zod/mini';

import { eventCodeSchema, glossaryEntrySchema, skuFiguresSchema, storeFiguresSchema, type GlossaryEntry } from '../records';
import { storedRingSchema, type RecentDays } from './recent-days';
import { storedWeekSchema, type SkuWeek } from './sku-weeks';

/**
 * What the worker keeps in IndexedDB, one zod schema per object store. Records are validated on
 * every read: a stored record that no longer fits is skipped and reported, never allowed to poison
 * a chart or a reminder. On write, each record is validated, or built so that it always passes:
 * a page save's week and ring records (lib/history/save.ts; the builders' property tests).
 */

/**
 * A day's shape, month 01-12 and day 01-31. Not the full calendar check (isDay builds a Date):
 * reads validate hundreds of thousands of days, every one of them written by localDay.
 */
export const daySchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
const epochMs = z.number().check(z.gte(0));
const storeId = z.string().check(z.minLength(1));
const sku = z.string().check(z.minLength(1));
/** Which store, which day, read when: what makes a page's figures a daily snapshot. */
const daily = { storeId, day: daySchema, readAt: epochMs };
/** A daily snapshot's fields beyond the page's figures: a reading checks them once for all its SKUs (save.ts). */
export const dailySchema = z.object(daily);

export const storeRecordSchema = z.object({
  storeId,
  firstSeen: epochMs,
  lastSeen: epochMs,
});
export type StoreRecord = z.infer<typeof storeRecordSchema>;

/**
 * One SKU on one day: the latest reading of that day wins. Stored in columns, a week of a shard
 * of SKUs to a record (sku-weeks.ts); this is each day's shape in readings, reads and backups.
 */
export const skuSnapshotSchema = z.extend(skuFiguresSchema, daily);
export type SkuSnapshot = z.infer<typeof skuSnapshotSchema>;

/** One day of a SKU's recent history: the figures planning compares day to day. */
export type RecentDay = Pick<SkuSnapshot, 'day' | 'readAt' | 'sellable' | 'inTransit' | 'dailySales' | 'turnoverDays'>;

/** A SKU's latest snapshot and the RECENT_DAYS before it, oldest first (lib/history/recent-days.ts: recentOf). */
export interface SkuRecent {
  storeId: string;
  sku: string;
  latest: SkuSnapshot;
  days: RecentDay[];
}

/** A store's figures on one day, merged from every page read that day. */
export const storeSnapshotSchema = z.extend(storeFiguresSchema, daily);
export type StoreSnapshot = z.infer<typeof storeSnapshotSchema>;

/** An event-log code seen for a SKU ('' when the row names none); count = page readings that showed it. */
export const eventSightingRecordSchema = z.object({
  storeId,
  code: eventCodeSchema,
  sku: z.string(),
  firstSeen: epochMs,
  lastSeen: epochMs,
  count: z.number().check(z.int(), z.gte(1)),
});
export type EventSightingRecord = z.infer<typeof eventSightingRecordSchema>;

/** The seller's own meaning for an event code the guide does not document (lib/records.ts: the content script sends it). */
export { glossaryEntrySchema, type GlossaryEntry };

export const REMINDER_REASONS = ['out', 'low', 'will-cross', 'ito-over-90', 'replenishment-short'] as const;
export const reminderReasonSchema = z.enum(REMINDER_REASONS);
export type ReminderReason = z.infer<typeof reminderReasonSchema>;

/**
 * What was last told about one SKU and reason. `state` is the reason's state when notified, null
 * once the reason has cleared, so that it is told again only when it comes back or changes.
 */
export const reminderStateSchema = z.object({
  storeId,
  sku,
  reason: reminderReasonSchema,
  state: z.nullable(z.string()),
  notifiedAt: z.nullable(epochMs),
  snoozedUntil: z.nullable(epochMs),
});
export type ReminderState = z.infer<typeof reminderStateSchema>;

/** The stores a backup file and the database have alike: everything but the daily SKU figures. */
const SHARED_SCHEMAS = {
  stores: storeRecordSchema,
  storeSnapshots: storeSnapshotSchema,
  eventSightings: eventSightingRecordSchema,
  glossary: glossaryEntrySchema,
  reminderState: reminderStateSchema,
} as const;

/**
 * Every object store with the schema of its records as read from it (week and ring records are
 * unpacked from their stored form): the one list reads, import and wipe walk.
 */
export const RECORD_SCHEMAS = { ...SHARED_SCHEMAS, skuWeeks: storedWeekSchema, recentDays: storedRingSchema } as const;
export type StoreName = keyof typeof RECORD_SCHEMAS;
export const STORE_NAMES = Object.keys(RECORD_SCHEMAS) as StoreName[];
/** The stores a backup is made from: recentDays is a copy of the last days of skuWeeks, built again on import. */
export const KEPT_STORES = STORE_NAMES.filter((name): name is Exclude<StoreName, 'recentDays'> => name !== 'recentDays');

/**
 * What a backup file holds: a record per SKU and day as the seller reads it, not the database's
 * week columns, so that a file outlives storage formats and opens in any JSON viewer.
 */
export const BACKUP_SCHEMAS = { ...SHARED_SCHEMAS, skuSnapshots: skuSnapshotSchema } as const;
export type BackupStore = keyof typeof BACKUP_SCHEMAS;
export const BACKUP_STORES = Object.keys(BACKUP_SCHEMAS) as BackupStore[];

export interface RecordOf {
  stores: StoreRecord;
  skuWeeks: SkuWeek;
  recentDays: RecentDays;
  storeSnapshots: StoreSnapshot;
  eventSightings: EventSightingRecord;
  glossary: GlossaryEntry;
  reminderState: ReminderState;
}
