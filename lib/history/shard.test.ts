import { describe, expect, it } from 'vitest';

import { shardOf, SHARDS } from './shard';

describe('shardOf', () => {
  it('gives each SKU the same shard as long as the count stays: stored keys depend on it', () => {
    // Of 512 since version 7; of 256 before, the same numbers modulo 256 (202, 55, 178, 48, 204).
    expect(['ES-1001', 'ES-1002', 'LAMP-ES-01', '数据线-01', 'A'].map(shardOf)).toEqual([202, 311, 178, 48, 204]);
  });
  it('spreads a store\'s SKU codes over every shard', () => {
    const counts = new Array<number>(SHARDS).fill(0);
    for (let i = 0; i < 10_000; i += 1) counts[shardOf(`ES-${i}`)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(5);
    expect(Math.max(...counts)).toBeLessThan(40);
  });
});
