import { describe, expect, it } from 'vitest';

import type { BadgeView } from '@/components/badge-view';
import { BadgeLayer } from './badge-layer';

const view = (status: string, extra: Partial<BadgeView> = {}): BadgeView => ({
  kind: 'safety',
  status,
  sku: 'SKU-1',
  tone: 'good',
  label: status,
  ariaLabel: status,
  explain: () => ({ title: '', facts: [], rule: '', source: '', advice: '' }),
  ...extra,
});

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
    expect(host!.shadowRoot!.querySelector('button')!.className).toContain('tone-warn');
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
    // A zero-length slice creates one badge, then yields: every badge but the last is followed by a yield.
    const layer = new BadgeLayer(document, async () => void yields++, 0);
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
});
