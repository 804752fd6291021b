import type { BadgeView } from '@/components/badge-view';
import { readInventory, type InventoryRowReading, type RowMemory } from '@/lib/readers/inventory';
import type { SkuFigures } from '@/lib/records';
import { defineFeature, type Feature, type FeaturePass } from './feature';

/** The safety and turnover badges read the same rows: one read per pass, shared. */
const readByPass = new WeakMap<FeaturePass, InventoryRowReading[]>();
/** Across passes, only rows that changed are read again: a re-render or a sort reads nothing new. */
const rowMemory: RowMemory = new WeakMap();

export function inventoryRows(doc: Document, pass: FeaturePass): InventoryRowReading[] {
  let rows = readByPass.get(pass);
  if (!rows) readByPass.set(pass, (rows = readInventory(doc, rowMemory).flatMap((table) => table.rows)));
  return rows;
}

/**
 * A feature that puts one badge on every SKU row of the pages that list SKUs. A row read before
 * keeps its figures object, and with the same settings in force it keeps its view too: its badge
 * is left as it is.
 */
export const skuRowFeature = (id: string, badge: (figures: SkuFigures, pass: FeaturePass) => BadgeView): Feature =>
  defineFeature({
    id,
    include: ['inventory', 'replenishment'],
    init: (page) => {
      let views = new WeakMap<SkuFigures, BadgeView>();
      let madeFor: Pick<FeaturePass, 'lang' | 'rules'> | null = null;
      return (pass) => {
        if (madeFor?.lang !== pass.lang || madeFor.rules !== pass.rules) {
          views = new WeakMap();
          madeFor = { lang: pass.lang, rules: pass.rules };
        }
        for (const { anchor, figures } of inventoryRows(page.doc, pass)) {
          if (!figures) continue;
          let view = views.get(figures);
          if (!view) views.set(figures, (view = badge(figures, pass)));
          pass.place(anchor, view);
        }
      };
    },
  });
