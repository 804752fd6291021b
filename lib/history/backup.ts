import { stringify } from 'csv-stringify/browser/esm/sync';
import { z } from 'zod/mini';

import { t, type Lang, type MessageKey } from '../i18n';
import type { Failure } from '../messages';
import { checkSettings, type Settings } from '../settings/schema';
import { localClock } from './clock';
import { DB_VERSION, type HistoryDb } from './db';
import { readStoreWindow, storesWithWeeks, validated } from './read';
import { packedRing, ringRecordsOf } from './recent-days';
import { BACKUP_SCHEMAS, BACKUP_STORES, KEPT_STORES, STORE_NAMES, type BackupStore, type RecordOf, type SkuSnapshot, type StoreName } from './schema';
import { compareKeys, packedWeek, snapshotsIn, weekRecordsOf } from './sku-weeks';
import { abandon, commit } from './transaction';
import { describeIssues, MAX_PROBLEMS, type ReadResult } from './validate';

/**
 * The seller's whole history and settings as one JSON file they keep, and back. An import is
 * all or nothing: the file is validated whole first, then one transaction clears and rewrites
 * every store, and aborts (leaving the old data) on any failure.
 */

export const BACKUP_FORMAT = 'local-stock-copilot-backup';
/**
 * The file format's version. 2: SKU snapshots only (version 1 also carried each SKU's recent
 * record, which is worked out from the snapshots: a version-1 file is read without it).
 */
export const BACKUP_VERSION = 2;

const dataSchema = z.object(
  Object.fromEntries(BACKUP_STORES.map((name) => [name, z.array(BACKUP_SCHEMAS[name])])) as {
    [S in BackupStore]: z.ZodMiniArray<(typeof BACKUP_SCHEMAS)[S]>;
  },
);

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  /** ISO 8601. */
  exportedAt: z.string(),
  /** The database version that wrote the file, for a bug report. */
  schemaVersion: z.number(),
  /** Checked again with checkSettings: an import never stores settings the options page would refuse. */
  settings: z.unknown(),
  data: dataSchema,
});
export type Backup = Omit<z.infer<typeof backupSchema>, 'settings'> & { settings: Settings };
export type BackupData = z.infer<typeof dataSchema>;

export interface ExportResult {
  backup: Backup;
  /** Stored records that failed validation and were left out (an import would refuse them). */
  skipped: number;
  problems: string[];
}

/** Reads every store in one transaction, so the file is one consistent moment of the history. */
export async function exportBackup(db: HistoryDb, settings: Settings, now: number): Promise<ExportResult> {
  const tx = db.transaction(KEPT_STORES, 'readonly');
  const stored = await Promise.all(KEPT_STORES.map((name) => tx.objectStore(name).getAll()));
  const result: ExportResult = {
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      schemaVersion: DB_VERSION,
      settings,
      data: {} as BackupData,
    },
    skipped: 0,
    problems: [],
  };
  const data: Partial<Record<StoreName, unknown[]>> = {};
  KEPT_STORES.forEach((name, index) => {
    const read = validated(name, stored[index] ?? []);
    data[name] = read.records;
    result.skipped += read.skipped;
    result.problems.push(...read.problems);
  });
  const { skuWeeks, ...rest } = data as { [S in (typeof KEPT_STORES)[number]]: RecordOf[S][] };
  result.backup.data = { ...rest, skuSnapshots: skuWeeks.flatMap((record) => snapshotsIn(record)) };
  return result;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: Failure };

const refuse = (key: MessageKey, detail: string): ParsedBackup => ({ ok: false, error: { key, detail } });

/** Checks a file the seller picked: it is our backup, of a version we read, and every record fits. */
export function parseBackup(json: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return refuse('backup_error_notJson', String(error));
  }
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) return refuse('backup_error_notBackup', `format is ${JSON.stringify(head.format)}`);
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return refuse('backup_error_newer', `file version ${head.version}, this extension reads up to ${BACKUP_VERSION}`);
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return refuse('backup_error_invalid', describeIssues(parsed.error));
  const settings = checkSettings(parsed.data.settings);
  if (!settings.ok) {
    return refuse('backup_error_invalid', settings.problems.map((p) => `settings.${p.path}: ${p.reason}`).join('; '));
  }
  return { ok: true, backup: { ...parsed.data, settings: settings.settings } };
}

/** Replaces the whole history with the backup's, in one transaction: all of it or none of it. */
export async function importBackup(db: HistoryDb, data: BackupData): Promise<Record<BackupStore, number>> {
  const { skuSnapshots, ...rest } = data;
  const stored: { [S in StoreName]: readonly unknown[] } = {
    ...rest,
    skuWeeks: weekRecordsOf(skuSnapshots).map(packedWeek),
    recentDays: ringRecordsOf(skuSnapshots).map(packedRing),
  };
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    for (const name of STORE_NAMES) {
      const store = tx.objectStore(name);
      writes.push(store.clear());
      for (const record of stored[name]) writes.push(store.put(record as never));
    }
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    throw await abandon(tx, writes, error);
  }
  return Object.fromEntries(BACKUP_STORES.map((name) => [name, data[name].length])) as Record<BackupStore, number>;
}

/** Deletes every record of the history, glossary and reminder state (settings stay), in one transaction. */
export async function deleteAllData(db: HistoryDb): Promise<void> {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  await commit(tx, STORE_NAMES.map((name) => tx.objectStore(name).clear()));
}

/** 'local-stock-copilot-backup-2026-03-10.json': the seller's day, so files sort by date. */
export const exportFileName = (kind: 'backup' | 'snapshots', now: number, timeZone: string, extension: 'json' | 'csv'): string =>
  `local-stock-copilot-${kind}-${localClock(now, timeZone).day}.${extension}`;

const CSV_COLUMNS = [
  'storeId',
  'day',
  'sku',
  'product',
  'warehouse',
  'market',
  'sellable',
  'inTransit',
  'dailySales',
  'dailySalesFrom',
  'turnoverDays',
  'readAt',
] as const satisfies readonly (keyof SkuSnapshot)[];

/**
 * SKU snapshots as CSV for a spreadsheet: a header row in the seller's language, the UTF-8 byte
 * order mark so Excel reads Chinese product names right, empty cells for figures not shown, the
 * read time on the seller's clock.
 */
export function snapshotsCsv(snapshots: readonly SkuSnapshot[], lang: Lang, timeZone: string): string {
  const time = (readAt: number) => {
    const { day, minutes } = localClock(readAt, timeZone);
    return `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  };
  const header = CSV_COLUMNS.map((column) => t(lang, `backup_csv_${column}`));
  const rows = snapshots.map((snapshot) => CSV_COLUMNS.map((column) => (column === 'readAt' ? time(snapshot.readAt) : snapshot[column])));
  return `\ufeff${csvText([header, ...rows])}`;
}

/**
 * Rows as CSV (RFC 4180, CRLF between rows) with csv-stringify: its browser build has no network
 * code, unlike papaparse's file downloader, and the extension ships none. Text a spreadsheet would
 * run as a formula (= + - @ tab CR first) gets a leading apostrophe: product names come from web
 * pages. Cells with a line break or with spaces at either end are quoted, as some readers split or
 * trim them otherwise.
 */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify([...rows], {
    record_delimiter: 'windows',
    eof: false,
    escape_formulas: true,
    quote_record_delimiter: true,
    quoted_match: /^\s|\s$/,
  });
}

/** The snapshots a CSV export covers, by day, then store, then SKU: one store, or every store. */
export async function readSnapshotsForCsv(
  db: HistoryDb,
  { storeId, fromDay = '', toDay = '\uffff' }: { storeId?: string; fromDay?: string; toDay?: string },
): Promise<ReadResult<SkuSnapshot>> {
  const storeIds = storeId === undefined ? await storesWithWeeks(db) : [storeId];
  const result: ReadResult<SkuSnapshot> = { records: [], skipped: 0, problems: [] };
  for (const id of storeIds) {
    const window = await readStoreWindow(db, id, fromDay, toDay);
    result.records.push(...window.records);
    result.skipped += window.skipped;
    result.problems.push(...window.problems);
  }
  // Stores in key order, each already by day then SKU: a stable sort by day interleaves them.
  result.records.sort((a, b) => compareKeys(a.day, b.day));
  result.problems.splice(MAX_PROBLEMS);
  return result;
}
