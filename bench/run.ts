/**
 * `npm run bench`: the extension's speed and size, measured in real Chromium, checked against the
 * budgets, written to docs/benchmarks.md, summed up in one line.
 *
 *   npm run bench                        # build, measure everything, write docs/benchmarks.md
 *   npm run bench -- --skip-build        # use the existing dist/chrome-mv3
 *   npm run bench -- --runs 3            # fewer runs per page size (default 7; 10,000 rows: at most 3)
 *   npm run bench -- --sizes 2000 --no-write --no-history   # one page size, nothing written
 *   npm run bench -- --history-only --no-write               # only the history steps (no pages, no page turns)
 *
 * Reuses the end-to-end harness (test/e2e): the build and the fixture server (environment.ts, here
 * serving bench/pages/), Chromium with the extension (browser.ts). Exits 1 when a budget fails.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { chromiumFound, launchWithExtension } from '../test/e2e/browser';
import { warnWithoutChineseFont } from '../test/e2e/chinese-font';
import { prepareEnvironment } from '../test/e2e/environment';
import { REPO_ROOT } from '../test/e2e/paths';
import { bundleSize } from './bundle';
import { measureHistory } from './history';
import { browserVersion, chineseTextFonts, paginationRun, SCROLL, tableRun, type TableRun } from './page-runs';
import { checkBudgets, renderReport, summaryLine, type BenchFigures, type SizeFigures } from './report';
import { median } from './stats';

const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  options: {
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    sizes: { type: 'string', default: '500,2000,10000' },
    'no-write': { type: 'boolean', default: false },
    'no-history': { type: 'boolean', default: false },
    'history-only': { type: 'boolean', default: false },
  },
});

const RUNS = Math.max(1, Number(flags.runs));
const SIZES = flags['history-only'] ? [] : flags.sizes.split(',').map(Number);
/** A 10,000-row run takes long; three runs give a median. */
const MAX_RUNS_LARGE = 3;
const PAGINATION = { rows: 50, turns: 10 };
const HISTORY = { skus: 10_000, recentDays: 14, historyDays: 400, reads: 7, plans: 5 };

const log = (text: string) => process.stderr.write(`${text}\n`);

function sizeFigures(rows: number, runs: TableRun[]): SizeFigures {
  const withExt = runs.filter((run) => run.withExtension);
  const alone = runs.filter((run) => !run.withExtension);
  /** The median of one figure with the extension, and alone. */
  const both = (pick: (run: TableRun) => number) => ({ with: median(withExt.map(pick)), alone: median(alone.map(pick)) });
  return {
    rows,
    runs: withExt.length,
    lastBadgeMs: median(withExt.map((run) => run.lastBadgeMs ?? Number.POSITIVE_INFINITY)),
    render: both((r) => r.render.taskMs),
    renderCpu: both((r) => r.render.cpuMs),
    tick: both((r) => r.tick.taskMs),
    sort: both((r) => r.sort.taskMs),
    scroll: both((r) => r.scroll.taskMs),
    scrollCpu: both((r) => r.scroll.cpuMs),
    scrollFrame: both((r) => r.scroll.longestFrameMs),
    scrolledPx: Math.min(...runs.map((run) => run.scroll.scrolledPx)),
    heap: both((r) => r.heapBytes),
    nodes: both((r) => r.nodes),
    sortCreated: Math.max(...withExt.map((run) => run.sortCreated + run.sortUnknown)),
    complete: withExt.every((run) => run.hosts === rows * 2 && run.lastBadgeMs !== null),
  };
}

async function main(): Promise<number> {
  if (!chromiumFound()) return 1;
  warnWithoutChineseFont('the bench page draws its Chinese text as boxes and costs far less to lay out than on a seller\'s machine, so the ratios are not a seller\'s');
  log(flags['skip-build'] ? 'Using the existing dist/chrome-mv3 ...' : 'Building the extension (wxt build) ...');
  const environment = await prepareEnvironment({ build: !flags['skip-build'], fixturesDir: join(REPO_ROOT, 'bench/pages') });
  const ext = await launchWithExtension({ extensionDir: environment.extensionDir, port: environment.port }).catch(async (error: unknown) => {
    await environment.close();
    throw error;
  });
  try {
    const sizes: SizeFigures[] = [];
    for (const rows of SIZES) {
      const runs: TableRun[] = [];
      const count = rows >= 10_000 ? Math.min(RUNS, MAX_RUNS_LARGE) : RUNS;
      for (let run = 0; run < count; run += 1) {
        // Alternating which goes first, so that neither always meets a warmer browser.
        for (const withExtension of run % 2 === 0 ? [true, false] : [false, true]) {
          runs.push(await tableRun(ext.context, rows, withExtension));
        }
        const [last, alone] = runs.at(-2)!.withExtension ? [runs.at(-2)!, runs.at(-1)!] : [runs.at(-1)!, runs.at(-2)!];
        log(
          `${rows} rows, run ${run + 1}/${count}: last badge ${Math.round(last.lastBadgeMs ?? -1)} ms; ` +
            `render task ${Math.round(last.render.taskMs)} / ${Math.round(alone.render.taskMs)} ms, CPU ${Math.round(last.render.cpuMs)} / ${Math.round(alone.render.cpuMs)} ms; ` +
            `scroll task ${Math.round(last.scroll.taskMs)} / ${Math.round(alone.scroll.taskMs)} ms (with / alone), ` +
            `CPU ${Math.round(last.scroll.cpuMs)} / ${Math.round(alone.scroll.cpuMs)} ms, ` +
            `longest frame ${Math.round(last.scroll.longestFrameMs)} / ${Math.round(alone.scroll.longestFrameMs)} ms`,
        );
      }
      sizes.push(sizeFigures(rows, runs));
    }

    let pagination: BenchFigures['pagination'] = null;
    if (!flags['history-only']) {
      log(`Pagination: ${PAGINATION.turns} turns of ${PAGINATION.rows} rows ...`);
      pagination = { rows: PAGINATION.rows, ...(await paginationRun(ext.context, PAGINATION.rows, PAGINATION.turns)) };
    }

    let history: BenchFigures['history'] = null;
    if (!flags['no-history']) {
      log(`History: ${HISTORY.skus} SKUs x ${HISTORY.recentDays} days, one SKU x ${HISTORY.historyDays} days ...`);
      history = { options: HISTORY, ...(await measureHistory(ext, HISTORY)) };
      log(`History reads right after the writes: ${history.readRightAfterMs.map((value) => value.toFixed(1)).join(', ')} ms; ${history.settleMs / 1000} s later: ${history.readMs.map((value) => value.toFixed(1)).join(', ')} ms`);
    }

    const figures: BenchFigures = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
        memoryBytes: totalmem(),
        freeMemoryBytes: freemem(),
        loadAverage: loadavg()[0]!,
        node: process.version,
      },
      browser: await browserVersion(ext.context),
      chineseFonts: await chineseTextFonts(ext.context),
      bundle: bundleSize(environment.extensionDir),
      sizes,
      scroll: SCROLL,
      pagination,
      history,
    };
    const budgets = checkBudgets(figures);
    if (!flags['no-write']) {
      writeFileSync(join(REPO_ROOT, 'docs/benchmarks.md'), renderReport(figures, budgets));
      log('Wrote docs/benchmarks.md');
    }
    console.log(summaryLine(figures, budgets));
    return budgets.every((budget) => budget.pass) ? 0 : 1;
  } finally {
    await ext.close().catch(() => undefined);
    await environment.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
