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
  type StoreName,
} from './schema';
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

/** One SKU's daily snapshots, oldest first: one key range on the primary key, never a scan. */
export async function readSkuHistory(
  db: HistoryDb,
  storeId: string,
  sku: string,
  { fromDay = FIRST, toDay = LAST }: DayRange = {},
): Promise<ReadResult<RecordOf['skuSnapshots']>> {
  const range = IDBKeyRange.bound([storeId, sku, fromDay], [storeId, sku, toDay]);
  return validated('skuSnapshots', await db.getAll('skuSnapshots', range));
}

/** Every SKU of a store over a few days (planning reads the last two weeks, not all history). */
export async function readStoreWindow(
  db: HistoryDb,
  storeId: string,
  fromDay: Day,
  toDay: Day,
): Promise<ReadResult<RecordOf['skuSnapshots']>> {
  const range = IDBKeyRange.bound([storeId, fromDay], [storeId, toDay]);
  return validated('skuSnapshots', await db.getAllFromIndex('skuSnapshots', 'byStoreDay', range));
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

/** Each SKU's latest snapshot and last two weeks: what reminder planning reads, one record per SKU. */
export async function readRecent(db: HistoryDb, storeId: string): Promise<ReadResult<RecordOf['skuRecent']>> {
  const range = IDBKeyRange.bound([storeId, FIRST], [storeId, LAST]);
  return validated('skuRecent', await db.getAll('skuRecent', range));
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
