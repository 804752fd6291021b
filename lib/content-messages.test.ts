import { describe, expect, it, vi } from 'vitest';

import { contentSender, fromWire, loadMessages, readingParts, toWire } from './content-messages';
import { groupOf, shardOf } from './history/shard';
import { contentMessages, isPageOnlyMessage } from './i18n';
import type { PageReading, SkuFigures } from './records';

describe("the content script's messages", () => {
  it('validates an answer against the content protocol', async () => {
    const send = contentSender(async () => ({ ok: true, data: { saved: 'all', skipped: 0, problems: [] } }));
    const reading: PageReading = { storeId: 's', pageKind: 'inventory', readAt: 1, skus: [], store: null, events: [] };
    await expect(send({ type: 'reading/save', reading })).rejects.toMatchObject({
      failure: { key: 'history_error_failed', detail: 'reading/save answer: saved: expected number' },
    });
  });

  it('checks a request before sending it, except a reading, whose records were checked as they were read', async () => {
    const transport = vi.fn(async () => ({ ok: true, data: { saved: 0, skipped: 1, problems: ['sellable'] } }));
    const send = contentSender(transport);
    await expect(send({ type: 'glossary/put', code: 'es-402', meaning: 'x' })).rejects.toMatchObject({ failure: { key: 'history_error_badRequest' } });
    expect(transport).not.toHaveBeenCalled();
    // The worker validates every request on arrival: it is the one to refuse this reading's figure.
    const reading = { storeId: 's', pageKind: 'inventory', readAt: 1, skus: [{ sku: 'A' } as SkuFigures], store: null, events: [] } satisfies PageReading;
    await send({ type: 'reading/save', reading });
    expect(transport).toHaveBeenCalledWith(toWire({ type: 'reading/save', reading }));
  });

  it("sends a reading's SKUs in columns, which the worker makes the same records again", () => {
    const skus: SkuFigures[] = [
      { sku: 'A', product: '灯', warehouse: '西班牙仓', market: 'ES', sellable: 3, inTransit: null, dailySales: 0.5, dailySalesFrom: 'sales30d', turnoverDays: null },
      { sku: 'B', product: null, warehouse: null, market: null, sellable: null, inTransit: 7, dailySales: null, dailySalesFrom: null, turnoverDays: 12 },
    ];
    const reading: PageReading = { storeId: 's', pageKind: 'inventory', readAt: 1, skus, store: null, events: [] };
    const request = { type: 'reading/save' as const, reading };
    const wire = toWire(request);
    expect(wire).toMatchObject({ reading: { skuColumns: { sku: ['A', 'B'], sellable: [3, null], dailySalesFrom: ['sales30d', null] } } });
    expect(JSON.stringify(wire)).not.toContain('"skus"');
    expect(fromWire(wire)).toEqual(request);
    // Other messages travel as they are.
    const put = { type: 'glossary/put', code: 'ES-402', meaning: 'x' } as const;
    expect(toWire(put)).toBe(put);
    expect(fromWire(put)).toBe(put);
  });

  it('asks the worker for texts only when the language has none', async () => {
    const transport = vi.fn(async () => ({ ok: true, data: { messages: contentMessages('en') } }));
    // Outside the content script's build the catalogs carry their texts: nothing to ask.
    await loadMessages(contentSender(transport), 'en');
    expect(transport).not.toHaveBeenCalled();
  });

  it("sends a content script one language's texts, none of the pages' own", () => {
    const zh = contentMessages('zh');
    const en = contentMessages('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(zh).filter(isPageOnlyMessage)).toEqual([]);
    expect(zh.badge_source).toBe('来源：{source}');
    expect(en.badge_glossary_save).toBe('Save');
  });
});

describe('readingParts', () => {
  const sku = (n: number): SkuFigures => ({
    sku: `ES-${n}`, product: null, warehouse: null, market: 'ES', sellable: n, inTransit: null, dailySales: null, dailySalesFrom: null, turnoverDays: null,
  });
  const reading = (count: number): PageReading => ({
    storeId: 's', pageKind: 'inventory', readAt: 1, skus: Array.from({ length: count }, (_, n) => sku(n)),
    store: { orders30d: 12 }, events: [{ code: 'ES-402', sku: 'ES-1' }],
  });

  /** No two sets have a member in common. */
  const expectNoneShared = (sets: Set<number>[]) =>
    sets.forEach((set, index) => sets.slice(index + 1).forEach((other) => expect([...set].filter((member) => other.has(member))).toEqual([])));

  it('leaves a reading of up to `most` SKUs whole', () => {
    const whole = reading(3);
    expect(readingParts(whole, 3)).toEqual([whole]);
  });

  it('splits a bigger one into parts that add up to it, a shard of SKUs in one part only, store figures and events in the first', () => {
    const whole = reading(2_000);
    const parts = readingParts(whole, 500);
    expect(parts).toHaveLength(4);
    expect(parts.flatMap((part) => part.skus).sort((a, b) => a.sellable! - b.sellable!)).toEqual(whole.skus);
    // Each message rewrites only its own shards' records in the worker.
    expectNoneShared(parts.map((part) => new Set(part.skus.map((row) => shardOf(row.sku)))));
    // About `most` SKUs each: the hash spreads codes evenly.
    for (const part of parts) expect(part.skus.length).toBeGreaterThan(400);
    for (const part of parts) expect(part.skus.length).toBeLessThan(600);
    expect(parts.map((part) => [part.store, part.events.length])).toEqual([[{ orders30d: 12 }, 1], [null, 0], [null, 0], [null, 0]]);
    expect(parts.every((part) => part.storeId === 's' && part.pageKind === 'inventory' && part.readAt === 1)).toBe(true);
  });

  it('makes a power of two of parts, each a whole number of groups of shards, none over `most` SKUs by more than the hash spreads', () => {
    const whole = reading(10_000);
    const parts = readingParts(whole, 1_000);
    // 10 parts would split six groups (their recent-days records written twice); 16 split none.
    expect(parts).toHaveLength(16);
    expect(parts.reduce((sum, part) => sum + part.skus.length, 0)).toBe(10_000);
    expectNoneShared(parts.map((part) => new Set(part.skus.map((row) => groupOf(row.sku)))));
    for (const part of parts) expect(part.skus.length).toBeLessThan(1_000);
    // 3,000 SKUs: 4 parts of 4 groups each.
    const four = readingParts(reading(3_000), 1_000);
    expect(four.map((part) => new Set(part.skus.map((row) => groupOf(row.sku))).size)).toEqual([4, 4, 4, 4]);
  });
});
