/**
 * The content script on generated inventory pages (bench/pages/inventory-generated.html), in real
 * Chromium: each measurement is taken on the Seller Center host (the extension runs) and on
 * shop.example.test (the same page, the extension does not run there), in alternating order.
 *
 * Renderer figures come from the Chrome DevTools Protocol for the page's own target:
 * `Performance.getMetrics` (TaskDuration: main-thread task time, all worlds; Nodes) and, after a
 * forced garbage collection, `Runtime.getHeapUsage` (the page's whole V8 heap, isolated worlds
 * included). Badge times are taken on the page's side by a MutationObserver that counts the
 * badge hosts added (bench/pages/inventory-generated.html).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

import { RECORD_AFTER_MS } from '../features/runtime/history-timing';
import { fixtureUrl, type HostName } from '../test/e2e/browser';
import { quietMachine } from './quiet';

export const BENCH_PAGE = 'inventory-generated';

/** Each SKU row gets a safety badge and an ITO badge. */
export const BADGES_PER_ROW = 2;

type Metrics = Record<string, number>;

interface BenchPage {
  page: Page;
  cdp: CDPSession;
  metrics(): Promise<Metrics>;
  /**
   * Waits until the renderer's main thread is quiet: TaskDuration grows by < 1 ms in each of two
   * looks 125 ms apart. After a step that changes what the page shows, `history` waits first for
   * the extension to send its reading to history (some time after its badges), so that the
   * step's figures hold that too, on both hosts alike.
   */
  settle(options?: { history: boolean }): Promise<void>;
  heapUsed(): Promise<number>;
  close(): Promise<void>;
}

// The page script's API (window.lsmBench), as the benchmark calls it.
interface LsmBench {
  render(count: number): number;
  paginate(page: number, count: number): number;
  sort(): number;
  tick(): number;
  resetCount(): void;
  created(): number;
  waitForCreated(count: number, timeout: number): Promise<number | null>;
  hosts(): number;
  rememberHosts(): void;
  unknownHosts(): number;
  scrollTo(top: number): number;
  scroll(frames: number, step: number): Promise<number[]>;
}
declare const lsmBench: LsmBench;

async function openBenchPage(context: BrowserContext, host: HostName): Promise<BenchPage> {
  await quietMachine();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const response = await page.goto(fixtureUrl(BENCH_PAGE, { host }), { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${page.url()} answered ${response?.status()}`);
  const metrics = async (): Promise<Metrics> => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map(({ name, value }) => [name, value]));
  };
  const bench: BenchPage = {
    page,
    cdp,
    metrics,
    async settle({ history } = { history: false }) {
      if (history) await page.waitForTimeout(HISTORY_SENT_MS);
      const deadline = Date.now() + 30_000;
      let last = (await metrics()).TaskDuration!;
      for (let quiet = 0; quiet < 2 && Date.now() < deadline; ) {
        await page.waitForTimeout(125);
        const now = (await metrics()).TaskDuration!;
        quiet = now - last < 0.001 ? quiet + 1 : 0;
        last = now;
      }
    },
    async heapUsed() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
  // Chrome reads the whole page's text once (for its translate language detection) at the first
  // layout after the load event. Alone, the page's first paint comes after its load event; with the
  // content script starting at document_idle, the load event comes after the first paint, and the
  // page lays out again only when the benchmark renders its rows: Chrome's reading of 2,000 rows
  // (~30 ms, Chrome trace: ChromeRenderFrameObserver::CapturePageText) then fell inside the
  // with-extension figures only. The clock ticks once first, on both hosts, as Seller Center keeps
  // drawing after it loads: that layout takes Chrome's reading, of a page without rows.
  await page.evaluate(() => lsmBench.tick());
  // The content script starts at document_idle and looks at the (still empty) table once.
  await bench.settle();
  return bench;
}

/** Long enough for the extension's history send to have started: it waits RECORD_AFTER_MS, then for an idle moment. */
const HISTORY_SENT_MS = RECORD_AFTER_MS + 250;

/** The scroll step: the table body scrolled by SCROLL.step px in each of SCROLL.frames animation frames. */
export const SCROLL = { frames: 60, step: 100 };

/** Main-thread task time (wall clock, as the page feels it) and CPU time (what a loaded machine does not inflate), in ms. */
export interface MainThread {
  taskMs: number;
  cpuMs: number;
}

const mainThread = (before: Metrics, after: Metrics): MainThread => ({
  taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
  cpuMs: (after.ThreadTime! - before.ThreadTime!) * 1000,
});

export interface TableRun {
  withExtension: boolean;
  rows: number;
  /** Rows in the DOM -> the last badge host added (null without the extension, or when it never came). */
  lastBadgeMs: number | null;
  /** The main thread from the render until the page is quiet again. */
  render: MainThread;
  /** The same after a clock outside the table ticks: one more look at an unchanged page. */
  tick: MainThread;
  /** The same after the rows are re-ordered (a sort). */
  sort: MainThread;
  /** Badge hosts added by the sort, and hosts after it that were not there before it: both must be 0. */
  sortCreated: number;
  sortUnknown: number;
  /**
   * The main thread from the first scroll step until the page is quiet again, after the sort (so no
   * figure above it changes), from the top of the table body; and the longest interval between two
   * animation frames while it scrolled (the slowest frame the scroll met).
   */
  scroll: MainThread & { longestFrameMs: number; frames: number; scrolledPx: number };
  hosts: number;
  heapBytes: number;
  nodes: number;
}

/** One page of `rows` rows: render, tick, sort, scroll; the same steps with and without the extension. */
export async function tableRun(context: BrowserContext, rows: number, withExtension: boolean): Promise<TableRun> {
  const bench = await openBenchPage(context, withExtension ? 'seller' : 'nonSeller');
  const { page } = bench;
  try {
    await page.evaluate(() => lsmBench.resetCount());
    const before = await bench.metrics();
    const renderedAt = await page.evaluate((count) => lsmBench.render(count), rows);
    let lastBadgeMs: number | null = null;
    if (withExtension) {
      const at = await page.evaluate(([count, timeout]) => lsmBench.waitForCreated(count, timeout), [rows * BADGES_PER_ROW, 120_000] as const);
      lastBadgeMs = at === null ? null : at - renderedAt;
    }
    await bench.settle({ history: true });
    const rendered = await bench.metrics();
    const hosts = await page.evaluate(() => lsmBench.hosts());
    const heapBytes = await bench.heapUsed();

    const beforeTick = await bench.metrics();
    await page.evaluate(() => lsmBench.tick());
    await bench.settle();
    const ticked = await bench.metrics();

    await page.evaluate(() => {
      lsmBench.rememberHosts();
      lsmBench.resetCount();
    });
    const beforeSort = await bench.metrics();
    await page.evaluate(() => lsmBench.sort());
    await bench.settle({ history: true });
    const sorted = await bench.metrics();
    const [sortCreated, sortUnknown] = await page.evaluate(() => [lsmBench.created(), lsmBench.unknownHosts()]);

    // Last, so that the badge UI it makes the extension draw changes none of the figures above.
    // The sort reversed the rows: the scroll meets the last-rendered rows first, as after any sort.
    const top = await page.evaluate(() => lsmBench.scrollTo(0));
    await bench.settle();
    const beforeScroll = await bench.metrics();
    const intervals = await page.evaluate(([frames, step]) => lsmBench.scroll(frames, step), [SCROLL.frames, SCROLL.step] as const);
    await bench.settle();
    const scrolled = await bench.metrics();
    const scrolledTo = await page.evaluate(() => document.querySelector('.next-table-body')!.scrollTop);

    return {
      withExtension,
      rows,
      lastBadgeMs,
      render: mainThread(before, rendered),
      tick: mainThread(beforeTick, ticked),
      sort: mainThread(beforeSort, sorted),
      scroll: {
        ...mainThread(beforeScroll, scrolled),
        longestFrameMs: Math.max(...intervals),
        frames: intervals.length,
        scrolledPx: scrolledTo - top,
      },
      sortCreated: sortCreated!,
      sortUnknown: sortUnknown!,
      hosts,
      heapBytes,
      nodes: rendered.Nodes!,
    };
  } finally {
    await bench.close();
  }
}

export interface PaginationRun {
  /** Per page turn: new rows in the DOM -> their last badge host added. */
  badgedMs: number[];
  /** Hosts on the page after each turn (must be rows x 2: the old rows' badges went with them). */
  hostsAfter: number[];
  sortCreated: number;
  sortUnknown: number;
}

/** A page of `rows` rows turned `turns` times (every row new each time), then sorted. */
export async function paginationRun(context: BrowserContext, rows: number, turns: number): Promise<PaginationRun> {
  const bench = await openBenchPage(context, 'seller');
  const { page } = bench;
  const expected = rows * BADGES_PER_ROW;
  try {
    await page.evaluate((count) => lsmBench.render(count), rows);
    await page.evaluate((count) => lsmBench.waitForCreated(count, 30_000), expected);
    await bench.settle({ history: true });
    const badgedMs: number[] = [];
    const hostsAfter: number[] = [];
    for (let turn = 1; turn <= turns; turn += 1) {
      await page.evaluate(() => lsmBench.resetCount());
      const shownAt = await page.evaluate(([pageNumber, count]) => lsmBench.paginate(pageNumber, count), [turn, rows] as const);
      const at = await page.evaluate((count) => lsmBench.waitForCreated(count, 30_000), expected);
      if (at !== null) badgedMs.push(at - shownAt);
      await bench.settle({ history: true });
      hostsAfter.push(await page.evaluate(() => lsmBench.hosts()));
    }
    await page.evaluate(() => {
      lsmBench.rememberHosts();
      lsmBench.resetCount();
    });
    await page.evaluate(() => lsmBench.sort());
    await bench.settle();
    const [sortCreated, sortUnknown] = await page.evaluate(() => [lsmBench.created(), lsmBench.unknownHosts()]);
    return { badgedMs, hostsAfter, sortCreated: sortCreated!, sortUnknown: sortUnknown! };
  } finally {
    await bench.close();
  }
}

/**
 * The fonts the browser draws the bench page's Chinese heading in, as it reports them (DevTools
 * `CSS.getPlatformFontsForNode`). The page alone costs far less to lay out where no installed font
 * has Chinese glyphs (it draws boxes), so the ratios are not a seller's without one.
 */
export async function chineseTextFonts(context: BrowserContext): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.goto(fixtureUrl(BENCH_PAGE, { host: 'nonSeller' }), { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1.page-title' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  } finally {
    await page.close();
  }
}

/** The browser's product and version, e.g. `HeadlessChrome/156.0.8078.79`. */
export async function browserVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    return (await cdp.send('Browser.getVersion')).product;
  } finally {
    await page.close();
  }
}
