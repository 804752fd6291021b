import { afterEach, describe, expect, it, vi } from 'vitest';

import { EXPECTED_PAGES } from '@/test/fixtures/pages/expected';
import { fixtureUrl, loadFixture } from '@/test/fixtures/pages/load';
import { hideExplanation, showExplanation } from '@/components/badge-host';
import { FEATURES } from '@/features';
import { defineFeature, type Feature } from '@/features/feature';
import { inventoryRows } from '@/features/inventory-rows';
import type { InventoryRowReading } from '@/lib/readers/inventory';
import { catalogKeys } from '@/lib/i18n';
import type { PageReading } from '@/lib/records';
import { ruleContext } from '@/lib/rules/context';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { startPageLoop, type LoopEnvironment } from './page-loop';

/** The content script's loop over real fixture pages in happy-dom, with the browser parts faked. */

function showFixture(name: string): void {
  const parsed = loadFixture(name);
  document.documentElement.replaceChildren(document.importNode(parsed.head, true), document.importNode(parsed.body, true));
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(fixtureUrl(name).href);
}

interface Run {
  records: PageReading[];
  errors: [string, unknown][];
  settled(): Promise<void>;
  stop(): void;
}

function run(
  { day = '2026-06-01', features = FEATURES, settings = defaultSettings(), lang = 'zh' as const, recordAfterMs = 0 } = {} as {
    day?: string;
    features?: readonly Feature[];
    settings?: Settings;
    lang?: 'zh' | 'en';
    recordAfterMs?: number;
  },
): Run {
  const records: PageReading[] = [];
  const errors: [string, unknown][] = [];
  const controller = new AbortController();
  const env: LoopEnvironment = {
    doc: document,
    loadSetup: async () => ({ lang, settings, rules: ruleContext(settings, day), glossary: {} }),
    onSetupChange: () => undefined,
    onLocationChange: () => undefined,
    record: (reading) => records.push(reading),
    saveGlossary: async () => undefined,
    now: () => new Date(`${day}T10:00:00`).getTime(),
    log: (id, error) => errors.push([id, error]),
  };
  const loop = startPageLoop(features, env, controller.signal, recordAfterMs);
  return { records, errors, settled: loop.settled, stop: () => controller.abort() };
}

const badges = (kind: string) =>
  [...document.querySelectorAll(`[data-lsm-kind="${kind}"]`)].map((host) => ({
    sku: host.getAttribute('data-lsm-sku'),
    status: host.getAttribute('data-lsm-status'),
  }));

let current: Run | null = null;
afterEach(() => {
  current?.stop();
  current = null;
});

describe('the page loop on fixture pages', () => {
  it.each(['inventory-zh-fusion', 'inventory-en-grid', 'inventory-en-table', 'replenishment-zh'])(
    '%s: one safety and one ITO badge per SKU row, outside and inside the ES Christmas window',
    async (name) => {
      const expected = EXPECTED_PAGES[name]!;
      for (const [day, inWindow] of [['2026-06-01', false], ['2026-12-01', true]] as const) {
        showFixture(name);
        current = run({ day });
        await current.settled();
        expect(badges('safety')).toEqual(
          expected.skus.map((s) => ({ sku: s.figures.sku, status: inWindow ? (s.safetyInChristmasWindow ?? s.safety) : s.safety })),
        );
        expect(badges('ito')).toEqual(expected.skus.map((s) => ({ sku: s.figures.sku, status: s.ito })));
        current.stop();
      }
    },
  );

  it('sends the page reading to history once, not again when nothing changed', async () => {
    showFixture('inventory-zh-fusion');
    current = run();
    await current.settled();
    expect(current.records).toHaveLength(1);
    expect(current.records[0]).toMatchObject({ storeId: '2001', pageKind: 'inventory' });
    expect(current.records[0]!.skus.map((s) => s.sku)).toEqual(EXPECTED_PAGES['inventory-zh-fusion']!.skus.map((s) => s.figures.sku));
    document.querySelector('h1, .page-title')?.append(document.createTextNode(' '));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await current.settled();
    expect(current.records).toHaveLength(1);
  });

  it('sends the reading once the page has had time to draw, or at once when the page goes', async () => {
    showFixture('inventory-zh-fusion');
    let passes = 0;
    const passCounter = defineFeature({ id: 'pass-counter', include: ['inventory'], init: () => () => void (passes += 1) });
    current = run({ recordAfterMs: 300, features: [...FEATURES, passCounter] });
    await vi.waitFor(() => expect(passes).toBe(1));
    expect(badges('safety').length).toBeGreaterThan(0);
    expect(current.records).toHaveLength(0);
    await current.settled();
    expect(current.records).toHaveLength(1);

    // A changed page, and the tab closes before the reading's time has come: it goes now.
    document.querySelector('.next-table-body tr')!.remove();
    await vi.waitFor(() => expect(passes).toBe(2));
    expect(current.records).toHaveLength(1);
    window.dispatchEvent(new Event('pagehide'));
    expect(current.records).toHaveLength(2);
    expect(current.records[1]!.skus).toHaveLength(EXPECTED_PAGES['inventory-zh-fusion']!.skus.length - 1);
    await current.settled();
    expect(current.records).toHaveLength(2);
  });

  it('reads the SKU table again only when the page changed something in it, and then only its changed rows', async () => {
    showFixture('inventory-zh-fusion');
    const passes: InventoryRowReading[][] = [];
    const watcher = defineFeature({ id: 'rows-watcher', include: ['inventory'], init: (page) => () => void passes.push(inventoryRows(page.doc)) });
    current = run({ features: [watcher, ...FEATURES] });
    await current.settled();
    const nextPass = async (change: () => void) => {
      const before = passes.length;
      change();
      await vi.waitFor(() => expect(passes.length).toBeGreaterThan(before));
      await current!.settled();
      return passes.at(-1)!;
    };
    const first = passes.at(-1)!;

    // A change beside the table: the very same readings of the table.
    const title = document.querySelector('.page-title')!;
    const ticked = await nextPass(() => title.append(document.createTextNode(' ')));
    expect(ticked).toHaveLength(first.length);
    ticked.forEach((row, i) => expect(row).toBe(first[i]));

    // One row's stock changed: the table is read again, and of its rows only that one.
    const [row, ...others] = first.filter((reading) => reading.figures);
    const sellable = [...row!.element.children].find((cell) => /件/.test(cell.textContent ?? ''))!;
    const edited = await nextPass(() => (sellable.lastElementChild ?? sellable).replaceChildren('0 件'));
    expect(edited[0]).not.toBe(first[0]);
    expect(edited.find((reading) => reading.element === row!.element)!.figures).toMatchObject({ sku: row!.figures!.sku, sellable: 0 });
    for (const other of others) expect(edited.find((reading) => reading.element === other.element)!.figures).toBe(other.figures);
  });

  it('a feature that throws is logged and the others still badge', async () => {
    showFixture('inventory-en-table');
    const brokenInit = defineFeature({ id: 'broken-init', include: ['inventory'], init: () => { throw new Error('init'); } });
    const brokenPass = defineFeature({ id: 'broken-pass', include: ['inventory'], init: () => () => { throw new Error('pass'); } });
    current = run({ features: [brokenInit, brokenPass, ...FEATURES] });
    await current.settled();
    expect(current.errors.map(([id]) => id).sort()).toEqual(['broken-init', 'broken-pass']);
    expect(badges('safety')).toHaveLength(EXPECTED_PAGES['inventory-en-table']!.skus.length);
  });

  it('draws nothing while the anti-bot gate shows, and everything once it goes', async () => {
    showFixture('inventory-zh-gate');
    current = run();
    await current.settled();
    expect(document.querySelectorAll('[data-lsm-kind]')).toHaveLength(0);
    expect(current.records).toHaveLength(0);
    document.querySelector('.baxia-dialog-mask')!.remove();
    await vi.waitFor(() => expect(badges('safety')).toHaveLength(EXPECTED_PAGES['inventory-zh-gate']!.skus.length));
  });

  it('removes every badge when stopped', async () => {
    showFixture('event-log-en');
    current = run();
    await current.settled();
    expect(document.querySelectorAll('[data-lsm-kind="event-code"]').length).toBe(EXPECTED_PAGES['event-log-en']!.events.length);
    current.stop();
    expect(document.querySelectorAll('[data-lsm-kind]')).toHaveLength(0);
  });

  it('every badge label and explanation is a real message in both languages, with its source', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const name of ['inventory-zh-fusion', 'store-performance-zh', 'logistics-performance-en', 'event-log-zh']) {
        showFixture(name);
        current = run({ lang });
        await current.settled();
        const texts: string[] = [];
        for (const host of document.querySelectorAll<HTMLElement>('[data-lsm-kind]')) {
          showExplanation(host);
          texts.push(host.shadowRoot!.textContent!, host.shadowRoot!.querySelector('button')!.getAttribute('aria-label')!);
          hideExplanation(host, true);
        }
        expect(texts.length).toBeGreaterThan(0);
        expect(texts.join(' ')).toContain(lang === 'zh' ? '来源：' : 'Source:');
        // A missing key would show as the key itself, or with a {placeholder} left in.
        const keys = new Set(catalogKeys(lang));
        for (const text of texts) {
          expect([...keys].some((key) => text.includes(key)), text).toBe(false);
          expect(text, text).not.toMatch(/\{\w+\}/);
        }
        current.stop();
      }
    }
  });
});
