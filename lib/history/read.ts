import type { HistoryDb } from './db';
import { KEY_FIELDS } from './db';
import type { Day } from '../rules/day';
import {
  glossaryEntrySchema,
  RECORD_SCHEMAS,
  reminderStateSchema,
  type GlossaryEntry,
  type RecordOf,
  type ReminderState,
  type SkuRecent,
  type SkuSnapshot,
  type StoreName,
} from './schema';
import { shardOf } from './shard';
import { recentOf } from './recent-days';
import { compareKeys, snapshotsIn, weekOf, type SkuWeek } from './sku-weeks';
import { commit } from './transaction';
import { validateRecords, type ReadResult } from './validate';

// Bounds of a compound key range: '' sorts before every day string, '\uffff' after every one.
const FIRST = '';
const LAST = '\uffff';

/** Validates what a store gave back, naming each skipped record by its key. */
export function validated<S extends StoreName>(storeName: S, values: readonly unknown[]): ReadResult<RecordOf[S]> {
  const fields = KEY_FIELDS[storeName];
  return validateRecords(values, RECORD_SCHEMAS[storeName] as never, (value) => {
    const record = (value ?? {}) as Record<string, unknown>;
    return `${storeName} ${JSON.stringify(fields.map((field) => record[field] ?? null))}`;
  });
}

export async function listStores(db: HistoryDb): Promise<ReadResult<RecordOf['stores']>> {
  return validated('stores', await db.getAll('stores'));
}

export interface DayRange {
  fromDay?: Day;
  toDay?: Day;
}

/**
 * A week range's lower bound: the week holding `fromDay`, or '' for none. A week holding `toDay` is
 * named by its Monday, no later than `toDay`, so `toDay` itself is the upper bound.
 */
const firstWeek = (fromDay: Day): string => (fromDay === FIRST ? FIRST : weekOf(fromDay));

/** One SKU's daily snapshots, oldest first: one key range over its shard's weeks. */
export async function readSkuHistory(
  db: HistoryDb,
  storeId: string,
  sku: string,
  { fromDay = FIRST, toDay = LAST }: DayRange = {},
): Promise<ReadResult<SkuSnapshot>> {
  const shard = shardOf(sku);
  const range = IDBKeyRange.bound([storeId, shard, firstWeek(fromDay)], [storeId, shard, toDay]);
  const weeks = validated('skuWeeks', await db.getAll('skuWeeks', range));
  return { ...weeks, records: weeks.records.flatMap((record) => snapshotsIn(record, sku)).filter(({ day }) => day >= fromDay && day <= toDay) };
}

/** Every store that has SKU weeks, in one walk of the index that jumps from store to store. */
export async function storesWithWeeks(db: HistoryDb): Promise<string[]> {
  const storeIds: string[] = [];
  let cursor = await db.transaction('skuWeeks').store.index('byStoreWeek').openKeyCursor();
  while (cursor) {
    const [storeId] = cursor.key;
    storeIds.push(storeId);
    cursor = await cursor.continue([storeId, '\uffff']);
  }
  return storeIds;
}

/** A store's week records from the week of `fromDay` to the week of `toDay`. */
async function storeWeeks(db: HistoryDb, storeId: string, fromDay: Day, toDay: Day): Promise<ReadResult<SkuWeek>> {
  const range = IDBKeyRange.bound([storeId, firstWeek(fromDay)], [storeId, toDay]);
  return validated('skuWeeks', await db.getAllFromIndex('skuWeeks', 'byStoreWeek', range));
}

/** Every SKU of a store over some days, by day, then SKU. */
export async function readStoreWindow(db: HistoryDb, storeId: string, fromDay: Day, toDay: Day): Promise<ReadResult<SkuSnapshot>> {
  const weeks = await storeWeeks(db, storeId, fromDay, toDay);
  const records = weeks.records.flatMap((record) => snapshotsIn(record)).filter(({ day }) => day >= fromDay && day <= toDay);
  return { ...weeks, records: records.sort((a, b) => compareKeys(a.day, b.day) || compareKeys(a.sku, b.sku)) };
}

export async function readStoreSnapshots(
  db: HistoryDb,
  storeId: string,
  { fromDay = FIRST, toDay = LAST }: DayRange = {},
): Promise<ReadResult<RecordOf['storeSnapshots']>> {
  const range = IDBKeyRange.bound([storeId, fromDay], [storeId, toDay]);
  return validated('storeSnapshots', await db.getAll('storeSnapshots', range));
}

/** The event codes seen for one SKU ('' gives the rows that named no SKU). */
export async function readEventsOfSku(
  db: HistoryDb,
  storeId: string,
  sku: string,
): Promise<ReadResult<RecordOf['eventSightings']>> {
  return validated('eventSightings', await db.getAllFromIndex('eventSightings', 'bySku', [storeId, sku]));
}

export async function listGlossary(db: HistoryDb): Promise<ReadResult<GlossaryEntry>> {
  return validated('glossary', await db.getAll('glossary'));
}

/** Records the seller's meaning for a code; throws a ZodError for an empty or invalid entry. */
export async function putGlossary(db: HistoryDb, code: string, meaning: string, now: number): Promise<GlossaryEntry> {
  const entry = glossaryEntrySchema.parse({ code, meaning, updatedAt: now });
  await db.put('glossary', entry);
  return entry;
}

export async function deleteGlossary(db: HistoryDb, code: string): Promise<void> {
  await db.delete('glossary', code);
}

export async function readReminderState(db: HistoryDb, storeId: string): Promise<ReadResult<ReminderState>> {
  const range = IDBKeyRange.bound([storeId, FIRST, FIRST], [storeId, LAST, LAST]);
  return validated('reminderState', await db.getAll('reminderState', range));
}

/** Writes a reminder cycle's state changes in one transaction. */
export async function writeReminderState(db: HistoryDb, records: readonly ReminderState[]): Promise<void> {
  const tx = db.transaction('reminderState', 'readwrite');
  await commit(tx, records.map((record) => tx.store.put(reminderStateSchema.parse(record))));
}

/** Each SKU's latest snapshot and the RECENT_DAYS before it, by SKU: what reminder planning reads. */
export async function readRecent(db: HistoryDb, storeId: string): Promise<ReadResult<SkuRecent>> {
  const ring = validated('recentDays', await db.getAll('recentDays', IDBKeyRange.bound([storeId, 0], [storeId, Infinity])));
  return { ...ring, records: recentOf(ring.records) };
}

/** Quiets one SKU's reason until a time (null: remind again), keeping what was last told. */
export async function snoozeReminder(
  db: HistoryDb,
  { storeId, sku, reason }: Pick<ReminderState, 'storeId' | 'sku' | 'reason'>,
  until: number | null,
): Promise<void> {
  const tx = db.transaction('reminderState', 'readwrite');
  const before = await tx.store.get([storeId, sku, reason]);
  const record = { storeId, sku, reason, state: null, notifiedAt: null, ...before, snoozedUntil: until };
  await commit(tx, [tx.store.put(reminderStateSchema.parse(record))]);
}
