import { deleteAllData, exportBackup, exportFileName, importBackup, parseBackup, readSnapshotsForCsv, snapshotsCsv } from './history/backup';
import type { HistoryDb } from './history/db';
import {
  deleteGlossary,
  listGlossary,
  listStores,
  putGlossary,
  readEventsOfSku,
  readSkuHistory,
  snoozeReminder,
} from './history/read';
import { localDay } from './history/clock';
import { saveReadingMakingRoom, StorageFullError } from './history/room';
import { skuHistoryOf } from './history/sku-history';
import { isStorageFull } from './history/transaction';
import { contentMessages } from './i18n';
import { BackgroundError, parseAnswer, parseRequest, type Answer, type Envelope, type MessageType, type Request, type Sender } from './messages';
import type { NoticeBoard } from './notices';
import { planStore } from './reminders/cycle';
import { settingsLang, type Settings } from './settings/schema';

/**
 * The worker's side of lib/messages.ts: every request validated on arrival, answered, and the
 * answer validated before it leaves. Pure given its dependencies, so tests drive it with a
 * fake-indexeddb database, settings in memory and a fixed clock.
 */

export interface HandlerDeps {
  db: () => Promise<HistoryDb>;
  readSettings: () => Promise<Settings>;
  writeSettings: (settings: Settings) => Promise<void>;
  now: () => number;
  timeZone: string;
  /** The browser's UI language, for files when the settings say 'auto'. */
  locale: string | undefined;
  /** Where what the seller must hear outside an answer is kept (storage full on a page save). */
  notices: NoticeBoard;
}

type Handlers = { [T in MessageType]: (request: Request<T>) => Promise<Answer<T>> };

function handlers({ db, readSettings, writeSettings, now, timeZone, locale, notices }: HandlerDeps): Handlers {
  const today = () => localDay(now(), timeZone);
  return {
    // The content script's answer reaches no one: storage full is kept as a notice for the popup and options page.
    // Its rows were checked on arrival (parseRequest: skuFiguresSchema each), and are not checked again.
    'reading/save': async ({ reading }) => {
      try {
        const { result, room } = await saveReadingMakingRoom(await db(), reading, { timeZone, today: today(), rowsChecked: true });
        if (room) await notices.set('storageFull', { at: now(), ...room, saved: true });
        return result;
      } catch (error) {
        if (error instanceof StorageFullError) {
          await notices.set('storageFull', { at: now(), prunedBefore: error.prunedBefore, saved: false, detail: error.message });
        }
        throw error;
      }
    },
    'glossary/list': async () => {
      const { records, ...rest } = await listGlossary(await db());
      return { entries: records, ...rest };
    },
    'glossary/put': async ({ code, meaning }) => ({ entry: await putGlossary(await db(), code, meaning, now()) }),
    'messages/get': async ({ lang }) => ({ messages: contentMessages(lang) }),
    'glossary/delete': async ({ code }) => {
      await deleteGlossary(await db(), code);
      return {};
    },
    'sku/history': async ({ storeId, sku, fromDay, toDay }) => {
      const database = await db();
      const [history, events] = await Promise.all([readSkuHistory(database, storeId, sku, { fromDay, toDay }), readEventsOfSku(database, storeId, sku)]);
      return {
        history: skuHistoryOf(history.records),
        events: events.records,
        skipped: history.skipped + events.skipped,
        problems: [...history.problems, ...events.problems],
      };
    },
    'store/at-risk': async ({ storeId, limit }) => {
      const { plan, ...rest } = await planStore(await db(), storeId, await readSettings(), today());
      return { plan: { ...plan, skus: plan.skus.slice(0, limit) }, atRisk: plan.skus.length, ...rest };
    },
    'stores/list': async () => {
      const { records, ...rest } = await listStores(await db());
      return { stores: records, ...rest };
    },
    'backup/export': async () => {
      const { backup, skipped, problems } = await exportBackup(await db(), await readSettings(), now());
      return { fileName: exportFileName('backup', now(), timeZone, 'json'), text: JSON.stringify(backup), skipped, problems };
    },
    'backup/import': async ({ json }) => {
      const parsed = parseBackup(json);
      if (!parsed.ok) throw new BackgroundError(parsed.error);
      // The history first, in one transaction, and the settings only once it has committed: a
      // failure (or the worker stopped) part-way leaves the old history with the old settings.
      const imported = await importBackup(await db(), parsed.backup.data);
      await writeSettings(parsed.backup.settings);
      return { imported };
    },
    'data/delete-all': async () => {
      await deleteAllData(await db());
      return {};
    },
    'snapshots/csv': async ({ storeId, fromDay, toDay }) => {
      const { records, skipped, problems } = await readSnapshotsForCsv(await db(), { storeId, fromDay, toDay });
      const lang = settingsLang(await readSettings(), locale);
      return { fileName: exportFileName('snapshots', now(), timeZone, 'csv'), text: snapshotsCsv(records, lang, timeZone), skipped, problems };
    },
    'reminders/snooze': async ({ storeId, sku, reason, until }) => {
      await snoozeReminder(await db(), { storeId, sku, reason }, until);
      return {};
    },
    'notices/get': () => notices.read(),
    'notices/dismiss': async ({ notice }) => {
      await notices.set(notice, null);
      return {};
    },
  };
}

/** Builds `handle(message, from)`: always resolves to an envelope, never throws; a refusal keeps its own reason. */
export function createHandler(deps: HandlerDeps) {
  const table = handlers(deps);
  return async (raw: unknown, from: Sender): Promise<Envelope<MessageType>> => {
    const parsed = parseRequest(raw, from);
    if (!parsed.ok) return parsed;
    const { request } = parsed;
    try {
      const answer = await (table[request.type] as (request: Request) => Promise<unknown>)(request);
      return parseAnswer(request.type, answer);
    } catch (error) {
      if (error instanceof BackgroundError) return { ok: false, error: error.failure };
      // Trying again will not help when storage is full: the seller must make room, and is told how.
      const key = isStorageFull(error) ? 'history_error_storageFull' : 'history_error_failed';
      return { ok: false, error: { key, detail: `${request.type}: ${String(error)}` } };
    }
  };
}
