import { describe, expect, it } from 'vitest';
import { catalogKeys, contentMessages, hasMessages, installMessages, langFromLocale, t } from './i18n';

describe('i18n', () => {
  it('both locales have exactly the same keys', () => {
    expect(catalogKeys('en')).toEqual(catalogKeys('zh'));
  });

  it('looks a key up in each language', () => {
    expect(t('en', 'extName')).toContain('Local Stock Copilot');
    expect(t('zh', 'extName')).toMatch(/^库存模式助手/);
  });

  it('maps browser locales', () => {
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('zh_TW')).toBe('zh');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });

  // Last: it replaces the English catalog for the rest of this file, as the content script does.
  it("installs one language's texts, as the content script gets them from the worker", () => {
    expect(hasMessages('en')).toBe(true);
    installMessages('en', { ...contentMessages('en'), badge_source: 'From {source}' });
    expect(t('en', 'badge_source', { source: 'the guide' })).toBe('From the guide');
    // A page-only message is not among them: it falls back to Chinese, as any missing message does.
    expect(t('en', 'extName')).toMatch(/^库存模式助手/);
  });
});
