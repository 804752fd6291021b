/**
 * The page's side of bench/worker-save.ts, run inside an extension page (bundled like
 * bench/history-steps.ts): a big Seller Center page's reading sent to the real worker as the
 * content script sends it (lib/content-messages.ts: readingParts, toWire), each part's round trip
 * timed.
 */
import { readingParts, toWire } from '@/lib/content-messages';
import { MARKETS, type PageReading, type SkuFigures } from '@/lib/records';
import { readAtDaysAgo } from './history-steps';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** SKUs per message, as features/runtime/page-loop.ts sends them. */
const SKUS_PER_MESSAGE = 1000;

const skuName = (index: number): string => `ES-${String(10_000 + index)}`;

/** A SKU's figures `daysAgo` days before today; `change` moves the stock of every `change`-th SKU (0: none). */
function skuOn(index: number, daysAgo: number, change = 0): SkuFigures {
  const dailySales = (index % 40) + 1;
  const moved = change > 0 && index % change === 0 ? 1 : 0;
  return {
    sku: skuName(index),
    product: `数据线 Type-C 快充 ${index % 300} 号`,
    warehouse: index % 4 === 0 ? null : `西班牙马德里仓 ${index % 3}`,
    market: MARKETS[index % MARKETS.length]!,
    sellable: Math.max(0, ((index * 37) % 4000) + 1000 - (60 - daysAgo) * dailySales - moved),
    inTransit: index % 3 === 0 ? 100 : 0,
    dailySales: index % 5 === 0 ? null : dailySales,
    dailySalesFrom: index % 5 === 0 ? null : 'daily',
    turnoverDays: index % 7 === 0 ? null : Math.round((((index * 37) % 4000) / dailySales) * 10) / 10,
  };
}

function pageReading(storeId: string, skus: number, daysAgo: number, change = 0): PageReading {
  return {
    storeId,
    pageKind: 'inventory',
    readAt: readAtDaysAgo(daysAgo),
    skus: Array.from({ length: skus }, (_, index) => skuOn(index + 1, daysAgo, change)),
    store: null,
    events: [],
  };
}

async function send(message: unknown): Promise<unknown> {
  const answer = (await chrome.runtime.sendMessage(message)) as { ok?: boolean; data?: unknown; error?: unknown } | undefined;
  if (!answer?.ok) throw new Error(`reading/save: ${JSON.stringify(answer?.error ?? answer)}`);
  return answer.data;
}

export interface PartTiming {
  skus: number;
  ms: number;
  answer: unknown;
}

/** One page reading of `skus` SKUs, `daysAgo` days ago, in parts as the content script sends it: each part's round trip. */
export async function saveReading(storeId: string, skus: number, daysAgo: number, change = 0): Promise<PartTiming[]> {
  const wires = readingParts(pageReading(storeId, skus, daysAgo, change), SKUS_PER_MESSAGE).map((part) => ({
    skus: part.skus.length,
    wire: toWire({ type: 'reading/save', reading: part }),
  }));
  last = wires;
  return sendParts(wires);
}

let last: { skus: number; wire: unknown }[] = [];

/** The last reading sent once more, as it was (the same readAt): what a repeated message costs. */
export const resendLast = (): Promise<PartTiming[]> => sendParts(last);

async function sendParts(wires: { skus: number; wire: unknown }[]): Promise<PartTiming[]> {
  const timings: PartTiming[] = [];
  for (const { skus: count, wire } of wires) {
    const start = performance.now();
    const answer = await send(wire);
    timings.push({ skus: count, ms: performance.now() - start, answer });
  }
  return timings;
}
