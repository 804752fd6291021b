import { anyCaseWords, isPlaceholder, parseFigure } from '../parse/figure';
import type { SkuFigures } from '../records';
import { DAYS_PER_MONTH } from '../rules/day';
import { inventoryColumns, isInventoryTable, type InventoryColumns } from './columns';
import { marketFromWarehouse } from './market';
import { kept } from './once';
import { findTables, type DataTable } from './table';
import { cellText } from './text';

/**
 * Per-SKU figures from inventory-like tables (inventory list, health dashboard, replenishment
 * analysis). Across passes the content script keeps the figures of every row whose texts did not
 * change (RowMemory): a sort or a re-render of some rows makes no new figures for the others.
 */

export interface InventoryRowReading {
  element: Element;
  /** Where the row's badges go: its SKU cell. */
  anchor: Element;
  /** null for a row with no SKU (a summary or message row). */
  figures: SkuFigures | null;
}

export interface InventoryReading {
  table: DataTable;
  columns: InventoryColumns;
  rows: InventoryRowReading[];
}

const isSummaryLabel = anyCaseWords(['合计', '总计', '小计', '汇总', 'total', 'subtotal', 'grand total', 'sum']);

/** The SKU as the page shows it, or null when the cell is missing, empty, a placeholder or a summary label. */
export const skuFromCell = (cell: Element | undefined, mayHoldUnread = true): string | null =>
  skuFromText(cellText(cell, mayHoldUnread));

const skuFromText = (text: string): string | null =>
  !/[\p{L}\p{N}]/u.test(text) || isPlaceholder(text) || isSummaryLabel(text) ? null : text;

/** The columns a row's figures are read from besides its SKU, in the order rowTexts gives their texts. */
const FIGURE_COLUMNS = ['product', 'warehouse', 'sellable', 'inTransit', 'dailySales', 'sales30d', 'turnoverDays'] as const;

/**
 * What a row's figures are made of: the text of its SKU cell, then of each FIGURE_COLUMNS cell (''
 * where the table has no such column or the row no such cell). Two readings of a row with the same
 * texts have the same figures: the content script keeps a row's figures while its texts stay.
 * `mayHoldUnread` false: the caller knows nothing in the row is left unread (readText), and no
 * element of it is looked at for that.
 */
export function rowTexts(cells: readonly Element[], columns: InventoryColumns, mayHoldUnread = true): string[] {
  // Made at its full length and filled by index: thousands of rows, each an array of its own.
  const texts = new Array<string>(1 + FIGURE_COLUMNS.length);
  texts[0] = cellText(cellAt(cells, columns.sku), mayHoldUnread);
  for (let i = 0; i < FIGURE_COLUMNS.length; i += 1) texts[i + 1] = cellText(cellAt(cells, columns[FIGURE_COLUMNS[i]!]), mayHoldUnread);
  return texts;
}

const cellAt = (cells: readonly Element[], column: number | undefined): Element | undefined =>
  column === undefined ? undefined : cells[column];

/**
 * One row's figures from its texts (rowTexts); a figure that is missing, a placeholder or not one
 * the record can hold (a negative stock, say) is null, never a throw. null for a row with no SKU.
 *
 * The record is valid by construction, not checked field by field as it is made: a 2,000-row
 * table is read in the frame that draws it, and checking each row with the schema cost that frame
 * some 20 ms (zod runs its slow path under the extension's content security policy). The readers'
 * property test holds every record read to skuFiguresSchema, and the worker validates each one
 * with it on arrival (lib/messages.ts).
 */
export function figuresFromTexts(texts: readonly string[]): SkuFigures | null {
  // In rowTexts' order: the SKU, then FIGURE_COLUMNS ('' where none is shown). Read by index, not
  // destructured: a destructuring walks an iterator, and a table's thousands of rows make its objects.
  const skuText = texts[0] ?? '';
  const product = texts[1];
  const warehouse = texts[2];
  const sellable = texts[3];
  const inTransit = texts[4];
  const daily = texts[5];
  const sales30d = texts[6];
  const turnoverDays = texts[7];
  const sku = skuFromText(skuText);
  if (sku === null) return null;
  // Daily sales as shown, else 30-day sales / 30; a shown figure the record cannot hold is unknown, not replaced.
  const dailyShown = parseFigure(daily);
  const monthShown = dailyShown === null ? parseFigure(sales30d) : null;
  const from = dailyShown !== null ? 'daily' : monthShown !== null ? 'sales30d' : null;
  const dailySales = countable(dailyShown ?? (monthShown === null ? null : monthShown / DAYS_PER_MONTH));
  return {
    sku,
    product: product || null,
    warehouse: warehouse || null,
    market: marketFromWarehouse(warehouse || null),
    sellable: countable(parseFigure(sellable)),
    inTransit: countable(parseFigure(inTransit)),
    dailySales,
    dailySalesFrom: dailySales === null ? null : from,
    turnoverDays: countable(parseFigure(turnoverDays)),
  };
}

/** A figure the record holds: stock, sales and days are never below zero (parseFigure gives only finite numbers). */
const countable = (value: number | null): number | null => (value !== null && value >= 0 ? value : null);

/**
 * Rows read before, by row element (the content script keeps one across passes): a row whose texts
 * (rowTexts) are the same as when it was read keeps its figures object.
 */
export type RowMemory = WeakMap<Element, { texts: string[]; figures: SkuFigures | null }>;

const sameTexts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, i) => text === b[i]);

/** Every inventory table under root, each row's texts read (with `memory`, figures made again only for rows whose texts changed). */
export const readInventory = (root: ParentNode, memory?: RowMemory): InventoryReading[] =>
  // A table the page has not changed since the last pass keeps its reading (once.ts).
  findTables(root).flatMap((table) => kept('inventory', table.container, () => readInventoryTable(table, memory)));

function readInventoryTable(table: DataTable, memory?: RowMemory): InventoryReading[] {
  const columns = inventoryColumns(table.headers);
  if (!isInventoryTable(columns)) return [];
  // Rows with something never read inside: one query for the table.
  const holdingUnread = rowsHoldingUnread(table);
  const read = (element: Element, cells: Element[]): SkuFigures | null => {
    const texts = rowTexts(cells, columns, holdingUnread.has(element));
    const known = memory?.get(element);
    if (known && sameTexts(known.texts, texts)) return known.figures;
    const figures = figuresFromTexts(texts);
    memory?.set(element, { texts, figures });
    return figures;
  };
  const rows = table.rows.map(({ element, cells }) => ({
    element,
    anchor: cells[columns.sku] ?? element,
    figures: read(element, cells),
  }));
  return [{ table, columns, rows }];
}

/**
 * The rows of the table with an element inside that readText leaves out. Our own badge hosts are
 * not counted: they hold no text of their own (their UI is in a shadow root), and every SKU row
 * has them after the first pass.
 */
function rowsHoldingUnread(table: DataTable): Set<Element> {
  if (table.unread.length === 0) return new Set();
  const rows = new Set(table.rows.map((row) => row.element));
  const holding = new Set<Element>();
  for (const element of table.unread) {
    for (let node = element.parentElement; node && node !== table.container; node = node.parentElement) {
      if (rows.has(node)) {
        holding.add(node);
        break;
      }
    }
  }
  return holding;
}
