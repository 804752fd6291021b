import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { collapseSpace } from './space';

describe('collapseSpace', () => {
  it('gives what replacing every run of white space and trimming gives, for any text', () => {
    const spaces = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u200b', '\ufeff', '\u3000', '\u2028');
    const text = fc.array(fc.oneof(spaces, fc.string({ maxLength: 4 }), fc.constantFrom('1,234', '件', 'N/A')), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (raw) => {
        expect(collapseSpace(raw)).toBe(raw.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('returns text with nothing to collapse as it is, and collapses the rest', () => {
    const collapsed = '1,234 件';
    expect(collapseSpace(collapsed)).toBe(collapsed);
    expect(collapseSpace('\u200b 1,234\u00a0\u00a0件\ufeff\n')).toBe('1,234 件');
    expect(collapseSpace('库存\u3000周转')).toBe('库存 周转');
  });
});
