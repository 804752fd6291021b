import { describe, expect, it } from 'vitest';
import { isPlaceholder, parseFigure } from './figure';

describe('parseFigure', () => {
  it.each([
    ['1,234', 1234],
    ['1,234 件', 1234],
    ['12,345,678', 12345678],
    ['35 天', 35],
    ['35天', 35],
    ['12 days', 12],
    ['1 day', 1],
    ['3 次', 3],
    ['40 pcs', 40],
    ['4.78', 4.78],
    ['99.95%', 99.95],
    ['99.95 %', 99.95],
    ['1.2％', 1.2],
    ['-0.3%', -0.3],
    ['−0.3%', -0.3],
    ['+0.25%', 0.25],
    ['0', 0],
    ['  7\u00a0天 ', 7],
    ['1，234', 1234],
  ])('%j -> %j', (text, expected) => {
    expect(parseFigure(text)).toBe(expected);
  });

  it.each(['', ' ', '-', '--', '—', 'N/A', 'n/a', '暂无', null, undefined])('placeholder %j -> null', (text) => {
    expect(parseFigure(text)).toBeNull();
  });

  it.each(['abc', '1,23', '12,3456', '1.2.3', '4.8/5', 'SKU-1001', '3-5', '1e5', 'NaN', 'Infinity', '12 34'])(
    'not one clear number %j -> null',
    (text) => {
      expect(parseFigure(text)).toBeNull();
    },
  );

  it('tells a placeholder ("no figure shown") from text that is not a figure', () => {
    expect(['--', ' N/A ', '暂无', '', null].map(isPlaceholder)).toEqual([true, true, true, true, true]);
    expect(['0', 'abc', '4.81', 'ES-402'].map(isPlaceholder)).toEqual([false, false, false, false]);
  });
});
