/**
 * Which shard of a store's SKUs a SKU's history is kept in (lib/history/sku-weeks.ts), apart from
 * the rest of the history so that the content script can send a big page's SKUs shard by shard.
 */

/**
 * SKUs are spread over this many shards by a hash of their code: with 10,000 SKUs a shard holds
 * ~20, so one SKU's history reads ~20 SKUs' cells, and a full day writes 512 records. A SKU's
 * shard is part of its records' keys: a new count needs a migration that moves them (version 7
 * went from 256 to 512, lib/history/db.ts; one SKU's 400 days read in half the time).
 */
export const SHARDS = 512;
/** FNV-1a over the SKU's UTF-16 code units: stable, fast, spreads similar codes (ES-1001, ES-1002) apart. */
export function shardOf(sku: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sku.length; index += 1) {
    hash ^= sku.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

/**
 * Shards go together in this many groups where a record per shard would be too small to read fast
 * (recent-days.ts). A group is a run of neighbouring shards, as the content script's parts of a big
 * page are (lib/content-messages.ts: readingParts, a power of two of them), so that a part holds
 * whole groups, or, past SHARD_GROUPS parts, a whole share of one.
 */
export const SHARD_GROUPS = 16;
export const groupOf = (sku: string): number => Math.floor((shardOf(sku) * SHARD_GROUPS) / SHARDS);
