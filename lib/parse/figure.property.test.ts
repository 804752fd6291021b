import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isPlaceholder, parseFigure } from './figure';

/**
 * Properties of the one figure parser, over text a hostile or broken page could show:
 * never a throw, never NaN or Infinity, null for anything that is not one clear number,
 * and the number itself back for every well-formed way the pages print one.
 */

const RUNS = { numRuns: 300 };

// Pieces page text is made of: digits, separators, signs, units, placeholders, spaces of every
// kind, bidi marks, emoji, markup and script text.
const PIECES = [
  '0', '1', '7', '12', '999', '1,234', '1，234', '.', ',', '，', '-', '+', '−', '—', '–', '--', '%', '％',
  '件', '天', 'days', 'pcs', 'N/A', '暂无', ' ', '\u00a0', '\u200b', '\ufeff', '\u200f', '\u202e', '\u2067',
  'مرحبا', '٣', '١٢', '🚀', '👩‍👩‍👧', '<b>', '</b>', '<script>window.__pwned=1</script>', '<img src=x onerror=alert(1)>',
  '&amp;', '&#49;', 'e', 'E', 'Infinity', 'NaN', '0x1F', '1e400', '9'.repeat(400), '\n', '\t',
];
const pageText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join('')),
);

const isCleanResult = (value: number | null) => value === null || (typeof value === 'number' && Number.isFinite(value));

/** A well-formed figure: an integer part, maybe a fraction, printed with or without thousands groups. */
const wellFormed = fc
  .record({
    whole: fc.oneof(fc.nat({ max: 999 }), fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.constant(10n ** 400n)),
    fraction: fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
    grouped: fc.boolean(),
    groupMark: fc.constantFrom(',', '，'),
    sign: fc.constantFrom('', '', '+', '-', '−'),
    unit: fc.constantFrom('', '件', ' 件', '天', ' 天', ' days', ' day', '%', ' %', '％', ' pcs', ' 次', ' units'),
    pad: fc.constantFrom('', ' ', '\u00a0', '  ', '\u200b'),
  })
  .map(({ whole, fraction, grouped, groupMark, sign, unit, pad }) => {
    const digits = String(whole);
    const printed = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, groupMark) : digits;
    const text = `${pad}${sign}${printed}${fraction === undefined ? '' : `.${fraction}`}${unit}${pad}`;
    const magnitude = Number(`${digits}${fraction === undefined ? '' : `.${fraction}`}`);
    return { text, expected: sign === '-' || sign === '−' ? -magnitude : magnitude };
  });

describe('parseFigure, property-based', () => {
  it('never throws and never returns NaN or Infinity, whatever the text', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        expect(isCleanResult(parseFigure(text))).toBe(true);
        expect(typeof isPlaceholder(text)).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('gives back the number for every well-formed figure (separators, units, signs, spaces, huge numbers)', () => {
    fc.assert(
      fc.property(wellFormed, ({ text, expected }) => {
        // Beyond double range there is no figure to give back: null, never Infinity.
        expect(parseFigure(text)).toBe(Number.isFinite(expected) ? expected : null);
      }),
      RUNS,
    );
  });

  it('round-trips every finite number the way a page prints it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (value) => {
        // Fixed notation, as pages print figures (never "1e-7"); -0 prints as "0".
        const text = value.toFixed(6).replace(/\.?0+$/, '');
        const parsed = parseFigure(text);
        expect(parsed).not.toBeNull();
        expect(parsed).toBeCloseTo(Number(text), 6);
      }),
      RUNS,
    );
  });

  it('is null for placeholders, however they are padded', () => {
    const placeholder = fc.constantFrom('', '-', '--', '—', '–', '——', 'N/A', 'n/a', 'NA', 'null', 'None', '暂无', '无', '暂无数据');
    const pad = fc.constantFrom('', ' ', '\u00a0', '\u200b', '\n\t ');
    fc.assert(
      fc.property(placeholder, pad, pad, (word, before, after) => {
        expect(isPlaceholder(`${before}${word}${after}`)).toBe(true);
        expect(parseFigure(`${before}${word}${after}`)).toBeNull();
      }),
      RUNS,
    );
  });

  it('is null for two numbers, not one: ranges, ratios, lists, dates, codes', () => {
    const joiner = fc.constantFrom(' ', '-', '/', '~', ' - ', ' / ', ':', '..', ' 12 ', 'x', '|');
    fc.assert(
      fc.property(fc.nat({ max: 99_999 }), joiner, fc.nat({ max: 99_999 }), (a, join, b) => {
        expect(parseFigure(`${a}${join}${b}`)).toBeNull();
      }),
      RUNS,
    );
  });

  it('is null for a number wrapped in markup, emoji, letters or bidi controls (not one clear figure)', () => {
    const wrapper = fc.constantFrom(
      ['<b>', '</b>'], ['<script>', '</script>'], ['🚀', ''], ['', ' 🚀'], ['\u202e', ''], ['\u2067', '\u2069'],
      ['SKU-', ''], ['ES-', ''], ['', 'abc'], ['约', ''], ['≈', ''], ['$', ''], ['', '元'], ['(', ')'], ['', 'e5'],
    );
    fc.assert(
      fc.property(fc.nat(), wrapper, (n, [before, after]) => {
        expect(parseFigure(`${before}${n}${after}`)).toBeNull();
      }),
      RUNS,
    );
  });

  it('never reads a figure out of text that holds no ASCII digit', () => {
    fc.assert(
      fc.property(pageText.filter((text) => !/[0-9]/.test(text)), (text) => {
        expect(parseFigure(text)).toBeNull();
      }),
      RUNS,
    );
  });

  it('when it does answer, the answer is made of the digits in the text, in order', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const value = parseFigure(text);
        // Very large values print in exponent form; the round-trip test covers their digits.
        if (value === null || Math.abs(value) >= 1e15) return;
        const digitsIn = text.replace(/[^0-9]/g, '').replace(/^0+(?=\d)/, '');
        const digitsOut = String(Math.abs(value)).replace(/[^0-9]/g, '');
        // "1.50" prints as 1.5: compare with trailing fraction zeros allowed to drop.
        expect(digitsIn.startsWith(digitsOut.replace(/^0+(?=\d)/, '')) || digitsOut === '0').toBe(true);
      }),
      RUNS,
    );
  });
});
