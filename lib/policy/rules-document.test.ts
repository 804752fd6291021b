import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { MARKETS } from '../records';
import { DEFAULT_POLICY, POLICY_KEYS, type Section } from './table';

/**
 * Issue 2's definition of done: each policy number of the rules document exists once, in the
 * policy table. The document lives beside the repository (../shared, as in CI's fresh clone).
 */

/** Two folders up from this file (path arithmetic: in happy-dom, URL is not Node's). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RULES_DOCUMENT = resolve(REPO_ROOT, '../shared/domain/local-stock-rules.md');

const readRulesDocument = (): string => {
  if (!existsSync(RULES_DOCUMENT)) {
    throw new Error(
      `The rules document is missing: expected ${RULES_DOCUMENT} (shared/domain/local-stock-rules.md beside the repository). ` +
        'These tests check the policy table against it and must not pass without it.',
    );
  }
  return readFileSync(RULES_DOCUMENT, 'utf8');
};

/**
 * Where each heading's numbers must be found in the table. The preamble above the first heading
 * (source, years of the white paper and the guide) holds no policy value and is not read.
 */
const PLACES = ['overview', 1, 2, 3, 4, 5, 6, 7] as const;
type Place = (typeof PLACES)[number];
const SECTIONS_OF: Record<Place, readonly Section[]> = {
  overview: ['overview'],
  1: ['eligibility'],
  2: ['choice'],
  3: ['safety'],
  4: ['turnover', 'fees'],
  5: ['events'],
  6: ['qualification'],
  7: ['context'],
};

/**
 * Numbers of the document that are not policy values, each with why. A heading's own section
 * number is not read at all (see `documentNumbers`). Every entry here must still occur: a stale
 * exception fails.
 */
const NOT_POLICY: readonly { place: Place; value: number; why: string }[] = [
  // "Warehouse countries (12)": the length of the list in lib/records.ts MARKETS (checked below).
  { place: 'overview', value: 12, why: 'count of warehouse countries' },
  // C1 "95th percentile": names the metric (fulfilmentP95MaxDays), not a threshold.
  { place: 2, value: 95, why: 'the percentile C1 is measured at' },
  // §7 "logistics score +2.1 (of 5)": the scale of the DSR score (UNIT_RANGES.score), not a figure.
  { place: 7, value: 5, why: 'the score scale' },
];

/** Numbers as the document writes them: 4.78, 0.30, 61.4 %, 3.8x, 3-7, ES-402. Rule ids (E1, C4) are names, not numbers. */
const NUMBER = /(?<![A-Za-z\d])\d+(?:\.\d+)?/g;

interface Found {
  place: Place;
  value: number;
  line: string;
}

function documentNumbers(text: string): Found[] {
  const found: Found[] = [];
  let place: Place | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## (?:(\d)\.|What Local Stock Mode is)/.exec(line);
    if (line.startsWith('## ')) {
      if (!heading) throw new Error(`A heading the test does not know: ${line}`);
      place = heading[1] ? (Number(heading[1]) as Place) : 'overview';
      if (!PLACES.includes(place)) throw new Error(`A section the test does not know: ${line}`);
      continue; // the section number itself
    }
    if (place === null) continue;
    for (const match of line.matchAll(NUMBER)) found.push({ place, value: Number(match[0]), line: line.trim() });
  }
  return found;
}

/** Numbers in the table, by the section they come from. */
function tableNumbers(section: Section): number[] {
  const values = POLICY_KEYS.map((key) => DEFAULT_POLICY.entries[key]).filter((entry) => entry.section === section).map((entry) => entry.value);
  if (section === 'safety') values.push(...DEFAULT_POLICY.christmas.monthDay.split('-').map(Number));
  if (section === 'events') {
    values.push(...Object.values(DEFAULT_POLICY.failureShares));
    values.push(...Object.keys(DEFAULT_POLICY.knownEventCodes).map((code) => Number(code.slice(3))));
  }
  return values;
}

const placeOf = (section: Section): Place | undefined => PLACES.find((place) => SECTIONS_OF[place].includes(section));

describe('the rules document and the policy table', () => {
  const numbers = documentNumbers(readRulesDocument());
  const isNotPolicy = (found: Found) => NOT_POLICY.some((n) => n.place === found.place && n.value === found.value);

  it('reads numbers from every section of the document', () => {
    expect(new Set(numbers.map((n) => n.place))).toEqual(new Set(PLACES));
  });

  it('finds every number of a section in the table, under that section', () => {
    const missing = numbers
      .filter((found) => !isNotPolicy(found))
      .filter((found) => !SECTIONS_OF[found.place].some((section) => tableNumbers(section).includes(found.value)))
      .map((found) => `§${found.place}: ${found.value} in "${found.line}"`);
    expect(missing).toEqual([]);
  });

  it('keeps the list of numbers that are not policy values short and current', () => {
    for (const exception of NOT_POLICY) {
      expect(numbers.some((found) => found.place === exception.place && found.value === exception.value), exception.why).toBe(true);
    }
    const countries = numbers.find((found) => found.place === 'overview' && found.line.startsWith('Warehouse countries'));
    expect(countries?.value).toBe(MARKETS.length);
  });

  it('holds no number the document does not give, in its section', () => {
    const invented = POLICY_KEYS.filter((key) => {
      const { section, value } = DEFAULT_POLICY.entries[key];
      const place = placeOf(section);
      return !numbers.some((found) => found.place === place && found.value === value);
    });
    expect(invented).toEqual([]);
  });

  /**
   * "Once": no two entries are the same number for the same meaning. Meaning is approximated by
   * rule id and unit (E2's and E3's 30-day windows are two meanings; two entries of one rule, one
   * unit and one value would be the same number twice).
   */
  it('holds each number once: no two entries share rule, unit and value', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const key of POLICY_KEYS) {
      const { rule, unit, value } = DEFAULT_POLICY.entries[key];
      const meaning = `${rule} ${unit} ${value}`;
      const first = seen.get(meaning);
      if (first) twice.push(`${first} and ${key}: ${meaning}`);
      else seen.set(meaning, key);
    }
    expect(twice).toEqual([]);
  });
});

describe('no literal policy number outside the table', () => {
  /** The distinctive numbers of the document: any of them in code outside lib/policy is a copy. */
  const LITERALS = ['4.78', '99.95', '0.85', '1.2', '0.3', '0.30', '1.80', '3.20', '61.4', '23.7', '14.9'];
  const asNumber = (literal: string) => new RegExp(`(?<![\\d.])${literal.replace('.', '\\.')}(?!\\.?\\d)`);

  /** Comments may quote page text ("99.95%" as a format a reader parses); code may not hold the number. */
  const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, '')).replace(/(^|\s)\/\/.*$/gm, '$1');

  const LIB = join(REPO_ROOT, 'lib');
  const codeFiles = (readdirSync(LIB, { recursive: true }) as string[])
    .map((file) => join(LIB, file))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => !relative(LIB, file).startsWith(`policy${sep}`));

  it('reads the code of lib/', () => {
    expect(codeFiles.length).toBeGreaterThan(10);
  });

  it('finds none of them in lib/ outside lib/policy/ and tests', () => {
    const copies: string[] = [];
    for (const file of codeFiles) {
      const code = withoutComments(readFileSync(file, 'utf8'));
      code.split('\n').forEach((line, i) => {
        for (const literal of LITERALS) if (asNumber(literal).test(line)) copies.push(`${relative(REPO_ROOT, file)}:${i + 1} ${literal}: ${line.trim()}`);
      });
    }
    expect(copies).toEqual([]);
  });

  it('would find one', () => {
    expect(asNumber('4.78').test('if (dsr >= 4.78) return true;')).toBe(true);
    expect(asNumber('1.2').test('const ratio = 1.25;')).toBe(false);
    expect(asNumber('0.3').test('version 10.3.1')).toBe(false);
    expect(withoutComments('/** "99.95%" as shown */\nconst x = 1; // 4.78')).not.toMatch(/99\.95|4\.78/);
  });
});
