import { describe, expect, it } from 'vitest';

import { at, freshDb, inventoryReading, SHANGHAI, skuRow } from '../../test/fixtures/db/build';
import { listGlossary, putGlossary, readReminderState, readSkuHistory, writeReminderState } from './read';
import { saveReading } from './save';
import { shardOf } from './shard';
import { packedWeek, storedWeekSchema } from './sku-weeks';
import { MAX_PROBLEMS } from './validate';

const zone = { timeZone: SHANGHAI };

describe('reading history back', () => {
  it('reads one SKU between two days, oldest first, and no other SKU', async () => {
    const db = await freshDb();
    for (const day of ['2025-12-01', '2025-12-02', '2025-12-03', '2025-12-04']) {
      await saveReading(db, inventoryReading(at(day), [skuRow('A'), skuRow('AB')]), zone);
    }
    const range = await readSkuHistory(db, '2088', 'A', { fromDay: '2025-12-02', toDay: '2025-12-03' });
    expect(range.records.map((s) => [s.sku, s.day])).toEqual([
      ['A', '2025-12-02'],
      ['A', '2025-12-03'],
    ]);
    expect((await readSkuHistory(db, '2088', 'A', { fromDay: '2025-12-04' })).records).toHaveLength(1);
  });

  it('skips and counts a stored record that fails validation, and returns the rest', async () => {
    const db = await freshDb();
    await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('A')]), zone);
    await saveReading(db, inventoryReading(at('2025-12-03'), [skuRow('A')]), zone);
    await saveReading(db, inventoryReading(at('2025-11-30'), [skuRow('A')]), zone);
    // Written by something else (an old bug, a hand edit): negative stock and a lost market.
    const november = storedWeekSchema.parse(await db.get('skuWeeks', ['2088', shardOf('A'), '2025-11-24']));
    const negative = november.sellable.map((value) => (value === -1 ? value : -4));
    await db.put('skuWeeks', packedWeek({ ...november, market: ['XX' as never], sellable: negative }));
    const history = await readSkuHistory(db, '2088', 'A');
    expect(history.records.map((s) => s.day)).toEqual(['2025-12-01', '2025-12-03']);
    expect(history.skipped).toBe(1);
    expect(history.problems).toEqual([
      `skuWeeks ["2088",${shardOf('A')},"2025-11-24"]: market.0: expected one of "ES", "FR", "PL", "SA", "AE", "MX", "BR", "KR", "JP", "AU", "US", "CA"`,
    ]);
    await db.put('skuWeeks', packedWeek({ ...november, sellable: negative }));
    expect((await readSkuHistory(db, '2088', 'A')).problems).toEqual([`skuWeeks ["2088",${shardOf('A')},"2025-11-24"]: (record): sellable holds -4`]);
  });

  it('counts every bad record but lists only the first few', async () => {
    const db = await freshDb();
    const tx = db.transaction('glossary', 'readwrite');
    for (let i = 100; i < 130; i += 1) void tx.store.put({ code: `ES-${i}`, meaning: '', updatedAt: 1 });
    await tx.done;
    const glossary = await listGlossary(db);
    expect(glossary.skipped).toBe(30);
    expect(glossary.problems).toHaveLength(MAX_PROBLEMS);
    expect(glossary.problems[0]).toBe('glossary ["ES-100"]: meaning: too_small (minimum 1)');
  });

  it('refuses an empty meaning for a code instead of storing it', async () => {
    const db = await freshDb();
    await expect(putGlossary(db, 'ES-999', '   ', 1)).rejects.toThrow();
    await putGlossary(db, 'ES-999', ' 仓库拒收：外箱破损 ', 2);
    expect((await listGlossary(db)).records).toEqual([{ code: 'ES-999', meaning: '仓库拒收：外箱破损', updatedAt: 2 }]);
  });

  it('reads back the reminder state of one store only', async () => {
    const db = await freshDb();
    const state = { sku: 'A', reason: 'low', state: '', notifiedAt: 5, snoozedUntil: null } as const;
    await writeReminderState(db, [
      { storeId: '2088', ...state },
      { storeId: '20881', ...state },
    ]);
    expect((await readReminderState(db, '2088')).records).toEqual([{ storeId: '2088', ...state }]);
  });
});
