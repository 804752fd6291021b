/**
 * The history measurements, run inside Chromium (bundled by bench/history.ts): one day's snapshots
 * for many SKUs written, one SKU's long history read, reminders planned for every SKU. The same
 * steps go either through the worker's message protocol (the real worker, from an extension page)
 * or, while the worker does not answer it, straight through the functions it is built from
 * (lib/history, lib/reminders) on a page's IndexedDB in the same browser.
 */
import { AT_RISK_PAGE } from '@/components/ui/AtRiskList';
import { openHistory } from '@/lib/history/db';
import { readRecent, readSkuHistory } from '@/lib/history/read';
import { saveReading } from '@/lib/history/save';
import { shardOf } from '@/lib/history/shard';
import { sendToBackground } from '@/lib/messages';
import { MARKETS, type PageReading, type SkuFigures } from '@/lib/records';
import { planReminders } from '@/lib/reminders/plan';
import { ruleContext } from '@/lib/rules/context';
import { dayOf } from '@/lib/rules/day';
import { defaultSettings } from '@/lib/settings/schema';

export interface HistoryOptions {
  /** SKUs in the store, each written for `recentDays` days. */
  skus: number;
  recentDays: number;
  /** Days of history of the one SKU that is read back. */
  historyDays: number;
  reads: number;
  plans: number;
}

export interface HistoryFigures {
  /** Where it ran: 'worker' (through messages) or 'page' (the worker's functions on a page's IndexedDB). */
  target: Target;
  /** Each day's write of every SKU, oldest day first (the first meets an empty store). */
  writeMs: number[];
  /** Reads once the browser has finished writing the day's saves to disk (SETTLE_MS after them): the budget's figure. */
  readMs: number[];
  /** The same reads right after the saves, while the browser is still writing them out: slower, shown beside. */
  readRightAfterMs: number[];
  /** How long after the saves `readMs` were taken. */
  settleMs: number;
  readRecords: number;
  planMs: number[];
  /** SKUs the plan names (with at least one reason). */
  planned: number;
  /** SKUs the plan's answer carries (the options page's first page); `planned` counts them all. */
  planLimit: number;
  /**
   * The platform's floor, for comparison: `skus` bare puts of one day's snapshots (no index, no
   * validation, no message) in one transaction, in a scratch database of the same page.
   */
  floorPutMs: number;
}

type Target = 'worker' | 'page';

interface HistoryApi {
  save(reading: PageReading): Promise<void>;
  /** Returns how many daily records came back. */
  history(storeId: string, sku: string): Promise<number>;
  /** Returns how many SKUs the plan names. */
  plan(storeId: string): Promise<number>;
  close(): Promise<void>;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The worker's answer envelope (lib/messages.ts): `{ ok: true, data }` or `{ ok: false, error }`. */
async function ask<T>(request: { type: string } & Record<string, unknown>): Promise<T> {
  const answer = (await chrome.runtime.sendMessage(request)) as { ok?: boolean; data?: T; error?: unknown } | undefined;
  if (!answer?.ok) throw new Error(`${request.type}: ${JSON.stringify(answer?.error ?? answer)}`);
  return answer.data as T;
}

const workerApi = (): HistoryApi => ({
  save: (reading) => ask({ type: 'reading/save', reading }).then(() => undefined),
  // Through the pages' own sender, which checks the answer as the options page does.
  history: (storeId, sku) => sendToBackground({ type: 'sku/history', storeId, sku }, (message) => chrome.runtime.sendMessage(message)).then((answer) => answer.history.days.length),
  // As the options page's at-risk list asks: its first page of the most urgent, and the count of all.
  plan: (storeId) => sendToBackground({ type: 'store/at-risk', storeId, limit: AT_RISK_PAGE }, (message) => chrome.runtime.sendMessage(message)).then((answer) => answer.atRisk),
  close: async () => undefined,
});

async function pageApi(): Promise<HistoryApi> {
  const name = `lsm-bench-${Date.now()}`;
  const db = await openHistory({ name });
  return {
    save: (reading) => saveReading(db, reading).then(() => undefined),
    history: (storeId, sku) => readSkuHistory(db, storeId, sku).then((result) => result.records.length),
    async plan(storeId) {
      const today = dayOf(new Date());
      const { records } = await readRecent(db, storeId);
      const ctx = ruleContext(defaultSettings(), today);
      return planReminders(records, ctx).reduce((sum, plan) => sum + plan.skus.length, 0);
    },
    async close() {
      db.close();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = resolve;
      });
    },
  };
}

/** Whether the worker answers the protocol (a `stores/list` comes back as `{ ok: true }`). */
export async function workerAnswers(): Promise<boolean> {
  try {
    await ask({ type: 'stores/list' });
    return true;
  } catch {
    return false;
  }
}

/** Noon of the day `daysAgo` days before today (now, for today), in the browser's zone. */
export function readAtDaysAgo(daysAgo: number): number {
  if (daysAgo === 0) return Date.now();
  const at = new Date();
  at.setHours(12, 0, 0, 0);
  at.setDate(at.getDate() - daysAgo);
  return at.getTime();
}

const skuName = (index: number): string => `BENCH-${String(index).padStart(5, '0')}`;

/** A SKU's figures on a day: stock runs down by its daily sales, so the plan finds every reason. */
function skuOn(index: number, daysAgo: number, sku = skuName(index)): SkuFigures {
  const dailySales = (index % 40) + 1;
  const start = (index * 37) % 4000;
  return {
    sku,
    product: `Bench product ${index}`,
    warehouse: null,
    market: MARKETS[index % MARKETS.length]!,
    sellable: Math.max(0, start - (60 - daysAgo) * dailySales),
    inTransit: index % 3 === 0 ? 100 : 0,
    dailySales: index % 5 === 0 ? null : dailySales,
    dailySalesFrom: index % 5 === 0 ? null : 'daily',
    turnoverDays: null,
  };
}

const reading = (storeId: string, daysAgo: number, skus: SkuFigures[]): PageReading => ({
  storeId,
  pageKind: 'inventory',
  readAt: readAtDaysAgo(daysAgo),
  skus,
  store: null,
  events: [],
});

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** `count` puts of snapshot-like records in one readwrite transaction of a scratch database. */
async function barePuts(count: number): Promise<number> {
  const name = `lsm-bench-floor-${Date.now()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('snapshots', { keyPath: ['storeId', 'sku', 'day'] });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await timed(
      () =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('snapshots', 'readwrite');
          const store = tx.objectStore('snapshots');
          for (let index = 1; index <= count; index += 1) store.put({ ...skuOn(index, 0), storeId: 'floor', day: '2026-01-01', readAt: 0 });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    );
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}

/**
 * Fourteen days of 10,000 SKUs saved back to back leave the browser writing them out to disk for a
 * while after the last save has answered (a page's own IndexedDB reads slow down the same way); a
 * seller's saves come a page visit at a time. Reads are timed both right after and this long after.
 */
const SETTLE_MS = 3_000;

export async function runHistory(target: Target, options: HistoryOptions): Promise<HistoryFigures> {
  const api = target === 'worker' ? workerApi() : await pageApi();
  const storeId = `bench-${Date.now()}`;
  const historySku = 'BENCH-HISTORY';
  try {
    // Setup, not timed: one SKU read on every day of its long history, and with it the store's SKUs
    // that share its week records (its shard), as they would in a store read every day that long:
    // its read takes their cells too.
    const shard = shardOf(historySku);
    const neighbours = Array.from({ length: options.skus }, (_, index) => index + 1).filter((index) => shardOf(skuName(index)) === shard);
    for (let daysAgo = options.historyDays - 1; daysAgo >= 0; daysAgo -= 1) {
      await api.save(reading(storeId, daysAgo, [skuOn(0, daysAgo, historySku), ...neighbours.map((index) => skuOn(index, daysAgo))]));
    }
    const writeMs: number[] = [];
    for (let daysAgo = options.recentDays - 1; daysAgo >= 0; daysAgo -= 1) {
      const day = reading(storeId, daysAgo, Array.from({ length: options.skus }, (_, index) => skuOn(index + 1, daysAgo)));
      writeMs.push(await timed(() => api.save(day)));
    }
    let readRecords = 0;
    const reads = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let n = 0; n < options.reads; n += 1) times.push(await timed(async () => (readRecords = await api.history(storeId, historySku))));
      return times;
    };
    const readRightAfterMs = await reads();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const readMs = await reads();
    const planMs: number[] = [];
    let planned = 0;
    for (let n = 0; n < options.plans; n += 1) planMs.push(await timed(async () => (planned = await api.plan(storeId))));
    return { target, writeMs, readMs, readRightAfterMs, settleMs: SETTLE_MS, readRecords, planMs, planned, planLimit: AT_RISK_PAGE, floorPutMs: await barePuts(options.skus) };
  } finally {
    await api.close();
  }
}
