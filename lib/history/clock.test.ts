import { describe, expect, it } from 'vitest';

import { localClock } from './clock';

describe('the seller\'s clock', () => {
  it('gives the day and minute in the given zone, across midnight', () => {
    const instant = Date.parse('2025-12-31T16:05:00Z');
    expect(localClock(instant, 'Asia/Shanghai')).toEqual({ day: '2026-01-01', minutes: 5 });
    expect(localClock(instant, 'Europe/Madrid')).toEqual({ day: '2025-12-31', minutes: 17 * 60 + 5 });
  });
});
