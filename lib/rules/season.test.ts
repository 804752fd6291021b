import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY } from '../policy/table';
import type { SeasonWindow } from '../settings/schema';
import { multiplierInForce, windowsInForce } from './season';

const window = (w: Partial<SeasonWindow>): SeasonWindow => ({
  id: 'w1',
  market: 'FR',
  from: '2025-06-10',
  to: '2025-06-20',
  everyYear: false,
  multiplier: 10,
  label: 'Soldes',
  ...w,
});
const at = (day: string, seasons: SeasonWindow[] = []) => ({ policy: DEFAULT_POLICY, seasons, day });

describe('the seasonal calendar', () => {
  it.each([
    ['2025-11-24', 7, 'S1'],
    ['2025-11-25', 15, 'S2'],
    ['2025-12-10', 15, 'S2'],
    ['2025-12-25', 15, 'S2'],
    ['2025-12-26', 7, 'S1'],
    ['2026-11-25', 15, 'S2'],
  ])('ES on %s: x%s (%s)', (day, multiplier, rule) => {
    expect(multiplierInForce('ES', at(day))).toMatchObject({ multiplier, rule });
  });

  it('applies the ES Christmas rule to ES only', () => {
    expect(multiplierInForce('FR', at('2025-12-10'))).toEqual({ multiplier: 7, rule: 'S1', window: null });
    expect(multiplierInForce('MX', at('2025-12-10')).multiplier).toBe(7);
  });

  it('says which window set the multiplier, with this year\'s dates and its source', () => {
    expect(multiplierInForce('ES', at('2025-12-01')).window).toEqual({
      market: 'ES',
      from: '2025-11-25',
      to: '2025-12-25',
      multiplier: 15,
      label: null,
      source: 'policy_src_safety',
    });
  });

  describe('the seller\'s windows', () => {
    it.each([
      ['2025-06-09', 7],
      ['2025-06-10', 10],
      ['2025-06-20', 10],
      ['2025-06-21', 7],
      ['2026-06-15', 7],
    ])('a one-off window 06-10..06-20 on %s: x%s', (day, multiplier) => {
      expect(multiplierInForce('FR', at(day, [window({})])).multiplier).toBe(multiplier);
    });

    it.each([
      ['2026-06-09', 7],
      ['2026-06-10', 10],
      ['2027-06-20', 10],
      ['2027-06-21', 7],
    ])('the same window every year, on %s: x%s', (day, multiplier) => {
      expect(multiplierInForce('FR', at(day, [window({ everyYear: true })])).multiplier).toBe(multiplier);
    });

    it('repeats a window that crosses the new year', () => {
      const newYear = window({ from: '2025-12-28', to: '2026-01-06', everyYear: true });
      expect(multiplierInForce('FR', at('2030-12-27', [newYear])).multiplier).toBe(7);
      expect(multiplierInForce('FR', at('2030-12-28', [newYear])).multiplier).toBe(10);
      expect(multiplierInForce('FR', at('2031-01-06', [newYear])).multiplier).toBe(10);
      expect(multiplierInForce('FR', at('2031-01-07', [newYear])).multiplier).toBe(7);
    });

    it('keeps the highest multiplier in force; a window never lowers the default', () => {
      const es = [window({ market: 'ES', from: '2025-12-01', to: '2025-12-31', multiplier: 20, label: 'Reyes' })];
      expect(multiplierInForce('ES', at('2025-12-10', es))).toMatchObject({ multiplier: 20, rule: 'S2', window: { label: 'Reyes', source: 'rule_src_userWindow' } });
      expect(multiplierInForce('ES', at('2025-12-10', [window({ market: 'ES', from: '2025-12-01', to: '2025-12-31', multiplier: 12 })])).multiplier).toBe(15);
      expect(multiplierInForce('FR', at('2025-06-15', [window({ multiplier: 5 })]))).toEqual({ multiplier: 7, rule: 'S1', window: null });
    });
  });

  describe('an unknown market', () => {
    it('gets the default when no window is in force anywhere', () => {
      expect(multiplierInForce(null, at('2025-06-01'))).toEqual({ multiplier: 7, rule: 'S1', window: null });
    });

    it('is unknown while any window is in force, since it might be that market\'s', () => {
      expect(multiplierInForce(null, at('2025-12-01')).multiplier).toBeNull();
      expect(multiplierInForce(null, at('2025-06-15', [window({})])).multiplier).toBeNull();
    });
  });

  it('lists every window in force that day, in any market', () => {
    const active = windowsInForce(at('2025-12-01', [window({ from: '2025-11-01', to: '2025-12-31' })]));
    expect(active.map((w) => [w.market, w.multiplier])).toEqual([
      ['ES', 15],
      ['FR', 10],
    ]);
  });
});
