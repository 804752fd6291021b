import { labelKey, synonymIndex } from './text';

/**
 * Which column of an inventory-like table holds what, found by the header's words in Chinese or
 * English (the pages let the seller choose), never by position or class name.
 */

export const INVENTORY_COLUMN_SYNONYMS = {
  sku: ['SKU', 'SKU编码', 'SKU编号', 'SKU ID', 'SKU code', '商品编码', '商家编码', 'Seller SKU'],
  product: ['商品名称', '商品', '商品信息', '商品标题', 'Product', 'Product name', 'Product title', 'Item', 'Item name'],
  warehouse: ['仓库', '所在仓', '仓库名称', '发货仓', '海外仓', 'Warehouse', 'Warehouse name'],
  sellable: [
    '可用库存', '可售库存', '可用数量', '可售数量', '可用', '可售',
    'Available', 'Available stock', 'Available qty', 'Available quantity', 'Sellable', 'Sellable stock', 'Sellable qty', 'Sellable quantity',
  ],
  inTransit: ['在途库存', '在途', '在途数量', '入库中', 'In transit', 'In-transit', 'In-transit stock', 'Inbound', 'Inbound stock'],
  dailySales: ['日均销量', '日均销售', '平均日销量', '日销量', 'Avg. daily sales', 'Avg daily sales', 'Average daily sales', 'Daily sales'],
  sales30d: [
    '近30天销量', '30天销量', '近30日销量', '30日销量',
    'Sales (30 days)', 'Sales (last 30 days)', '30-day sales', 'Sales last 30 days', 'Last 30 days sales',
  ],
  turnoverDays: [
    '库存周转天数', '周转天数', '库存周转', 'ITO', 'ITO (days)',
    'Turnover days', 'Inventory turnover (days)', 'Inventory turnover days', 'Inventory turnover',
  ],
} as const satisfies Record<string, readonly string[]>;

export type InventoryColumn = keyof typeof INVENTORY_COLUMN_SYNONYMS;

/** Column positions; only the SKU column is certain, every other column may be missing. */
export type InventoryColumns = { sku: number } & Partial<Record<Exclude<InventoryColumn, 'sku'>, number>>;

const INDEX = synonymIndex(INVENTORY_COLUMN_SYNONYMS);

// "可用库存(件)", "ITO (days)": a unit in brackets after the words does not change the column.
const UNIT_IN_BRACKETS = /\((件|个|天|日|次|单|%|pcs|pieces|units?|days?)\)$/;

/** The column a header names, or null. */
export function inventoryColumn(header: string): InventoryColumn | null {
  const key = labelKey(header);
  return INDEX.get(key) ?? INDEX.get(key.replace(UNIT_IN_BRACKETS, '')) ?? null;
}

/** Header words to column positions (the first column of each kind wins); null when there is no SKU column. */
export function inventoryColumns(headers: readonly string[]): InventoryColumns | null {
  const found: Partial<Record<InventoryColumn, number>> = {};
  headers.forEach((header, index) => {
    const column = inventoryColumn(header);
    if (column && found[column] === undefined) found[column] = index;
  });
  const { sku, ...rest } = found;
  return sku === undefined ? null : { sku, ...rest };
}

/** A table of stock per SKU: it has a SKU column and a sellable-stock column (an event log has the first only). */
export const isInventoryTable = (columns: InventoryColumns | null): columns is InventoryColumns & { sellable: number } =>
  columns?.sellable !== undefined;
