import type { BadgeView } from '@/components/badge-view';
import { readInventory, type InventoryRowReading } from '@/lib/readers/inventory';
import type { SkuFigures } from '@/lib/records';
import { defineFeature, type Feature, type FeaturePass } from './feature';

/** The safety and turnover badges read the same rows: one read per pass, shared. */
const readByPass = new WeakMap<FeaturePass, InventoryRowReading[]>();

export function inventoryRows(doc: Document, pass: FeaturePass): InventoryRowReading[] {
  let rows = readByPass.get(pass);
  if (!rows) readByPass.set(pass, (rows = readInventory(doc).flatMap((table) => table.rows)));
  return rows;
}

/** A feature that puts one badge on every SKU row of the pages that list SKUs. */
export const skuRowFeature = (id: string, badge: (figures: SkuFigures, pass: FeaturePass) => BadgeView): Feature =>
  defineFeature({
    id,
    include: ['inventory', 'replenishment'],
    init: (page) => (pass) => {
      for (const { anchor, figures } of inventoryRows(page.doc, pass)) if (figures) pass.place(anchor, badge(figures, pass));
    },
  });
