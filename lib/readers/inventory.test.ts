import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPECTED_PAGES, type ExpectedSku } from '../../test/fixtures/pages/expected';
import { documentOf, loadFixture } from '../../test/fixtures/pages/load';
import { inventoryColumns } from './columns';
import { figuresFromTexts, readInventory, rowTexts, skuFromCell, type RowMemory } from './inventory';
import { readTable } from './table';

const pagesWithSkus = Object.entries(EXPECTED_PAGES).filter(([, page]) => page.skus.length > 0);

describe('readInventory on the fixture pages', () => {
  it.each(pagesWithSkus)('%s: every SKU row, exactly', (name, page) => {
    const readings = readInventory(loadFixture(name));
    const figures = readings.flatMap((table) => table.rows.map((row) => row.figures)).filter((row) => row !== null);
    expect(figures).toEqual(page.skus.map((row) => row.figures));
  });

  it('the Fusion split table: header words from the header <table>, rows from the body <table>, grouped header and merged warehouse cell', () => {
    const [main, empty] = readInventory(loadFixture('inventory-zh-fusion'));
    expect(main!.table.headers).toEqual(['SKU编码', '商品名称', '仓库', '可用库存', '在途库存', '日均销量', '库存周转天数']);
    // ES-CHAIR-002 shares ES-LAMP-001's warehouse cell (rowspan=2).
    expect(main!.rows[1]!.figures).toMatchObject({ sku: 'ES-CHAIR-002', warehouse: '西班牙马德里仓', market: 'ES' });
    // The summary row (合计, colspan=3) is a row without a SKU.
    expect(main!.rows.at(-1)!.figures).toBeNull();
    expect(main!.rows).toHaveLength(14);
    // The second table shows Fusion's "no data" row only: an inventory table with no rows.
    expect(empty!.columns).toEqual({ sku: 0, warehouse: 1, sellable: 2 });
    expect(empty!.rows).toEqual([]);
  });

  it('the badge anchor is the SKU cell, wherever the SKU column stands', () => {
    for (const name of ['inventory-zh-fusion', 'inventory-en-grid', 'inventory-en-table']) {
      for (const table of readInventory(loadFixture(name))) {
        for (const row of table.rows.filter((each) => each.figures)) {
          expect(row.anchor.textContent?.trim()).toBe(row.figures!.sku);
          expect(row.element.contains(row.anchor)).toBe(true);
        }
      }
    }
  });

  it('reads hostile product text as plain text and builds nothing from it', () => {
    const doc = loadFixture('inventory-zh-fusion');
    const plug = readInventory(doc)[0]!.rows.find((row) => row.figures?.sku === 'ES-PLUG-007')!;
    expect(plug.figures!.product).toBe('<img src=x onerror="window.__pwned=1"> 智能插座');
    expect(plug.element.querySelector('img')).toBeNull();
  });

  it('skips the measuring row of an ait table and reads round a product table nested in a cell', () => {
    const [table] = readInventory(loadFixture('inventory-en-table'));
    expect(table!.rows).toHaveLength(6);
    expect(table!.rows.every((row) => row.element.classList.contains('ait-table-row'))).toBe(true);
    expect(table!.rows[0]!.element.querySelectorAll('table')).toHaveLength(1);
  });

  it('finds nothing where no table has a SKU and a sellable-stock column', () => {
    for (const name of ['event-log-zh', 'seller-home-zh', 'not-seller', 'store-performance-en']) {
      expect(readInventory(loadFixture(name))).toEqual([]);
    }
  });
});

describe('one row: rowTexts, then figuresFromTexts', () => {
  const readRow = (cells: readonly Element[], columns: Parameters<typeof rowTexts>[1]) => figuresFromTexts(rowTexts(cells, columns));
  const table = (rows: string) =>
    documentOf(`<table><thead><tr><th>SKU</th><th>仓库</th><th>可用库存</th><th>近30天销量</th><th>库存周转天数</th></tr></thead><tbody>${rows}</tbody></table>`);

  it('derives daily sales from 30-day sales when only those are shown', () => {
    const [reading] = readInventory(table('<tr><td>A-1</td><td>墨西哥仓</td><td>30</td><td>45 件</td><td>20 天</td></tr>'));
    expect(reading!.rows[0]!.figures).toMatchObject({ dailySales: 1.5, dailySalesFrom: 'sales30d', turnoverDays: 20, market: 'MX' });
  });

  it('prefers the daily column, and falls back to 30-day sales when the daily cell is a placeholder', () => {
    const columns = { sku: 0, dailySales: 1, sales30d: 2 };
    const cells = (daily: string) => [...documentOf(`<table><tr><td>A-1</td><td>${daily}</td><td>60</td></tr></table>`).querySelectorAll('td')];
    expect(readRow(cells('3'), columns)).toMatchObject({ dailySales: 3, dailySalesFrom: 'daily' });
    expect(readRow(cells('--'), columns)).toMatchObject({ dailySales: 2, dailySalesFrom: 'sales30d' });
  });

  it('leaves out what is never read in a row, whether or not the row is given; rows without any read as fast', () => {
    const [reading] = readInventory(
      table(`<tr><td><div><span>A-1</span></div></td><td>Spain</td><td><div><span hidden>9</span></div></td><td>60</td><td>12 天</td></tr>
        <tr><td><div><span>A-2</span></div></td><td>Spain</td><td><div><span>7</span></div></td><td>60</td><td>12 天</td></tr>`),
    );
    expect(reading!.rows.map((row) => row.figures?.sellable)).toEqual([null, 7]);
    const [hidden] = reading!.table.rows;
    expect(readRow(hidden!.cells, reading!.columns)).toMatchObject({ sku: 'A-1', sellable: null });
  });

  it('turns a figure the record schema refuses into null (an unknown badge), keeping the rest', () => {
    const [reading] = readInventory(table('<tr><td>A-1</td><td>Spain</td><td>-3</td><td>-60</td><td>12 天</td></tr>'));
    expect(reading!.rows[0]!.figures).toEqual({
      sku: 'A-1', product: null, warehouse: 'Spain', market: 'ES',
      sellable: null, inTransit: null, dailySales: null, dailySalesFrom: null, turnoverDays: 12,
    });
  });

  it('gives null figures, never a throw, for a row with fewer cells than headers', () => {
    const [reading] = readInventory(table('<tr><td>A-1</td><td>Spain</td></tr><tr></tr>'));
    expect(reading!.rows[0]!.figures).toMatchObject({ sku: 'A-1', sellable: null, dailySales: null, turnoverDays: null });
    expect(reading!.rows[1]).toMatchObject({ figures: null });
  });

  it('reads nothing from a table with no header row, and does not throw', () => {
    expect(readInventory(documentOf('<table><tr><td>A-1</td><td>12</td></tr><tr><td>B-2</td></tr></table>'))).toEqual([]);
  });

  it('is not a SKU: empty, placeholder, summary label, punctuation', () => {
    const cell = (text: string) => documentOf(`<table><tr><td>${text}</td></tr></table>`).querySelector('td')!;
    expect(['', '--', 'N/A', '合计', 'Total', '—', '·'].map((text) => skuFromCell(cell(text)))).toEqual(Array(7).fill(null));
    expect(skuFromCell(undefined)).toBeNull();
    expect(skuFromCell(cell(' ES-LAMP-001 '))).toBe('ES-LAMP-001');
  });

  it('reads the same SKU after our badge is placed in its cell (badges are never page text)', () => {
    const doc = table('<tr><td>A-1</td><td>Spain</td><td>30</td><td>60</td><td>--</td></tr>');
    const [before] = readInventory(doc);
    const badge = doc.createElement('lsm-badge');
    badge.setAttribute('data-lsm-kind', 'safety');
    badge.textContent = 'low';
    before!.rows[0]!.anchor.append(badge);
    const again = readTable(before!.table.container)!;
    expect(readRow(again.rows[0]!.cells, before!.columns)).toEqual(before!.rows[0]!.figures);
  });

  it('with a row memory, reads only the rows whose text changed; the others keep their figures', () => {
    const doc = loadFixture('inventory-en-grid');
    const memory: RowMemory = new WeakMap();
    const [first] = readInventory(doc, memory);
    first!.table.rows[0]!.cells[4]!.textContent = '10';
    const [second] = readInventory(doc, memory);
    expect(second!.rows[0]!.figures).toMatchObject({ sku: 'ES-GRID-01', sellable: 10 });
    expect(second!.rows[0]!.figures).not.toBe(first!.rows[0]!.figures);
    expect(second!.rows.slice(1).every((row, i) => row.figures === first!.rows[i + 1]!.figures)).toBe(true);
    expect(second!.rows.map((row) => row.figures)).toEqual(readInventory(doc)[0]!.rows.map((row) => row.figures));
  });

  it('re-reads one row with the column map from the first read', () => {
    const doc = loadFixture('inventory-en-grid');
    const [first] = readInventory(doc);
    first!.table.rows[0]!.cells[4]!.textContent = '10';
    expect(inventoryColumns(first!.table.headers)).toEqual(first!.columns);
    expect(readRow(readTable(first!.table.container)!.rows[0]!.cells, first!.columns)).toMatchObject({ sku: 'ES-GRID-01', sellable: 10 });
  });
});

/** The README's tables, written from expected.ts: the README must say what the tests assert. */
function skuTable(skus: readonly ExpectedSku[]): string {
  const figure = (value: number | null) => (value === null ? '--' : String(value));
  const lines = skus.map(({ figures, safety, safetyInChristmasWindow, ito, itoEstimated }) =>
    [
      figures.sku,
      figures.market ?? '--',
      figure(figures.sellable),
      figures.dailySalesFrom === 'sales30d' ? `${figure(figures.dailySales)} (30-day / 30)` : figure(figures.dailySales),
      figures.turnoverDays === null ? 'not shown' : figure(figures.turnoverDays),
      safety,
      safetyInChristmasWindow ?? '',
      itoEstimated ? `${ito} (estimated)` : ito,
    ].join(' | '),
  );
  return [
    '| SKU | market | sellable | daily sales | turnover shown | safety | safety, ES Christmas window | ITO |',
    '|---|---|---|---|---|---|---|---|',
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
}

it('test/fixtures/pages/README.md lists every fixture and the SKU verdicts of expected.ts', () => {
  const readme = readFileSync('test/fixtures/pages/README.md', 'utf8');
  for (const [name, page] of Object.entries(EXPECTED_PAGES)) {
    expect(readme).toContain(`### ${name}\n`);
    if (page.skus.length > 0) expect(readme).toContain(skuTable(page.skus));
  }
});
