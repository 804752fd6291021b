import { anyCaseWords, isPlaceholder, parseFigure } from '../parse/figure';
import type { SkuFigures } from '../records';
import { DAYS_PER_MONTH } from '../rules/day';
import { inventoryColumns, isInventoryTable, type InventoryColumns } from './columns';
import { marketFromWarehouse } from './market';
import { kept } from './once';
import { findTables, type DataTable } from './table';
import { readText } from './text';

/**
 * Per-SKU figures from inventory-like tables (inventory list, health dashboard, replenishment
 * analysis). The content script re-reads only the rows that changed: `readTable` (cheap, structure
 * only) then `readInventoryRow` for those rows, with the column map from the first read.
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
export function skuFromCell(cell: Element | undefined, mayHoldUnread = true): string | null {
  const text = cell ? readText(cell, mayHoldUnread) : '';
  if (!/[\p{L}\p{N}]/u.test(text) || isPlaceholder(text) || isSummaryLabel(text)) return null;
  return text;
}

/**
 * One row's figures; a figure that is missing, a placeholder or not one the record can hold (a
 * negative stock, say) is null, never a throw. `mayHoldUnread` false: the caller knows nothing in
 * the row is left unread (readText), and no element of it is looked at for that.
 *
 * The record is valid by construction, not checked field by field as it is made: a 2,000-row
 * table is read in the frame that draws it, and checking each row with the schema cost that frame
 * some 20 ms (zod runs its slow path under the extension's content security policy). The readers'
 * property test holds every record read to skuFiguresSchema, and the worker validates each one
 * with it on arrival (lib/messages.ts).
 */
export function readInventoryRow(cells: readonly Element[], columns: InventoryColumns, mayHoldUnread = true): SkuFigures | null {
  const sku = skuFromCell(cells[columns.sku], mayHoldUnread);
  if (sku === null) return null;
  const text = (column: Exclude<keyof InventoryColumns, 'sku'>): string | null => {
    const index = columns[column];
    const cell = index === undefined ? undefined : cells[index];
    return cell ? readText(cell, mayHoldUnread) || null : null;
  };
  const warehouse = text('warehouse');
  // Daily sales as shown, else 30-day sales / 30; a shown figure the record cannot hold is unknown, not replaced.
  const daily = parseFigure(text('dailySales'));
  const sales30d = daily === null ? parseFigure(text('sales30d')) : null;
  const from = daily !== null ? 'daily' : sales30d !== null ? 'sales30d' : null;
  const dailySales = countable(daily ?? (sales30d === null ? null : sales30d / DAYS_PER_MONTH));
  return {
    sku,
    product: text('product'),
    warehouse,
    market: marketFromWarehouse(warehouse),
    sellable: countable(parseFigure(text('sellable'))),
    inTransit: countable(parseFigure(text('inTransit'))),
    dailySales,
    dailySalesFrom: dailySales === null ? null : from,
    turnoverDays: countable(parseFigure(text('turnoverDays'))),
  };
}

/** A figure the record holds: stock, sales and days are never below zero (parseFigure gives only finite numbers). */
const countable = (value: number | null): number | null => (value !== null && value >= 0 ? value : null);

/**
 * Rows read before, by row element (the content script keeps one across passes): a row whose text,
 * cells and columns are the same as when it was read is not read again, and keeps its figures
 * object. Text is the row's textContent, which every figure is made of.
 */
export type RowMemory = WeakMap<Element, { text: string; cells: number; columns: string; figures: SkuFigures | null }>;

/** Every inventory table under root, each row read (with `memory`, only the rows that changed). */
export const readInventory = (root: ParentNode, memory?: RowMemory): InventoryReading[] =>
  // A table the page has not changed since the last pass keeps its reading (once.ts).
  findTables(root).flatMap((table) => kept('inventory', table.container, () => readInventoryTable(table, memory)));

function readInventoryTable(table: DataTable, memory?: RowMemory): InventoryReading[] {
  const columns = inventoryColumns(table.headers);
  if (!isInventoryTable(columns)) return [];
  const columnsKey = memory ? Object.entries(columns).join() : '';
  // Rows with something never read inside: one query for the table, asked only once a row must be read.
  let holdingUnread: Set<Element> | undefined;
  const readRow = (element: Element, cells: Element[]) => {
    holdingUnread ??= rowsHoldingUnread(table);
    return readInventoryRow(cells, columns, holdingUnread.has(element));
  };
  const read = (element: Element, cells: Element[]): SkuFigures | null => {
    if (!memory) return readRow(element, cells);
    const text = element.textContent ?? '';
    const known = memory.get(element);
    if (known && known.text === text && known.cells === cells.length && known.columns === columnsKey) return known.figures;
    const figures = readRow(element, cells);
    memory.set(element, { text, cells: cells.length, columns: columnsKey, figures });
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
