import { isBadgeHost, listenForBadgeInteractions } from '@/components/badge-host';
import { detectAntiBotGate, detectPageKinds, storeIdFromUrl } from '@/lib/pages/detect';
import { readingParts } from '@/lib/content-messages';
import { KeptReadings, readingOnce } from '@/lib/readers/once';
import type { PageKind, PageReading } from '@/lib/records';
import { dayOf } from '@/lib/rules/day';
import type { Feature, FeaturePage, FeaturePass } from '../feature';
import { BadgeLayer } from './badge-layer';
import { RECORD_AFTER_MS, RECORD_WITHIN_MS } from './history-timing';

/**
 * The content script's one loop: one MutationObserver for the page, passes batched to an animation
 * frame (and spaced out while the page floods us with mutations), features isolated from each
 * other, everything torn down through AbortSignals. While the anti-bot gate shows, nothing is drawn.
 */

export type PassSetup = Omit<FeaturePass, 'place'>;

export interface LoopEnvironment {
  doc: Document;
  /** Settings, rules and glossary in force now; re-read when they change. */
  loadSetup(): Promise<PassSetup>;
  onSetupChange(listener: () => void, signal: AbortSignal): void;
  onLocationChange(listener: () => void, signal: AbortSignal): void;
  record(reading: PageReading): void;
  saveGlossary(code: string, meaning: string): Promise<void>;
  now(): number;
  log(featureId: string, error: unknown): void;
}

/** SKUs in one reading/save message: checking and sending 1,000 is a task of some 10-30 ms on two cores. */
const SKUS_PER_MESSAGE = 1000;

/** While the page mutates non-stop, passes start at most this often. */
const MIN_PASS_GAP_MS = 100;

export function startPageLoop(
  features: readonly Feature[],
  env: LoopEnvironment,
  signal: AbortSignal,
  recordAfterMs = RECORD_AFTER_MS,
): { settled(): Promise<void> } {
  const { doc } = env;
  const view = doc.defaultView!;
  const layer = new BadgeLayer(doc);
  // Tables the page has not changed since the last pass are not read again: the observer says what changed.
  const kept = new KeptReadings();
  let setup: PassSetup | null = null;
  let page: { controller: AbortController; key: string; passes: { id: string; run: (pass: FeaturePass) => void }[] } | null = null;
  let scheduled = false;
  let running: Promise<void> | null = null;
  let again = false;
  let lastPassAt = -Infinity;
  const readings: PageReading[] = [];
  /** The reading being sent, in parts: cut when its first part goes, not while the page waits for its badges. */
  let parts: PageReading[] = [];
  let recordSoon = false;
  let recordTimer: number | null = null;

  listenForBadgeInteractions(doc, signal);

  const endPage = () => {
    page?.controller.abort();
    page = null;
    layer.clear();
  };

  const startPage = (url: URL, kinds: ReadonlySet<PageKind>, key: string): NonNullable<typeof page> => {
    const controller = new AbortController();
    const context: FeaturePage = {
      doc,
      url,
      storeId: storeIdFromUrl(url),
      kinds,
      signal: controller.signal,
      // Sent once the pass has put its badges on the page: the badges first, the history after.
      record: (reading) => void readings.push({ ...reading, readAt: env.now() }),
      saveGlossary: async (code, meaning) => {
        await env.saveGlossary(code, meaning);
        setup = null;
        schedule();
      },
      passAfter: (ms) => {
        // A timer may fire a little early: the pass comes no earlier than asked.
        const due = performance.now() + ms;
        const wake = () => {
          const left = due - performance.now();
          if (left > 0) timer = view.setTimeout(wake, left);
          else schedule();
        };
        let timer = view.setTimeout(wake, ms);
        controller.signal.addEventListener('abort', () => view.clearTimeout(timer));
      },
    };
    const passes: NonNullable<typeof page>['passes'] = [];
    for (const feature of features) {
      if (!feature.include.some((kind) => kinds.has(kind))) continue;
      try {
        passes.push({ id: feature.id, run: feature.init(context) });
      } catch (error) {
        env.log(feature.id, error);
      }
    }
    return { controller, key, passes };
  };

  async function pass(): Promise<void> {
    lastPassAt = env.now();
    if (detectAntiBotGate(doc)) {
      endPage();
      return;
    }
    // Rules judge by today's date: a page left open past midnight reloads its setup.
    if (setup && setup.rules.day !== dayOf(new Date(env.now()))) setup = null;
    setup ??= await env.loadSetup();
    if (signal.aborted) return;
    // Page kinds are known from what the page shows, which may arrive after the route or change
    // with a tab inside it: a new route or a new set of kinds is a new page.
    const url = new URL(view.location.href);
    const context: FeaturePass = { ...setup, place: (anchor, badge) => layer.place(anchor, badge) };
    // Detection and every feature read the page once between them: tables, figures, codes.
    const current = readingOnce(() => {
      const kinds = new Set(detectPageKinds(doc, url));
      const key = `${url.href}|${[...kinds].sort().join()}`;
      if (page?.key !== key) {
        endPage();
        page = startPage(url, kinds, key);
      }
      for (const { id, run } of page.passes) {
        try {
          run(context);
        } catch (error) {
          env.log(id, error);
        }
      }
      return page;
    }, kept);
    await layer.endPass(current.controller.signal);
    if (readings.length > 0 && !recordSoon && recordTimer === null) {
      recordTimer = view.setTimeout(() => {
        recordTimer = null;
        recordWhenIdle();
      }, recordAfterMs);
    }
  }

  /** History when the page is idle, one part of a big reading per idle slice: each a short task. */
  function recordWhenIdle(): void {
    recordSoon = true;
    const record = () => {
      recordSoon = false;
      if (parts.length === 0 && readings.length > 0) parts = readingParts(readings.shift()!, SKUS_PER_MESSAGE);
      const part = parts.shift();
      if (part) env.record(part);
      if (parts.length > 0 || readings.length > 0) recordWhenIdle();
    };
    if (view.requestIdleCallback) view.requestIdleCallback(record, { timeout: RECORD_WITHIN_MS });
    else view.setTimeout(record, 0);
  }

  /** The tab closes or leaves the page: what is still waiting goes now, or never. */
  function recordNow(): void {
    if (recordTimer !== null) view.clearTimeout(recordTimer);
    recordTimer = null;
    for (const part of parts) env.record(part);
    parts = [];
    for (const reading of readings.splice(0)) for (const part of readingParts(reading, SKUS_PER_MESSAGE)) env.record(part);
  }
  view.addEventListener('pagehide', recordNow, { signal });

  function schedule(): void {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    const wait = Math.max(0, lastPassAt + MIN_PASS_GAP_MS - env.now());
    const start = () => {
      scheduled = false;
      if (signal.aborted) return;
      running = pass()
        .catch((error) => env.log('page-loop', error))
        .finally(() => {
          running = null;
          if (again) {
            again = false;
            schedule();
          }
        });
    };
    // Hidden tabs get no animation frames; a timer still lets them catch up.
    const nextFrame = () => (doc.hidden ? view.setTimeout(start, 0) : view.requestAnimationFrame(start));
    if (wait > 0) view.setTimeout(nextFrame, wait);
    else nextFrame();
  }

  // Our own badges coming and going must not wake the loop.
  const isOurs = (record: MutationRecord) => {
    if (record.type !== 'childList') return false;
    for (const node of record.addedNodes) if (!isBadgeHost(node)) return false;
    for (const node of record.removedNodes) if (!isBadgeHost(node)) return false;
    return true;
  };
  const noticeChanges = (records: MutationRecord[]) => {
    let changed = false;
    for (const record of records) {
      if (isOurs(record)) continue;
      kept.change(record.target, record.addedNodes);
      changed = true;
    }
    if (changed) schedule();
  };
  const observer = new view.MutationObserver(noticeChanges);
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  // The layer's slices are ours alone (no page script runs inside one): the observer is off
  // while they write, so that thousands of new hosts make no records at all.
  layer.writeQuietly = (write) => {
    noticeChanges(observer.takeRecords());
    observer.disconnect();
    try {
      write();
    } finally {
      if (!signal.aborted) observe();
    }
  };
  observe();

  env.onSetupChange(() => {
    setup = null;
    schedule();
  }, signal);
  env.onLocationChange(() => {
    endPage();
    schedule();
  }, signal);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    endPage();
  });

  schedule();
  return {
    /** Resolves when no pass and no reading for history is pending: for tests and the benchmark. */
    async settled() {
      while (scheduled || running || recordSoon || recordTimer !== null) await (running ?? new Promise((resolve) => view.setTimeout(resolve, 5)));
    },
  };
}
