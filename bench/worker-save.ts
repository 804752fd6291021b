/**
 * What one reading/save of a big page costs the worker, in real Chromium through the real worker:
 *
 *   npx vite-node bench/worker-save.ts -- [--skip-build] [--stores 3] [--reloads 6] [--profile out.json] [--trace]
 *   npx vite-node bench/worker-save.ts -- --skip-build --extension /tmp/before --extension /tmp/after
 *
 * Each store is given 14 days of a 2,000-SKU page (one reading a day, in the content script's parts
 * of 1,000 SKUs), then today's reading: first of the day, then `reloads` readings of the same figures
 * (the page reloaded), then `reloads` with one SKU in 50 changed, then `reloads` times the last
 * message again as it was (same readAt). Per part: the round trip from an extension page, and the
 * CPU time (from /proc, per thread) the browser spent meanwhile: the extension's process (the
 * worker's thread, and the threads that carry its IndexedDB requests) and the browser process's
 * (IndexedDB's backend).
 *
 * Builds given with --extension (unpacked, e.g. copies of dist/chrome-mv3 before and after a change)
 * load side by side, each with its own worker and database, and take turns part by part: on a
 * shared machine, both meet the same load. Over the last store's same-figure reloads, --profile
 * writes the first build's worker CPU profile (Chrome DevTools format) and prints its heaviest
 * functions; --trace prints where the browser process's IndexedDB time goes (a trace of its
 * IndexedDB events; of every build loaded, so give one).
 *
 * The worker's profile and the trace go through the DevTools protocol on a port of the browser's
 * own (Playwright gives no session for a service worker), with `ws` (Node 20 has no WebSocket client).
 *
 * Not part of `npm run bench`: a tool for the worker's save path. Run it under the shared lock
 * (flock /tmp/lsm-build.lock ...): runs on this 2-core machine disturb each other's timings.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import WebSocket from 'ws';

import { launchWithExtension } from '../test/e2e/browser';
import { prepareEnvironment } from '../test/e2e/environment';
import { REPO_ROOT } from '../test/e2e/paths';
import { bundleForPage } from './history';
import { median } from './stats';
import type { PartTiming } from './worker-save-steps';

declare const lsmSaveBench: typeof import('./worker-save-steps');

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'skip-build': { type: 'boolean', default: false },
    stores: { type: 'string', default: '3' },
    reloads: { type: 'string', default: '6' },
    skus: { type: 'string', default: '2000' },
    days: { type: 'string', default: '14' },
    profile: { type: 'string' },
    trace: { type: 'boolean', default: false },
    /** Unpacked builds to load instead of dist/chrome-mv3, side by side: repeat to compare builds part by part. */
    extension: { type: 'string', multiple: true },
  },
});
const STORES = Number(flags.stores);
const RELOADS = Number(flags.reloads);
const SKUS = Number(flags.skus);
const DAYS = Number(flags.days);
const log = (text: string) => process.stderr.write(`${text}\n`);

// ---- CPU time per thread, from /proc (schedstat: nanoseconds) ----

interface ThreadCpu {
  key: string;
  ms: number;
}

/** Every process whose ancestor is `root`, with it. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found = [root];
  for (let index = 0; index < found.length; index += 1) for (const [pid, ppid] of parent) if (ppid === found[index]) found.push(pid);
  return found;
}

function processKind(pid: number): string {
  // Chromium rewrites its children's command lines (setproctitle): arguments apart by spaces, not NULs.
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  const type = args.find((arg) => arg.startsWith('--type='))?.slice(7) ?? 'browser';
  if (type === 'renderer') return args.includes('--extension-process') ? 'extension' : 'renderer';
  if (type === 'utility') return `utility:${args.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19) ?? '?'}`;
  return type;
}

function threadCpu(root: number): Map<string, number> {
  const cpuMs = new Map<string, number>();
  for (const pid of descendants(root)) {
    let kind: string;
    try {
      kind = processKind(pid);
    } catch {
      continue;
    }
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        // schedstat: nanoseconds on a CPU, where stat counts 10 ms ticks.
        const used = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
        const key = `${kind} / ${comm.replace(/\d+$/, '#')}`;
        cpuMs.set(key, (cpuMs.get(key) ?? 0) + used);
      } catch {
        // Thread gone.
      }
    }
  }
  return cpuMs;
}

function cpuDelta(before: Map<string, number>, after: Map<string, number>): ThreadCpu[] {
  return [...after]
    .map(([key, ms]) => ({ key, ms: ms - (before.get(key) ?? 0) }))
    .filter(({ ms }) => ms > 0)
    .sort((a, b) => b.ms - a.ms);
}

// ---- The worker's CPU profile, through the DevTools protocol on a port of its own ----

class Cdp {
  private next = 1;
  private pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly listeners = new Map<string, (params: unknown) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      if (message.method) this.listeners.get(message.method)?.(message.params);
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }
  static open(url: string): Promise<Cdp> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
      socket.once('open', () => resolve(new Cdp(socket)));
      socket.once('error', reject);
    });
  }
  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  }
  close(): void {
    this.socket.close();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function (ms), heaviest first, and the total of non-idle samples. */
function selfTimes(profile: Profile): { busyMs: number; top: { name: string; ms: number }[] } {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000));
  const byName = new Map<string, number>();
  let busyMs = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber, columnNumber } = byNode.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busyMs += ms;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + ms);
  }
  return { busyMs, top: [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 40) };
}

// ---- The browser process's share: a trace of its IndexedDB work ----

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

async function startTrace(port: number): Promise<() => Promise<TraceEvent[]>> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const cdp = await Cdp.open(version.webSocketDebuggerUrl);
  const events: TraceEvent[] = [];
  cdp.listeners.set('Tracing.dataCollected', (params) => events.push(...(params as { value: TraceEvent[] }).value));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['IndexedDB', 'leveldb', 'toplevel', 'mojom', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'sql', 'Blob'] },
  });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.listeners.set('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.close();
    return events;
  };
}

/** Thread time of the browser process's complete events, by name, per part: where its IndexedDB work goes. */
function traceSummary(events: TraceEvent[], browserPid: number, parts: number): void {
  const threads = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threads.set(`${event.pid}/${event.tid}`, (event as unknown as { args: { name: string } }).args.name);
  const byName = new Map<string, { count: number; wall: number; cpu: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const where = event.pid === browserPid ? 'browser' : `pid ${event.pid}`;
    const key = `${where} ${threads.get(`${event.pid}/${event.tid}`) ?? event.tid} ${event.cat}:${event.name}`;
    const entry = byName.get(key) ?? { count: 0, wall: 0, cpu: 0 };
    entry.count += 1;
    entry.wall += event.dur / 1000;
    entry.cpu += (event.tdur ?? 0) / 1000;
    byName.set(key, entry);
  }
  // Events of one kind split at 1 ms of thread time: the big ring records' from the small week records'.
  for (const name of ['Database::PutOperation', 'Database::GetOperation', 'IDBObjectStore::putRequestSetup', 'IDBRequest::SendResult']) {
    const durations = events.filter((event) => event.ph === 'X' && event.name === name).map((event) => (event.tdur ?? 0) / 1000);
    const big = durations.filter((ms) => ms >= 1);
    const small = durations.filter((ms) => ms < 1);
    const sum = (list: number[]) => list.reduce((total, ms) => total + ms, 0);
    log(`${name} per part: ${fmt(big.length / parts)} over 1 ms, ${fmt(sum(big) / parts)} ms; ${fmt(small.length / parts)} under, ${fmt(sum(small) / parts)} ms`);
  }
  for (const name of ['WritableFile::Sync', 'BackingStore::Transaction::WriteNewBlobs', 'Database::CommitTransaction', 'LevelDBTransaction::Commit']) {
    const found = events.filter((event) => event.ph === 'X' && event.name === name);
    const wall = found.reduce((total, event) => total + (event.dur ?? 0) / 1000, 0);
    log(`${name}: ${fmt(found.length / parts)} per part, ${fmt(wall / parts)} ms wall per part`);
  }
  log(`\nTrace over ${parts} reload parts (per part: count, wall ms, thread ms):`);
  for (const [key, { count, wall, cpu }] of [...byName].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 45)) {
    log(`  ${(count / parts).toFixed(1).padStart(7)} ${fmt(wall / parts).padStart(7)} ${fmt(cpu / parts).padStart(7)}  ${key}`);
  }
}

// ---- The run ----

interface Scenario {
  name: string;
  parts: PartTiming[][];
}

const fmt = (ms: number) => ms.toFixed(1);

/** The id Chromium gives an unpacked extension: from the SHA-256 of its folder's absolute path, hex digits as a-p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

interface Build {
  label: string;
  id: string;
  page: Page;
  scenarios: Scenario[];
  cpu: Map<Scenario, Map<string, number>>;
}

const SCENARIOS = ['first of the day', 'reload, same figures', 'reload, 1 SKU in 50 changed', 'the same message again (same readAt)'] as const;

async function main(): Promise<void> {
  const environment = await prepareEnvironment({ build: !flags['skip-build'] });
  const dirs = flags.extension?.length ? flags.extension : [environment.extensionDir];
  const userDataDir = mkdtempSync(join(tmpdir(), 'lsm-save-profile-'));
  // Several builds load side by side (each its own worker and database) and take turns, part by part.
  const ext = await launchWithExtension({ extensionDir: dirs.join(','), port: environment.port, userDataDir, args: ['--remote-debugging-port=0'] });
  const cdpPort = Number(readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
  const browserPid = Number(
    readdirSync('/proc').find((name) => {
      if (!/^\d+$/.test(name)) return false;
      try {
        const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split(/[\0 ]/);
        return args.includes(`--user-data-dir=${userDataDir}`) && !args.some((arg) => arg.startsWith('--type='));
      } catch {
        return false;
      }
    }),
  );
  try {
    const code = await bundleForPage('bench/worker-save-steps.ts', 'lsmSaveBench');
    const builds: Build[] = [];
    for (const dir of dirs) {
      const id = unpackedId(dir);
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`, { waitUntil: 'load' });
      await page.evaluate(`${code}\nglobalThis.lsmSaveBench = lsmSaveBench;`);
      const scenarios = SCENARIOS.map((name): Scenario => ({ name, parts: [] }));
      builds.push({ label: basename(dir), id, page, scenarios, cpu: new Map(scenarios.map((scenario) => [scenario, new Map()])) });
    }
    // The profile is of the first build's worker.
    const targets = (await (await fetch(`http://127.0.0.1:${cdpPort}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
    const workerTarget = targets.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${builds[0]!.id}/`));
    const cdp = workerTarget && flags.profile ? await Cdp.open(workerTarget.webSocketDebuggerUrl) : null;

    const save = (build: Build, storeId: string, daysAgo: number, change = 0) =>
      build.page.evaluate(([s, n, d, c]) => lsmSaveBench.saveReading(s, n, d, c), [storeId, SKUS, daysAgo, change] as const);
    // Only one build works at a time: the CPU the extensions' processes spend meanwhile is that build's.
    const timed = async (build: Build, scenario: number, run: () => Promise<PartTiming[]>) => {
      const before = threadCpu(browserPid);
      build.scenarios[scenario]!.parts.push(await run());
      const total = build.cpu.get(build.scenarios[scenario]!)!;
      for (const { key, ms } of cpuDelta(before, threadCpu(browserPid))) total.set(key, (total.get(key) ?? 0) + ms);
    };
    /** Each build in turn, the order swapped every other time so that neither always goes first. */
    const inTurn = async (turn: number, run: (build: Build) => Promise<unknown>) => {
      for (const build of turn % 2 === 0 ? builds : [...builds].reverse()) await run(build);
    };
    let profile: Profile | null = null;
    for (let store = 0; store < STORES; store += 1) {
      const storeId = `bench-${store}`;
      log(`Store ${storeId}: ${DAYS} days of ${SKUS} SKUs, in ${builds.length} build(s) ...`);
      for (const build of builds) for (let daysAgo = DAYS; daysAgo >= 1; daysAgo -= 1) await save(build, storeId, daysAgo);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await inTurn(store, (build) => timed(build, 0, () => save(build, storeId, 0)));
      const last = store === STORES - 1;
      if (cdp && last) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const tracing = flags.trace && last ? await startTrace(cdpPort) : null;
      for (let reload = 0; reload < RELOADS; reload += 1) await inTurn(reload, (build) => timed(build, 1, () => save(build, storeId, 0)));
      if (cdp && last) profile = (await cdp.send<{ profile: Profile }>('Profiler.stop')).profile;
      if (tracing) traceSummary(await tracing(), browserPid, RELOADS * Math.ceil(SKUS / 1000) * builds.length);
      for (let reload = 0; reload < RELOADS; reload += 1) await inTurn(reload, (build) => timed(build, 2, () => save(build, storeId, 0, 50)));
      for (let reload = 0; reload < RELOADS; reload += 1) await inTurn(reload, (build) => timed(build, 3, () => build.page.evaluate(() => lsmSaveBench.resendLast())));
    }
    cdp?.close();

    for (const [index, name] of SCENARIOS.entries()) {
      log(`\n${name}:`);
      for (const build of builds) {
        const scenario = build.scenarios[index]!;
        const parts = scenario.parts.flat();
        const ms = parts.map((part) => part.ms);
        const saves = parts.length;
        const cpu = [...build.cpu.get(scenario)!].sort((a, b) => b[1] - a[1]);
        const perPart = (total: number) => fmt(total / saves);
        const byProcess = new Map<string, number>();
        for (const [key, cpuMs] of cpu) byProcess.set(key.split(' / ')[0]!, (byProcess.get(key.split(' / ')[0]!) ?? 0) + cpuMs);
        const worker = cpu.filter(([key]) => key.startsWith('extension / ServiceWorker')).reduce((total, [, cpuMs]) => total + cpuMs, 0);
        log(`  [${build.label}] ${saves} parts of ~${parts[0]?.skus} SKUs: round trip median ${fmt(median(ms))} ms; CPU per part: worker thread ${perPart(worker)} ms, ${[...byProcess].map(([kind, cpuMs]) => `${kind} ${perPart(cpuMs)}`).join(', ')}`);
        log(`    by thread: ${cpu.slice(0, 8).map(([key, cpuMs]) => `${key} ${perPart(cpuMs)}`).join('; ')}`);
        log(`    answer: ${JSON.stringify(parts[0]?.answer)}`);
      }
    }
    if (profile) {
      writeFileSync(flags.profile!, JSON.stringify(profile));
      const { busyMs, top } = selfTimes(profile);
      const parts = RELOADS * Math.ceil(SKUS / 1000);
      log(`\nWorker profile [${builds[0]!.label}] over ${parts} reload parts: ${fmt(busyMs / parts)} ms busy per part. Self time per part:`);
      for (const { name, ms } of top) log(`  ${fmt(ms / parts).padStart(6)}  ${name}`);
    }
    for (const build of builds) await build.page.close();
  } finally {
    await ext.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    await environment.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
