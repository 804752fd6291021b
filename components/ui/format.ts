import { t, type Lang, type MessageKey, type MessageParams } from '@/lib/i18n';
import type { Day } from '@/lib/rules/day';

/** Numbers and dates as the seller reads them in the chosen language (1,234.5 / 2025年12月25日). */

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  const id = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(locale(lang), { maximumFractionDigits })));
  return format.format(value);
}

/** Yuan with their cents: 12.3 -> 12.30. */
export const formatCny = (lang: Lang, value: number): string =>
  new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** A calendar day; read as UTC so that no time zone moves it to the day before. */
export const formatDay = (lang: Lang, day: Day): string =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A day on a chart axis: short month and day. */
export const formatMonthDay = (lang: Lang, epochMs: number): string =>
  new Intl.DateTimeFormat(locale(lang), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(epochMs);

/** A moment (epoch milliseconds) in the browser's time zone. */
export const formatMoment = (lang: Lang, epochMs: number): string =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);

/** Message placeholders with their numbers formatted for the language (rules pass them as plain numbers). */
export function formatParams(lang: Lang, params: MessageParams): MessageParams {
  const formatted: MessageParams = {};
  for (const [name, value] of Object.entries(params)) formatted[name] = typeof value === 'number' ? formatNumber(lang, value) : value;
  return formatted;
}

/** t() with formatted numbers. */
export const text = (lang: Lang, key: MessageKey, params: MessageParams = {}): string => t(lang, key, formatParams(lang, params));

/** A figure in its unit's words ('{n} 件'), or "unknown" when there is none. */
export const figureIn = (lang: Lang, key: MessageKey, value: number | null, maximumFractionDigits = 2): string =>
  value === null ? t(lang, 'ui_unknown') : t(lang, key, { n: formatNumber(lang, value, maximumFractionDigits) });
