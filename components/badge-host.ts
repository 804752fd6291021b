import { h, render } from 'preact';
import css from './badge.css?inline';
import { Explanation } from './Explanation';
import { TONE_ICON, badgeFace, type BadgeView } from './badge-view';

/**
 * A badge is a light host element carrying the badge contract's data-lsm-* attributes. Its UI, in
 * an open shadow root (a focusable button: icon + label, so colour is never the only signal), is
 * built by renderBadge when the host comes near the viewport (the badge layer watches its anchor).
 * Until then the host is hidden: a page of thousands of rows gets thousands of hosts that cost
 * nothing to lay out (an empty inline element in every row's cell would double the page's own
 * layout of its table), and the few dozen the seller can see, or reach by Tab as the table
 * scrolls, get their buttons. The popover with the explanation is built on first hover or focus
 * only. Page text reaches the DOM only as text: through textContent here and Preact children in
 * the explanation.
 */

interface HostState {
  view: BadgeView;
  /** badgeFace(view), worked out on the first update only (thousands of hosts are never updated). */
  face: string | null;
  /** The UI, once built. */
  button: HTMLButtonElement | null;
  icon: HTMLElement | null;
  label: HTMLElement | null;
  popover: HTMLElement | null;
  pinned: boolean;
}

const hosts = new WeakMap<Element, HostState>();
let nextId = 0;

// One constructed sheet shared by every shadow root; a <style> per root where adopting is refused.
let sharedSheet: CSSStyleSheet | null | undefined;
function adoptStyles(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      // Firefox content scripts may refuse a sheet made in the isolated world.
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

export const isBadgeHost = (node: Node | null): node is HTMLElement =>
  node instanceof Element && hosts.has(node);

// A new host is a copy of a hidden span kept per document, kind and status (a few of each): a
// page of thousands of rows gets its hosts for about a third of what making each one, hiding it
// and writing its attributes costs.
const blankHosts = new WeakMap<Document, Map<BadgeView['kind'], Map<string, HTMLElement>>>();

function blankHost(doc: Document, { kind, status }: BadgeView): HTMLElement {
  let byKind = blankHosts.get(doc);
  if (!byKind) blankHosts.set(doc, (byKind = new Map()));
  let byStatus = byKind.get(kind);
  if (!byStatus) byKind.set(kind, (byStatus = new Map()));
  let blank = byStatus.get(status);
  if (!blank) {
    blank = doc.createElement('span');
    blank.hidden = true;
    blank.setAttribute(CONTRACT_ATTRIBUTE.kind, kind);
    blank.setAttribute(CONTRACT_ATTRIBUTE.status, status);
    byStatus.set(status, blank);
  }
  return blank;
}

export function createBadgeHost(view: BadgeView, doc: Document = document): HTMLElement {
  const host = blankHost(doc, view).cloneNode() as HTMLElement;
  const { criterion, sku, code } = view;
  if (criterion !== undefined) host.setAttribute(CONTRACT_ATTRIBUTE.criterion, criterion);
  if (sku !== undefined) host.setAttribute(CONTRACT_ATTRIBUTE.sku, sku);
  if (code !== undefined) host.setAttribute(CONTRACT_ATTRIBUTE.code, code);
  hosts.set(host, { view, face: null, button: null, icon: null, label: null, popover: null, pinned: false });
  return host;
}

/** Builds the host's UI now (it came near the viewport, or its explanation is asked for): its button in a shadow root. */
export function renderBadge(host: HTMLElement): void {
  const state = hosts.get(host);
  if (!state || state.button) return;
  const doc = host.ownerDocument;
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  const button = doc.createElement('button');
  button.type = 'button';
  const icon = doc.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  label.className = 'label';
  button.append(icon, label);
  root.append(button);
  Object.assign(state, { button, icon, label });
  host.hidden = false;
  drawButton(state);
}

/**
 * Keeps the newest view (its explanation reads the newest figures) and writes to the DOM only when
 * the compact badge looks different; an open explanation is rebuilt.
 */
export function updateBadgeHost(host: HTMLElement, view: BadgeView): void {
  const state = hosts.get(host);
  if (!state || state.view === view) return;
  const before = state.face ?? badgeFace(state.view);
  state.view = view;
  state.face = badgeFace(view);
  if (state.face !== before) {
    for (const name of CONTRACT) setData(host, name, view[name]);
    drawButton(state);
  }
  if (state.popover?.isConnected && isOpen(state.popover)) renderExplanation(state);
}

/** The badge contract's attributes, data-lsm-<name> on the host. */
const CONTRACT = ['kind', 'status', 'criterion', 'sku', 'code'] as const;
const CONTRACT_ATTRIBUTE = Object.fromEntries(CONTRACT.map((name) => [name, `data-lsm-${name}`])) as Record<(typeof CONTRACT)[number], string>;

function drawButton(state: HostState): void {
  const { view } = state;
  if (!state.button) return;
  state.button.className = `badge tone-${view.tone}`;
  state.button.setAttribute('aria-label', view.ariaLabel);
  state.icon!.textContent = TONE_ICON[view.tone];
  state.label!.textContent = view.label;
}

function setData(host: HTMLElement, name: (typeof CONTRACT)[number], value: string | undefined): void {
  const attribute = CONTRACT_ATTRIBUTE[name];
  if (value === undefined) {
    if (host.hasAttribute(attribute)) host.removeAttribute(attribute);
  } else if (host.getAttribute(attribute) !== value) host.setAttribute(attribute, value);
}

const supportsPopover = (el: HTMLElement): boolean => typeof el.showPopover === 'function';
const isOpen = (popover: HTMLElement): boolean =>
  supportsPopover(popover) ? popover.matches(':popover-open') : !popover.hidden;

function renderExplanation(state: HostState): void {
  const popover = state.popover!;
  const headingId = `${popover.id}-title`;
  const model = state.view.explain();
  popover.setAttribute('role', model.glossary ? 'dialog' : 'tooltip');
  popover.setAttribute('aria-labelledby', headingId);
  render(h(Explanation, { model, headingId }), popover);
}

export function showExplanation(host: HTMLElement, pin = false): void {
  const state = hosts.get(host);
  if (!state) return;
  renderBadge(host);
  state.pinned ||= pin;
  if (!state.popover) {
    const popover = host.ownerDocument.createElement('div');
    popover.className = 'explain';
    popover.id = `lsm-explain-${++nextId}`;
    if (supportsPopover(popover)) popover.popover = 'manual';
    else popover.hidden = true;
    host.shadowRoot!.append(popover);
    state.button!.setAttribute('aria-describedby', popover.id);
    state.popover = popover;
  }
  const popover = state.popover;
  renderExplanation(state);
  if (!isOpen(popover)) {
    if (supportsPopover(popover)) popover.showPopover();
    else popover.hidden = false;
  }
  state.button!.setAttribute('aria-expanded', 'true');
  placeBelow(popover, state.button!);
}

export function hideExplanation(host: HTMLElement, evenIfPinned = false): void {
  const state = hosts.get(host);
  if (!state?.popover || (state.pinned && !evenIfPinned)) return;
  state.pinned = false;
  if (isOpen(state.popover)) {
    if (supportsPopover(state.popover)) state.popover.hidePopover();
    else state.popover.hidden = true;
  }
  state.button?.setAttribute('aria-expanded', 'false');
}

export const isPinned = (host: HTMLElement): boolean => hosts.get(host)?.pinned ?? false;

// Layout is read only here, on a seller's hover or focus, never while badging rows. The popover
// goes on the side with more room and scrolls within it: it never covers its own badge.
function placeBelow(popover: HTMLElement, anchor: HTMLElement): void {
  const view = anchor.ownerDocument.defaultView!;
  const gap = 6;
  const margin = 8;
  const a = anchor.getBoundingClientRect();
  const p = popover.getBoundingClientRect();
  const roomBelow = view.innerHeight - a.bottom - gap - margin;
  const roomAbove = a.top - gap - margin;
  const below = p.height <= roomBelow || roomBelow >= roomAbove;
  const height = Math.min(p.height, below ? roomBelow : roomAbove);
  popover.style.maxHeight = `${Math.max(below ? roomBelow : roomAbove, 0)}px`;
  popover.style.left = `${Math.max(margin, Math.min(a.left, view.innerWidth - p.width - margin))}px`;
  popover.style.top = `${below ? a.bottom + gap : a.top - gap - height}px`;
}

const hostOf = (event: Event): HTMLElement | undefined =>
  event.composedPath().find((target): target is HTMLElement => isBadgeHost(target as Node));
const within = (host: HTMLElement, node: EventTarget | null): boolean =>
  node instanceof Node && (node === host || host.contains(node) || host.shadowRoot!.contains(node));

/**
 * One set of listeners for every badge on the page (delegation, in the capture phase so the page
 * cannot swallow them): hover or focus opens the explanation, click pins it so the seller can
 * type in it, Escape or leaving closes it.
 */
export function listenForBadgeInteractions(doc: Document, signal: AbortSignal): void {
  const options = { capture: true, signal };
  const hideLater = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
  const cancelHide = (host: HTMLElement) => clearTimeout(hideLater.get(host));

  doc.addEventListener('pointerover', (event) => {
    const host = hostOf(event);
    if (!host) return;
    cancelHide(host);
    showExplanation(host);
  }, options);
  doc.addEventListener('pointerout', (event) => {
    const host = hostOf(event);
    if (!host || within(host, event.relatedTarget)) return;
    hideLater.set(host, setTimeout(() => hideExplanation(host), 200));
  }, options);
  doc.addEventListener('focusin', (event) => {
    const host = hostOf(event);
    if (host) showExplanation(host);
  }, options);
  doc.addEventListener('focusout', (event) => {
    const host = hostOf(event);
    if (host && !within(host, event.relatedTarget)) hideExplanation(host);
  }, options);
  doc.addEventListener('click', (event) => {
    const host = hostOf(event);
    const button = host && hosts.get(host)?.button;
    const origin = event.composedPath()[0];
    if (!host || !button || !(origin instanceof Node) || !button.contains(origin)) return;
    if (isPinned(host)) hideExplanation(host, true);
    else showExplanation(host, true);
  }, options);
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const host = hostOf(event);
    if (!host) return;
    hideExplanation(host, true);
    hosts.get(host)?.button?.focus();
  }, options);
}
