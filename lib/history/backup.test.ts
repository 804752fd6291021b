import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import v1 from '../../test/fixtures/db/v1.json';
import { at, freshDb, freshName, inventoryReading, SHANGHAI, skuRow, writeRawVersion } from '../../test/fixtures/db/build';
import { defaultSettings } from '../settings/schema';
import {
  csvText,
  deleteAllData,
  exportBackup,
  exportFileName,
  importBackup,
  parseBackup,
  readSnapshotsForCsv,
  snapshotsCsv,
} from './backup';
import { openHistory, type HistoryDb } from './db';
import { STORE_NAMES } from './schema';
import { saveReading } from './save';

const NOW = Date.parse('2026-03-10T08:00:00Z');

async function everything(db: HistoryDb) {
  return Object.fromEntries(await Promise.all(STORE_NAMES.map(async (name) => [name, await db.getAll(name)] as const)));
}

/** A history with a record in every store: the v1 fixture, upgraded. */
async function fullHistory(): Promise<HistoryDb> {
  const name = freshName();
  await writeRawVersion(name, 1, v1.stores);
  return openHistory({ name });
}

describe('backup', () => {
  it('restores every record deep-equal after export, wipe and import', async () => {
    const db = await fullHistory();
    const before = await everything(db);
    expect(Object.values(before).every((records) => records.length > 0)).toBe(true);
    const settings = { ...defaultSettings(), retentionDays: 200 };

    const { backup, skipped } = await exportBackup(db, settings, NOW);
    expect(skipped).toBe(0);
    const file = JSON.stringify(backup);
    await deleteAllData(db);
    expect(Object.values(await everything(db)).flat()).toEqual([]);

    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.backup.settings).toEqual(settings);
    expect(parsed.backup.exportedAt).toBe('2026-03-10T08:00:00.000Z');
    const counts = await importBackup(db, parsed.backup.data);
    expect(counts.skuSnapshots).toBe(3);
    expect(await everything(db)).toEqual(before);
  });

  it('reads a version-1 file: the recent records it also carried are worked out again from its snapshots', async () => {
    const { backup } = await exportBackup(await fullHistory(), defaultSettings(), NOW);
    const skuRecent = [{ storeId: '2088', sku: 'LAMP-ES-01', latest: backup.data.skuSnapshots[0], days: [] }];
    const parsed = parseBackup(JSON.stringify({ ...backup, version: 1, data: { ...backup.data, skuRecent } }));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const db = await freshDb();
    await importBackup(db, parsed.backup.data);
    expect((await exportBackup(db, defaultSettings(), NOW)).backup.data).toEqual(backup.data);
  });

  it('leaves out of the file a stored record that fails validation, and counts it', async () => {
    const db = await fullHistory();
    await db.put('glossary', { code: 'ES-777', meaning: '', updatedAt: 1 });
    const { backup, skipped, problems } = await exportBackup(db, defaultSettings(), NOW);
    expect(skipped).toBe(1);
    expect(problems).toEqual(['glossary ["ES-777"]: meaning: too_small (minimum 1)']);
    expect(backup.data.glossary.map((entry) => entry.code)).toEqual(['SA-118']);
  });

  describe('refuses a bad file whole, with the reason', () => {
    const good = async () => (await exportBackup(await fullHistory(), defaultSettings(), NOW)).backup;
    const refusal = (json: string) => {
      const parsed = parseBackup(json);
      return parsed.ok ? null : parsed.error;
    };

    it('not JSON', () => {
      expect(refusal('{"format": "local-stock')?.key).toBe('backup_error_notJson');
    });
    it('someone else\'s JSON', () => {
      expect(refusal('{"items": []}')).toEqual({ key: 'backup_error_notBackup', detail: 'format is undefined' });
      expect(refusal('null')?.key).toBe('backup_error_notBackup');
    });
    it('a newer version of ours', async () => {
      expect(refusal(JSON.stringify({ ...(await good()), version: 3 }))).toEqual({
        key: 'backup_error_newer',
        detail: 'file version 3, this extension reads up to 2',
      });
    });
    it('one bad record among good ones, named by where it is', async () => {
      const backup = await good();
      backup.data.skuSnapshots[1] = { ...backup.data.skuSnapshots[1]!, sellable: -3 };
      expect(refusal(JSON.stringify(backup))).toEqual({
        key: 'backup_error_invalid',
        detail: 'data.skuSnapshots.1.sellable: too_small (minimum 0)',
      });
    });
    it('settings the options page would refuse', async () => {
      const backup = await good();
      const json = JSON.stringify({ ...backup, settings: { ...backup.settings, retentionDays: 5 } });
      expect(refusal(json)).toEqual({ key: 'backup_error_invalid', detail: 'settings.retentionDays: settings_err_retention' });
    });
    it('a store missing from the data', async () => {
      const { data, ...rest } = await good();
      const { glossary: _, ...partial } = data;
      expect(refusal(JSON.stringify({ ...rest, data: partial }))).toEqual({ key: 'backup_error_invalid', detail: 'data.glossary: expected array' });
    });
  });

  it('names the file by the seller\'s day', () => {
    const lateUtc = Date.parse('2026-03-10T20:00:00Z');
    expect(exportFileName('backup', lateUtc, SHANGHAI, 'json')).toBe('local-stock-copilot-backup-2026-03-11.json');
  });

  it('keeps the old data when writing the import fails part-way', async () => {
    const db = await fullHistory();
    const before = await everything(db);
    const { backup } = await exportBackup(db, defaultSettings(), NOW);
    // A record without its key cannot be stored: the transaction has already cleared stores by then.
    const broken = { ...backup.data, reminderState: [{ sku: 'A' } as never] };
    await expect(importBackup(db, broken)).rejects.toThrow();
    expect(await everything(db)).toEqual(before);
  });
});

describe('snapshots as CSV', () => {
  it('quotes what a spreadsheet would split or trim, escapes what it would run, and nothing else', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\ronly', ' padded', '=1+1', '＝1', '-3', '+3', '@me', '\tcmd', '', null, 12.5, 0, -3];
    expect(cells.map((cell) => csvText([[cell]]))).toEqual([
      'plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\ronly"', '" padded"', "'=1+1", "'＝1", "'-3", "'+3", "'@me", `"'\tcmd"`, '', '', '12.5', '0', '-3',
    ]);
    // CRLF between rows, none after the last; every cell reads back as written (escapes kept).
    const text = csvText([cells, ['next']]);
    expect(text.endsWith('\r\nnext')).toBe(true);
    expect(parse(text, { relax_column_count: true })).toEqual([
      ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\ronly', ' padded', "'=1+1", "'＝1", "'-3", "'+3", "'@me", "'\tcmd", '', '', '12.5', '0', '-3'],
      ['next'],
    ]);
  });

  it('writes a header row in the seller\'s language, a BOM for Excel, Chinese intact, empty cells for figures not shown', async () => {
    const db = await freshDb();
    await saveReading(
      db,
      inventoryReading(at('2025-12-01', 9), [
        skuRow('LAMP-01', { product: '北欧落地灯, "白色"', inTransit: null }),
        skuRow('CABLE-02', { product: '=HYPERLINK("http://x")', sellable: 0 }),
      ]),
      { timeZone: SHANGHAI },
    );
    await saveReading(db, inventoryReading(at('2025-12-01'), [skuRow('OTHER')], '77'), { timeZone: SHANGHAI });
    const { records } = await readSnapshotsForCsv(db, { storeId: '2088' });
    const csv = snapshotsCsv(records, 'zh', SHANGHAI);

    expect(csv.startsWith('\ufeff店铺ID,日期,SKU,商品,仓库,市场,可售库存,在途库存,日均销量,日均销量来源,库存周转天数,读取时间\r\n')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows.slice(1)).toEqual([
      ['2088', '2025-12-01', 'CABLE-02', '\'=HYPERLINK("http://x")', '西班牙马德里仓', 'ES', '0', '0', '10', 'daily', '', '2025-12-01 09:00'],
      ['2088', '2025-12-01', 'LAMP-01', '北欧落地灯, "白色"', '西班牙马德里仓', 'ES', '100', '', '10', 'daily', '', '2025-12-01 09:00'],
    ]);
    expect(snapshotsCsv(records, 'en', SHANGHAI).split('\r\n')[0]).toBe(
      '\ufeffStore ID,Date,SKU,Product,Warehouse,Market,Sellable stock,In transit,Daily sales,Daily sales from,Turnover days,Read at',
    );
    expect((await readSnapshotsForCsv(db, {})).records.map((s) => s.sku).sort()).toEqual(['CABLE-02', 'LAMP-01', 'OTHER']);
  });
});
