import { isPlaceholder, parseFigure } from '../parse/figure';
import { skuFiguresSchema, type SkuFigures } from '../records';
import { DAYS_PER_MONTH } from '../rules/day';
import { inventoryColumns, isInventoryTable, type InventoryColumns } from './columns';
import { marketFromWarehouse } from './market';
import { kept } from './once';
import { findTables, type DataTable } from './table';
import { readText, UNREAD } from './text';

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

const SUMMARY_ROW_WORDS = new Set(['合计', '总计', '小计', '汇总', 'total', 'subtotal', 'grand total', 'sum']);

/** The SKU as the page shows it, or null when the cell is missing, empty, a placeholder or a summary label. */
export function skuFromCell(cell: Element | undefined, mayHoldUnread = true): string | null {
  const text = cell ? readText(cell, mayHoldUnread) : '';
  if (!/[\p{L}\p{N}]/u.test(text) || isPlaceholder(text) || SUMMARY_ROW_WORDS.has(text.toLowerCase())) return null;
  return text;
}

/**
 * One row's figures; a figure that is missing, a placeholder or fails validation is null, never a
 * throw. With the row, its cells are read knowing whether anything in it is never read (one query
 * for the row, not one for each element of each cell).
 */
export function readInventoryRow(cells: readonly Element[], columns: InventoryColumns, row?: Element): SkuFigures | null {
  const mayHoldUnread = row?.querySelector(UNREAD) !== null;
  const sku = skuFromCell(cells[columns.sku], mayHoldUnread);
  if (sku === null) return null;
  const text = (column: Exclude<keyof InventoryColumns, 'sku'>): string | null => {
    const index = columns[column];
    const cell = index === undefined ? undefined : cells[index];
    return cell ? readText(cell, mayHoldUnread) || null : null;
  };
  const warehouse = text('warehouse');
  const daily = parseFigure(text('dailySales'));
  const sales30d = parseFigure(text('sales30d'));
  const dailySales = daily ?? (sales30d === null ? null : sales30d / DAYS_PER_MONTH);
  return validated({
    sku,
    product: text('product'),
    warehouse,
    market: marketFromWarehouse(warehouse),
    sellable: parseFigure(text('sellable')),
    inTransit: parseFigure(text('inTransit')),
    dailySales,
    dailySalesFrom: daily !== null ? 'daily' : sales30d !== null ? 'sales30d' : null,
    turnoverDays: parseFigure(text('turnoverDays')),
  });
}

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
  const read = (element: Element, cells: Element[]): SkuFigures | null => {
    if (!memory) return readInventoryRow(cells, columns, element);
    const text = element.textContent ?? '';
    const known = memory.get(element);
    if (known && known.text === text && known.cells === cells.length && known.columns === columnsKey) return known.figures;
    const figures = readInventoryRow(cells, columns, element);
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

/** Validated with the record schema; a field the schema refuses (say, sellable -3) becomes null: an unknown badge. */
function validated(candidate: SkuFigures): SkuFigures | null {
  const first = skuFiguresSchema.safeParse(candidate);
  if (first.success) return first.data;
  const mended: Record<string, unknown> = { ...candidate };
  for (const issue of first.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field !== 'sku') mended[field] = null;
    if (field === 'dailySales') mended.dailySalesFrom = null;
  }
  const second = skuFiguresSchema.safeParse(mended);
  return second.success ? second.data : null;
}
