import { findEventCodes } from '../rules/event-code';
import { inventoryColumns, isInventoryTable } from './columns';
import { skuFromCell } from './inventory';
import { once } from './once';
import { pageTextNodes } from './page-text';
import { findTables } from './table';

/**
 * Warehouse / customs event codes (`ES-402`, `MX-711`) where the page shows them: in a code column,
 * or inside a sentence ("海关反馈 MX-711：请补充…"), with the row's SKU when the code sits in a table
 * that has a SKU column.
 */

export interface EventCodeSighting {
  code: string;
  /** The smallest element whose own text holds the code: its badge goes next to it. */
  element: Element;
  sku: string | null;
}

export const readEventCodes = (root: ParentNode): EventCodeSighting[] => once('eventCodes', root, () => eventCodesUnder(root));

function eventCodesUnder(root: ParentNode): EventCodeSighting[] {
  const skuCellOfRow = new Map<Element, Element | undefined>();
  for (const table of findTables(root)) {
    const columns = inventoryColumns(table.headers);
    // A SKU table's rows are not read for codes (page-text.ts): only a log's SKU column is wanted.
    if (!columns || isInventoryTable(columns)) continue;
    for (const row of table.rows) skuCellOfRow.set(row.element, row.cells[columns.sku]);
  }
  const rowOf = (element: Element): Element | null => {
    for (let at: Element | null = element; at; at = at.parentElement) if (skuCellOfRow.has(at)) return at;
    return null;
  };

  const sightings: EventCodeSighting[] = [];
  const codesOf = new Map<Element, Set<string>>();
  for (const node of pageTextNodes(root)) {
    const element = node.parentElement;
    // The rules' own pattern: upper case, and never part of a longer token ("PO-ES-4021-X").
    // A code has a dash: most text has none, and is passed without a regular expression.
    const codes = node.data.includes('-') ? findEventCodes(node.data) : [];
    if (!element || codes.length === 0) continue;
    const row = rowOf(element);
    const sku = row ? skuFromCell(skuCellOfRow.get(row)) : null;
    const seen = codesOf.get(element) ?? new Set<string>();
    codesOf.set(element, seen);
    for (const code of codes) {
      // One sighting per code per element: one badge, however often the text repeats it.
      if (seen.has(code)) continue;
      seen.add(code);
      sightings.push({ code, element, sku });
    }
  }
  return sightings;
}
