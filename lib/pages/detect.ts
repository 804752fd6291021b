import type { PageKind } from '../records';
import { inventoryColumns, isInventoryTable } from '../readers/columns';
import {
  LOGISTICS_PERFORMANCE_FIELDS,
  readStoreFigures,
  STORE_PERFORMANCE_FIELDS,
  type StoreFigureField,
} from '../readers/store-figures';
import { matchingAny } from '../readers/query';
import { findTables, type DataTable } from '../readers/table';
import { labelKey, readText } from '../readers/text';

/**
 * Which Seller Center page this is, from what it shows: table headers, figure labels and page
 * headings, in Chinese or English. Paths and class names move, so they are never the deciding
 * signal. Each detector names the fixture pages (test/fixtures/pages) it must accept; a test
 * checks that it accepts those and rejects every other fixture.
 *
 * A page is also known by its own title (exactly one of the names below), so that a page whose
 * figures cannot be read, or are not rendered yet, is still that kind of page: the seller is told
 * when it stays unreadable (features/page-unreadable.ts).
 *
 * One page, one kind where badges would collide: inventory and replenishment pages both carry
 * per-SKU badges, so their detectors exclude each other (a replenishment page is one that speaks
 * of replenishment: a heading or its title, or a suggested-quantity column). Store and logistics
 * figures, and event codes, badge different things, so a dashboard that shows several of them is
 * each of those kinds at once.
 */

export interface PageDetector {
  kind: PageKind;
  detect(root: ParentNode, url: URL): boolean;
  /** Fixture pages this detector must accept. */
  examples: readonly string[];
}

const INVENTORY_TITLES = ['库存管理', '库存健康度看板', '库存健康度', '库存列表', 'Inventory', 'Inventory management', 'Inventory health', 'Inventory list'];
const REPLENISHMENT_HEADINGS = ['补货分析', '补货建议', 'Replenishment analysis', 'Replenishment suggestions'];
const STORE_PERFORMANCE_TITLES = ['店铺表现', '服务分', '店铺考核', 'Store performance', 'Store rating'];
const LOGISTICS_PERFORMANCE_TITLES = ['物流表现', 'Logistics performance'];
const REPLENISHMENT_COLUMNS = ['建议补货量', '建议补货数量', '建议补货', 'Suggested replenishment', 'Suggested quantity', 'Suggested replenishment quantity'];
const EVENT_LOG_HEADINGS = ['事件日志', '事件记录', 'Event log', 'Event logs'];
const EVENT_CODE_COLUMNS = ['事件代码', '事件编码', '异常代码', '反馈代码', 'Event code', 'Exception code', 'Feedback code'];
/** A page of store (or logistics) figures shows at least this many of them; a home page shows one or none. */
const MIN_FIGURES = 2;

const HEADING_SELECTORS = ['title', 'h1', 'h2', 'h3', '[role="heading"]'];
/** The page's own title: not a card's heading, and never one in a menu. */
const PAGE_TITLE_SELECTORS = ['h1', '[role="heading"][aria-level="1"]', '.page-title'];
const PAGE_TITLE = PAGE_TITLE_SELECTORS.join(', ');
const NAVIGATION = 'nav, [role="navigation"], [role="menu"], [role="menubar"]';

// One detectPageKinds call reads tables, figures, headings and titles once for all detectors
// (each is a query over the whole page, thousands of rows included).
let memo: { root: ParentNode; tables?: DataTable[]; fields?: Set<StoreFigureField>; marked?: Element[]; headings?: string[]; titles?: string[] } | null = null;
const remembered = (root: ParentNode) => (memo?.root === root ? memo : { root });

const tablesOf = (root: ParentNode) => {
  const view = remembered(root);
  return (view.tables ??= findTables(root));
};

const figureFieldsOf = (root: ParentNode) => {
  const view = remembered(root);
  return (view.fields ??= new Set(readStoreFigures(root, tablesOf(root)).map((reading) => reading.field)));
};

const keys = (words: readonly string[]) => words.map(labelKey);

const outOfMenus = (elements: Iterable<Element>): Element[] => [...elements].filter((element) => !element.closest(NAVIGATION));

/**
 * What HEADING_SELECTORS or PAGE_TITLE_SELECTORS match, a selector at a time (matchingAny): a
 * title selector that narrows a heading selector (h1, [role="heading"][aria-level="1"]) finds
 * nothing that one does not. Detection only asks whether some heading or title says a word, so
 * their order does not matter.
 */
const HEADING_AND_TITLE_QUERIES = [
  ...HEADING_SELECTORS,
  ...PAGE_TITLE_SELECTORS.filter((title) => !HEADING_SELECTORS.some((heading) => title.startsWith(heading))),
];

/** Headings and page titles out of menus, for both: one look over the page, not two. */
const headingsAndTitles = (root: ParentNode) => {
  const view = remembered(root);
  return (view.marked ??= outOfMenus(matchingAny(root, HEADING_AND_TITLE_QUERIES)));
};

/** Whether a heading, or the page's title (a heading in all but markup: `<div class="page-title">`), says a word. */
const headingsSay = (root: ParentNode, words: readonly string[]) => {
  const wanted = keys(words);
  const view = remembered(root);
  view.headings ??= headingsAndTitles(root).map((heading) => labelKey(readText(heading)));
  return view.headings.some((key) => wanted.some((word) => key.includes(word)));
};

/** The page's title elements (several when the page marks one title in two ways). */
export const pageTitles = (root: ParentNode): Element[] => outOfMenus(root.querySelectorAll(PAGE_TITLE));

const titleIs = (root: ParentNode, words: readonly string[]) => {
  const wanted = new Set(keys(words));
  const view = remembered(root);
  view.titles ??= headingsAndTitles(root)
    .filter((element) => element.matches(PAGE_TITLE))
    .map((title) => labelKey(readText(title)));
  return view.titles.some((title) => wanted.has(title));
};

const someHeaderIs = (root: ParentNode, words: readonly string[]) => {
  const wanted = new Set(keys(words));
  return tablesOf(root).some((table) => table.headers.some((header) => wanted.has(labelKey(header))));
};

const hasInventoryTable = (root: ParentNode) =>
  tablesOf(root).some((table) => isInventoryTable(inventoryColumns(table.headers)));

const speaksOfReplenishment = (root: ParentNode) =>
  headingsSay(root, REPLENISHMENT_HEADINGS) || someHeaderIs(root, REPLENISHMENT_COLUMNS);

const showsFigures = (root: ParentNode, fields: readonly StoreFigureField[]) => {
  const shown = figureFieldsOf(root);
  return fields.filter((field) => shown.has(field)).length >= MIN_FIGURES;
};

export const PAGE_DETECTORS: readonly PageDetector[] = [
  {
    kind: 'inventory',
    detect: (root) => (hasInventoryTable(root) || titleIs(root, INVENTORY_TITLES)) && !speaksOfReplenishment(root),
    examples: ['inventory-zh-fusion', 'inventory-en-grid', 'inventory-en-table', 'inventory-zh-gate', 'inventory-zh-unreadable'],
  },
  {
    kind: 'replenishment',
    detect: (root) => (hasInventoryTable(root) || titleIs(root, REPLENISHMENT_HEADINGS)) && speaksOfReplenishment(root),
    examples: ['replenishment-zh'],
  },
  {
    kind: 'store-performance',
    detect: (root) => showsFigures(root, STORE_PERFORMANCE_FIELDS) || titleIs(root, STORE_PERFORMANCE_TITLES),
    examples: ['store-performance-zh', 'store-performance-en'],
  },
  {
    kind: 'logistics-performance',
    detect: (root) => showsFigures(root, LOGISTICS_PERFORMANCE_FIELDS) || titleIs(root, LOGISTICS_PERFORMANCE_TITLES),
    examples: ['logistics-performance-zh', 'logistics-performance-en'],
  },
  {
    kind: 'event-log',
    detect: (root) => headingsSay(root, EVENT_LOG_HEADINGS) || someHeaderIs(root, EVENT_CODE_COLUMNS),
    examples: ['event-log-zh', 'event-log-en'],
  },
];

/** Every kind the page shows, in PAGE_DETECTORS order (inventory and replenishment never both). */
export function detectPageKinds(root: ParentNode, url: URL): PageKind[] {
  memo = { root };
  try {
    return PAGE_DETECTORS.filter((detector) => detector.detect(root, url)).map((detector) => detector.kind);
  } finally {
    memo = null;
  }
}

/** Alibaba's slider captcha ("baxia") or its punish frame, shown: the extension stays quiet until it is gone. */
const GATE_MASK = '.baxia-dialog-mask';
const GATE_FRAME_PATH = '_____tmd_____/punish';

// Looked for on every pass, over the whole page: a lone class and a lone tag are queries the
// browser answers without matching each element against a selector list (on 10,000 rows ~1.5 ms,
// against ~5 ms for `.baxia-dialog-mask, iframe[src*="..."]`); the few frames are checked here.
export function detectAntiBotGate(root: ParentNode): boolean {
  const frames = [...root.querySelectorAll('iframe')].filter((frame) => frame.getAttribute('src')?.includes(GATE_FRAME_PATH));
  return [...root.querySelectorAll(GATE_MASK), ...frames].some(isShown);
}

/**
 * Hidden by the `hidden` attribute or display: none on it or an ancestor, or visibility: hidden on
 * it; inline style counts too, for elements the document has no computed style for (detached, inert).
 */
function isShown(element: Element): boolean {
  const styles = (at: Element) => [(at as HTMLElement).style, at.ownerDocument.defaultView?.getComputedStyle(at)];
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (at.hasAttribute('hidden') || styles(at).some((style) => style?.display === 'none')) return false;
  }
  return !styles(element).some((style) => style?.visibility === 'hidden');
}

/** The store a page belongs to: Seller Center's channelId (in the query, or in a hash route's query), else 'default'. */
export function storeIdFromUrl(url: URL): string {
  const inHash = new URLSearchParams(url.hash.split('?')[1] ?? '');
  return url.searchParams.get('channelId')?.trim() || inHash.get('channelId')?.trim() || 'default';
}
