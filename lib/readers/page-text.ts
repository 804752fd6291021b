import { inventoryColumns, isInventoryTable } from './columns';
import { once } from './once';
import { findTables } from './table';
import { walkText } from './text';

/**
 * The text store figures and event codes are read from: every text node walkText visits, but none
 * in the body of a SKU table (an inventory table: SKUs and their stock, never a store figure or an
 * event code; an event log's table has no stock column and is read). On a page of thousands of
 * SKUs that body is nearly all of its text. Read once per pass (lib/readers/once.ts).
 */
export const pageTextNodes = (root: ParentNode): Text[] =>
  once('pageText', root, () => {
    // What holds the rows (a <tbody>, a row group) is passed whole: one skip, not one a row.
    const skuBodies = new Set<Element>();
    for (const table of findTables(root)) {
      if (!isInventoryTable(inventoryColumns(table.headers))) continue;
      for (const row of table.rows) if (row.element.parentElement) skuBodies.add(row.element.parentElement);
    }
    const nodes: Text[] = [];
    walkText(root, (node) => nodes.push(node), [...skuBodies]);
    return nodes;
  });
