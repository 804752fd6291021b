import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { z } from 'zod/mini';

import { addDays, DAYS_PER_WEEK } from '../rules/day';
import { packedRing, RECENT_DAYS, recentDaysSchema, ringRecordsOf, type RecentDays, type StoredRing } from './recent-days';
import { compacted, groupedBy } from './sku-columns';
import {
  skuSnapshotSchema,
  type EventSightingRecord,
  type GlossaryEntry,
  type ReminderState,
  type SkuSnapshot,
  type StoreName,
  type StoreRecord,
  type StoreSnapshot,
} from './schema';
import { shardOf } from './shard';
import {
  packedWeek,
  snapshotsIn,
  storedWeekOfOldShardsSchema,
  storedWeekSchema,
  weekOf,
  weekOfOldShardsSchema,
  weekRecordsOf,
  weeksBetween,
  withSnapshots,
  type SkuWeek,
  type StoredWeek,
} from './sku-weeks';

/**
 * The worker's IndexedDB: one database, versioned from the first release. Each version's change is
 * one entry of MIGRATIONS; opening runs every entry above the stored version, in order, inside the
 * upgrade transaction, so an update never meets data it cannot read. Keep old entries forever.
 */

export const DB_NAME = 'local-stock-copilot';

export interface HistorySchema extends DBSchema {
  stores: { key: string; value: StoreRecord };
  skuWeeks: {
    /** [storeId, shard, week]: one SKU's history is one key range, its shard's weeks in order. */
    key: [string, number, string];
    /** Packed (stored-columns.ts): read through RECORD_SCHEMAS, written as packedWeek gives it. */
    value: StoredWeek;
    /** [storeId, week]: a store's weeks, for planning, CSV and pruning. */
    indexes: { byStoreWeek: [string, string] };
  };
  /** [storeId, group]: a store's SKUs' last days, all of them in SHARD_GROUPS records, for planning. */
  recentDays: { key: [string, number]; value: StoredRing };
  storeSnapshots: { key: [string, string]; value: StoreSnapshot; indexes: { byDay: string } };
  eventSightings: {
    key: [string, string, string];
    value: EventSightingRecord;
    indexes: { bySku: [string, string] };
  };
  glossary: { key: string; value: GlossaryEntry };
  reminderState: { key: [string, string, string]; value: ReminderState };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

/**
 * The fields each store's key is made of today, to name a record in a report. Migrations spell
 * their key paths out themselves: they describe the past and must not follow later changes.
 */
export const KEY_FIELDS: Record<StoreName, readonly string[]> = {
  stores: ['storeId'],
  skuWeeks: ['storeId', 'shard', 'week'],
  recentDays: ['storeId', 'group'],
  storeSnapshots: ['storeId', 'day'],
  eventSightings: ['storeId', 'code', 'sku'],
  glossary: ['code'],
  reminderState: ['storeId', 'sku', 'reason'],
};

// Migrations see the database as it was at their version, not as HistorySchema says it is now.
type UpgradeDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
type Migration = (db: UpgradeDb, tx: UpgradeTx) => void | Promise<void>;

/** Version 1 stored one event record per code, with the SKUs it was seen for in an array. */
interface EventSightingV1 {
  storeId: string;
  code: string;
  skus: unknown;
  firstSeen: number;
  lastSeen: number;
  count: number;
}

/** What versions 1 and 2 stored as a SKU snapshot (the fields version 3 reads). */
interface SnapshotV2 {
  storeId: string;
  sku: string;
  day: string;
  readAt: number;
  sellable: number | null;
  inTransit: number | null;
  dailySales: number | null;
  turnoverDays: number | null;
}

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (db) => {
    db.createObjectStore('stores', { keyPath: 'storeId' });
    const skus = db.createObjectStore('skuSnapshots', { keyPath: ['storeId', 'sku', 'day'] });
    skus.createIndex('byStoreDay', ['storeId', 'day']);
    skus.createIndex('byDay', 'day');
    const storeDays = db.createObjectStore('storeSnapshots', { keyPath: ['storeId', 'day'] });
    storeDays.createIndex('byDay', 'day');
    db.createObjectStore('eventSightings', { keyPath: ['storeId', 'code'] });
    db.createObjectStore('glossary', { keyPath: 'code' });
    db.createObjectStore('reminderState', { keyPath: ['storeId', 'sku', 'reason'] });
  },
  /**
   * Version 2 splits each event record per SKU, so that "which codes hit this SKU" is one index
   * lookup (bySku) instead of a scan of every code. Version 1 kept no dates per SKU, so each SKU
   * inherits its code's first/last seen and count: the best that is known.
   */
  2: async (db, tx) => {
    const old = (await tx.objectStore('eventSightings').getAll()) as EventSightingV1[];
    db.deleteObjectStore('eventSightings');
    const events = db.createObjectStore('eventSightings', { keyPath: ['storeId', 'code', 'sku'] });
    events.createIndex('bySku', ['storeId', 'sku']);
    const split = old.flatMap(({ skus, ...record }) => {
      const list = Array.isArray(skus) && skus.length > 0 ? skus.map(String) : [''];
      return [...new Set(list)].map((sku) => ({ ...record, sku }));
    });
    await Promise.all(split.map((record) => events.put(record)));
  },
  /**
   * Version 3 keeps each SKU's latest snapshot and last two weeks in one record (skuRecent), so
   * that planning reminders for 10,000 SKUs reads 10,000 records, not every snapshot of the
   * window. Built here from the snapshots already stored, one SKU at a time in key order.
   */
  3: async (db, tx) => {
    const recent = db.createObjectStore('skuRecent', { keyPath: ['storeId', 'sku'] });
    // Version 3's RECENT_DAYS, spelled out: a migration keeps doing what it did when written.
    const recentDays = 14;
    const writes: Promise<unknown>[] = [];
    let group: SnapshotV2[] = [];
    const flush = () => {
      const latest = group.at(-1);
      if (!latest) return;
      const since = addDays(latest.day, -recentDays);
      const days = group
        .filter((snapshot) => snapshot.day >= since)
        .map(({ day, readAt, sellable, inTransit, dailySales, turnoverDays }) => ({ day, readAt, sellable, inTransit, dailySales, turnoverDays }));
      writes.push(recent.put({ storeId: latest.storeId, sku: latest.sku, latest, days }));
      group = [];
    };
    let cursor = await tx.objectStore('skuSnapshots').openCursor();
    while (cursor) {
      const snapshot = cursor.value as SnapshotV2;
      const last = group.at(-1);
      if (last && (last.storeId !== snapshot.storeId || last.sku !== snapshot.sku)) flush();
      group.push(snapshot);
      cursor = await cursor.continue();
    }
    flush();
    await Promise.all(writes);
  },
  /**
   * Version 4 keeps SKU snapshots in columns, a store's shard of SKUs for a week to a record
   * (sku-weeks.ts), so that a day of 10,000 SKUs is 256 puts instead of 20,000, and planning reads
   * five weeks of them instead of a record per SKU (skuRecent, now worked out on reading). Built
   * one store and week at a time from the byStoreDay index, so memory holds one week of a store.
   * A snapshot that no longer passes validation was already skipped by every read: it is left out.
   */
  4: async (db, tx) => {
    const weeks = db.createObjectStore('skuWeeks', { keyPath: ['storeId', 'shard', 'week'] });
    weeks.createIndex('byStoreWeek', ['storeId', 'week']);
    const snapshots = tx.objectStore('skuSnapshots');
    const byStoreDay = snapshots.index('byStoreDay');
    const storeIds = (await tx.objectStore('stores').getAllKeys()) as string[];
    let leftOut = 0;
    for (const storeId of storeIds) {
      const first = await byStoreDay.openKeyCursor(IDBKeyRange.bound([storeId, ''], [storeId, '\uffff']));
      const last = await byStoreDay.openKeyCursor(IDBKeyRange.bound([storeId, ''], [storeId, '\uffff']), 'prev');
      if (!first || !last) continue;
      for (const week of weeksBetween((first.key as [string, string])[1], (last.key as [string, string])[1])) {
        const stored = await byStoreDay.getAll(IDBKeyRange.bound([storeId, week], [storeId, addDays(week, DAYS_PER_WEEK - 1)]));
        const valid: SkuSnapshot[] = [];
        for (const value of stored) {
          const parsed = skuSnapshotSchema.safeParse(value);
          if (parsed.success) valid.push(parsed.data);
          else leftOut += 1;
        }
        const byShard = groupedBy(valid, (snapshot) => shardOf(snapshot.sku));
        await Promise.all(byShard.map(({ key: shard, items }) => weeks.put(withSnapshots(undefined, { storeId, shard, week }, items).record)));
      }
    }
    if (leftOut > 0) console.warn(`History version 4: ${leftOut} stored SKU snapshots did not pass validation and were left out`);
    db.deleteObjectStore('skuSnapshots');
    db.deleteObjectStore('skuRecent');
  },
  /**
   * Version 5 keeps figure columns of whole numbers in Int32Array (4 bytes a cell, not 8:
   * sku-columns.ts), and each SKU's last days apart for planning (recent-days.ts), so that it reads
   * a few large records instead of five weeks of week records, built from each store's last weeks
   * (ringRecordsOf keeps the days planning may look back to). A week record that no longer passes
   * validation is left as it was, and out of the recent days, as every read of it already was.
   */
  5: async (db, tx) => {
    // Whole-number figure columns shrink to Int32Array (sku-columns.ts), old weeks included: a SKU's
    // history read takes every week of its shard.
    let week = await tx.objectStore('skuWeeks').openCursor();
    while (week) {
      const parsed = weekOfOldShardsSchema.safeParse(week.value);
      if (parsed.success) {
        const compact = compacted(parsed.data);
        if (compact !== parsed.data) await week.update(compact);
      }
      week = await week.continue();
    }
    db.createObjectStore('recentDays', { keyPath: ['storeId', 'group'] });
    await buildRings(tx, weekOfOldShardsSchema, (record) => record);
  },
  /**
   * Version 6 keeps week records and rings packed (stored-columns.ts): names in one string, each
   * reading time once, every column a view of one buffer in its narrowest type. One SKU's 400-day
   * history read takes half the bytes and a fraction of the objects. A record that no longer
   * passes validation is left as it was: every read already skipped and reported it. (Run today,
   * version 5's rings fail the check of their groups, which follow today's shards: they stay as
   * they are until migration 7 builds them again.)
   */
  6: async (_db, tx) => {
    const repack = async <T>(storeName: string, schema: z.ZodMiniType<T>, pack: (record: T) => unknown) => {
      let cursor = await tx.objectStore(storeName).openCursor();
      while (cursor) {
        const parsed = schema.safeParse(cursor.value);
        if (parsed.success) await cursor.update(pack(parsed.data));
        cursor = await cursor.continue();
      }
    };
    await repack('skuWeeks', weekOfOldShardsSchema, packedWeek);
    await repack('recentDays', recentDaysSchema, packedRing);
  },
  /**
   * Version 7 spreads SKUs over 512 shards, not 256 (shard.ts): one SKU's history reads half the
   * SKUs' cells. Each store's weeks are built again one week at a time from the snapshots they hold
   * (a version-6 shard splits in two), and planning's rings from the last weeks, as their groups
   * follow the shards. A week record that no longer passes validation is left as it was.
   */
  7: async (_db, tx) => {
    const weeks = tx.objectStore('skuWeeks');
    const byStoreWeek = weeks.index('byStoreWeek');
    let cursor = await byStoreWeek.openKeyCursor();
    while (cursor) {
      const [storeId, week] = cursor.key as [string, string];
      const range = IDBKeyRange.only([storeId, week]);
      const [keys, values] = await Promise.all([byStoreWeek.getAllKeys(range), byStoreWeek.getAll(range)]);
      const snapshots: SkuSnapshot[] = [];
      const moved: IDBValidKey[] = [];
      values.forEach((value, index) => {
        const parsed = storedWeekOfOldShardsSchema.safeParse(value);
        if (!parsed.success) return;
        snapshots.push(...snapshotsIn(parsed.data));
        moved.push(keys[index]!);
      });
      await Promise.all(moved.map((key) => weeks.delete(key)));
      await Promise.all(weekRecordsOf(snapshots).map((record) => weeks.put(packedWeek(record))));
      // On to the next week: every key of this one, the records just put included, sorts below this.
      cursor = await cursor.continue([storeId, `${week}\uffff`]);
    }
    await tx.objectStore('recentDays').clear();
    await buildRings(tx, storedWeekSchema, packedRing);
  },
};

/**
 * Builds each store's rings from its last weeks (the days planning may look back to), as
 * ringRecordsOf does on import: version 5 made the rings, version 7 regrouped them.
 */
async function buildRings<T>(tx: UpgradeTx, weekSchema: z.ZodMiniType<SkuWeek>, stored: (record: RecentDays) => T): Promise<void> {
  const recent = tx.objectStore('recentDays');
  const byStoreWeek = tx.objectStore('skuWeeks').index('byStoreWeek');
  let cursor = await byStoreWeek.openKeyCursor(null, 'prev');
  while (cursor) {
    const [storeId, lastWeek] = cursor.key as [string, string];
    const weeks = await byStoreWeek.getAll(IDBKeyRange.bound([storeId, weekOf(addDays(lastWeek, -2 * RECENT_DAYS))], [storeId, lastWeek]));
    const snapshots = weeks.flatMap((value) => {
      const parsed = weekSchema.safeParse(value);
      return parsed.success ? snapshotsIn(parsed.data) : [];
    });
    await Promise.all(ringRecordsOf(snapshots).map((record) => recent.put(stored(record))));
    // On to the store before this one: its last key sorts below [storeId].
    cursor = await cursor.continue([storeId, '']);
  }
}

export const DB_VERSION = Math.max(...Object.keys(MIGRATIONS).map(Number));

export interface OpenOptions {
  /** Another name keeps tests apart from each other. */
  name?: string;
  /** Open at an older version: only tests that write an old version's data use it. */
  version?: number;
  /** Told when the connection closes under its holder (an update, the browser), so it can reopen. */
  onClose?: () => void;
}

export async function openHistory({ name = DB_NAME, version = DB_VERSION, onClose }: OpenOptions = {}): Promise<HistoryDb> {
  const db = await openDB<HistorySchema>(name, version, {
    upgrade(database, oldVersion, newVersion, tx) {
      const upgradeDb = database as unknown as UpgradeDb;
      const upgradeTx = tx as unknown as UpgradeTx;
      const run = async () => {
        for (let next = oldVersion + 1; next <= (newVersion ?? version); next += 1) {
          const migration = MIGRATIONS[next];
          if (!migration) throw new Error(`No migration to version ${next}`);
          await migration(upgradeDb, upgradeTx);
        }
      };
      // A failed step aborts the whole upgrade: the old data stays as it was, at its old version.
      run().catch((error: unknown) => {
        console.error('History upgrade failed, keeping the old version', error);
        // openDB rejects with the abort; the transaction's own rejection has nobody else to tell.
        upgradeTx.done.catch(() => undefined);
        upgradeTx.abort();
      });
    },
    // An update opening a newer version in another context must not wait on this connection.
    blocking() {
      db.close();
      onClose?.();
    },
    terminated() {
      onClose?.();
    },
  });
  return db;
}
