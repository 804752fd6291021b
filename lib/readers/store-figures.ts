import { z } from 'zod/mini';
import { isPlaceholder, parseFigure } from '../parse/figure';
import { STORE_ENTITIES, storeFiguresSchema, type StoreFigures } from '../records';
import { once } from './once';
import { findTables, type DataTable } from './table';
import { pageTextNodes } from './page-text';
import { collapseSpace } from '../parse/space';
import { cellText, labelKey, readText, synonymIndex, UNREAD, walkText } from './text';

/**
 * Store performance and logistics performance figures, wherever the page puts them next to their
 * label: a card's label and value, `<dt>`/`<dd>`, `<th>`/`<td>` side by side, a header row over a
 * single value row, or "label: value" in one line of text. Labels are known in Chinese and English.
 */

export type StoreFigureField = keyof StoreFigures;
type StoreEntity = (typeof STORE_ENTITIES)[number];

export interface StoreFigureReading {
  field: StoreFigureField;
  labelElement: Element;
  /** Where the figure is shown: its badge goes next to it. */
  valueElement: Element;
  /** null when the page shows a placeholder ("--", "N/A") or a figure the schema refuses. */
  value: number | StoreEntity | null;
  raw: string;
}

export const STORE_FIGURE_LABELS = {
  dsrDescription: ['商品描述', '商品描述相符', '描述相符', '商品描述相符度', 'Item as described'],
  dsrService: ['服务态度', '卖家服务态度', 'Communication', 'Seller communication', 'Seller service'],
  dsrLogistics: ['物流服务', '物流服务质量', '发货速度', 'Shipping speed', 'Logistics service'],
  orders30d: ['近30天订单量', '近30天订单数', '30天订单量', '订单量(近30天)', 'Orders (30 days)', 'Orders (last 30 days)', '30-day orders'],
  fakeShipments30d: ['虚假发货', '虚假发货次数', '近30天虚假发货', 'Fake shipments', 'Fake shipment'],
  overtimeUnshipped30d: ['超时未发货', '超时未发货次数', '近30天超时未发货', 'Overtime unshipped', 'Overtime unshipped orders'],
  replenishmentsPerWeek: ['周补货频次', '单SKU周补货频次', '补货频次(周)', 'Replenishments per week', 'Weekly replenishment frequency'],
  storeEntity: ['店铺类型', '店铺主体', '主体类型', '经营主体', 'Store type', 'Store entity', 'Business entity'],
  fulfilmentP95Days: ['P95履约时效', '履约时效(P95)', '物流履约时效(P95)', 'P95 fulfilment time', 'P95 fulfillment time', 'Fulfilment time (P95)', 'Fulfillment time (P95)'],
  cancellationRatePct: ['订单取消率', '取消率', 'Cancellation rate', 'Order cancellation rate'],
  pickingAccuracyPct: ['拣货准确率', '仓内拣货准确率', 'Picking accuracy', 'Warehouse picking accuracy'],
  syncErrorPct: ['库存数据误差', '库存同步误差', 'Inventory sync error', 'Inventory data error', 'Stock sync error'],
} as const satisfies Record<StoreFigureField, readonly string[]>;

/** Which figures belong to which page kind (page detection counts them). */
export const STORE_PERFORMANCE_FIELDS: readonly StoreFigureField[] = [
  'dsrDescription', 'dsrService', 'dsrLogistics', 'orders30d', 'fakeShipments30d', 'overtimeUnshipped30d', 'replenishmentsPerWeek', 'storeEntity',
];
export const LOGISTICS_PERFORMANCE_FIELDS: readonly StoreFigureField[] = [
  'fulfilmentP95Days', 'cancellationRatePct', 'pickingAccuracyPct', 'syncErrorPct',
];

const ENTITY_WORDS = {
  enterprise: ['企业店', '企业', '企业店铺', '公司', 'Enterprise', 'Enterprise store', 'Company'],
  individual: ['个体工商户', '个体店', '个体', '个人', '个人店', 'Individual', 'Individual business', 'Individual store', 'Sole proprietor'],
} as const satisfies Record<StoreEntity, readonly string[]>;

const LABELS = synonymIndex(STORE_FIGURE_LABELS);
/** Every label's first two characters as labelKey writes them: most text on a big page is ruled out by them. */
const LABEL_STARTS = new Set([...LABELS.keys()].map((key) => key.slice(0, 2)));
const ENTITIES = synonymIndex(ENTITY_WORDS);

/** Menus name the same things ("物流服务") with no figure: never read labels there. */
const NAVIGATION = 'nav, [role="navigation"], [role="menu"], [role="menubar"]';
/** What labelKey leaves out of a label's start: white space, sort arrows, the required mark. */
const LEFT_OUT_OF_KEY = /[\s\u200b*↑↓↕⇅⇵▲▼△▽▴▾⬆⬇]/;
/** Characters that are surely kept: letters, digits, CJK (most of a page's text starts with one). */
const kept = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x4e00 && code <= 0x9fff);

/**
 * The first two characters labelKey would keep, without building the key: a text whose key is a
 * label's, or starts with one ("店铺类型：企业店"), starts as that label's key does.
 */
function keyStart(text: string): string {
  // Most text starts with two characters kept as they are (a figure, a word, a SKU).
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if (kept(first) && kept(second)) return text.slice(0, 2).toLowerCase();
  let start = '';
  for (let i = 0; i < text.length && start.length < 2; i += 1) {
    const char = text.charAt(i);
    if (!LEFT_OUT_OF_KEY.test(char)) start += char === '（' ? '(' : char === '）' ? ')' : char;
  }
  return start.toLowerCase();
}

/** Inside a menu under root. */
function inNavigation(element: Element, root: ParentNode): boolean {
  const menu = element.closest(NAVIGATION);
  return menu !== null && (root as Node).contains(menu);
}
/** From a label's text, how many levels up to look for the value beside it (text -> label -> card part -> card). */
const CLIMB = 4;
/** A label inside one of these looks for its value among its siblings only. */
const ONE_ITEM = 'td, th, dt, dd, li, [role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';
const INLINE = /^(.+?)\s*[:：]\s*(.+)$/;

/** `tables`: findTables(root), when the caller has it already. */
export const readStoreFigures = (root: ParentNode, tables?: readonly DataTable[]): StoreFigureReading[] =>
  once('storeFigures', root, () => storeFiguresUnder(root, tables ?? findTables(root)));

function storeFiguresUnder(root: ParentNode, tables: readonly DataTable[]): StoreFigureReading[] {
  const readings: StoreFigureReading[] = [];
  const seen = new Map<Element, Set<StoreFigureField>>();
  const add = (field: StoreFigureField, labelElement: Element, found: Shown) => {
    const fields = seen.get(found.element) ?? new Set<StoreFigureField>();
    if (fields.has(field)) return;
    seen.set(found.element, fields.add(field));
    readings.push({ field, labelElement, valueElement: found.element, value: valueOf(field, found.raw), raw: found.raw });
  };

  for (const node of pageTextNodes(root)) {
    // Most text on a big page is table cells: two characters rule them out before any regex.
    if (!LABEL_STARTS.has(keyStart(node.data))) continue;
    const label = node.parentElement;
    if (!label) continue;
    const text = collapseSpace(node.data);
    const field = LABELS.get(labelKey(text));
    if (field) {
      const found = !inNavigation(label, root) && valueBeside(node, field, root);
      if (found) add(field, label, found);
      continue;
    }
    const inline = INLINE.exec(text);
    const inlineField = inline && LABELS.get(labelKey(inline[1]!));
    if (inlineField && shownFor(inlineField, inline[2]!) && !inNavigation(label, root)) add(inlineField, label, { element: label, raw: inline[2]! });
  }

  // A header row of labels over one row of values.
  for (const table of tables) {
    const [row, ...more] = table.rows;
    if (!row || more.length > 0 || table.container.closest(NAVIGATION)) continue;
    table.headers.forEach((header, index) => {
      const field = LABELS.get(labelKey(header));
      const cell = row.cells[index];
      const raw = cellText(cell);
      if (field && cell && raw && shownFor(field, raw)) add(field, table.headerCells[index]!, { element: cell, raw });
    });
  }
  return readings;
}

/** The figures as a record: per field the first reading with a value, else null when only placeholders were shown. */
export function toStoreFigures(readings: readonly StoreFigureReading[]): Partial<StoreFigures> {
  const figures: Record<string, unknown> = {};
  for (const { field, value } of readings) {
    if (figures[field] === undefined || (figures[field] === null && value !== null)) figures[field] = value;
  }
  const checked = z.partial(storeFiguresSchema).safeParse(figures);
  return checked.success ? checked.data : {};
}

interface Shown {
  element: Element;
  raw: string;
}

/** Does this text show a figure for the field, or the page's "no figure" placeholder? */
const shownFor = (field: StoreFigureField, text: string) =>
  isPlaceholder(text) || (field === 'storeEntity' ? ENTITIES.has(labelKey(text)) : parseFigure(text) !== null);

function valueOf(field: StoreFigureField, raw: string): StoreFigureReading['value'] {
  const value = field === 'storeEntity' ? (ENTITIES.get(labelKey(raw)) ?? null) : parseFigure(raw);
  return storeFiguresSchema.shape[field].safeParse(value).success ? value : null;
}

/**
 * The value shown right after a label: the next non-empty sibling, climbing a few levels when the
 * label is alone in its box. The first thing with text decides: another label or a sentence stops
 * the search (no value is borrowed from a neighbouring card).
 */
function valueBeside(label: Text, field: StoreFigureField, root: ParentNode): Shown | null {
  let node: Node | null = label;
  for (let level = 0; node && node !== root && level < CLIMB; level += 1) {
    for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
      const found = shownIn(sibling, field);
      if (found !== 'empty') return found;
    }
    // A cell's value is in its row, a term's in its definition: never beyond.
    if (node.nodeType === 1 && (node as Element).matches(ONE_ITEM)) return null;
    node = node.parentNode;
  }
  return null;
}

function shownIn(node: Node, field: StoreFigureField): Shown | null | 'empty' {
  if (node.nodeType === 3) {
    const raw = collapseSpace(node.textContent ?? '');
    if (!raw) return 'empty';
    return node.parentElement && shownFor(field, raw) ? { element: node.parentElement, raw } : null;
  }
  if (node.nodeType !== 1 || (node as Element).matches(UNREAD)) return 'empty';
  const element = node as Element;
  const raw = readText(element);
  if (!raw) return 'empty';
  if (shownFor(field, raw)) return { element: innermost(element, raw), raw };
  // "4.81 较上期 +0.02": the figure first, a trend after it.
  let first: Text | undefined;
  walkText(element, (text) => {
    if (!first && collapseSpace(text.data)) first = text;
  });
  const lead = first && collapseSpace(first.data);
  return first?.parentElement && lead && shownFor(field, lead) ? { element: first.parentElement, raw: lead } : null;
}

/** The smallest element that still shows all of the value's text (where a badge sits best). */
function innermost(element: Element, raw: string): Element {
  let current = element;
  while (current.children.length === 1 && readText(current.children[0]!) === raw) current = current.children[0]!;
  return current;
}
