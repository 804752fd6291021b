import type { BadgeView } from '@/components/badge-view';
import { readInventory, type InventoryRowReading, type RowMemory } from '@/lib/readers/inventory';
import { once } from '@/lib/readers/once';
import type { SkuFigures } from '@/lib/records';
import { defineFeature, type Feature } from './feature';
import { skuRowView, type SkuRowBadge, type SkuRowPass } from './views';

/** Across passes, only rows that changed are read again: a re-render or a sort reads nothing new. */
const rowMemory: RowMemory = new WeakMap();

/** The SKU rows of the page: the safety and turnover badges, the history and the unreadable-page notice share one read per pass. */
export const inventoryRows = (doc: Document): InventoryRowReading[] =>
  once('inventoryRows', doc, () => readInventory(doc, rowMemory).flatMap((table) => table.rows));

/**
 * A feature that puts one badge on every SKU row of the pages that list SKUs. A row read before
 * keeps its figures object, and with the same settings in force it keeps its view too: its badge
 * is left as it is.
 */
export const skuRowFeature = (id: string, badge: SkuRowBadge): Feature =>
  defineFeature({
    id,
    include: ['inventory', 'replenishment'],
    init: (page) => {
      let views = new WeakMap<SkuFigures, BadgeView>();
      let madeFor: SkuRowPass | null = null;
      return (pass) => {
        if (madeFor?.lang !== pass.lang || madeFor.rules !== pass.rules) {
          views = new WeakMap();
          madeFor = { lang: pass.lang, rules: pass.rules };
        }
        const rows = inventoryRows(page.doc);
        // By index: a for-of over thousands of rows makes an object for each in code run once a page.
        for (let i = 0; i < rows.length; i += 1) {
          const { anchor, figures } = rows[i]!;
          if (!figures) continue;
          let view = views.get(figures);
          if (!view) views.set(figures, (view = skuRowView(badge, figures, madeFor)));
          pass.place(anchor, view);
        }
      };
    },
  });
