import zhCN from '../public/_locales/zh_CN/messages.json';
import en from '../public/_locales/en/messages.json';

/**
 * Every string a seller sees lives in public/_locales (the browser's own i18n format), Chinese first.
 * We look messages up ourselves instead of through browser.i18n so that the seller can pick the
 * language in settings, and so that lib/ stays browser-free.
 *
 * The content script's build carries the message keys without their texts (content-script-build.ts):
 * at setup it asks the worker for the texts of the language it shows ('messages/get',
 * lib/content-messages.ts) and installs them here with installMessages.
 */
export type Lang = 'zh' | 'en';
export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;

type Catalog = Record<string, { message?: string }>;

const catalogs: Record<Lang, Catalog> = { zh: zhCN, en };

/** `{name}` placeholders are filled from params; a missing message falls back to Chinese, then the key. */
const NO_PARAMS: MessageParams = Object.freeze({});

export function t(lang: Lang, key: MessageKey, params: MessageParams = NO_PARAMS): string {
  const template = catalogs[lang][key]?.message ?? catalogs.zh[key]?.message ?? key;
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Browser UI language to ours: anything Chinese is zh, everything else en. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const catalogKeys = (lang: Lang): string[] => Object.keys(catalogs[lang]).sort();

/** Message key prefixes that only the popup, the options page, reminders and the manifest use. */
export const PAGE_ONLY_MESSAGES = ['options_', 'popup_', 'ui_', 'backup_', 'reminder_', 'extName', 'extDescription'] as const;

export const isPageOnlyMessage = (key: string): boolean => PAGE_ONLY_MESSAGES.some((prefix) => key.startsWith(prefix));

/** What a content script may show: one language's texts, without the page-only messages. */
export function contentMessages(lang: Lang): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, entry] of Object.entries(catalogs[lang])) {
    if (!isPageOnlyMessage(key) && entry.message !== undefined) texts[key] = entry.message;
  }
  return texts;
}

const installed = new Set<Lang>();

/** Whether `lang` has its texts: always, except in the content script before installMessages. */
export const hasMessages = (lang: Lang): boolean =>
  installed.has(lang) || Object.values(catalogs[lang]).some((entry) => entry.message !== undefined);

/** Puts the texts of one language in place (the content script, from the worker's contentMessages). */
export function installMessages(lang: Lang, texts: Record<string, string>): void {
  catalogs[lang] = Object.fromEntries(Object.entries(texts).map(([key, message]) => [key, { message }]));
  installed.add(lang);
}
