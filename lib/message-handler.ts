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
import { contentMessages } from './i18n';
import { saveReading } from './history/save';
import { BackgroundError, parseAnswer, parseRequest, type Answer, type Envelope, type MessageType, type Request, type Sender } from './messages';
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
}

type Handlers = { [T in MessageType]: (request: Request<T>) => Promise<Answer<T>> };

function handlers({ db, readSettings, writeSettings, now, timeZone, locale }: HandlerDeps): Handlers {
  const today = () => localDay(now(), timeZone);
  return {
    'reading/save': async ({ reading }) => saveReading(await db(), reading, { timeZone }),
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
      const history = await readSkuHistory(await db(), storeId, sku, { fromDay, toDay });
      const events = await readEventsOfSku(await db(), storeId, sku);
      return {
        records: history.records,
        events: events.records,
        skipped: history.skipped + events.skipped,
        problems: [...history.problems, ...events.problems],
      };
    },
    'store/at-risk': async ({ storeId }) => planStore(await db(), storeId, await readSettings(), today()),
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
      // Settings first, put back if the history cannot be written: all of the file or none of it.
      const before = await readSettings();
      await writeSettings(parsed.backup.settings);
      try {
        return { imported: await importBackup(await db(), parsed.backup.data) };
      } catch (error) {
        await writeSettings(before);
        throw error;
      }
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
      return { ok: false, error: { key: 'history_error_failed', detail: `${request.type}: ${String(error)}` } };
    }
  };
}
