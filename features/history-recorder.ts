import { readEventCodes } from '@/lib/readers/event-log';
import { readStoreFigures, toStoreFigures } from '@/lib/readers/store-figures';
import { PAGE_KINDS, type SkuFigures } from '@/lib/records';
import { defineFeature } from './feature';
import { inventoryRows } from './inventory-rows';

/**
 * Hands what the page shows to the background worker, which keeps the history (per store, SKU
 * and day). Only when the reading changed, so re-renders and floods of mutations send nothing new.
 */
export default defineFeature({
  id: 'history-recorder',
  include: PAGE_KINDS,
  init: (page) => {
    let last: { rest: string; skus: SkuFigures[] } | null = null;
    return () => {
      const [pageKind] = page.kinds;
      if (!pageKind) return;
      const skus: SkuFigures[] = [];
      for (const { figures } of inventoryRows(page.doc)) if (figures) skus.push(figures);
      const storeReadings = readStoreFigures(page.doc);
      const store = storeReadings.length > 0 ? toStoreFigures(storeReadings) : null;
      const events = readEventCodes(page.doc).map(({ code, sku }) => ({ code, sku }));
      if (skus.length === 0 && store === null && events.length === 0) return;
      const rest = JSON.stringify({ storeId: page.storeId, pageKind, store, events });
      if (last && last.rest === rest && sameSkus(last.skus, skus)) return;
      last = { rest, skus };
      page.record({ storeId: page.storeId, pageKind, skus, store, events });
    };
  },
});

/** The same figures in the same order (rows read before keep their figures objects: mostly the very same). */
function sameSkus(before: readonly SkuFigures[], now: readonly SkuFigures[]): boolean {
  if (before.length !== now.length) return false;
  return now.every((figures, i) => {
    const old = before[i]!;
    if (figures === old) return true;
    const keys = Object.keys(figures) as (keyof SkuFigures)[];
    return keys.length === Object.keys(old).length && keys.every((key) => figures[key] === old[key]);
  });
}
