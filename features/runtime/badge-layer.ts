import { createBadgeHost, updateBadgeHost } from '@/components/badge-host';
import type { BadgeView } from '@/components/badge-view';

/**
 * Every badge the extension puts on a page goes through one layer, which keeps the badge contract
 * "one badge of each kind per row or figure, however often the page re-renders":
 * - a pass places badges by (anchor, kind, criterion, code): an existing one is reused (the host
 *   writes to the DOM only when its face changed);
 * - new badges are created in time slices, so no task blocks the page for long;
 * - at the end of a pass every badge nobody placed again is removed (its row or figure is gone).
 */

/** How long one slice of badge creation may hold the page's main thread. */
const SLICE_MS = 8;

const keyOf = (view: BadgeView): string => `${view.kind}|${view.criterion ?? ''}|${view.code ?? ''}`;

export class BadgeLayer {
  private byAnchor = new WeakMap<Element, Map<string, HTMLElement>>();
  private live = new Map<HTMLElement, { anchor: Element; key: string }>();
  private touched = new Set<HTMLElement>();
  private pending: { anchor: Element; view: BadgeView }[] = [];

  constructor(
    private readonly doc: Document,
    private readonly yieldToPage: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Hosts on the page now, for tests and the benchmark. */
  get size(): number {
    return this.live.size;
  }

  place(anchor: Element, view: BadgeView): void {
    const key = keyOf(view);
    const host = this.byAnchor.get(anchor)?.get(key);
    // A page re-render may have thrown our host out of the anchor: then it is made anew.
    if (host && host.parentNode === anchor) {
      this.touched.add(host);
      updateBadgeHost(host, view);
      return;
    }
    this.pending.push({ anchor, view });
  }

  /** Creates what the pass placed anew, then sweeps what it did not place. */
  async endPass(signal: AbortSignal): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    let next = 0;
    while (next < pending.length) {
      if (signal.aborted) return;
      const sliceEnd = performance.now() + this.sliceMs;
      do {
        const { anchor, view } = pending[next++]!;
        if (anchor.isConnected) this.create(anchor, view);
      } while (next < pending.length && performance.now() < sliceEnd);
      if (next < pending.length) await this.yieldToPage();
    }
    for (const [host, { anchor, key }] of this.live) {
      if (this.touched.has(host)) continue;
      host.remove();
      this.live.delete(host);
      this.byAnchor.get(anchor)?.delete(key);
    }
    this.touched.clear();
  }

  /** Removes every badge: the page changed route, the anti-bot gate is up, or the script stops. */
  clear(): void {
    for (const host of this.live.keys()) host.remove();
    this.live.clear();
    this.byAnchor = new WeakMap();
    this.pending = [];
    this.touched.clear();
  }

  private create(anchor: Element, view: BadgeView): void {
    const key = keyOf(view);
    const old = this.byAnchor.get(anchor)?.get(key);
    if (old) {
      old.remove();
      this.live.delete(old);
    }
    const host = createBadgeHost(view, this.doc);
    anchor.append(host);
    let slots = this.byAnchor.get(anchor);
    if (!slots) this.byAnchor.set(anchor, (slots = new Map()));
    slots.set(key, host);
    this.live.set(host, { anchor, key });
    this.touched.add(host);
  }
}
