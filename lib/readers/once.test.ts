import { describe, expect, it } from 'vitest';

import { once, readingOnce } from './once';

describe('readingOnce', () => {
  it('reads each root once per reader inside, afresh outside', () => {
    let reads = 0;
    const read = (root: object) => once('count', root, () => ++reads);
    const a = {};
    const b = {};
    readingOnce(() => {
      expect([read(a), read(a), read(b), read(a)]).toEqual([1, 1, 2, 1]);
      // Nested: still the same pass.
      readingOnce(() => expect(read(b)).toBe(2));
    });
    expect(read(a)).toBe(3);
    expect(read(a)).toBe(4);
    readingOnce(() => expect(read(a)).toBe(5));
  });
});
