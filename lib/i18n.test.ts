import { describe, expect, it } from 'vitest';
import { catalogKeys, langFromLocale, t } from './i18n';

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
});
