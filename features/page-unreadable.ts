import type { BadgeView } from '@/components/badge-view';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import { pageTitles } from '@/lib/pages/detect';
import { inventoryColumns, isInventoryTable } from '@/lib/readers/columns';
import { readEventCodes } from '@/lib/readers/event-log';
import { LOGISTICS_PERFORMANCE_FIELDS, readStoreFigures, STORE_PERFORMANCE_FIELDS, type StoreFigureField } from '@/lib/readers/store-figures';
import { findTables } from '@/lib/readers/table';
import { PAGE_KINDS, type PageKind } from '@/lib/records';
import { defineFeature, type Feature, type FeaturePage } from './feature';
import { inventoryRows } from './inventory-rows';
import { fact } from './views';

/**
 * A page the helper recognises but cannot read gets one notice next to its title, saying so and
 * what to do (show the columns it needs, reload), instead of silence. Only once the page has had
 * time to draw what it loads, so the notice never flashes on a page whose table is still coming,
 * and it goes on the first pass that reads something. Behind the anti-bot gate no pass runs.
 */

/**
 * How long a recognised page may show nothing readable before the seller is told. Seller Center
 * draws the title first and the table or figures once its data calls return (a second or two, more
 * on a slow line). A delay for the eye, not a policy number.
 */
export const READ_PATIENCE_MS = 3000;

interface KindText {
  name: MessageKey;
  needs: MessageKey;
  /** True when there is nothing to tell: the page's figures were read, or it shows an empty list. */
  read(page: FeaturePage): boolean;
}

/** A list of SKUs the page shows empty (a new store, a filter that matches nothing) is read: it has nothing to badge. */
function skusRead(page: FeaturePage): boolean {
  const rows = inventoryRows(page.doc);
  if (rows.some((row) => row.figures)) return true;
  return rows.length === 0 && findTables(page.doc).some((table) => isInventoryTable(inventoryColumns(table.headers)));
}

const figuresRead = (fields: readonly StoreFigureField[]) => (page: FeaturePage) =>
  readStoreFigures(page.doc).some((reading) => fields.includes(reading.field));

/** An event log without rows has no event to explain; one whose rows show no code we can read is unreadable. */
const codesRead = (page: FeaturePage) =>
  readEventCodes(page.doc).length > 0 || findTables(page.doc).every((table) => table.rows.length === 0);

const KINDS: Record<PageKind, KindText> = {
  inventory: { name: 'badge_page_inventory', needs: 'badge_page_needs_skus', read: skusRead },
  replenishment: { name: 'badge_page_replenishment', needs: 'badge_page_needs_skus', read: skusRead },
  'store-performance': { name: 'badge_page_storePerformance', needs: 'badge_page_needs_store', read: figuresRead(STORE_PERFORMANCE_FIELDS) },
  'logistics-performance': { name: 'badge_page_logisticsPerformance', needs: 'badge_page_needs_logistics', read: figuresRead(LOGISTICS_PERFORMANCE_FIELDS) },
  'event-log': { name: 'badge_page_eventLog', needs: 'badge_page_needs_events', read: codesRead },
};

const listOf = (lang: Lang, items: string[]): string =>
  new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format([...new Set(items)]);

function notice(lang: Lang, kinds: KindText[]): BadgeView {
  const title = t(lang, 'badge_page_title');
  return {
    kind: 'page',
    status: 'unknown',
    tone: 'unknown',
    label: t(lang, 'badge_page_unknown'),
    ariaLabel: title,
    explain: () => ({
      title,
      facts: [fact(lang, 'badge_page_fact_page', listOf(lang, kinds.map((kind) => t(lang, kind.name))))],
      rule: t(lang, 'badge_page_what'),
      advice: t(lang, 'badge_page_todo', { needs: listOf(lang, kinds.map((kind) => t(lang, kind.needs))) }),
    }),
  };
}

/** The feature, waiting `patienceMs` from the page's start (tests wait less). */
export const unreadablePage = (patienceMs: number): Feature =>
  defineFeature({
    id: 'page-unreadable',
    include: PAGE_KINDS,
    init: (page) => {
      const startedAt = performance.now();
      let passAsked = false;
      const kinds = [...page.kinds].map((kind) => KINDS[kind]);
      return (pass) => {
        if (kinds.some((kind) => kind.read(page))) return;
        const waited = performance.now() - startedAt;
        if (waited < patienceMs) {
          // A page that stays still, unread, would otherwise wait for its next change; a page
          // read by then costs no pass of its own.
          if (!passAsked) page.passAfter(patienceMs - waited);
          passAsked = true;
          return;
        }
        const anchor = pageTitles(page.doc)[0] ?? findTables(page.doc)[0]?.headerCells[0];
        if (anchor) pass.place(anchor, notice(pass.lang, kinds));
      };
    },
  });

export default unreadablePage(READ_PATIENCE_MS);
