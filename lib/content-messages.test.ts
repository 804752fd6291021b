import { describe, expect, it, vi } from 'vitest';

import { contentSender, loadMessages } from './content-messages';
import { contentMessages, isPageOnlyMessage } from './i18n';
import type { PageReading } from './records';

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
