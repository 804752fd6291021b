import { describe, expect, it } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../../test/fixtures/db/build';
import { readReminderState } from '../history/read';
import { saveReading } from '../history/save';
import { defaultSettings, type Settings } from '../settings/schema';
import { reminderCycle } from './cycle';
import type { StoreNotification } from './notify';

const settings: Settings = {
  ...defaultSettings(),
  leadTimeDays: { ES: 30 },
  notifications: { ...defaultSettings().notifications, mode: 'immediate', introSeen: true },
};

/** What a cycle showed, per store: its SKUs. */
const named = (notifications: readonly StoreNotification[]) => notifications.map((n) => [n.storeId, n.skus.map((s) => s.sku)]);

/** The browser's side: shows every notification, or refuses those of the stores in `refuse`. */
function notifier(refuse: ReadonlySet<string> = new Set()) {
  const asked: StoreNotification[] = [];
  const show = async (notification: StoreNotification) => {
    asked.push(notification);
    if (refuse.has(notification.storeId)) throw new Error('notifications are blocked');
  };
  return { asked, show };
}

describe('reminderCycle', () => {
  it('plans every store, tells once, and remembers it in the database', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2026-03-10'), [skuRow('OUT', { sellable: 0 }), skuRow('FINE', { sellable: 900 })]), { timeZone: SHANGHAI });
    await saveReading(db, inventoryReading(at('2026-03-10'), [skuRow('LOW', { sellable: 5 })], '77'), { timeZone: SHANGHAI });
    const browser = notifier();
    const run = (hour: number) => reminderCycle(db, { settings, now: at('2026-03-10', hour), timeZone: SHANGHAI, show: browser.show });

    const first = await run(11);
    expect(named(first.shown)).toEqual([
      ['2088', ['OUT']],
      ['77', ['LOW']],
    ]);
    expect(first.shown).toEqual(browser.asked);
    expect(first.refused).toEqual([]);
    expect((await readReminderState(db, '2088')).records).toEqual([
      { storeId: '2088', sku: 'OUT', reason: 'out', state: '', notifiedAt: at('2026-03-10', 11), snoozedUntil: null },
    ]);
    expect((await run(12)).shown).toEqual([]);
    expect(browser.asked).toHaveLength(2);

    await saveReading(db, inventoryReading(at('2026-03-10', 13), [skuRow('OUT', { sellable: 900 })]), { timeZone: SHANGHAI });
    expect((await run(14)).shown).toEqual([]);
    expect((await readReminderState(db, '2088')).records[0]?.state).toBeNull();
  });

  it('counts nothing as told when the browser refuses the notification, so the next cycle tells it again', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2026-03-10'), [skuRow('OUT', { sellable: 0 })]), { timeZone: SHANGHAI });
    await saveReading(db, inventoryReading(at('2026-03-10'), [skuRow('LOW', { sellable: 5 })], '77'), { timeZone: SHANGHAI });

    // Store 2088's notification is refused (Firefox, notifications blocked); 77's is shown.
    const blocked = notifier(new Set(['2088']));
    const first = await reminderCycle(db, { settings, now: at('2026-03-10', 11), timeZone: SHANGHAI, show: blocked.show });
    expect(named(blocked.asked)).toEqual([['2088', ['OUT']], ['77', ['LOW']]]);
    expect(named(first.shown)).toEqual([['77', ['LOW']]]);
    expect(first.refused).toEqual([{ storeId: '2088', error: new Error('notifications are blocked') }]);
    expect((await readReminderState(db, '2088')).records).toEqual([]);
    expect((await readReminderState(db, '77')).records).toEqual([
      { storeId: '77', sku: 'LOW', reason: 'low', state: '', notifiedAt: at('2026-03-10', 11), snoozedUntil: null },
    ]);

    // Allowed again: the refused one is told now, the one shown is not told twice.
    const allowed = notifier();
    const second = await reminderCycle(db, { settings, now: at('2026-03-10', 12), timeZone: SHANGHAI, show: allowed.show });
    expect(named(second.shown)).toEqual([['2088', ['OUT']]]);
    expect(named(allowed.asked)).toEqual([['2088', ['OUT']]]);
    expect((await readReminderState(db, '2088')).records).toEqual([
      { storeId: '2088', sku: 'OUT', reason: 'out', state: '', notifiedAt: at('2026-03-10', 12), snoozedUntil: null },
    ]);
    expect((await reminderCycle(db, { settings, now: at('2026-03-10', 13), timeZone: SHANGHAI, show: allowed.show })).shown).toEqual([]);
    expect(allowed.asked).toHaveLength(1);
  });
});
