import { localDay } from '../history/clock';
import type { HistoryDb } from '../history/db';
import { listStores, readRecent, readReminderState, writeReminderState } from '../history/read';
import { ruleContext } from '../rules/context';
import type { Settings } from '../settings/schema';
import { decideNotifications, type StoreNotification } from './notify';
import { planReminders } from './plan';
import type { StorePlan } from './schema';

interface Problems {
  skipped: number;
  problems: string[];
}

/** One store's plan for today, as the at-risk view shows it. */
export async function planStore(
  db: HistoryDb,
  storeId: string,
  settings: Settings,
  today: string,
): Promise<{ plan: StorePlan } & Problems> {
  const recent = await readRecent(db, storeId);
  const [plan] = planReminders(recent.records, ruleContext(settings, today));
  return { plan: plan ?? { storeId, day: today, skus: [] }, skipped: recent.skipped, problems: recent.problems };
}

/** A notification the browser refused, and why. */
export interface RefusedNotification {
  storeId: string;
  error: unknown;
}

/**
 * What the hourly alarm does: plan every store, decide what to tell, have `show` show each store's
 * notification, and write the reminder state back. Everything it needs is read here, because a
 * service worker remembers nothing between alarms. A SKU counts as told only once its notification
 * was shown: one the browser refuses (Firefox rejects while notifications are blocked) leaves the
 * state as it was, so that the next cycle tells it again.
 */
export async function reminderCycle(
  db: HistoryDb,
  { settings, now, timeZone, show }: { settings: Settings; now: number; timeZone: string; show(notification: StoreNotification): Promise<void> },
): Promise<{ shown: StoreNotification[]; refused: RefusedNotification[] } & Problems> {
  const today = localDay(now, timeZone);
  const stores = await listStores(db);
  const found: Problems = { skipped: stores.skipped, problems: [...stores.problems] };
  const plans: StorePlan[] = [];
  const states = [];
  for (const { storeId } of stores.records) {
    const { plan, skipped, problems } = await planStore(db, storeId, settings, today);
    const state = await readReminderState(db, storeId);
    plans.push(plan);
    states.push(...state.records);
    found.skipped += skipped + state.skipped;
    found.problems.push(...problems, ...state.problems);
  }
  const { notifications, writes } = decideNotifications({ plans, states, settings: settings.notifications, now, timeZone });
  await writeReminderState(db, writes);
  const shown: StoreNotification[] = [];
  const refused: RefusedNotification[] = [];
  for (const notification of notifications) {
    try {
      await show(notification);
    } catch (error) {
      refused.push({ storeId: notification.storeId, error });
      continue;
    }
    await writeReminderState(db, notification.told);
    shown.push(notification);
  }
  return { shown, refused, ...found };
}
