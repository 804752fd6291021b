/**
 * The seller's data survives what can go wrong around it (fake-indexeddb, through the worker's
 * message handler, as the extension's pages and content script reach it):
 * - storage full (QuotaExceededError) on a page save: the oldest month of snapshots goes and the save
 *   is tried once more; when storage stays full the figures are dropped whole; either way the seller
 *   is told (a notice for the popup and options page) what happened and what to do;
 * - storage full on an import: caught, reported, nothing half-written;
 * - the worker killed part-way through an import: the history it had is still there;
 * - every earlier database version kept in test/fixtures/db opens at today's version with every
 *   record readable, and goes through export -> wipe -> import deep-equal, settings included;
 * - stored settings that no longer validate fall back field by field, and say which.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { at, freshName, fromFixture, inventoryReading, SHANGHAI, skuRow, weekAsKept, writeRawVersion } from '../fixtures/db/build';
import { DB_VERSION, openHistory, type HistoryDb } from '../../lib/history/db';
import { exportBackup } from '../../lib/history/backup';
import { STORE_NAMES } from '../../lib/history/schema';
import { snapshotsIn, storedWeekSchema } from '../../lib/history/sku-weeks';
import { t, type MessageKey } from '../../lib/i18n';
import { createHandler } from '../../lib/message-handler';
import { sendToBackground, type Request, type Sender } from '../../lib/messages';
import { noticeBoard } from '../../lib/notices';
import { defaultSettings, readSettings, settingsSchema, type Settings } from '../../lib/settings/schema';
import { REPO_ROOT } from './built-extension';

const NOW = at('2026-03-10', 12);
const DB_FIXTURES = join(REPO_ROOT, 'test/fixtures/db');

interface DbFixture {
  version: number;
  stores: Record<string, unknown[]>;
}
const fixtureOf = (version: number): DbFixture => JSON.parse(readFileSync(join(DB_FIXTURES, `v${version}.json`), 'utf8')) as DbFixture;

async function everything(db: HistoryDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(STORE_NAMES.map(async (name) => [name, await db.getAll(name)] as const)));
}

// ---- a worker around a database, with settings in memory (as storage.local) ------------------

interface Worker {
  db: HistoryDb;
  settings: Settings;
  /** After a "kill", nothing the worker would still do happens: no write reaches storage. */
  killed: boolean;
  send<R extends Request>(request: R, from?: Sender): ReturnType<typeof sendToBackground<R>>;
  handle: ReturnType<typeof createHandler>;
}

function workerOn(db: HistoryDb, settings: Settings = defaultSettings(), now = NOW): Worker {
  const worker = { db, settings, killed: false } as Worker;
  let notices: unknown;
  worker.handle = createHandler({
    db: async () => worker.db,
    readSettings: async () => worker.settings,
    writeSettings: async (next) => {
      if (!worker.killed) worker.settings = next;
    },
    now: () => now,
    timeZone: SHANGHAI,
    locale: 'zh-CN',
    notices: noticeBoard({
      load: async () => notices,
      save: async (next) => {
        notices = next;
      },
    }),
  });
  worker.send = (request, from = 'ui') => sendToBackground(request, (message) => worker.handle(message, from));
  return worker;
}

/** A history with a record in every store: the oldest fixture, upgraded. */
async function fullHistory(): Promise<HistoryDb> {
  const name = freshName();
  await writeRawVersion(name, 1, fixtureOf(1).stores);
  return openHistory({ name });
}

// ---- what goes wrong: the browser aborting a transaction part-way -----------------------------

/** fake-indexeddb's transaction: `_abort(name)` is the spec's "abort a transaction with an error". */
interface FakeTransaction {
  _state: string;
  _abort(errorName: string): void;
}

/**
 * At the `after`-th put, the browser aborts the put's transaction with `errorName`, as Chromium
 * does when the origin's quota is used up (QuotaExceededError) or when the context holding the
 * connection dies (the transaction never commits). `onAbort` runs at that moment. With
 * `transactions` above 1, the next transactions that put are aborted too (storage stays full).
 */
function abortPutsAfter(after: number, errorName: string, onAbort: () => void = () => {}, transactions = 1): () => void {
  const proto = IDBObjectStore.prototype;
  const original = proto.put;
  const aborted = new Set<IDBTransaction>();
  let puts = 0;
  proto.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = original.apply(this, args);
    puts += 1;
    if (puts >= after && aborted.size < transactions && !aborted.has(this.transaction)) {
      aborted.add(this.transaction);
      // Once the code has issued what it issues in this turn, as the browser would (never inside a put).
      const tx = this.transaction as unknown as FakeTransaction;
      queueMicrotask(() => {
        if (tx._state === 'finished') return;
        onAbort();
        tx._abort(errorName);
      });
    }
    return request;
  };
  return () => {
    proto.put = original;
  };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('storage full (QuotaExceededError)', () => {
  let worker: Worker;
  let before: Record<string, unknown[]>;
  beforeEach(async () => {
    worker = workerOn(await fullHistory());
    before = await everything(worker.db);
  });

  const newReading = () => inventoryReading(at('2026-03-10'), [skuRow('NEW-1'), skuRow('NEW-2'), skuRow('NEW-3')], '2088');
  /** The fixture's snapshots are of 2025-12-01 and 02: the oldest month before NOW's month ends on 2025-12-31. */
  const PRUNED_BEFORE = '2025-12-31';
  const withoutOldSnapshots = (stores: Record<string, unknown[]>) => ({ ...stores, skuWeeks: [], recentDays: [], storeSnapshots: [] });

  it('on a page save: the oldest month of snapshots goes, the figures are saved, and the seller is told', async () => {
    restore = abortPutsAfter(1, 'QuotaExceededError');
    expect(await worker.send({ type: 'reading/save', reading: newReading() }, 'content')).toMatchObject({ saved: 3 });
    const after = await everything(worker.db);
    expect(after.skuWeeks!.flatMap((week) => snapshotsIn(storedWeekSchema.parse(week)).map((s) => s.sku)).sort()).toEqual(['NEW-1', 'NEW-2', 'NEW-3']);
    // Only daily figures went: the seller's notes, event sightings and reminder state stay.
    for (const kept of ['glossary', 'eventSightings', 'reminderState']) expect(after[kept]).toEqual(before[kept]);
    expect(after.storeSnapshots).toEqual([]);
    expect((await worker.send({ type: 'notices/get' })).storageFull).toEqual({
      at: NOW,
      prunedBefore: PRUNED_BEFORE,
      saved: true,
      detail: expect.stringContaining('QuotaExceededError'),
    });
  });

  it('on a page save when storage stays full: the figures are dropped whole, the answer and the notice say so', async () => {
    restore = abortPutsAfter(1, 'QuotaExceededError', () => {}, 2);
    const answer = await worker.handle({ type: 'reading/save', reading: newReading() }, 'content');
    expect(answer).toMatchObject({
      ok: false,
      error: { key: 'history_error_storageFull', detail: expect.stringMatching(/^reading\/save: QuotaExceededError.*before 2025-12-31/) },
    });
    // Old snapshots pruned before the new ones were dropped; nothing of the new reading written.
    expect(await everything(worker.db)).toEqual(withoutOldSnapshots(before));
    expect((await worker.send({ type: 'notices/get' })).storageFull).toMatchObject({ prunedBefore: PRUNED_BEFORE, saved: false });
  });

  it('on a page save with no snapshot old enough to delete: nothing is deleted or half-written, and the database still works', async () => {
    // A month after the fixture's days: the newest month is never pruned to make room.
    const early = workerOn(worker.db, defaultSettings(), at('2025-12-20', 12));
    const reading = inventoryReading(at('2025-12-20'), [skuRow('NEW-1'), skuRow('NEW-2'), skuRow('NEW-3')], '2088');
    restore = abortPutsAfter(2, 'QuotaExceededError');
    const answer = await early.handle({ type: 'reading/save', reading }, 'content');
    restore();
    restore = null;
    expect(answer).toMatchObject({ ok: false, error: { key: 'history_error_storageFull', detail: expect.stringContaining('reading/save') } });
    expect(await everything(early.db)).toEqual(before);
    expect((await early.send({ type: 'notices/get' })).storageFull).toMatchObject({ prunedBefore: null, saved: false });
    expect(await early.send({ type: 'reading/save', reading }, 'content')).toMatchObject({ saved: 3 });
    // Read, the seller dismisses the notice.
    await early.send({ type: 'notices/dismiss', notice: 'storageFull' });
    expect((await early.send({ type: 'notices/get' })).storageFull).toBeNull();
  });

  it('on an import: caught, the history and the settings stay as they were', async () => {
    worker.settings = { ...defaultSettings(), retentionDays: 90 };
    const { text } = await worker.send({ type: 'backup/export' });
    const other = JSON.parse(text) as { settings: Settings };
    other.settings = { ...other.settings, retentionDays: 365 };
    restore = abortPutsAfter(3, 'QuotaExceededError');
    const answer = await worker.handle({ type: 'backup/import', json: JSON.stringify(other) }, 'ui');
    expect(answer).toMatchObject({ ok: false, error: { key: 'history_error_storageFull' } });
    expect(await everything(worker.db)).toEqual(before);
    expect(worker.settings.retentionDays).toBe(90);
  });

  it('tells the seller that storage is full and what to do, in both languages', async () => {
    restore = abortPutsAfter(1, 'QuotaExceededError', () => {}, 2);
    const answer = await worker.handle({ type: 'reading/save', reading: newReading() }, 'content');
    expect(answer.ok).toBe(false);
    const key = (answer as { error: { key: MessageKey } }).error.key;
    expect(key).not.toBe('history_error_failed');
    for (const shown of [key, 'ui_notice_storageFull_todo'] as const) {
      expect(t('en', shown)).toMatch(/storage is full|storage was full|make room/i);
      expect(t('en', shown)).toMatch(/Days kept/);
      expect(t('zh', shown)).toMatch(/空间/);
      expect(t('zh', shown)).toMatch(/保留天数/);
    }
  });
});

describe('the worker killed part-way through an import', () => {
  it('keeps the history it had: the import transaction never commits', async () => {
    const worker = workerOn(await fullHistory(), { ...defaultSettings(), retentionDays: 90 });
    const before = await everything(worker.db);
    const { text } = await worker.send({ type: 'backup/export' });
    const incoming = JSON.parse(text) as { data: { stores: { storeId: string }[] } };
    incoming.data.stores = incoming.data.stores.map((store) => ({ ...store, storeId: `${store.storeId}-imported` }));
    // Killed at the third write: the browser aborts the transaction of a context that is gone.
    restore = abortPutsAfter(3, 'AbortError', () => {
      worker.killed = true;
    });
    expect(await worker.handle({ type: 'backup/import', json: JSON.stringify(incoming) }, 'ui')).toMatchObject({ ok: false });
    restore();
    restore = null;
    // A new worker opens the same database.
    const name = worker.db.name;
    worker.db.close();
    const reopened = await openHistory({ name });
    expect(await everything(reopened)).toEqual(before);
    reopened.close();
  });

  /** The settings are written only once the history transaction has committed. */
  it('keeps the settings it had too', async () => {
    const worker = workerOn(await fullHistory(), { ...defaultSettings(), retentionDays: 90 });
    const { text } = await worker.send({ type: 'backup/export' });
    const incoming = JSON.parse(text) as { settings: Settings };
    incoming.settings = { ...incoming.settings, retentionDays: 365 };
    restore = abortPutsAfter(3, 'AbortError', () => {
      worker.killed = true;
    });
    await worker.handle({ type: 'backup/import', json: JSON.stringify(incoming) }, 'ui');
    expect(worker.settings.retentionDays).toBe(90);
  });
});

// ---- every earlier version, kept as a fixture ---------------------------------------------------

const EARLIER_VERSIONS = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);

describe('every earlier database version', () => {
  it('has a fixture in test/fixtures/db (a new version must add its predecessor\'s)', () => {
    const files = readdirSync(DB_FIXTURES).filter((file) => /^v\d+\.json$/.test(file));
    expect(files.map((file) => Number(file.slice(1, -5))).sort((a, b) => a - b)).toEqual(expect.arrayContaining(EARLIER_VERSIONS));
    for (const version of EARLIER_VERSIONS) expect(fixtureOf(version).version).toBe(version);
  });

  it.each(EARLIER_VERSIONS)('v%i opens at today\'s version, every record readable, and survives export -> wipe -> import deep-equal', async (version) => {
    const name = freshName();
    const fixture = fixtureOf(version);
    await writeRawVersion(name, version, fixture.stores);
    const db = await openHistory({ name });
    expect(db.version).toBe(DB_VERSION);

    const settings: Settings = { ...defaultSettings(), language: 'en', retentionDays: 120, leadTimeDays: { ES: 21 } };
    const worker = workerOn(db, settings);
    const read = await exportBackup(db, settings, NOW);
    expect(read.problems).toEqual([]);
    expect(read.skipped).toBe(0);
    // Every store the fixture filled still has at least as many records (v1 event records split per
    // SKU), but for v3's recent records and v5's recent days: worked out from the snapshots (since
    // version 4), not kept in a backup.
    // Week records (v4) go to a backup as the snapshots they hold.
    const counted = (store: string, records: unknown[]) =>
      store === 'skuWeeks' ? ['skuSnapshots', (fromFixture(records) as object[]).flatMap((week) => snapshotsIn(weekAsKept(week))).length] as const : [store, records.length] as const;
    for (const [store, count] of Object.entries(fixture.stores).filter(([store]) => store !== 'skuRecent' && store !== 'recentDays').map(([store, records]) => counted(store, records))) {
      expect((read.backup.data as Record<string, unknown[]>)[store]?.length ?? 0).toBeGreaterThanOrEqual(count);
    }

    const before = await everything(db);
    const { text } = await worker.send({ type: 'backup/export' });
    await worker.send({ type: 'data/delete-all' });
    worker.settings = defaultSettings();
    expect(Object.values(await everything(db)).every((records) => records.length === 0)).toBe(true);
    await worker.send({ type: 'backup/import', json: text });
    expect(await everything(db)).toEqual(before);
    expect(worker.settings).toEqual(settings);
    db.close();
  });
});

// ---- settings ----------------------------------------------------------------------------------

describe('stored settings that no longer validate', () => {
  const stored: Settings = {
    ...defaultSettings(),
    language: 'en',
    leadTimeDays: { ES: 30 },
    retentionDays: 200,
    notifications: { ...defaultSettings().notifications, mode: 'digest', digestHour: 8 },
  };
  const BROKEN: Record<keyof Settings, unknown> = {
    language: 'klingon',
    leadTimeDays: { ES: -3 },
    seasonWindows: [{ id: 'x', market: 'ES', from: '2025-02-30', to: '2025-03-01', everyYear: false, multiplier: 9, label: '' }],
    policyOverrides: 'not an object',
    notifications: { mode: 'loud' },
    retentionDays: 1e9,
  };

  it.each(Object.keys(settingsSchema.shape) as (keyof Settings)[])('a bad %s falls back alone, and is named', (field) => {
    const { settings, problems } = readSettings({ ...stored, [field]: BROKEN[field] });
    expect(settings[field]).toEqual(defaultSettings()[field]);
    for (const other of Object.keys(stored) as (keyof Settings)[]) if (other !== field) expect(settings[other]).toEqual(stored[other]);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.path.split('.')[0]).toBe(field);
      // Every reason is a message the options page can show, in both languages.
      expect(t('zh', problem.reason)).not.toBe(problem.reason);
      expect(t('en', problem.reason)).not.toBe(problem.reason);
    }
  });

  it('anything that is not a settings object at all gives the defaults, without a throw', () => {
    for (const junk of [null, undefined, 42, 'x', [], true]) {
      expect(readSettings(junk).settings).toEqual(defaultSettings());
    }
  });

  it('the notice the options page and popup show exists in both languages', () => {
    for (const key of ['options_settingsFellBack', 'popup_settingsFellBack'] as const) {
      expect(t('zh', key)).not.toBe(key);
      expect(t('en', key)).not.toBe(key);
    }
  });
});
