import { readEventCodes } from '@/lib/readers/event-log';
import { readStoreFigures, toStoreFigures } from '@/lib/readers/store-figures';
import { PAGE_KINDS } from '@/lib/records';
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
    let lastSent = '';
    return (pass) => {
      const [pageKind] = page.kinds;
      if (!pageKind) return;
      const skus = inventoryRows(page.doc, pass).flatMap(({ figures }) => (figures ? [figures] : []));
      const storeReadings = readStoreFigures(page.doc);
      const store = storeReadings.length > 0 ? toStoreFigures(storeReadings) : null;
      const events = readEventCodes(page.doc).map(({ code, sku }) => ({ code, sku }));
      if (skus.length === 0 && store === null && events.length === 0) return;
      const reading = { storeId: page.storeId, pageKind, skus, store, events };
      const key = JSON.stringify(reading);
      if (key === lastSent) return;
      lastSent = key;
      page.record(reading);
    };
  },
});
