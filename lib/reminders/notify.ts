import { localClock } from '../history/clock';
import type { ReminderReason, ReminderState } from '../history/schema';
import { t, type Lang, type MessageKey } from '../i18n';
import type { Settings } from '../settings/schema';
import type { PlannedReason, PlannedSku, StorePlan } from './schema';

/**
 * Which reminders to show now, without spamming: one notification per store summarising its SKUs,
 * each SKU and reason told once until its state changes (or it clears and comes back), a store's
 * digest at most once a day from the seller's hour on, nothing in quiet hours, while snoozed, or
 * before the seller has read the first-run explanation. Pure: plans, stored state, settings and the
 * time in; what to show and the state to write back out (the worker keeps nothing in memory). What
 * a notification told is written by whoever shows it, once it is shown (lib/reminders/cycle.ts).
 */

export interface NotifiedSku {
  sku: string;
  product: string | null;
  reasons: PlannedReason[];
}

export interface StoreNotification {
  storeId: string;
  skus: NotifiedSku[];
  /** What to remember as told once the notification was shown, and only then: one refused is told again. */
  told: ReminderState[];
}

export interface NotifyDecision {
  notifications: StoreNotification[];
  /** Reminder state records to write whether or not anything is shown: the reasons that cleared. */
  writes: ReminderState[];
}

export interface NotifyInput {
  plans: readonly StorePlan[];
  /** The stored reminder state of the planned stores. */
  states: readonly ReminderState[];
  settings: Settings['notifications'];
  now: number;
  timeZone: string;
}

const keyOf = (storeId: string, sku: string, reason: ReminderReason) => JSON.stringify([storeId, sku, reason]);

export function decideNotifications({ plans, states, settings, now, timeZone }: NotifyInput): NotifyDecision {
  const stored = new Map(states.map((state) => [keyOf(state.storeId, state.sku, state.reason), state]));
  const current = new Set<string>();
  const pending: { storeId: string; sku: PlannedSku; reason: PlannedReason; before: ReminderState | undefined }[] = [];
  for (const plan of plans) {
    for (const sku of plan.skus) {
      for (const reason of sku.reasons) {
        const key = keyOf(plan.storeId, sku.snapshot.sku, reason.reason);
        current.add(key);
        const before = stored.get(key);
        const told = before?.state === reason.state;
        const snoozed = (before?.snoozedUntil ?? 0) > now;
        if (!told && !snoozed) pending.push({ storeId: plan.storeId, sku, reason, before });
      }
    }
  }

  // A reason that cleared forgets it was told, so that it is told again when it comes back.
  const writes: ReminderState[] = states
    .filter((state) => state.state !== null && !current.has(keyOf(state.storeId, state.sku, state.reason)))
    .map((state) => ({ ...state, state: null }));

  if (pending.length === 0 || !mayNotify(settings, now, timeZone)) return { notifications: [], writes };
  const digestSent = settings.mode === 'digest' ? storesToldToday(states, now, timeZone) : new Set<string>();

  const byStore = new Map<string, { skus: Map<string, NotifiedSku>; told: ReminderState[] }>();
  for (const { storeId, sku, reason, before } of pending) {
    if (digestSent.has(storeId)) continue;
    const store = byStore.get(storeId) ?? { skus: new Map<string, NotifiedSku>(), told: [] };
    byStore.set(storeId, store);
    const entry = store.skus.get(sku.snapshot.sku) ?? { sku: sku.snapshot.sku, product: sku.snapshot.product, reasons: [] };
    store.skus.set(sku.snapshot.sku, entry);
    entry.reasons.push(reason);
    store.told.push({
      storeId,
      sku: sku.snapshot.sku,
      reason: reason.reason,
      state: reason.state,
      notifiedAt: now,
      snoozedUntil: before?.snoozedUntil ?? null,
    });
  }
  const notifications = [...byStore].map(([storeId, { skus, told }]) => ({ storeId, skus: [...skus.values()], told }));
  return { notifications, writes };
}

function mayNotify(settings: Settings['notifications'], now: number, timeZone: string): boolean {
  if (settings.mode === 'off' || !settings.introSeen) return false;
  if (settings.snoozeUntil !== null && settings.snoozeUntil > now) return false;
  const { minutes } = localClock(now, timeZone);
  if (settings.quietHours && inQuietHours(minutes, settings.quietHours)) return false;
  // Digest: from the seller's hour on (storesToldToday keeps it to once a day).
  return settings.mode === 'immediate' || minutes >= settings.digestHour * 60;
}

/**
 * The stores whose digest went out today: each store's at most once a day. Counted per store, so
 * that a store whose notification the browser refused (nothing told, cycle.ts) is tried again
 * today, whatever other stores were shown.
 */
function storesToldToday(states: readonly ReminderState[], now: number, timeZone: string): Set<string> {
  const today = localClock(now, timeZone).day;
  const told = new Set<string>();
  for (const state of states) {
    if (state.notifiedAt !== null && localClock(state.notifiedAt, timeZone).day === today) told.add(state.storeId);
  }
  return told;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** 'HH:MM' to 'HH:MM', the end not included; a window whose end is earlier wraps midnight (22:00-07:00). */
export function inQuietHours(minutes: number, { from, to }: { from: string; to: string }): boolean {
  const start = minutesOf(from);
  const end = minutesOf(to);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The message key of each reason's name, for notifications and the at-risk view. */
export const REASON_KEYS: Record<ReminderReason, MessageKey> = {
  out: 'reminder_reason_out',
  low: 'reminder_reason_low',
  'will-cross': 'reminder_reason_willCross',
  'ito-over-90': 'reminder_reason_itoOver90',
  'replenishment-short': 'reminder_reason_replenishmentShort',
};

/** SKUs named per reason line; a notification has room for a few lines only. */
const SKUS_PER_LINE = 3;

/** A store's notification as text: a title, and one line per reason naming its first SKUs. */
export function notificationText(lang: Lang, { storeId, skus }: StoreNotification): { title: string; message: string } {
  const lines = new Map<ReminderReason, { threshold: number | null; skus: string[] }>();
  for (const sku of skus) {
    for (const reason of sku.reasons) {
      const line = lines.get(reason.reason) ?? { threshold: reason.threshold, skus: [] };
      lines.set(reason.reason, line);
      line.skus.push(sku.sku);
    }
  }
  const message = [...lines]
    .map(([reason, line]) => {
      const named = line.skus.slice(0, SKUS_PER_LINE).join(', ');
      const more = line.skus.length - SKUS_PER_LINE;
      return t(lang, 'reminder_line', {
        reason: t(lang, REASON_KEYS[reason], { threshold: line.threshold ?? '' }),
        skus: more > 0 ? `${named} ${t(lang, 'reminder_more', { count: more })}` : named,
      });
    })
    .join('\n');
  return { title: t(lang, 'reminder_title', { store: storeId, count: skus.length }), message };
}
