import { createBadgeHost, renderBadge, updateBadgeHost } from '@/components/badge-host';
import type { BadgeView } from '@/components/badge-view';

/**
 * Every badge the extension puts on a page goes through one layer, which keeps the badge contract
 * "one badge of each kind per row or figure, however often the page re-renders":
 * - a pass places badges by (anchor, kind, criterion, code): an existing one is reused (the host
 *   writes to the DOM only when its face changed, and not at all for the same view);
 * - new badges are light hosts (a few microseconds each), added in slices of SLICE_HOSTS: every
 *   slice makes the page lay its whole table out again, which on a table of thousands of rows
 *   costs far more than the slice itself (seconds for 10,000 rows on two cores, against some
 *   100 ms for their 20,000 hosts), so a page of up to 10,000 rows gets its badges in one slice,
 *   in the frame that draws its rows;
 * - a host gets its UI (renderBadge) when its anchor comes near the viewport: one observer for
 *   the page, watching anchors; the hosts of the first anchors of every pass (in the page's
 *   order) get theirs at once, as the top of a freshly drawn or sorted table is what shows first,
 *   and the page lays it out once with them;
 * - UI is drawn for a run of neighbouring anchors at a time, in the order the last pass placed
 *   them (the page's order): each drawing makes the page lay out and paint its whole table again
 *   (on 2,000 rows some 40 ms a frame, measured while scrolling), so scrolling meets one such
 *   frame every DRAW_RUN rows, not one every frame;
 * - at the end of a pass every badge nobody placed again is removed (its row or figure is gone).
 */

/** Hosts added in one slice, before the page gets a frame: the biggest page's table (two badges a row). */
const SLICE_HOSTS = 20_000;
/**
 * Anchors whose hosts get their UI together: the first of a pass, and those on either side of an
 * anchor that comes near the viewport. A few screenfuls of rows, some 10 ms of drawing.
 */
const DRAW_RUN = 48;
/**
 * How far outside the viewport, and outside a scrolling table body (where the browser knows
 * scrollMargin), an anchor's hosts get their UI before they show: Tab from one badge to the next
 * scrolls the table, and the rows ahead are ready.
 */
const NEAR = '200px 0px';
/**
 * The observer watches one anchor in WATCH_EVERY of the page's order (the first one in each group
 * of that many whose hosts have no UI yet): any one coming near draws the run around it, and the
 * browser works out a quarter of the intersections (2,000 rows: 6.5 -> 2.1 ms in the frame that
 * draws them, Chrome trace; and less in every frame of a scroll). Rows without UI always have a
 * watched anchor among their next few neighbours, near as long as rows are not a few hundred px tall.
 */
const WATCH_EVERY = 4;

/** A badge's key: its kind alone when that is all it has (a SKU row's badges: no string made for each of thousands). */
const keyOf = (view: BadgeView): string =>
  view.criterion === undefined && view.code === undefined ? view.kind : `${view.kind}|${view.criterion ?? ''}|${view.code ?? ''}`;

/** The anchor's badge of that key, if it has one (a handful of slots at most; by index: a for-of makes objects in code run once). */
function slotWithKey(slots: readonly Slot[] | undefined, key: string): Slot | undefined {
  if (slots) for (let i = 0; i < slots.length; i += 1) if (slots[i]!.key === key) return slots[i];
  return undefined;
}

/** One badge of an anchor: its key (kind, criterion, code) and host, the last pass that placed it, and whether its host is yet to go in. */
interface Slot {
  anchor: Element;
  key: string;
  host: HTMLElement;
  placedIn: number;
  fresh: boolean;
}

/** The hosts insertFresh puts in one anchor: one list, used again for every anchor. */
const freshHosts: HTMLElement[] = [];

export class BadgeLayer {
  /** An anchor's badges: a handful at most, looked through in order (an array, not a map per row). */
  private slotsOf = new WeakMap<Element, Slot[]>();
  private live = new Map<HTMLElement, Slot>();
  /** This pass's number, and how many live badges it placed: fewer than live ones means some to sweep. */
  private passNumber = 0;
  private placed = 0;
  /** Badges placed anew this pass, in three parallel lists (a table's thousands of them make no object each). */
  private pending = { anchors: [] as Element[], views: [] as BadgeView[], keys: [] as string[] };
  /** Anchors in the order the last pass placed them, and each one's place in it (valid while order[at] is the anchor). */
  private order: Element[] = [];
  private nextOrder: Element[] = [];
  private orderOf = new WeakMap<Element, number>();
  private near: IntersectionObserver | null | undefined;
  /** Anchors whose hosts all have their UI. */
  private drawn = new WeakSet<Element>();
  /** The anchors the observer watches (WATCH_EVERY). */
  private watched = new Set<Element>();
  /**
   * Runs the layer's own DOM writes (thousands of hosts in a slice): the page loop wraps them so
   * that its observer does not take them for the page's, without looking at each record.
   */
  writeQuietly: (write: () => void) => void = (write) => write();

  constructor(
    private readonly doc: Document,
    private readonly yieldToPage: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
    private readonly sliceHosts = SLICE_HOSTS,
  ) {}

  /** Hosts on the page now, for tests and the benchmark. */
  get size(): number {
    return this.live.size;
  }

  place(anchor: Element, view: BadgeView): void {
    const at = this.orderOf.get(anchor);
    if (at === undefined || this.nextOrder[at] !== anchor) {
      this.orderOf.set(anchor, this.nextOrder.length);
      this.nextOrder.push(anchor);
    }
    const key = keyOf(view);
    const slot = slotWithKey(this.slotsOf.get(anchor), key);
    // A page re-render may have thrown our host out of the anchor: then it is made anew.
    if (slot && slot.host.parentNode === anchor) {
      this.markPlaced(slot);
      updateBadgeHost(slot.host, view);
      return;
    }
    this.pending.anchors.push(anchor);
    this.pending.views.push(view);
    this.pending.keys.push(key);
  }

  /** Creates what the pass placed anew, then sweeps what it did not place. */
  async endPass(signal: AbortSignal): Promise<void> {
    const { anchors, views, keys } = this.pending;
    this.pending = { anchors: [], views: [], keys: [] };
    const orderBefore = this.order;
    this.order = this.nextOrder;
    this.nextOrder = [];
    // The first anchors in the page's order get their UI before the page lays the table out again:
    // after a first render, a sort or a re-render the top of the table is what shows first. Drawn
    // later (when the observer sees them), they would cost the page a second layout of every row.
    const eager = new Set(this.order.slice(0, DRAW_RUN));
    for (const anchor of eager) this.draw(anchor);
    let next = 0;
    // The pass read its anchors in this very task: only after giving the page a turn may one be gone.
    let yielded = false;
    while (next < anchors.length) {
      if (signal.aborted) return;
      const sliceEnd = Math.min(next + this.sliceHosts, anchors.length);
      this.writeQuietly(() => {
        for (let at = next; at < sliceEnd; at += 1) {
          const anchor = anchors[at]!;
          if (!yielded || anchor.isConnected) this.create(anchor, views[at]!, keys[at]!);
        }
        // An anchor's new hosts go in together: one change to the page per row, not one per badge.
        for (let at = next; at < sliceEnd; at += 1) this.insertFresh(anchors[at]!, eager);
        next = sliceEnd;
      });
      if (next < anchors.length) {
        await this.yieldToPage();
        yielded = true;
      }
    }
    // A pass that placed every badge again (a first pass, a sort, a tick) has nothing to sweep:
    // no walk over thousands of hosts.
    if (this.placed < this.live.size) this.sweep();
    // A tick leaves the order and every host as they were: the same anchors stay watched.
    if (anchors.length > 0 || !sameOrder(orderBefore, this.order)) this.watchAnchors();
    this.passNumber += 1;
    this.placed = 0;
  }

  /** Watches the first anchor without UI in each group of WATCH_EVERY of the order, and no other. */
  private watchAnchors(): void {
    const near = this.nearObserver();
    if (!near) return;
    const watch = new Set<Element>();
    for (let group = 0; group < this.order.length; group += WATCH_EVERY) {
      const end = Math.min(group + WATCH_EVERY, this.order.length);
      for (let at = group; at < end; at += 1) {
        const anchor = this.order[at]!;
        if (this.drawn.has(anchor)) continue;
        watch.add(anchor);
        break;
      }
    }
    for (const anchor of this.watched) if (!watch.has(anchor)) near.unobserve(anchor);
    for (const anchor of watch) if (!this.watched.has(anchor)) near.observe(anchor);
    this.watched = watch;
  }

  /** Removes the badges this pass did not place. */
  private sweep(): void {
    this.writeQuietly(() => {
      for (const [host, slot] of this.live) {
        if (slot.placedIn === this.passNumber) continue;
        host.remove();
        this.live.delete(host);
        const slots = this.slotsOf.get(slot.anchor)?.filter((each) => each !== slot) ?? [];
        if (slots.length > 0) this.slotsOf.set(slot.anchor, slots);
        else {
          this.slotsOf.delete(slot.anchor);
          this.unwatch(slot.anchor);
        }
      }
    });
  }

  /** Removes every badge: the page changed route, the anti-bot gate is up, or the script stops. */
  clear(): void {
    for (const host of this.live.keys()) host.remove();
    this.live.clear();
    this.slotsOf = new WeakMap();
    this.pending = { anchors: [], views: [], keys: [] };
    this.order = [];
    this.nextOrder = [];
    this.passNumber += 1;
    this.placed = 0;
    this.drawn = new WeakSet();
    this.watched.clear();
    this.near?.disconnect();
  }

  private markPlaced(slot: Slot): void {
    if (slot.placedIn === this.passNumber) return;
    slot.placedIn = this.passNumber;
    this.placed += 1;
  }

  /** A host for the anchor, registered as fresh: insertFresh puts it in the anchor and sees to its UI. */
  private create(anchor: Element, view: BadgeView, key: string): void {
    const slots = this.slotsOf.get(anchor);
    const host = createBadgeHost(view, this.doc);
    const slot: Slot = { anchor, key, host, placedIn: -1, fresh: true };
    const old = slotWithKey(slots, key);
    // A list of just its slots (concat, not push: a push leaves room for 16 more in each of thousands).
    if (!slots) this.slotsOf.set(anchor, [slot]);
    else if (!old) this.slotsOf.set(anchor, slots.concat(slot));
    else {
      old.host.remove();
      this.live.delete(old.host);
      // Placed hosts stay counted among live ones only: the sweep is skipped by counting them.
      if (old.placedIn === this.passNumber) this.placed -= 1;
      slots[slots.indexOf(old)] = slot;
    }
    this.live.set(host, slot);
    this.markPlaced(slot);
  }

  /** Puts the anchor's fresh hosts in it, in one change, and draws their UI now if the anchor is one drawn at once. */
  private insertFresh(anchor: Element, eager: ReadonlySet<Element>): void {
    const slots = this.slotsOf.get(anchor);
    if (!slots) return;
    const fresh = freshHosts;
    fresh.length = 0;
    for (let i = 0; i < slots.length; i += 1) {
      const slot = slots[i]!;
      if (!slot.fresh) continue;
      slot.fresh = false;
      fresh.push(slot.host);
    }
    if (fresh.length === 0) return;
    // Spelled out for the usual one or two: a spread makes an array for each of thousands of rows.
    if (fresh.length === 1) anchor.append(fresh[0]!);
    else if (fresh.length === 2) anchor.append(fresh[0]!, fresh[1]!);
    else anchor.append(...fresh);
    if (eager.has(anchor) || !this.nearObserver()) for (const host of fresh) renderBadge(host);
    else this.drawn.delete(anchor);
  }

  /** One observer for the page: an anchor that comes near the viewport gets its hosts' UI, and so do its neighbours. */
  private nearObserver(): IntersectionObserver | null {
    if (this.near === undefined) {
      const Observer = this.doc.defaultView?.IntersectionObserver;
      this.near = Observer
        ? new Observer(
            (entries) => {
              let drew = false;
              for (const entry of entries) {
                if (!entry.isIntersecting) continue;
                drew = true;
                const at = this.orderOf.get(entry.target);
                if (at === undefined || this.order[at] !== entry.target) this.draw(entry.target);
                else for (const anchor of this.order.slice(Math.max(0, at - DRAW_RUN), at + DRAW_RUN + 1)) this.draw(anchor);
              }
              // A run may end inside a group: the rest of that group gets an anchor watched.
              if (drew) this.watchAnchors();
            },
            { rootMargin: NEAR, scrollMargin: NEAR } as IntersectionObserverInit,
          )
        : null;
    }
    return this.near;
  }

  /** The UI of an anchor's hosts (those it has already are left as they are). */
  private draw(anchor: Element): void {
    this.unwatch(anchor);
    this.drawn.add(anchor);
    for (const { host } of this.slotsOf.get(anchor) ?? []) renderBadge(host);
  }

  private unwatch(anchor: Element): void {
    if (this.watched.delete(anchor)) this.near?.unobserve(anchor);
  }
}

const sameOrder = (a: readonly Element[], b: readonly Element[]) => a.length === b.length && a.every((anchor, i) => anchor === b[i]);
