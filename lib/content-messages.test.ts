import { describe, expect, it, vi } from 'vitest';

import { contentSender, loadMessages, readingParts } from './content-messages';
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

  it('leaves a reading of up to `most` SKUs whole', () => {
    const whole = reading(3);
    expect(readingParts(whole, 3)).toEqual([whole]);
  });

  it('splits a bigger one into parts that add up to it, store figures and events in the first only', () => {
    const parts = readingParts(reading(7), 3);
    expect(parts.map((part) => part.skus.map((s) => s.sku))).toEqual([['ES-0', 'ES-1', 'ES-2'], ['ES-3', 'ES-4', 'ES-5'], ['ES-6']]);
    expect(parts.map((part) => [part.store, part.events.length])).toEqual([[{ orders30d: 12 }, 1], [null, 0], [null, 0]]);
    expect(parts.every((part) => part.storeId === 's' && part.pageKind === 'inventory' && part.readAt === 1)).toBe(true);
  });
});
