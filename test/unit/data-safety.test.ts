/**
 * The seller's data survives what can go wrong around it (fake-indexeddb, through the worker's
 * message handler, as the extension's pages and content script reach it):
 * - storage full (QuotaExceededError) on a page save or an import: caught, reported, nothing half-written;
 * - the worker killed part-way through an import: the history it had is still there;
 * - every earlier database version kept in test/fixtures/db opens at today's version with every
 *   record readable, and goes through export -> wipe -> import deep-equal, settings included;
 * - stored settings that no longer validate fall back field by field, and say which.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { at, freshName, inventoryReading, SHANGHAI, skuRow, writeRawVersion } from '../fixtures/db/build';
import { DB_VERSION, openHistory, type HistoryDb } from '../../lib/history/db';
import { exportBackup } from '../../lib/history/backup';
import { STORE_NAMES } from '../../lib/history/schema';
import { t } from '../../lib/i18n';
import { createHandler } from '../../lib/message-handler';
import { sendToBackground, type Request, type Sender } from '../../lib/messages';
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

function workerOn(db: HistoryDb, settings: Settings = defaultSettings()): Worker {
  const worker = { db, settings, killed: false } as Worker;
  worker.handle = createHandler({
    db: async () => worker.db,
    readSettings: async () => worker.settings,
    writeSettings: async (next) => {
      if (!worker.killed) worker.settings = next;
    },
    now: () => NOW,
    timeZone: SHANGHAI,
    locale: 'zh-CN',
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
 * From the `after`-th put on, the browser aborts the put's transaction with `errorName`, as Chromium
 * does when the origin's quota is used up (QuotaExceededError) or when the context holding the
 * connection dies (the transaction never commits). `onAbort` runs at that moment.
 */
function abortPutsAfter(after: number, errorName: string, onAbort: () => void = () => {}): () => void {
  const proto = IDBObjectStore.prototype;
  const original = proto.put;
  let puts = 0;
  proto.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = original.apply(this, args);
    puts += 1;
    if (puts === after) {
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

  it('on a page save: caught and answered as a failure with the detail; nothing half-written', async () => {
    const reading = inventoryReading(at('2026-03-10'), [skuRow('NEW-1'), skuRow('NEW-2'), skuRow('NEW-3')], '2088');
    restore = abortPutsAfter(2, 'QuotaExceededError');
    const answer = await worker.handle({ type: 'reading/save', reading }, 'content');
    restore();
    restore = null;
    expect(answer).toMatchObject({ ok: false, error: { key: expect.any(String), detail: expect.stringContaining('reading/save') } });
    expect(await everything(worker.db)).toEqual(before);
    // The database still works afterwards.
    expect(await worker.send({ type: 'reading/save', reading }, 'content')).toMatchObject({ saved: 3 });
  });

  it('on an import: caught, the history and the settings stay as they were', async () => {
    worker.settings = { ...defaultSettings(), retentionDays: 90 };
    const { text } = await worker.send({ type: 'backup/export' });
    const other = JSON.parse(text) as { settings: Settings };
    other.settings = { ...other.settings, retentionDays: 365 };
    restore = abortPutsAfter(3, 'QuotaExceededError');
    const answer = await worker.handle({ type: 'backup/import', json: JSON.stringify(other) }, 'ui');
    expect(answer).toMatchObject({ ok: false });
    expect(await everything(worker.db)).toEqual(before);
    expect(worker.settings.retentionDays).toBe(90);
  });

  /**
   * OPEN (reported): a full disk answers `history_error_failed` ("try again later"), which is not
   * what the seller can act on, and the detail may even say AbortError (the first failed put), not
   * QuotaExceededError (the transaction's error). Wanted: a key of its own, saying storage is full
   * and what to do (lower history retention, delete old data after exporting a backup, free disk
   * space), chosen from `tx.error.name === 'QuotaExceededError'`. When it exists this test turns
   * red: make it `it`.
   */
  it.fails('tells the seller that storage is full and what to do (OPEN: no storage-full message)', async () => {
    const reading = inventoryReading(at('2026-03-10'), [skuRow('NEW-1'), skuRow('NEW-2')], '2088');
    restore = abortPutsAfter(1, 'QuotaExceededError');
    const answer = await worker.handle({ type: 'reading/save', reading }, 'content');
    expect(answer.ok).toBe(false);
    const key = (answer as { error: { key: Parameters<typeof t>[1]; detail: string } }).error.key;
    expect(key).not.toBe('history_error_failed');
    expect(t('en', key)).toMatch(/storage|space|full/i);
    expect(t('zh', key)).toMatch(/空间|存储|已满/);
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

  /**
   * OPEN (reported): the handler writes the file's settings to storage.local BEFORE the history
   * transaction, and puts the old ones back only if the import fails while the worker is alive.
   * Killed in between, the seller is left with the file's settings over the old history. Wanted:
   * write the settings after the history transaction has committed (or keep them inside it).
   */
  it.fails('keeps the settings it had too (OPEN: settings are written before the history)', async () => {
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
    // Every store the fixture filled still has at least as many records (v1 event records split per SKU).
    for (const [store, records] of Object.entries(fixture.stores)) {
      expect((read.backup.data as Record<string, unknown[]>)[store]?.length ?? 0).toBeGreaterThanOrEqual(records.length);
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
