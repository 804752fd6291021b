import { collapseSpace } from './space';

/**
 * One parser for every figure a Seller Center page shows, in Chinese or English:
 * "1,234 件", "35 天", "4.8", "99.95%", "-0.2 %", "12 days", "N/A", "--".
 * A placeholder or anything that is not one clear number gives null: never NaN, never 0.
 */

/**
 * Whether text is one of a few words (given in lower case), in any case. Text longer than the
 * longest word is ruled out without lower-casing it: a table of thousands of rows asks for each.
 */
export function anyCaseWords(words: readonly string[]): (text: string) => boolean {
  const set = new Set(words);
  const longest = Math.max(...words.map((word) => word.length));
  return (text) => text.length <= longest && set.has(text.toLowerCase());
}

const isPlaceholderWord = anyCaseWords(['', '-', '--', '—', '–', '——', 'n/a', 'na', 'null', 'none', '暂无', '无', '暂无数据']);

/**
 * One clear number, in one match: a sign, the whole part grouped by ',' (or the full-width '，')
 * with exactly three digits a group, a fraction, and one of the units the pages print after a
 * figure (any case). A table of thousands of rows parses five figures a row: one regular
 * expression over the text, not a replace, a trim and a match each.
 */
const FIGURE = /^([+\-−]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?\s*(?:件|个|天|日|次|单|分|pcs?|pieces?|units?|days?|d|times?|orders?|%|％)?$/i;

/** "--", "N/A", "暂无", empty: the page's way of saying "no figure here" (readers tell it apart from unreadable text). */
export const isPlaceholder = (text: string | null | undefined): boolean => text == null || isPlaceholderWord(collapseSpace(text));

/** A placeholder is never a number: it reads as null like any other text that is not one. */
export function parseFigure(text: string | null | undefined): number | null {
  if (text == null) return null;
  const figure = collapseSpace(text);
  // A whole number of a few digits (most of a table's figures) is added up from its digits: no
  // match array and no copies of the text for each of the thousands of figures of a table.
  if (!FIGURE.test(figure)) return null;
  const magnitude = wholeMagnitude(figure) ?? exactMagnitude(figure);
  if (magnitude === null) return null;
  return figure[0] === '-' || figure[0] === '−' ? -magnitude : magnitude;
}

const MOST_EXACT_DIGITS = 15;

/** The size of a figure FIGURE matched when it is whole and of at most MOST_EXACT_DIGITS digits (then exact); else undefined. */
function wholeMagnitude(figure: string): number | undefined {
  let value = 0;
  let digits = 0;
  // FIGURE allows one sign first; the loop ends at the first character that is no digit or group mark.
  let at = figure[0] === '+' || figure[0] === '-' || figure[0] === '−' ? 1 : 0;
  for (; at < figure.length; at += 1) {
    const code = figure.charCodeAt(at);
    if (code >= 0x30 && code <= 0x39) {
      value = value * 10 + (code - 0x30);
      digits += 1;
    } else if (code !== 0x2c /* , */ && code !== 0xff0c /* ， */) break;
  }
  return digits > MOST_EXACT_DIGITS || figure[at] === '.' ? undefined : value;
}

/** The size of any figure FIGURE matches, through Number: a fraction, or more digits than add up exactly; null when not finite. */
function exactMagnitude(figure: string): number | null {
  const [, , whole = '', fraction] = FIGURE.exec(figure)!;
  const value = Number(`${whole.replace(/[,，]/g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? value : null;
}
