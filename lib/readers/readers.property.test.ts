import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { isPlaceholder, parseFigure } from '../parse/figure';
import { EVENT_CODE_PATTERN, skuFiguresSchema } from '../records';
import { INVENTORY_COLUMN_SYNONYMS, type InventoryColumn } from './columns';
import { readEventCodes } from './event-log';
import { readInventory } from './inventory';
import { readStoreFigures, STORE_FIGURE_LABELS, type StoreFigureField } from './store-figures';

/**
 * Random Seller Center tables, built the way a page builds them (plain tables, Fusion / ait split
 * header and body, ARIA grids), with columns in any order or missing, headers in zh / en with sort
 * arrows, help marks and units, and cells holding figures with separators and units, placeholders,
 * negative and huge numbers, RTL text, emoji and markup shown as text, nested tables and hidden
 * tooltips. Whatever the page: no throw, no NaN, and no figure that was not in its cell.
 *
 * The oracle is independent of the reader: a cell's visible text is what the generator put in it
 * (hidden parts left out), and the figure the reader may report is parseFigure of that text.
 */

const RUNS = { numRuns: 60 };

afterEach(() => {
  document.body.textContent = '';
});

// ---- cell content --------------------------------------------------------------------------

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '"><svg onload=alert(1)>',
  '{{constructor.constructor("window.__pwned=1")()}}', '${window.__pwned=1}', "javascript:window.__pwned=1",
  '\u202eSKU', 'مستودع الرياض', '🚀📦', '👩‍👩‍👧', 'NaN', 'Infinity', '1e400', '&amp;', '&#49;&#50;',
];
const unit = fc.constantFrom('', '', ' 件', '件', ' 天', ' days', '%', ' pcs');
const figureText = fc.oneof(
  fc.nat({ max: 99_999 }).map(String),
  fc.nat({ max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`),
);
const cellText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('', '', '-', '−', '+'), figureText, unit).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.constantFrom('', '-', '--', 'N/A', '暂无', '—', ' ') },
  { weight: 1, arbitrary: fc.constant('9'.repeat(320)) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), figureText).map(([a, b]) => `${a}${b}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** How the text sits in its cell: bare, wrapped, next to a hidden tooltip, or beside a nested table. */
type Decoration = 'bare' | 'span' | 'div-in-div' | 'tooltip' | 'hidden' | 'aria-hidden' | 'style' | 'nested-table';
const decoration = fc.constantFrom<Decoration>('bare', 'bare', 'span', 'div-in-div', 'tooltip', 'hidden', 'aria-hidden', 'style', 'nested-table');

interface Cell {
  text: string;
  decoration: Decoration;
  /** Text in the cell a person does not read as its figure (tooltip, hidden, style) or a nested table's. */
  extra: string;
}
const cell = fc.record({ text: cellText, decoration, extra: fc.oneof(figureText, fc.constantFrom(...HOSTILE)) });

/** The text a person reads in the cell, as the generator made it. */
function visibleText({ text, decoration: how, extra }: Cell): string {
  // A nested table is a box of its own: read apart from the text before it.
  const shown = how === 'nested-table' ? `${text} ${extra}` : text;
  return shown.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

function fillCell(target: Element, { text, decoration: how, extra }: Cell): void {
  const doc = target.ownerDocument;
  const el = (name: string, content = '') => {
    const node = doc.createElement(name);
    node.textContent = content;
    return node;
  };
  switch (how) {
    case 'bare':
      target.textContent = text;
      break;
    case 'span':
      target.append(el('span', text));
      break;
    case 'div-in-div': {
      const outer = el('div');
      outer.append(el('div', text));
      target.append(outer);
      break;
    }
    case 'tooltip': {
      const tip = el('span', extra);
      tip.setAttribute('role', 'tooltip');
      target.append(text, tip);
      break;
    }
    case 'hidden':
    case 'aria-hidden': {
      const hidden = el('span', extra);
      hidden.setAttribute(how, how === 'hidden' ? '' : 'true');
      target.append(hidden, text);
      break;
    }
    case 'style':
      target.append(el('style', `.x{width:${extra}px}`), text);
      break;
    case 'nested-table': {
      const table = el('table');
      const row = table.appendChild(el('tr'));
      row.append(el('td', extra));
      target.append(text, table);
      break;
    }
  }
}

// ---- tables --------------------------------------------------------------------------------

const COLUMNS = Object.keys(INVENTORY_COLUMN_SYNONYMS) as InventoryColumn[];
type Layout = 'table-thead' | 'table-th-rows' | 'fusion-split' | 'ait-split' | 'role-grid';

/** A column of the table: an inventory column by one of its header words, or a column the reader must ignore. */
type Column = { kind: InventoryColumn; header: string } | { kind: 'other'; header: string };

const headerFor = (kind: InventoryColumn) =>
  fc
    .tuple(
      fc.constantFrom(...INVENTORY_COLUMN_SYNONYMS[kind]),
      fc.constantFrom('', '', ' ↕', ' ?', ' ⓘ', '：'),
      kind === 'sku' || kind === 'product' || kind === 'warehouse' ? fc.constant('') : fc.constantFrom('', '', '(件)', '（天）', ' (days)'),
    )
    .map(([word, mark, suffix]) => ({ kind, header: `${word}${suffix}${mark}` }));

const columnsArb: fc.Arbitrary<Column[]> = fc
  .tuple(
    // Mostly readable tables (a SKU and a sellable column), sometimes any subset (then nothing is read).
    fc.oneof(
      { weight: 4, arbitrary: fc.subarray(COLUMNS.filter((k) => k !== 'sku' && k !== 'sellable')).map((rest): InventoryColumn[] => ['sku', 'sellable', ...rest]) },
      { weight: 1, arbitrary: fc.subarray(COLUMNS, { minLength: 1 }) },
    ),
    fc.array(fc.constantFrom('操作', 'Actions', '备注', 'Note', '状态', '#'), { maxLength: 2 }),
  )
  .chain(([kinds, others]) =>
    fc
      .tuple(...kinds.map(headerFor))
      .chain((inventory) => fc.shuffledSubarray([...inventory, ...others.map((header) => ({ kind: 'other' as const, header }))], {
        minLength: inventory.length + others.length,
      })),
  );

const SKU_TEXT = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Z]{2}-[A-Z]{2,5}-\d{3}$/) },
  { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[A-Z]{2}-\d{3}$/), fc.constantFrom(...HOSTILE)).map(([a, b]) => `${a}${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('--', '', '合计', 'Total', '🚀', 'مرحبا', '  ES-X-001  ') },
);

interface GeneratedTable {
  layout: Layout;
  columns: Column[];
  rows: { sku: string; cells: Cell[] }[];
}

const tableArb: fc.Arbitrary<GeneratedTable> = fc.record({
  layout: fc.constantFrom<Layout>('table-thead', 'table-th-rows', 'fusion-split', 'ait-split', 'role-grid'),
  columns: columnsArb,
  rows: fc.array(fc.record({ sku: SKU_TEXT, cells: fc.array(cell, { minLength: COLUMNS.length + 2, maxLength: COLUMNS.length + 2 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
});

/** Builds the table in the page (text only, never markup) and returns the body rows in order. */
function buildTable(root: Element, { layout, columns, rows }: GeneratedTable): Element[] {
  const doc = root.ownerDocument;
  const el = (name: string, attrs: Record<string, string> = {}) => {
    const node = doc.createElement(name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    return node;
  };
  const fillRow = (row: Element, cellName: string, role: string | null, index: number) => {
    const { sku, cells } = rows[index]!;
    columns.forEach((column, c) => {
      const target = row.appendChild(el(cellName, role ? { role } : {}));
      if (column.kind === 'sku') target.textContent = sku;
      else fillCell(target, cells[c]!);
    });
  };
  const headerRow = (row: Element, cellName: string, role: string | null) => {
    for (const column of columns) row.appendChild(el(cellName, role ? { role } : {})).textContent = column.header;
  };

  if (layout === 'role-grid') {
    const grid = root.appendChild(el('div', { role: 'grid' }));
    headerRow(grid.appendChild(el('div', { role: 'row' })), 'div', 'columnheader');
    return rows.map((_, i) => {
      const row = grid.appendChild(el('div', { role: 'row' }));
      fillRow(row, 'div', 'gridcell', i);
      return row;
    });
  }
  if (layout === 'fusion-split' || layout === 'ait-split') {
    const prefix = layout === 'fusion-split' ? 'next' : 'ait';
    const wrapper = root.appendChild(el('div', { class: `${prefix}-table` }));
    const head = wrapper.appendChild(el('div', { class: `${prefix}-table-header` })).appendChild(el('table'));
    headerRow(head.appendChild(el('thead')).appendChild(el('tr')), 'th', null);
    const body = wrapper.appendChild(el('div', { class: `${prefix}-table-body` })).appendChild(el('table')).appendChild(el('tbody'));
    return rows.map((_, i) => {
      const row = body.appendChild(el('tr', { class: `${prefix}-table-row` }));
      fillRow(row, 'td', null, i);
      return row;
    });
  }
  const table = root.appendChild(el('table'));
  headerRow((layout === 'table-thead' ? table.appendChild(el('thead')) : table).appendChild(el('tr')), 'th', null);
  const body = table.appendChild(el('tbody'));
  return rows.map((_, i) => {
    const row = body.appendChild(el('tr'));
    fillRow(row, 'td', null, i);
    return row;
  });
}

const SUMMARY_WORDS = new Set(['合计', '总计', '小计', '汇总', 'total', 'subtotal', 'grand total', 'sum']);
const collapse = (text: string) => text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

/** The figure a column may report: what its cell shows, or null. */
function shown(table: GeneratedTable, rowIndex: number, kind: InventoryColumn): number | null {
  const c = table.columns.findIndex((column) => column.kind === kind);
  return c === -1 ? null : parseFigure(visibleText(table.rows[rowIndex]!.cells[c]!));
}

const isFiniteNonNegative = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

describe('readInventory on random tables, property-based', () => {
  it('never throws, never NaN, and reports only figures shown in their own cells', () => {
    fc.assert(
      fc.property(tableArb, (generated) => {
        document.body.textContent = '';
        const root = document.body.appendChild(document.createElement('div'));
        const rowElements = buildTable(root, generated);
        const readings = readInventory(root);

        const has = (kind: InventoryColumn) => generated.columns.some((column) => column.kind === kind);
        if (!has('sku') || !has('sellable')) {
          expect(readings).toEqual([]);
          return;
        }
        expect(readings).toHaveLength(1);
        const [reading] = readings;
        expect(reading!.rows.map((row) => row.element)).toEqual(rowElements);

        reading!.rows.forEach(({ figures }, i) => {
          const skuText = collapse(generated.rows[i]!.sku);
          if (figures === null) {
            expect(!/[\p{L}\p{N}]/u.test(skuText) || isPlaceholder(skuText) || SUMMARY_WORDS.has(skuText.toLowerCase())).toBe(true);
            return;
          }
          expect(figures.sku).toBe(skuText);
          // Records are valid by construction (figuresFromTexts): the schema the worker checks them with agrees.
          expect(skuFiguresSchema.safeParse(figures)).toEqual({ success: true, data: figures });
          for (const kind of ['sellable', 'inTransit', 'turnoverDays'] as const) {
            const value = figures[kind];
            if (value !== null) {
              expect(isFiniteNonNegative(value)).toBe(true);
              expect(value).toBe(shown(generated, i, kind));
            } else {
              const could = shown(generated, i, kind);
              // Null only when the cell shows no figure the record can hold (missing, placeholder, negative).
              expect(could === null || could < 0).toBe(true);
            }
          }
          const daily = shown(generated, i, 'dailySales');
          const sales30d = shown(generated, i, 'sales30d');
          if (figures.dailySales !== null) {
            expect(isFiniteNonNegative(figures.dailySales)).toBe(true);
            expect(figures.dailySalesFrom === 'daily' ? daily : sales30d === null ? null : sales30d / 30).toBe(figures.dailySales);
          } else {
            expect(figures.dailySalesFrom).toBeNull();
          }
          if (daily !== null && daily >= 0) expect(figures).toMatchObject({ dailySales: daily, dailySalesFrom: 'daily' });
          if (daily === null && sales30d !== null && sales30d >= 0) expect(figures).toMatchObject({ dailySales: sales30d / 30, dailySalesFrom: 'sales30d' });
          for (const kind of ['product', 'warehouse'] as const) {
            const c = generated.columns.findIndex((column) => column.kind === kind);
            const text = c === -1 ? null : visibleText(generated.rows[i]!.cells[c]!) || null;
            expect(figures[kind]).toBe(text);
          }
        });
      }),
      RUNS,
    );
  }, 120_000);
});

describe('a cell showing two figures in two boxes', () => {
  /**
   * `<td><div>12</div><div>34</div></td>` (say, sellable over locked stock) is two numbers to a
   * person: readText keeps the boxes apart ("12 34", not one clear number), so the reader never
   * reports 1234, a figure the page never showed.
   */
  it('never glues their digits into one figure', () => {
    fc.assert(
      fc.property(figureText, figureText, (upper, lower) => {
        document.body.textContent = '';
        const root = document.body.appendChild(document.createElement('div'));
        const table = root.appendChild(document.createElement('table'));
        const head = table.appendChild(document.createElement('tr'));
        for (const word of ['SKU', '可用库存']) head.appendChild(document.createElement('th')).textContent = word;
        const row = table.appendChild(document.createElement('tr'));
        row.appendChild(document.createElement('td')).textContent = 'ES-LAMP-001';
        const both = row.appendChild(document.createElement('td'));
        both.appendChild(document.createElement('div')).textContent = upper;
        both.appendChild(document.createElement('div')).textContent = lower;
        const sellable = readInventory(root)[0]!.rows[0]!.figures!.sellable;
        expect([null, parseFigure(upper), parseFigure(lower)]).toContain(sellable);
      }),
      { ...RUNS, examples: [['12', '34']] },
    );
  });
});

// ---- store figures and event codes -----------------------------------------------------------

const FIELDS = Object.keys(STORE_FIGURE_LABELS) as StoreFigureField[];
const cardArb = fc.record({
  field: fc.constantFrom(...FIELDS),
  labelIndex: fc.nat({ max: 10 }),
  value: cellText,
  layout: fc.constantFrom('card', 'dl', 'inline', 'th-td'),
});

describe('readStoreFigures on random cards, property-based', () => {
  it('never throws, never NaN, and every value is the figure of the text it was read from, found in the page', () => {
    fc.assert(
      fc.property(fc.array(cardArb, { minLength: 1, maxLength: 8 }), (cards) => {
        document.body.textContent = '';
        const root = document.body.appendChild(document.createElement('div'));
        for (const { field, labelIndex, value, layout } of cards) {
          const labels = STORE_FIGURE_LABELS[field];
          const label = labels[labelIndex % labels.length]!;
          const box = root.appendChild(document.createElement(layout === 'dl' ? 'dl' : layout === 'th-td' ? 'table' : 'div'));
          if (layout === 'inline') box.textContent = `${label}：${value}`;
          else if (layout === 'dl') {
            box.appendChild(document.createElement('dt')).textContent = label;
            box.appendChild(document.createElement('dd')).textContent = value;
          } else if (layout === 'th-td') {
            const row = box.appendChild(document.createElement('tr'));
            row.appendChild(document.createElement('th')).textContent = label;
            row.appendChild(document.createElement('td')).textContent = value;
          } else {
            box.appendChild(document.createElement('span')).textContent = label;
            box.appendChild(document.createElement('span')).textContent = value;
          }
        }
        const pageText = collapse(root.textContent ?? '');
        for (const reading of readStoreFigures(root)) {
          expect(pageText).toContain(reading.raw);
          expect(collapse(reading.valueElement.textContent ?? '')).toContain(reading.raw);
          if (typeof reading.value === 'number') {
            expect(Number.isFinite(reading.value)).toBe(true);
            expect(reading.value).toBe(parseFigure(reading.raw));
          }
        }
      }),
      RUNS,
    );
  });
});

describe('readEventCodes on random text, property-based', () => {
  const code = fc.tuple(fc.stringMatching(/^[A-Z]{2}$/), fc.nat({ max: 999 })).map(([cc, n]) => `${cc}-${String(n).padStart(3, '0')}`);
  const piece = fc.oneof(code, code.map((c) => c.toLowerCase()), fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom(' ', '：', 'PO-', '-X', '1'));
  it('never throws, and every code it reports is a well-formed code present in its element', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), (lines) => {
        document.body.textContent = '';
        const root = document.body.appendChild(document.createElement('div'));
        for (const parts of lines) root.appendChild(document.createElement('p')).textContent = parts.join('');
        for (const sighting of readEventCodes(root)) {
          expect(sighting.code).toMatch(EVENT_CODE_PATTERN);
          expect(sighting.element.textContent).toContain(sighting.code);
        }
      }),
      RUNS,
    );
  });
});
