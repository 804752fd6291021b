import { describe, expect, it } from 'vitest';

import { skuRow } from '../../test/fixtures/db/build';
import type { ReminderReason, ReminderState } from '../history/schema';
import { defaultSettings, type Settings } from '../settings/schema';
import { decideNotifications, inQuietHours, notificationText, type NotifyInput } from './notify';
import type { PlannedReason, StorePlan } from './schema';

const ZONE = 'Asia/Shanghai';
/** Shanghai wall-clock time on 10 March 2026. */
const clock = (hhmm: string, day = '2026-03-10') => Date.parse(`${day}T${hhmm}:00+08:00`);
const NOW = clock('10:00');

const reason = (name: ReminderReason, state = ''): PlannedReason => ({ reason: name, state, figure: 1, threshold: 2, day: null });
const plan = (storeId: string, skus: Record<string, PlannedReason[]>): StorePlan => ({
  storeId,
  day: '2026-03-10',
  skus: Object.entries(skus).map(([sku, reasons]) => ({
    snapshot: { ...skuRow(sku), storeId, day: '2026-03-10', readAt: 1 },
    dailySales: 10,
    dailySalesFrom: 'daily',
    reasons,
  })),
});
const notifications = (overrides: Partial<Settings['notifications']> = {}): Settings['notifications'] => ({
  ...defaultSettings().notifications,
  mode: 'immediate',
  introSeen: true,
  ...overrides,
});
const decide = (input: Partial<NotifyInput>) =>
  decideNotifications({ plans: [], states: [], settings: notifications(), now: NOW, timeZone: ZONE, ...input });
const told = (storeId: string, sku: string, name: ReminderReason, state: string | null = '', notifiedAt = NOW - 3_600_000): ReminderState => ({
  storeId,
  sku,
  reason: name,
  state,
  notifiedAt,
  snoozedUntil: null,
});

describe('decideNotifications', () => {
  it('shows one notification per store summarising its SKUs, and records what it told', () => {
    const plans = [plan('2088', { A: [reason('out')], B: [reason('low'), reason('replenishment-short')] }), plan('77', { C: [reason('will-cross')] })];
    const { notifications: shown, writes } = decide({ plans });
    expect(shown.map((n) => [n.storeId, n.skus.map((s) => [s.sku, s.reasons.map((r) => r.reason)])])).toEqual([
      ['2088', [['A', ['out']], ['B', ['low', 'replenishment-short']]]],
      ['77', [['C', ['will-cross']]]],
    ]);
    // What each notification told is written by whoever shows it, once shown: nothing before.
    expect(writes).toEqual([]);
    expect(shown[0]!.told).toContainEqual({ storeId: '2088', sku: 'B', reason: 'low', state: '', notifiedAt: NOW, snoozedUntil: null });
    expect(shown.map((n) => n.told.length)).toEqual([3, 1]);
  });

  it('tells each SKU and reason once, until its state changes', () => {
    const plans = [plan('2088', { A: [reason('out')], S: [reason('ito-over-90', '2026-03')] })];
    const states = [told('2088', 'A', 'out'), told('2088', 'S', 'ito-over-90', '2026-02')];
    const { notifications: shown } = decide({ plans, states });
    expect(shown.flatMap((n) => n.skus.map((s) => s.sku))).toEqual(['S']);
    expect(decide({ plans, states: [...states, told('2088', 'S', 'ito-over-90', '2026-03')] }).notifications).toEqual([]);
  });

  it('forgets a reason that cleared, so it is told again when it comes back', () => {
    const cleared = decide({ plans: [plan('2088', {})], states: [told('2088', 'A', 'out')] });
    expect(cleared.writes).toEqual([told('2088', 'A', 'out', null)]);
    const back = decide({ plans: [plan('2088', { A: [reason('out')] })], states: cleared.writes });
    expect(back.notifications).toHaveLength(1);
  });

  it('shows nothing when off, before the first-run explanation was read, or while snoozed, and keeps it pending', () => {
    const plans = [plan('2088', { A: [reason('out')] })];
    for (const settings of [
      notifications({ mode: 'off' }),
      notifications({ introSeen: false }),
      notifications({ snoozeUntil: NOW + 1 }),
    ]) {
      expect(decide({ plans, settings })).toEqual({ notifications: [], writes: [] });
    }
    expect(decide({ plans, settings: notifications({ snoozeUntil: NOW }) }).notifications).toHaveLength(1);
  });

  it('skips a SKU the seller snoozed, until the snooze ends', () => {
    const plans = [plan('2088', { A: [reason('low')] })];
    const states = [{ ...told('2088', 'A', 'low', null), snoozedUntil: NOW + 60_000 }];
    expect(decide({ plans, states }).notifications).toEqual([]);
    const later = decide({ plans, states, now: NOW + 60_000 });
    expect(later.notifications[0]!.told).toEqual([{ ...states[0], state: '', notifiedAt: NOW + 60_000 }]);
  });

  it('keeps quiet in quiet hours across midnight, and tells afterwards', () => {
    const plans = [plan('2088', { A: [reason('out')] })];
    const settings = notifications({ quietHours: { from: '22:00', to: '07:30' } });
    expect(decide({ plans, settings, now: clock('23:00') }).notifications).toEqual([]);
    expect(decide({ plans, settings, now: clock('07:29') }).notifications).toEqual([]);
    expect(decide({ plans, settings, now: clock('07:30') }).notifications).toHaveLength(1);
  });

  it('sends the digest once a day, from the seller\'s hour', () => {
    const plans = [plan('2088', { A: [reason('out')] })];
    const settings = notifications({ mode: 'digest', digestHour: 9 });
    expect(decide({ plans, settings, now: clock('08:59') }).notifications).toEqual([]);
    const digest = decide({ plans, settings, now: clock('09:05') });
    expect(digest.notifications).toHaveLength(1);
    const newcomer = [plan('2088', { A: [reason('out')], B: [reason('low')] })];
    const states = digest.notifications.flatMap((n) => n.told);
    expect(decide({ plans: newcomer, states, settings, now: clock('15:00') }).notifications).toEqual([]);
    expect(decide({ plans: newcomer, states, settings, now: clock('09:00', '2026-03-11') }).notifications).toHaveLength(1);
  });

  it('counts the digest per store: one shown does not use up the day of one the browser refused', () => {
    const plans = [plan('2088', { A: [reason('out')] }), plan('3099', { B: [reason('low')] })];
    const settings = notifications({ mode: 'digest', digestHour: 9 });
    const digest = decide({ plans, settings, now: clock('09:05') });
    expect(digest.notifications.map((n) => n.storeId)).toEqual(['2088', '3099']);
    // 2088's was shown (its told states written), 3099's refused (nothing written): 3099 is tried again today.
    const states = digest.notifications.find((n) => n.storeId === '2088')!.told;
    const retry = decide({ plans, states, settings, now: clock('09:10') });
    expect(retry.notifications.map((n) => n.storeId)).toEqual(['3099']);
    // 2088 stays at one digest a day: a SKU that turns red later today waits for tomorrow's.
    const later = [plan('2088', { A: [reason('out')], C: [reason('low')] })];
    expect(decide({ plans: later, states, settings, now: clock('15:00') }).notifications).toEqual([]);
  });
});

describe('inQuietHours', () => {
  it('includes the start, excludes the end, and wraps midnight', () => {
    const night = { from: '22:00', to: '07:00' };
    expect([21 * 60 + 59, 22 * 60, 0, 6 * 60 + 59, 7 * 60].map((m) => inQuietHours(m, night))).toEqual([false, true, true, true, false]);
    const lunch = { from: '12:00', to: '13:00' };
    expect([11 * 60 + 59, 12 * 60, 13 * 60].map((m) => inQuietHours(m, lunch))).toEqual([false, true, false]);
  });
});

describe('notificationText', () => {
  it('names the store, counts the SKUs and lists the first few per reason', () => {
    const { notifications: [shown] } = decide({
      plans: [plan('2088', { A: [reason('out')], B: [reason('out')], C: [reason('out')], D: [reason('out'), reason('replenishment-short')] })],
    });
    expect(notificationText('zh', shown!)).toEqual({
      title: '店铺 2088：4 个 SKU 需要处理',
      message: '已缺货：A, B, C 等另外 1 个\n近一周补货少于 2 次（开通条件 E4）：D',
    });
    expect(notificationText('en', shown!).message).toBe(
      'Out of stock: A, B, C and 1 more\nFewer than 2 replenishments in the past week (criterion E4): D',
    );
  });
});
