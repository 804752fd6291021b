import { browserTimeZone, localDay } from '@/lib/history/clock';
import { openHistory, type HistoryDb } from '@/lib/history/db';
import { pruneSnapshots } from '@/lib/history/prune';
import { createHandler } from '@/lib/message-handler';
import { noticeBoard } from '@/lib/notices';
import { reminderCycle } from '@/lib/reminders/cycle';
import { notificationText } from '@/lib/reminders/notify';
import { readSettings, SETTINGS_KEY, settingsLang, type Settings } from '@/lib/settings/schema';

/**
 * The worker owns the history (IndexedDB), answers the protocol of lib/messages.ts, and plans
 * reminders on alarms. An MV3 worker is stopped whenever it idles, so it keeps nothing in memory
 * but an open database connection, and every listener is registered at once in main.
 */

const ALARMS = {
  plan: { name: 'plan-reminders', periodInMinutes: 60 },
  prune: { name: 'prune-history', periodInMinutes: 24 * 60 },
} as const;

const NOTIFICATION_PREFIX = 'reminder:';
/** lib/notices.ts: what the popup and options page must tell the seller, kept beside the settings. */
const NOTICES_KEY = 'local:notices';

export default defineBackground(() => {
  let connection: Promise<HistoryDb> | undefined;
  const db = (): Promise<HistoryDb> =>
    (connection ??= openHistory({ onClose: () => (connection = undefined) }).catch((error: unknown) => {
      connection = undefined;
      throw error;
    }));

  const settings = async (): Promise<Settings> => {
    const { settings: read, problems } = readSettings(await storage.getItem(SETTINGS_KEY));
    if (problems.length > 0) console.warn('[Local Stock Copilot] settings fell back to defaults:', problems);
    return read;
  };

  // Chrome says whether notifications are blocked for the extension; Firefox has no such call.
  const permissionLevel =
    typeof browser.notifications.getPermissionLevel === 'function' ? () => browser.notifications.getPermissionLevel() : undefined;
  const notices = noticeBoard({
    load: () => storage.getItem(NOTICES_KEY),
    save: (next) => storage.setItem(NOTICES_KEY, next),
    permissionLevel,
  });

  const handle = createHandler({
    db,
    readSettings: settings,
    writeSettings: (next) => storage.setItem(SETTINGS_KEY, next),
    now: () => Date.now(),
    timeZone: browserTimeZone(),
    locale: navigator.language,
    notices,
  });
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener(async (message, sender) => {
    const answer = await handle(message, sender.url?.startsWith(extensionOrigin) ? 'ui' : 'content');
    // The seller sees the failure's message; the console keeps its technical detail.
    if (!answer.ok) console.warn(`[Local Stock Copilot] ${answer.error.key}: ${answer.error.detail}`);
    return answer;
  });

  browser.alarms.onAlarm.addListener(async ({ name }) => {
    if (name === ALARMS.plan.name) await remind();
    if (name === ALARMS.prune.name) await prune();
  });

  browser.notifications.onClicked.addListener(async (id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const store = encodeURIComponent(id.slice(NOTIFICATION_PREFIX.length));
    await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#/at-risk?store=${store}` });
    await browser.notifications.clear(id);
  });

  // Every start makes sure the alarms exist, but never re-creates one: that would restart its
  // period each time the worker wakes for a message, and an hourly plan might never come.
  for (const { name, periodInMinutes } of Object.values(ALARMS)) {
    void browser.alarms.get(name).then(async (alarm) => {
      if (!alarm) await browser.alarms.create(name, { periodInMinutes, delayInMinutes: 1 });
    });
  }

  async function remind(): Promise<void> {
    // Nothing would be shown, and a plan would count its SKUs as told: wait until they are allowed again.
    if ((await permissionLevel?.()) === 'denied') return;
    const current = await settings();
    const lang = settingsLang(current, navigator.language);
    const result = await reminderCycle(await db(), {
      settings: current,
      now: Date.now(),
      timeZone: browserTimeZone(),
      show: async (notification) => {
        const { title, message } = notificationText(lang, notification);
        await browser.notifications.create(`${NOTIFICATION_PREFIX}${notification.storeId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title,
          message,
        });
      },
    });
    if (result.skipped > 0) console.warn(`[Local Stock Copilot] ${result.skipped} stored records skipped:`, result.problems);
    const [refused] = result.refused;
    if (refused) {
      // Firefox refuses when notifications are blocked: the popup and options page say so. What was
      // refused is not counted as told (reminderCycle), so the next plan tells it again.
      console.warn('[Local Stock Copilot] notification not shown:', refused.error);
      await notices.set('notificationsBlocked', { detail: `notifications.create: ${String(refused.error)}` });
    } else if (result.shown.length > 0) {
      await notices.set('notificationsBlocked', null);
    }
  }

  async function prune(): Promise<void> {
    const { retentionDays } = await settings();
    await pruneSnapshots(await db(), { retentionDays, today: localDay(Date.now(), browserTimeZone()) });
  }
});
