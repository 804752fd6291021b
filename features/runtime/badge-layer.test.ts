import { describe, expect, it } from 'vitest';

import { renderBadge } from '@/components/badge-host';
import { badgeView as view } from '@/test/fixtures/badges';
import { BadgeLayer } from './badge-layer';

const signal = new AbortController().signal;
const immediately = () => Promise.resolve();

function cell(): HTMLElement {
  const td = document.createElement('div');
  td.textContent = 'SKU-1';
  document.body.append(td);
  return td;
}

describe('BadgeLayer', () => {
  it('places one badge per anchor and kind however often a pass places it', async () => {
    const anchor = cell();
    const layer = new BadgeLayer(document, immediately);
    for (let pass = 0; pass < 3; pass++) {
      layer.place(anchor, view('ok'));
      layer.place(anchor, view('ok'));
      await layer.endPass(signal);
    }
    expect(anchor.querySelectorAll('[data-lsm-kind="safety"]')).toHaveLength(1);
    expect(anchor.firstChild!.textContent).toBe('SKU-1');
  });

  it('keeps the later of two badges of one kind placed on a new anchor in the same pass', async () => {
    const anchor = cell();
    const layer = new BadgeLayer(document, immediately);
    layer.place(anchor, view('ok'));
    layer.place(anchor, view('low', { tone: 'warn' }));
    await layer.endPass(signal);
    const hosts = anchor.querySelectorAll('[data-lsm-kind="safety"]');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.getAttribute('data-lsm-status')).toBe('low');
    expect(layer.size).toBe(1);
  });

  it('updates the same host in place when the verdict changes', async () => {
    const anchor = cell();
    const layer = new BadgeLayer(document, immediately);
    layer.place(anchor, view('ok'));
    await layer.endPass(signal);
    const host = anchor.querySelector('[data-lsm-kind]');
    layer.place(anchor, view('low', { tone: 'warn' }));
    await layer.endPass(signal);
    expect(anchor.querySelector('[data-lsm-kind]')).toBe(host);
    expect(host!.getAttribute('data-lsm-status')).toBe('low');
    // Its UI is built when it comes near the viewport (happy-dom has no layout: by hand here).
    renderBadge(host as HTMLElement);
    expect(host!.shadowRoot!.querySelector('button')!.className).toContain('tone-warn');
    layer.place(anchor, view('out', { tone: 'bad' }));
    await layer.endPass(signal);
    expect(host!.shadowRoot!.querySelector('button')!.className).toContain('tone-bad');
  });

  it('keeps different kinds and criteria apart, and sweeps what a pass no longer places', async () => {
    const anchor = cell();
    const layer = new BadgeLayer(document, immediately);
    layer.place(anchor, view('ok'));
    layer.place(anchor, view('normal', { kind: 'ito' }));
    await layer.endPass(signal);
    expect(layer.size).toBe(2);
    layer.place(anchor, view('normal', { kind: 'ito' }));
    await layer.endPass(signal);
    expect([...anchor.querySelectorAll('[data-lsm-kind]')].map((h) => h.getAttribute('data-lsm-kind'))).toEqual(['ito']);
    expect(layer.size).toBe(1);
  });

  it('makes a badge anew when the page threw ours out of its cell', async () => {
    const anchor = cell();
    const layer = new BadgeLayer(document, immediately);
    layer.place(anchor, view('ok'));
    await layer.endPass(signal);
    anchor.textContent = 'SKU-1';
    layer.place(anchor, view('ok'));
    await layer.endPass(signal);
    expect(anchor.querySelectorAll('[data-lsm-kind]')).toHaveLength(1);
    expect(layer.size).toBe(1);
  });

  it('creates badges in slices, yielding to the page between them', async () => {
    let yields = 0;
    // A slice of one badge: every badge but the last is followed by a yield.
    const layer = new BadgeLayer(document, async () => void yields++, 1);
    const anchors = Array.from({ length: 50 }, cell);
    for (const [i, anchor] of anchors.entries()) layer.place(anchor, view('ok', { sku: `SKU-${i}` }));
    await layer.endPass(signal);
    expect(layer.size).toBe(50);
    expect(yields).toBe(49);
  });

  it('clear removes every badge', async () => {
    const anchor = cell();
    const layer = new BadgeLayer(document, immediately);
    layer.place(anchor, view('ok'));
    await layer.endPass(signal);
    layer.clear();
    expect(anchor.querySelectorAll('[data-lsm-kind]')).toHaveLength(0);
    expect(layer.size).toBe(0);
  });

  it('builds the UI of the first anchors of every pass at once, and of a run of neighbours (in the page order) when one comes near the viewport', async () => {
    const observed = new Set<Element>();
    let calls = 0;
    let report: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
    class FakeObserver {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe(target: Element) {
        calls += 1;
        observed.add(target);
      }
      unobserve(target: Element) {
        observed.delete(target);
      }
      disconnect() {}
    }
    const real = window.IntersectionObserver;
    Object.assign(window, { IntersectionObserver: FakeObserver });
    try {
      const layer = new BadgeLayer(document, immediately);
      const anchors = Array.from({ length: 200 }, cell);
      const pass = async (order: HTMLElement[]) => {
        for (const kind of ['safety', 'ito'] as const) {
          for (const anchor of order) layer.place(anchor, view('ok', { kind, sku: `SKU-${anchors.indexOf(anchor)}` }));
        }
        await layer.endPass(signal);
      };
      await pass(anchors);
      const built = (anchor: Element) => [...anchor.querySelectorAll('[data-lsm-kind]')].map((host) => host.shadowRoot !== null).join();
      const builtOnes = () => anchors.filter((anchor) => built(anchor) === 'true,true');
      const at = (...indexes: number[]) => new Set(indexes.map((index) => anchors[index]!));
      const every4 = (from: number, to: number) => Array.from({ length: Math.ceil((to - from) / 4) }, (_, i) => from + 4 * i);
      // Both badges of the first 48 anchors, though the ITO ones come after every safety one; of
      // the others, one in four is watched.
      expect(builtOnes()).toEqual(anchors.slice(0, 48));
      expect(anchors.slice(48).every((anchor) => built(anchor) === 'false,false')).toBe(true);
      expect(observed).toEqual(at(...every4(48, 200)));

      report!([{ target: anchors[120]!, isIntersecting: true }, { target: anchors[196]!, isIntersecting: false }]);
      expect(builtOnes()).toEqual([...anchors.slice(0, 48), ...anchors.slice(72, 169)]);
      // The run ended inside the group of 168..171: its first anchor without UI is watched now.
      expect(observed).toEqual(at(...every4(48, 72), 169, ...every4(172, 200)));

      // The page moves its last 50 rows to the top (a sort): the first 48 of the new order get
      // their UI in the pass, before the page lays them out; neighbours are those of the new order.
      await pass([...anchors.slice(150), ...anchors.slice(0, 150)]);
      expect(builtOnes()).toEqual([...anchors.slice(0, 48), ...anchors.slice(72, 198)]);
      // Watched: the first anchor without UI of each group of four places in the new order.
      expect(observed).toEqual(at(198, 48, 50, 54, 58, 62, 66, 70));
      report!([{ target: anchors[20]!, isIntersecting: true }]);
      expect(builtOnes()).toEqual([...anchors.slice(0, 69), ...anchors.slice(72)]);
      expect(observed).toEqual(at(69, 70));

      // A pass in the same order with nothing new (a tick) leaves the observer as it is.
      const callsBefore = calls;
      await pass([...anchors.slice(150), ...anchors.slice(0, 150)]);
      expect(observed).toEqual(at(69, 70));
      expect(calls).toBe(callsBefore);
    } finally {
      Object.assign(window, { IntersectionObserver: real });
    }
  });
});
