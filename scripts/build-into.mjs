/**
 * `node scripts/build-into.mjs <chrome|firefox> <outDir>`: the same production build as
 * `npm run build` / `npm run build:firefox` (wxt.config.ts, same mode), written to another folder,
 * so a test can check the built extension without touching dist/ while others use it.
 */
import { build } from 'wxt';

const [browser, outDir] = process.argv.slice(2);
if (!['chrome', 'firefox'].includes(browser ?? '') || !outDir) {
  console.error('usage: node scripts/build-into.mjs <chrome|firefox> <outDir>');
  process.exit(2);
}
await build({ root: new URL('..', import.meta.url).pathname, browser, outDir, logLevel: 1 });
