import { describe, expect, it } from 'vitest';
import { documentOf, loadFixture } from '../../test/fixtures/pages/load';
import { findTables, readTable } from './table';

const texts = (cells: Element[]) => cells.map((cell) => cell.textContent?.trim());

describe('findTables', () => {
  it('reads a Fusion split table once, as one table, headers from the header half and rows from the body half', () => {
    const tables = findTables(loadFixture('inventory-zh-fusion'));
    expect(tables).toHaveLength(2);
    const [main] = tables;
    expect(main!.container.classList.contains('next-table')).toBe(true);
    expect(main!.headerCells.every((cell) => cell.closest('.next-table-header'))).toBe(true);
    expect(main!.rows.every((row) => row.element.closest('.next-table-body'))).toBe(true);
  });

  it('lays a grouped header out to its lowest row', () => {
    const [table] = findTables(
      documentOf(`<table><thead>
        <tr><th rowspan="2">SKU</th><th colspan="2">库存</th><th rowspan="2">日均销量</th></tr>
        <tr><th>可用库存</th><th>在途库存</th></tr>
      </thead><tbody><tr><td>A</td><td>1</td><td>2</td><td>3</td></tr></tbody></table>`),
    );
    expect(table!.headers).toEqual(['SKU', '可用库存', '在途库存', '日均销量']);
    expect(texts(table!.rows[0]!.cells)).toEqual(['A', '1', '2', '3']);
  });

  it('puts a merged body cell under every column and row it spans', () => {
    const [table] = findTables(
      documentOf(`<table><thead><tr><th>SKU</th><th>仓库</th><th>可用库存</th></tr></thead><tbody>
        <tr><td>A</td><td rowspan="2">马德里</td><td>1</td></tr>
        <tr><td>B</td><td>2</td></tr>
        <tr><td colspan="2">合计</td><td>3</td></tr>
      </tbody></table>`),
    );
    expect(table!.rows.map((row) => texts(row.cells))).toEqual([
      ['A', '马德里', '1'],
      ['B', '马德里', '2'],
      ['合计', '合计', '3'],
    ]);
  });

  it('reads the rows of every row group, and rows a script put straight into the <table>, in order', () => {
    const doc = documentOf(`<table><thead><tr><th>SKU</th><th>可用库存</th></tr></thead>
      <tbody><tr><td>A</td><td>1</td></tr></tbody><tbody><tr><td>B</td><td>2</td></tr></tbody>
      <tfoot><tr><td>C</td><td>3</td></tr></tfoot></table>`);
    // The parser puts a row into a <tbody>; a script's appendChild does not.
    const loose = doc.createElement('tr');
    for (const text of ['D', '4']) loose.append(Object.assign(doc.createElement('td'), { textContent: text }));
    doc.querySelector('table')!.append(loose);
    const [table] = findTables(doc);
    expect(table!.rows.map((row) => texts(row.cells))).toEqual([
      ['A', '1'],
      ['B', '2'],
      ['C', '3'],
      ['D', '4'],
    ]);
  });

  it('takes the first row of <th> as the header when there is no <thead>', () => {
    const [table] = findTables(documentOf('<table><tr><th>SKU</th><th>Available</th></tr><tr><td>A</td><td>4</td></tr></table>'));
    expect(table!.headers).toEqual(['SKU', 'Available']);
    expect(table!.rows).toHaveLength(1);
  });

  it('reads a div grid by its roles, in its own column order', () => {
    const [table] = findTables(loadFixture('inventory-en-grid'));
    expect(table!.headers).toEqual(['Warehouse', 'SKU', 'Product', 'In transit', 'Available stock', 'Sales (30 days)', 'Inventory turnover (days)']);
    expect(table!.rows).toHaveLength(8);
    expect(texts(table!.rows[0]!.cells)).toEqual(['Madrid ES', 'ES-GRID-01', 'Desk lamp, warm white', '0', '420', '900', '14 days']);
  });

  it("gives the tables in the page's order, role grids and <table>s alike", () => {
    const tables = findTables(
      documentOf(`<div role="grid"><div role="row"><div role="columnheader">SKU</div></div><div role="row"><div role="gridcell">A</div></div></div>
        <table><tr><th>SKU</th></tr><tr><td>B</td></tr></table>
        <div role="table"><div role="row"><div role="columnheader">SKU</div></div><div role="row"><div role="cell">C</div></div></div>`),
    );
    expect(tables.map((table) => texts(table.rows[0]!.cells))).toEqual([['A'], ['B'], ['C']]);
  });

  it('reads a <table> with ARIA roles (and a role="table" wrapper) once', () => {
    const tables = findTables(loadFixture('replenishment-zh'));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.container.localName).toBe('table');
  });

  it('leaves tables nested in a cell to that cell, and keeps the outer rows and cells whole', () => {
    const tables = findTables(loadFixture('inventory-en-table'));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((row) => row.cells.length)).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('leaves out hidden, measuring, expanded and "no data" rows', () => {
    const [table] = findTables(
      documentOf(`<table><thead><tr><th>SKU</th><th>Available</th></tr></thead><tbody>
        <tr aria-hidden="true"><td></td><td></td></tr>
        <tr><td>A</td><td>1</td></tr>
        <tr class="next-table-expanded-row"><td></td><td>Madrid 1</td></tr>
        <tr style="display: none"><td>B</td><td>2</td></tr>
        <tr hidden><td>C</td><td>3</td></tr>
        <tr style="height: 40px"><td>D</td><td>4</td></tr>
        <tr><td colspan="2">加载中…</td></tr>
      </tbody></table>`),
    );
    expect(table!.rows.map((row) => texts(row.cells))).toEqual([['A', '1'], ['D', '4']]);
  });

  it('leaves out hidden rows of a role grid, and keeps its styled ones', () => {
    const [grid] = findTables(
      documentOf(`<div role="grid">
        <div role="row"><div role="columnheader">SKU</div><div role="columnheader">Available</div></div>
        <div role="row" aria-hidden="true"><div role="gridcell"></div><div role="gridcell"></div></div>
        <div role="row" style="display:none"><div role="gridcell">B</div><div role="gridcell">2</div></div>
        <div role="row" style="color: red"><div role="gridcell">A</div><div role="gridcell">1</div></div>
      </div>`),
    );
    expect(grid!.rows.map((row) => texts(row.cells))).toEqual([['A', '1']]);
  });

  it("lists the page's own unread elements once each, in any table, and never our badge hosts", () => {
    const [table] = findTables(
      documentOf(`<table><thead><tr><th>SKU</th><th>Available</th></tr></thead><tbody>
        <tr><td>A <span role="tooltip" hidden>tip</span></td><td>1 <i aria-hidden="true">i</i></td></tr>
        <tr><td>B <span data-lsm-kind="safety" hidden></span><span data-lsm-kind="ito" hidden></span></td><td>2</td></tr>
      </tbody></table>`),
    );
    expect(table!.unread.map((element) => element.textContent)).toEqual(expect.arrayContaining(['tip', 'i']));
    expect(table!.unread).toHaveLength(2);
  });

  it('copes with broken markup: no header, ragged rows, absurd spans, an empty grid', () => {
    const doc = documentOf(`
      <table><tr><td>A</td><td>1</td></tr><tr><td>B</td></tr><tr></tr></table>
      <table><thead><tr><th colspan="99999">SKU</th></tr></thead><tbody><tr><td rowspan="-4">A</td></tr></tbody></table>
      <div role="grid"></div>`);
    const tables = findTables(doc);
    expect(tables).toHaveLength(2);
    expect(tables[0]!.headers).toEqual([]);
    expect(tables[0]!.rows.map((row) => texts(row.cells))).toEqual([['A', '1'], ['B'], []]);
    expect(tables[1]!.headers.length).toBeLessThanOrEqual(200);
    expect(texts(tables[1]!.rows[0]!.cells)).toEqual(['A']);
  });

  it('normalises header words: sort arrows, "?" help marks, hidden tooltips and icons are not words', () => {
    const [table] = findTables(
      documentOf(`<table><thead><tr>
        <th>可用库存 ↑↓</th>
        <th>库存周转天数 <span class="help">?</span></th>
        <th>日均销量<span role="tooltip" hidden>近30天销量 ÷ 30</span><i aria-hidden="true">ⓘ</i></th>
        <th>
          Sales   (30 days)
        </th>
      </tr></thead></table>`),
    );
    expect(table!.headers).toEqual(['可用库存', '库存周转天数', '日均销量', 'Sales (30 days)']);
  });
});

describe('readTable', () => {
  it('is null for an element that is no table', () => {
    expect(readTable(documentOf('<div class="card">x</div>').querySelector('div')!)).toBeNull();
  });
});
