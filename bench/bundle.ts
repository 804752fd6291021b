/** The content script as shipped: its size on disk and gzipped (zlib's default level, what servers use). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  raw: number;
  gzip: number;
}

export const CONTENT_SCRIPT = 'content-scripts/seller.js';

export function bundleSize(extensionDir: string, file = CONTENT_SCRIPT): BundleSize {
  const bytes = readFileSync(join(extensionDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}
