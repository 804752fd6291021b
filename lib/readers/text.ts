import { collapseSpace } from '../parse/space';

/**
 * Reading page text the one safe way: `textContent` and text nodes only (never `innerText`: it
 * forces layout, and tables have thousands of rows), leaving out what a person does not read as
 * the figure: our own badges, scripts, editors, hidden tooltips and icons.
 */

/** Subtrees whose text is not the page's visible figure text. */
export const UNREAD =
  'script, style, template, noscript, textarea, [contenteditable="true"], [contenteditable=""], [data-lsm-kind], [hidden], [aria-hidden="true"], [role="tooltip"]';

/**
 * Visits every text node under `root` in document order, skipping UNREAD subtrees and the
 * subtrees the caller names in `alsoSkip` (e.g. the rows of a SKU table).
 */
export function walkText(root: ParentNode, visit: (node: Text) => void, alsoSkip: readonly Element[] = []): void {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  if (!doc) return;
  // A native walk over elements and text, each element looked at as it is met and a skipped one
  // passed whole: the cost follows what is read, not the page (a query for UNREAD over a page
  // of thousands of rows, or a filter callback on each of its elements, costs more than the walk).
  const skipped = new Set(alsoSkip);
  const walker = doc.createTreeWalker(root as Node, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) visit(node as Text);
    // Empty elements hold no text to skip: the badges' own hosts (their UI is in a shadow root) are such.
    else if (node.firstChild && (skipped.has(node as Element) || (node as Element).matches(UNREAD))) {
      let last: Node = node;
      while (last.lastChild) last = last.lastChild;
      walker.currentNode = last;
    }
    node = walker.nextNode();
  }
}

/**
 * Boxes a person reads apart: `<div>12</div><div>34</div>` is two figures, not 1234, while
 * `<span>6</span><span>.5</span>` (a split statistic) is one. Judged by tag, not by computed
 * style: reading style would force layout, and a wrongly split figure reads as null, never as
 * another number.
 */
const BOXES =
  'address, article, aside, blockquote, br, caption, dd, details, div, dl, dt, fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, summary, table, tbody, td, tfoot, th, thead, tr, ul';

/**
 * The text a person reads in an element, white space collapsed; cheap when there is nothing to
 * leave out or apart: a table cell's one text inside a wrapper or two is read without looking
 * for boxes. `mayHoldUnread` false: the caller knows no UNREAD element is inside (a row it
 * queried once), and none is looked for.
 */
export function readText(element: Element, mayHoldUnread = true): string {
  const only = onlyText(element, mayHoldUnread);
  if (only !== undefined) return only;
  if (!element.querySelector(mayHoldUnread ? `${UNREAD}, ${BOXES}` : BOXES)) return collapseSpace(element.textContent ?? '');
  const parts: string[] = [];
  const read = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push((child as Text).data);
      if (child.nodeType !== 1 || (child as Element).matches(UNREAD)) continue;
      const box = (child as Element).matches(BOXES);
      if (box) parts.push(' ');
      read(child);
      if (box) parts.push(' ');
    }
  };
  read(element);
  return collapseSpace(parts.join(''));
}

/** readText of a table cell, '' where the row has no such cell. */
export const cellText = (cell: Element | undefined, mayHoldUnread = true): string => (cell ? readText(cell, mayHoldUnread) : '');

/**
 * When the element holds a chain of single elements ending in one with no element inside (only
 * text, or nothing), there is nothing to keep apart: that text, or '' when an element of the chain
 * is one we never read. undefined for anything else. The last element's text is taken whole, so
 * that its text nodes are never visited one by one (each one the content script touches costs an
 * object of its own: 14,000 cells of a 2,000-row table).
 */
function onlyText(element: Element, mayHoldUnread: boolean): string | undefined {
  let node: Element = element;
  for (;;) {
    if (node.childElementCount === 0) return collapseSpace(node.textContent ?? '');
    const child = node.firstChild!;
    // One element child, and no text beside it (a null sibling costs the content script no object to look up).
    if (child.nodeType !== 1 || child.nextSibling !== null) return undefined;
    if (mayHoldUnread && (child as Element).matches(UNREAD)) return '';
    node = child as Element;
  }
}

// Sort arrows and help / tooltip marks that headers and labels print next to their words.
const MARKS = /[↑↓↕⇅⇵▲▼△▽▴▾⬆⬇]/g;
const TRAILING = /[\s?？ⓘ❓*:：]+$/u;
const LEADING = /^[\s*]+/;

/** A header or label as words: no sort arrows, no trailing "?" / "ⓘ" / colon, no "*" required mark. */
export const labelText = (text: string): string =>
  collapseSpace(text.replace(MARKS, ' ')).replace(TRAILING, '').replace(LEADING, '');

/** The form labels are compared in: lower case, half-width brackets, no spaces. */
export const labelKey = (text: string): string =>
  labelText(text)
    .toLowerCase()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');

/** A lookup from any synonym (in labelKey form) to the name it stands for. */
export function synonymIndex<Name extends string>(synonyms: Readonly<Record<Name, readonly string[]>>): Map<string, Name> {
  const index = new Map<string, Name>();
  for (const [name, words] of Object.entries(synonyms) as [Name, readonly string[]][]) {
    for (const word of words) index.set(labelKey(word), name);
  }
  return index;
}
