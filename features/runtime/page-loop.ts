import { isBadgeHost, listenForBadgeInteractions } from '@/components/badge-host';
import { detectAntiBotGate, detectPageKinds, storeIdFromUrl } from '@/lib/pages/detect';
import type { PageKind, PageReading } from '@/lib/records';
import { dayOf } from '@/lib/rules/day';
import type { Feature, FeaturePage, FeaturePass } from '../feature';
import { BadgeLayer } from './badge-layer';

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

/** While the page mutates non-stop, passes start at most this often. */
const MIN_PASS_GAP_MS = 100;

export function startPageLoop(features: readonly Feature[], env: LoopEnvironment, signal: AbortSignal): { settled(): Promise<void> } {
  const { doc } = env;
  const view = doc.defaultView!;
  const layer = new BadgeLayer(doc);
  let setup: PassSetup | null = null;
  let page: { controller: AbortController; key: string; passes: { id: string; run: (pass: FeaturePass) => void }[] } | null = null;
  let scheduled = false;
  let running: Promise<void> | null = null;
  let again = false;
  let lastPassAt = -Infinity;

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
      record: (reading) => env.record({ ...reading, readAt: env.now() }),
      saveGlossary: async (code, meaning) => {
        await env.saveGlossary(code, meaning);
        setup = null;
        schedule();
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
    const kinds = new Set(detectPageKinds(doc, url));
    const key = `${url.href}|${[...kinds].sort().join()}`;
    if (page?.key !== key) {
      endPage();
      page = startPage(url, kinds, key);
    }
    const current = page;
    const context: FeaturePass = { ...setup, place: (anchor, badge) => layer.place(anchor, badge) };
    for (const { id, run } of current.passes) {
      try {
        run(context);
      } catch (error) {
        env.log(id, error);
      }
    }
    await layer.endPass(current.controller.signal);
  }

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
  const isOurs = (record: MutationRecord) =>
    record.type === 'childList' &&
    [...record.addedNodes, ...record.removedNodes].every((node) => isBadgeHost(node));
  const observer = new view.MutationObserver((records) => {
    if (records.some((record) => !isOurs(record))) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

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
    /** Resolves when no pass is pending: for tests and the benchmark. */
    async settled() {
      while (scheduled || running) await (running ?? new Promise((resolve) => view.setTimeout(resolve, 5)));
    },
  };
}
