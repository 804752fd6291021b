import zhCN from '../public/_locales/zh_CN/messages.json';
import en from '../public/_locales/en/messages.json';

/**
 * Every string a seller sees lives in public/_locales (the browser's own i18n format), Chinese first.
 * We look messages up ourselves instead of through browser.i18n so that the seller can pick the
 * language in settings, and so that lib/ stays browser-free.
 */
export type Lang = 'zh' | 'en';
export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Lang, Record<string, { message: string }>> = { zh: zhCN, en };

/** `{name}` placeholders are filled from params; a missing message falls back to Chinese, then the key. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[lang][key]?.message ?? catalogs.zh[key]?.message ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Browser UI language to ours: anything Chinese is zh, everything else en. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const catalogKeys = (lang: Lang): string[] => Object.keys(catalogs[lang]).sort();
