import { describe, expect, it } from 'vitest';
import { inventoryColumn, inventoryColumns, isInventoryTable } from './columns';

describe('inventoryColumns', () => {
  it('maps Chinese headers', () => {
    expect(inventoryColumns(['SKU编码', '商品名称', '仓库', '可用库存', '在途库存', '日均销量', '库存周转天数'])).toEqual({
      sku: 0, product: 1, warehouse: 2, sellable: 3, inTransit: 4, dailySales: 5, turnoverDays: 6,
    });
  });

  it('maps English headers in any order, with 30-day sales', () => {
    expect(inventoryColumns(['Warehouse', 'SKU', 'Product', 'In transit', 'Available stock', 'Sales (30 days)', 'Inventory turnover (days)'])).toEqual({
      warehouse: 0, sku: 1, product: 2, inTransit: 3, sellable: 4, sales30d: 5, turnoverDays: 6,
    });
    expect(inventoryColumns(['SKU ID', 'Warehouse', 'Sellable stock', 'Inbound', 'Avg. daily sales', 'ITO'])).toEqual({
      sku: 0, warehouse: 1, sellable: 2, inTransit: 3, dailySales: 4, turnoverDays: 5,
    });
  });

  it.each([
    ['可用库存(件)', 'sellable'],
    ['可售库存（件）', 'sellable'],
    ['ITO (days)', 'turnoverDays'],
    ['周转天数(天)', 'turnoverDays'],
    ['近30天销量', 'sales30d'],
    ['30-day sales', 'sales30d'],
    ['SKU code', 'sku'],
    ['商品编码', 'sku'],
    ['所在仓', 'warehouse'],
    ['在途', 'inTransit'],
    ['Daily sales', 'dailySales'],
  ] as const)('%j is the %s column', (header, column) => {
    expect(inventoryColumn(header)).toBe(column);
  });

  it.each(['Stock', 'Units sold', '建议补货量', 'Price (€)', '库存', ''])('%j is no inventory column', (header) => {
    expect(inventoryColumn(header)).toBeNull();
  });

  it('is null without a SKU column, and the first column of a kind wins', () => {
    expect(inventoryColumns(['商品名称', '可用库存'])).toBeNull();
    expect(inventoryColumns([])).toBeNull();
    expect(inventoryColumns(['SKU', '可用库存', 'Available'])).toEqual({ sku: 0, sellable: 1 });
  });

  it('an inventory table has a sellable-stock column besides its SKU column', () => {
    expect(isInventoryTable(inventoryColumns(['SKU', '可用库存']))).toBe(true);
    expect(isInventoryTable(inventoryColumns(['SKU编码', '事件代码']))).toBe(false);
    expect(isInventoryTable(null)).toBe(false);
  });
});
