import { describe, expect, it, vi } from 'vitest';

import { toWire } from './content-messages';
import type { PageReading } from './records';
import { backgroundSender, parseAnswer, parseRequest, PROTOCOL, SENDERS, sendToBackground } from './messages';

describe('the message protocol', () => {
  it('lets content scripts send only the reading, the glossary and ask for the texts', () => {
    expect([...SENDERS.content].sort()).toEqual(['glossary/list', 'glossary/put', 'messages/get', 'reading/save']);
    expect([...SENDERS.ui].sort()).toEqual(Object.keys(PROTOCOL).sort());
  });

  it("reads a reading sent in SKU columns, and refuses columns that do not make records, with the reason", () => {
    const sku = { sku: 'A', product: null, warehouse: null, market: null, sellable: 3, inTransit: null, dailySales: null, dailySalesFrom: null, turnoverDays: null };
    const reading: PageReading = { storeId: 's', pageKind: 'inventory', readAt: 1, skus: [sku], store: null, events: [] };
    const wire = toWire({ type: 'reading/save', reading }) as { reading: { skuColumns: Record<string, unknown[]> } };
    expect(parseRequest(wire, 'content')).toEqual({ ok: true, request: { type: 'reading/save', reading } });
    const columns = wire.reading.skuColumns;
    const refused = (skuColumns: unknown) => parseRequest({ ...wire, reading: { ...wire.reading, skuColumns } }, 'content');
    expect(refused({ ...columns, sellable: [-3] })).toMatchObject({ ok: false, error: { key: 'history_error_badRequest', detail: expect.stringContaining('reading.skus.0.sellable') } });
    expect(refused({ ...columns, sellable: [3, 4] })).toMatchObject({ ok: false, error: { detail: expect.stringContaining('reading.skus') } });
    expect(refused('columns')).toMatchObject({ ok: false, error: { detail: expect.stringContaining('reading.skus') } });
  });

  it('checks a request before sending it', async () => {
    const transport = vi.fn();
    await expect(sendToBackground({ type: 'sku/history', storeId: '', sku: 'A' }, transport)).rejects.toMatchObject({
      failure: { key: 'history_error_badRequest', detail: 'sku/history: storeId: too_small (minimum 1)' },
    });
    expect(transport).not.toHaveBeenCalled();
  });

  it('turns a failure, a missing answer and an answer that does not fit into errors with a reason', async () => {
    const failure = { ok: false, error: { key: 'backup_error_notJson', detail: 'Unexpected token' } };
    await expect(sendToBackground({ type: 'backup/import', json: 'x' }, async () => failure)).rejects.toMatchObject({ failure: failure.error });
    await expect(sendToBackground({ type: 'stores/list' }, async () => undefined)).rejects.toMatchObject({
      failure: { key: 'history_error_failed' },
    });
    await expect(sendToBackground({ type: 'stores/list' }, async () => ({ ok: true, data: { stores: 'many' } }))).rejects.toMatchObject({
      failure: { key: 'history_error_failed', detail: expect.stringContaining('stores/list answer: stores: expected array') },
    });
  });

  it('gives the answer, validated, through a bound sender', async () => {
    const send = backgroundSender(async () => ({ ok: true, data: { entries: [], skipped: 0, problems: [] } }));
    expect(await send({ type: 'glossary/list' })).toEqual({ entries: [], skipped: 0, problems: [] });
  });

  it('refuses to let a bug in the worker answer with bad data', () => {
    expect(parseAnswer('reading/save', { saved: '1', skipped: 0, problems: [] })).toEqual({
      ok: false,
      error: { key: 'history_error_failed', detail: 'reading/save answer: saved: expected number' },
    });
  });

  it("refuses a SKU's history whose columns do not give one figure per day, on either side", async () => {
    const history = { days: ['2026-03-01', '2026-03-02'], sellable: [5, 4], inTransit: [0, 0], dailySales: [1, 1], turnoverDays: [null, null] };
    const answer = (sellable: unknown[]) => ({ history: { ...history, sellable, markets: [{ fromDay: '2026-03-01', market: 'ES' }] }, events: [], skipped: 0, problems: [] });
    expect(parseAnswer('sku/history', answer([5, 4])).ok).toBe(true);
    expect(parseAnswer('sku/history', answer([5]))).toEqual({
      ok: false,
      error: { key: 'history_error_failed', detail: 'sku/history answer: history: sellable has 1 cells for 2 days' },
    });
    await expect(sendToBackground({ type: 'sku/history', storeId: '2088', sku: 'A' }, async () => ({ ok: true, data: answer([5, '4']) }))).rejects.toMatchObject({
      failure: { key: 'history_error_failed', detail: 'sku/history answer: history.sellable.1: expected number' },
    });
  });
});
