import { describe, expect, it } from 'vitest';

import { addDays, dayOf, daysBetween, isDay, yearlyOccurrence } from './day';

describe('days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-11-25', 30)).toBe('2025-12-25');
    expect(addDays('2025-12-25', -30)).toBe('2025-11-25');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });

  it('counts whole days between two days, either way, across a daylight-saving change', () => {
    expect(daysBetween('2025-11-25', '2025-12-25')).toBe(30);
    expect(daysBetween('2025-12-25', '2025-11-25')).toBe(-30);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  it.each([
    ['2025-12-25', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['25-12-2025', false],
    ['', false],
  ])('isDay(%j) is %s', (text, expected) => {
    expect(isDay(text)).toBe(expected);
  });

  it('takes the day of a moment in local time', () => {
    expect(dayOf(new Date(2025, 11, 25, 23, 59))).toBe('2025-12-25');
    expect(dayOf(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });

  describe('yearlyOccurrence', () => {
    it.each([
      ['2025-11-24', null],
      ['2025-11-25', { from: '2025-11-25', to: '2025-12-25' }],
      ['2025-12-25', { from: '2025-11-25', to: '2025-12-25' }],
      ['2025-12-26', null],
      ['2026-12-01', { from: '2026-11-25', to: '2026-12-25' }],
    ])('a window ending 12-25, 30 days long: %s -> %j', (day, expected) => {
      expect(yearlyOccurrence(day, '12-25', 30)).toEqual(expected);
    });

    it.each([
      ['2025-12-19', null],
      ['2025-12-20', { from: '2025-12-20', to: '2026-01-10' }],
      ['2026-01-05', { from: '2025-12-20', to: '2026-01-10' }],
      ['2026-01-10', { from: '2025-12-20', to: '2026-01-10' }],
      ['2026-01-11', null],
    ])('a window crossing the new year (12-20 to 01-10): %s -> %j', (day, expected) => {
      expect(yearlyOccurrence(day, '01-10', 21)).toEqual(expected);
    });
  });
});
