import type { Market } from '../records';

/**
 * The market a warehouse serves, from the warehouse cell's words: "西班牙马德里仓", "Madrid ES",
 * "Los Angeles, CA", "Mexico City, MX". Country and city names decide first; a bare two-letter
 * code only when no name is there ("Los Angeles, CA" is California, not Canada). Text that names
 * two markets is not guessed at: null.
 */

interface Place {
  /** Chinese names are matched anywhere in the text (Chinese has no spaces between words). */
  zh: readonly string[];
  /** English names are matched as whole words, any case. */
  en: readonly string[];
  /** Codes are matched as whole words, upper case only ("es" and "ca" are ordinary words). */
  codes: readonly string[];
}

const PLACES: Record<Market, Place> = {
  ES: { zh: ['西班牙', '马德里', '巴塞罗那'], en: ['Spain', 'Madrid', 'Barcelona'], codes: ['ES'] },
  FR: { zh: ['法国', '巴黎'], en: ['France', 'Paris'], codes: ['FR'] },
  PL: { zh: ['波兰', '华沙'], en: ['Poland', 'Warsaw'], codes: ['PL'] },
  SA: { zh: ['沙特', '利雅得', '吉达'], en: ['Saudi Arabia', 'Saudi', 'Riyadh', 'Jeddah'], codes: ['SA', 'KSA'] },
  AE: { zh: ['阿联酋', '迪拜'], en: ['United Arab Emirates', 'UAE', 'Dubai'], codes: ['AE'] },
  MX: { zh: ['墨西哥'], en: ['Mexico'], codes: ['MX'] },
  BR: { zh: ['巴西', '圣保罗'], en: ['Brazil', 'Brasil', 'São Paulo', 'Sao Paulo'], codes: ['BR'] },
  KR: { zh: ['韩国', '首尔'], en: ['Korea', 'South Korea', 'Seoul'], codes: ['KR'] },
  JP: { zh: ['日本', '东京'], en: ['Japan', 'Tokyo'], codes: ['JP'] },
  AU: { zh: ['澳大利亚', '澳洲', '悉尼'], en: ['Australia', 'Sydney'], codes: ['AU'] },
  US: { zh: ['美国', '洛杉矶', '新泽西'], en: ['United States', 'USA', 'Los Angeles', 'New Jersey'], codes: ['US'] },
  CA: { zh: ['加拿大', '多伦多'], en: ['Canada', 'Toronto'], codes: ['CA'] },
};

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/**
 * Whether `word` stands in `text` as a whole word: no letter or digit right before or after it.
 * Looked for with indexOf, not a pattern per word: two dozen Unicode patterns cost a page some
 * 8 ms to compile and first run, and a warehouse's text holds one or two of the words at most.
 */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!LETTER_OR_DIGIT_BEFORE.test(text.slice(0, at)) && !LETTER_OR_DIGIT_AFTER.test(text.slice(at + word.length))) return true;
  }
  return false;
}

const MATCHERS = (Object.entries(PLACES) as [Market, Place][]).map(([market, place]) => {
  // Any case by lower-casing the text and the words.
  const english = place.en.map((word) => word.toLowerCase());
  return {
    market,
    names: (text: string, lower: string) => place.zh.some((name) => text.includes(name)) || english.some((word) => hasWord(lower, word)),
    // Codes in upper case only: "es" and "ca" are ordinary words.
    code: (text: string) => place.codes.some((code) => hasWord(text, code)),
  };
});

const only = (markets: Market[]): Market | null => (new Set(markets).size === 1 ? markets[0]! : null);

export function marketFromWarehouse(text: string | null | undefined): Market | null {
  if (!text) return null;
  // A store has a handful of warehouses and a table names them on every row: each name is matched once.
  let market = known.get(text);
  if (market === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(text, (market = marketOf(text)));
  }
  return market;
}

const known = new Map<string, Market | null>();
const KNOWN_MAX = 500;

function marketOf(text: string): Market | null {
  const lower = text.toLowerCase();
  const named = MATCHERS.filter((matcher) => matcher.names(text, lower)).map((matcher) => matcher.market);
  if (named.length > 0) return only(named);
  return only(MATCHERS.filter((matcher) => matcher.code(text)).map((matcher) => matcher.market));
}
