/** The budgets, docs/benchmarks.md and the one-line summary, from the figures bench/run.ts took. */
import type { BundleSize } from './bundle';
import type { HistoryFigures, HistoryOptions } from './history-steps';
import type { PaginationRun } from './page-runs';
import { kb, max, mb, median, ms, times } from './stats';

export interface WithAndAlone {
  with: number;
  alone: number;
}

export interface SizeFigures {
  rows: number;
  runs: number;
  /** Median, rows in the DOM -> last badge host added. */
  lastBadgeMs: number;
  /** Medians: main-thread task time (wall clock) and main-thread CPU time, render until quiet. */
  render: WithAndAlone;
  renderCpu: WithAndAlone;
  /** Medians: task time after a clock outside the table ticks, and after a sort. */
  tick: WithAndAlone;
  sort: WithAndAlone;
  /**
   * Medians, the scroll after the sort: task and CPU time from the first step until quiet, and the
   * longest interval between two animation frames while scrolling. Informational (no budget).
   */
  scroll: WithAndAlone;
  scrollCpu: WithAndAlone;
  scrollFrame: WithAndAlone;
  /** How far the table body moved, least of all runs (frames x step unless the table is shorter). */
  scrolledPx: number;
  heap: WithAndAlone;
  nodes: WithAndAlone;
  /** Badge hosts a sort created (added, or not there before it), worst run: must be 0. */
  sortCreated: number;
  /** Every run ended with exactly two badges per row. */
  complete: boolean;
}

export interface BenchFigures {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; freeMemoryBytes: number; loadAverage: number; node: string };
  browser: string;
  /** The fonts the browser drew the bench page's Chinese heading in (page-runs.ts chineseTextFonts). */
  chineseFonts: string[];
  bundle: BundleSize;
  sizes: SizeFigures[];
  /** The scroll step: the table body scrolled by `step` px in each of `frames` animation frames. */
  scroll: { frames: number; step: number };
  /** null when only the history was measured (`--history-only`). */
  pagination: (PaginationRun & { rows: number }) | null;
  history: (HistoryFigures & { options: HistoryOptions }) | null;
}

export interface Budget {
  what: string;
  shown: string;
  limit: string;
  pass: boolean;
}

const BUDGET_ROWS = 2000;
const KB = 1024;

export function checkBudgets(figures: BenchFigures): Budget[] {
  const budgets: Budget[] = [];
  const add = (what: string, value: number, limit: number, shown: (value: number) => string) =>
    budgets.push({ what, shown: shown(value), limit: shown(limit), pass: value <= limit });

  const main = figures.sizes.find((size) => size.rows === BUDGET_ROWS);
  if (main) {
    add(`${BUDGET_ROWS.toLocaleString('en')} rows: render -> last badge`, main.lastBadgeMs, 150, ms);
    add(`${BUDGET_ROWS.toLocaleString('en')} rows: main-thread task time, with / page alone`, main.render.with / main.render.alone, 1.25, times);
  }
  const { pagination } = figures;
  if (pagination) {
    add(`${pagination.rows}-row re-render (next page) badged`, median(pagination.badgedMs), 50, ms);
    const recreated = Math.max(pagination.sortCreated + pagination.sortUnknown, ...figures.sizes.map((size) => size.sortCreated));
    add('badge hosts re-created by a sort', recreated, 0, String);
  }
  add('content script, gzip', figures.bundle.gzip, 40 * KB, kb);
  if (figures.history) {
    const { options, writeMs, readMs, planMs, settleMs } = figures.history;
    add(`one day of ${options.skus.toLocaleString('en')} SKUs written`, median(writeMs), 1000, ms);
    add(`one SKU's ${options.historyDays}-day history read (${settleMs / 1000} s after the saves)`, median(readMs), 20, ms);
    add(`reminders planned for ${options.skus.toLocaleString('en')} SKUs`, median(planMs), 500, ms);
  }
  if (!pagination) return budgets;
  const incomplete = figures.sizes.filter((size) => !size.complete).map((size) => size.rows);
  const wrongPages = pagination.hostsAfter.filter((hosts) => hosts !== pagination.rows * 2).length;
  budgets.push({
    what: 'every row badged (2 per row), after every render and page turn',
    shown: incomplete.length + wrongPages === 0 ? 'yes' : `no (${[...incomplete.map((rows) => `${rows} rows`), ...(wrongPages ? [`${wrongPages} page turns`] : [])].join(', ')})`,
    limit: 'yes',
    pass: incomplete.length + wrongPages === 0,
  });
  return budgets;
}

const ratio = ({ with: withExt, alone }: WithAndAlone) => times(withExt / alone);

export function summaryLine(figures: BenchFigures, budgets: Budget[]): string {
  const failed = budgets.filter((budget) => !budget.pass);
  const main = figures.sizes.find((size) => size.rows === BUDGET_ROWS) ?? figures.sizes[0];
  const parts = [
    // CPU time beside task time: on a busy machine it is the steadier of the two.
    main && `${main.rows} rows: last badge ${ms(main.lastBadgeMs)}, task time ${ratio(main.render)} (CPU ${ratio(main.renderCpu)}), scroll ${ratio(main.scroll)} (CPU ${ratio(main.scrollCpu)})`,
    figures.pagination && `re-render ${ms(median(figures.pagination.badgedMs))}`,
    `content script ${kb(figures.bundle.gzip)} gzip`,
    figures.history &&
      `history (${figures.history.target}): write ${ms(median(figures.history.writeMs))}, read ${ms(median(figures.history.readMs))}, plan ${ms(median(figures.history.planMs))}`,
  ].filter(Boolean);
  const verdict = failed.length === 0 ? `all ${budgets.length} budgets pass` : `${failed.length} of ${budgets.length} budgets FAIL`;
  return `bench: ${verdict}; ${parts.join('; ')} (load ${figures.machine.loadAverage.toFixed(1)} on ${figures.machine.cpus} cores)`;
}

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

export function renderReport(figures: BenchFigures, budgets: Budget[]): string {
  const { machine, history } = figures;
  const loaded = machine.loadAverage > machine.cpus;
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${figures.date.slice(0, 10)}; every figure below is from that run.

## Performance

The content script is measured in real Chromium with the built extension, on generated Seller
Center inventory pages (a Fusion Next table with split header and body, bench/pages/), each
figure side by side with the same page on a host the extension does not run on, runs alternating,
medians shown. History is measured in IndexedDB in ${history?.target === 'page' ? 'the same browser' : 'the real worker'}.

${table(
  ['budget', 'measured', 'limit', ''],
  budgets.map((budget) => [budget.what, budget.shown, budget.limit, budget.pass ? 'pass' : '**FAIL**']),
)}

Machine: ${machine.cpus} cores (${machine.cpuModel}), ${mb(machine.memoryBytes)} memory, load average
${machine.loadAverage.toFixed(1)} when the run ended${loaded ? ' (busier than its cores: wall-clock figures are inflated; the CPU-time ratio below is the steadier one)' : ''};
${figures.browser}; Node ${machine.node}; the page's Chinese text drawn in ${figures.chineseFonts.join(', ') || 'no font the browser named'}.

To reproduce: \`npm ci\`, Chromium (\`apt-get install chromium\` or \`CHROMIUM_PATH\`), a font with Chinese
glyphs as every seller has (\`apt-get install fonts-noto-cjk\`: without one the page draws boxes and lays out
faster alone, which raises every ratio), then
\`npm run bench\` (builds first; \`-- --skip-build\` uses dist/chrome-mv3). A full run takes a few
minutes on two cores and rewrites this file; \`-- --no-write\` only prints the summary line.

## Content script on inventory pages

Main-thread figures come from the page's own DevTools target: task time is
\`Performance.getMetrics\` TaskDuration (wall clock), CPU is its ThreadTime, both from the render
until the main thread has been quiet for 250 ms; after a render or a sort that wait starts only
once the extension has had time to send the page's reading to history (it waits a second after
its badges, for the page to finish drawing), on both hosts alike. "Tick" is one more look at an unchanged page
(a clock outside the table changes); "sort" re-orders the same row elements. Heap is the page's
whole V8 heap after a forced garbage collection (\`Runtime.getHeapUsage\`), isolated worlds included.

${table(
  ['rows', 'runs', 'last badge', 'task with / alone', 'ratio', 'CPU with / alone', 'ratio', 'tick with / alone', 'sort with / alone', 'sort re-creates', 'heap with / alone', 'DOM nodes added'],
  figures.sizes.map((size) => [
    size.rows.toLocaleString('en'),
    size.runs,
    ms(size.lastBadgeMs),
    `${ms(size.render.with)} / ${ms(size.render.alone)}`,
    ratio(size.render),
    `${ms(size.renderCpu.with)} / ${ms(size.renderCpu.alone)}`,
    ratio(size.renderCpu),
    `${ms(size.tick.with)} / ${ms(size.tick.alone)}`,
    `${ms(size.sort.with)} / ${ms(size.sort.alone)}`,
    size.sortCreated,
    `${mb(size.heap.with)} / ${mb(size.heap.alone)} (+${mb(size.heap.with - size.heap.alone)})`,
    (size.nodes.with - size.nodes.alone).toLocaleString('en'),
  ]),
)}

Scrolling (informational, no budget) is measured last in each run, after the sort (rows in reverse
order), so that the badge UI it has the extension draw changes none of the figures above: the
page's own script (\`lsmBench.scroll\`) scrolls the table body, its own scroll container 520 px high,
from the top by ${figures.scroll.step} px in each of ${figures.scroll.frames} animation frames, the same way on both hosts.
Task and CPU time are taken from the first step until the main thread has been quiet for 250 ms;
the longest frame is the longest interval between two animation-frame callbacks while it scrolled
(some 17 ms when no frame is missed). With the extension, anchors that come near the viewport get
their badges' UI drawn (an IntersectionObserver), and each drawing makes the page lay out its
table again.

${table(
  ['rows', 'runs', 'scrolled', 'task with / alone', 'ratio', 'CPU with / alone', 'ratio', 'longest frame with / alone'],
  figures.sizes.map((size) => [
    size.rows.toLocaleString('en'),
    size.runs,
    `${size.scrolledPx.toLocaleString('en')} px`,
    `${ms(size.scroll.with)} / ${ms(size.scroll.alone)}`,
    ratio(size.scroll),
    `${ms(size.scrollCpu.with)} / ${ms(size.scrollCpu.alone)}`,
    ratio(size.scrollCpu),
    `${ms(size.scrollFrame.with)} / ${ms(size.scrollFrame.alone)}`,
  ]),
)}

${
  figures.pagination
    ? `Next page of ${figures.pagination.rows} rows (every row new) badged: median ${ms(median(figures.pagination.badgedMs))}, worst
${ms(max(figures.pagination.badgedMs))} over ${figures.pagination.badgedMs.length} page turns
(${figures.pagination.badgedMs.map((value) => Math.round(value)).join(', ')} ms); a sort of that page re-created
${figures.pagination.sortCreated + figures.pagination.sortUnknown} badge hosts.`
    : 'Page turns not measured in this run (`--history-only`).'
}

Content script (\`${figures.bundle.file}\`): ${kb(figures.bundle.raw)} raw, ${kb(figures.bundle.gzip)} gzip (zlib default level; KB = 1,024 bytes).

## History (IndexedDB)

${
  history
    ? `${
        history.target === 'worker'
          ? 'Through the real worker: an extension page sends it `reading/save`, `sku/history` and `store/at-risk` (lib/messages.ts), so each figure includes the message round trip and both sides\' validation.'
          : 'The worker did not answer the message protocol in this build, so the same steps called the functions it is built from (lib/history saveReading, readSkuHistory, readRecent + lib/reminders planReminders) on IndexedDB in an ordinary page of the same Chromium: real IndexedDB, no message round trip.'
      } The store holds ${history.options.skus.toLocaleString('en')} SKUs read on ${history.options.recentDays} days and one SKU read on
${history.options.historyDays} days, as are the SKUs that share its week records (its shard), as in a store read every day that
long. Snapshots are kept a week of a shard of SKUs to a record (lib/history/sku-weeks.ts), and each
SKU's last 15 days again in 16 large records per store (lib/history/recent-days.ts): a day's write is
one get and one put per shard and per group of 16 shards, planning reads only the 16, so neither grows
with older history; one SKU's read takes its shard's weeks, every SKU in them. The plan is asked for
as the options page asks: its first ${history.planLimit} SKUs, and the count of all at risk.

${table(
  ['step', 'median', 'worst', 'all runs'],
  [
    [`one day of ${history.options.skus.toLocaleString('en')} SKUs written`, ms(median(history.writeMs)), ms(max(history.writeMs)), history.writeMs.map((v) => Math.round(v)).join(', ')],
    [`one SKU's history read (${history.readRecords} days), ${history.settleMs / 1000} s after the saves`, ms(median(history.readMs)), ms(max(history.readMs)), history.readMs.map((v) => v.toFixed(1)).join(', ')],
    [`the same, right after the saves (the browser still writing them out)`, ms(median(history.readRightAfterMs)), ms(max(history.readRightAfterMs)), history.readRightAfterMs.map((v) => v.toFixed(1)).join(', ')],
    [`reminders planned (${history.planned.toLocaleString('en')} SKUs at risk)`, ms(median(history.planMs)), ms(max(history.planMs)), history.planMs.map((v) => Math.round(v)).join(', ')],
  ],
)}

For comparison, the browser's own floor on this machine: ${history.options.skus.toLocaleString('en')} bare puts of one day's
snapshots in one transaction (no index, no validation, no message) took ${ms(history.floorPutMs)}: what a day's write
would cost at the least if the history kept a record per SKU and day, as versions 1 to 3 did.`
    : 'Not measured in this run (`--no-history`).'
}
`;
}
