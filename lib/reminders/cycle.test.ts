import { describe, expect, it } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../../test/fixtures/db/build';
import { readReminderState } from '../history/read';
import { saveReading } from '../history/save';
import { defaultSettings, type Settings } from '../settings/schema';
import { reminderCycle } from './cycle';

const settings: Settings = {
  ...defaultSettings(),
  leadTimeDays: { ES: 30 },
  notifications: { ...defaultSettings().notifications, mode: 'immediate', introSeen: true },
};

describe('reminderCycle', () => {
  it('plans every store, tells once, and remembers it in the database', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2026-03-10'), [skuRow('OUT', { sellable: 0 }), skuRow('FINE', { sellable: 900 })]), { timeZone: SHANGHAI });
    await saveReading(db, inventoryReading(at('2026-03-10'), [skuRow('LOW', { sellable: 5 })], '77'), { timeZone: SHANGHAI });
    const run = (hour: number) => reminderCycle(db, { settings, now: at('2026-03-10', hour), timeZone: SHANGHAI });

    const first = await run(11);
    expect(first.notifications.map((n) => [n.storeId, n.skus.map((s) => s.sku)])).toEqual([
      ['2088', ['OUT']],
      ['77', ['LOW']],
    ]);
    expect((await readReminderState(db, '2088')).records).toEqual([
      { storeId: '2088', sku: 'OUT', reason: 'out', state: '', notifiedAt: at('2026-03-10', 11), snoozedUntil: null },
    ]);
    expect((await run(12)).notifications).toEqual([]);

    await saveReading(db, inventoryReading(at('2026-03-10', 13), [skuRow('OUT', { sellable: 900 })]), { timeZone: SHANGHAI });
    expect((await run(14)).notifications).toEqual([]);
    expect((await readReminderState(db, '2088')).records[0]?.state).toBeNull();
  });
});
