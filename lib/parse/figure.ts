/**
 * One parser for every figure a Seller Center page shows, in Chinese or English:
 * "1,234 件", "35 天", "4.8", "99.95%", "-0.2 %", "12 days", "N/A", "--".
 * A placeholder or anything that is not one clear number gives null: never NaN, never 0.
 */

const PLACEHOLDERS = new Set(['', '-', '--', '—', '–', '——', 'n/a', 'na', 'null', 'none', '暂无', '无', '暂无数据']);

// Units the pages print after a figure; matched case-insensitively at the end only.
const UNIT_SUFFIX = /\s*(件|个|天|日|次|单|分|pcs?|pieces?|units?|days?|d|times?|orders?|%|％)$/i;

// Thousands grouped by ',' (or the full-width '，') with exactly three digits a group.
const NUMBER = /^([+\-−]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?$/;

const squash = (text: string) => text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** "--", "N/A", "暂无", empty: the page's way of saying "no figure here" (readers tell it apart from unreadable text). */
export const isPlaceholder = (text: string | null | undefined): boolean => text == null || squashedPlaceholder(squash(text));

const squashedPlaceholder = (squashed: string) => PLACEHOLDERS.has(squashed.toLowerCase());

export function parseFigure(text: string | null | undefined): number | null {
  if (text == null) return null;
  const squashed = squash(text);
  if (squashedPlaceholder(squashed)) return null;
  const s = squashed.replace(UNIT_SUFFIX, '').trim();
  const match = NUMBER.exec(s);
  if (!match) return null;
  const [, sign, whole = '', fraction] = match;
  const value = Number(`${whole.replace(/[,，]/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return null;
  return sign === '-' || sign === '−' ? -value : value;
}
