import type { Plugin } from 'vite';

import { isPageOnlyMessage, PAGE_ONLY_MESSAGES } from './lib/i18n';

/**
 * What the content script's build does differently from the extension pages' (wxt.config.ts calls
 * this for content-script entrypoints only). The content script loads on every Seller Center
 * page, so its size is a budget (docs/benchmarks.md):
 *
 * - Its `browser` is the browser's own (`@wxt-dev/browser`), not webextension-polyfill: the script
 *   uses only promise-returning APIs that Chrome MV3 and Firefox both have natively
 *   (runtime.sendMessage, storage.local). The worker and the pages keep the polyfill.
 * - Its locale catalogs carry the message keys without their texts (the texts of both languages
 *   were a quarter of the script): at setup it asks the worker for the texts of the one language it
 *   shows ('messages/get', lib/content-messages.ts) and installs them (lib/i18n.ts). The keys stay
 *   so that message keys are still checked where they are validated (policy table, answers).
 * - Those catalogs leave out the messages only extension pages show (PAGE_ONLY_MESSAGES), and so
 *   does the worker's answer. A message it looks up but lacks would show as its key, so the build
 *   fails when the bundle names a left-out message.
 */

const LOCALE_CATALOG = /\/public\/_locales\/[^/]+\/messages\.json$/;
const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const NAMES_LEFT_OUT = new RegExp(`["'\`](?:${PAGE_ONLY_MESSAGES.join('|')})`);

export function contentScriptBuild(): Plugin {
  return {
    name: 'lsm:content-script',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== POLYFILL) return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
    transform(code, id) {
      if (!LOCALE_CATALOG.test(id)) return null;
      const keys = Object.keys(JSON.parse(code) as Record<string, unknown>).filter((key) => !isPageOnlyMessage(key));
      return { code: JSON.stringify(Object.fromEntries(keys.map((key) => [key, {}]))), map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const found = NAMES_LEFT_OUT.exec(chunk.code);
        if (found) {
          const at = found.index;
          this.error(`${chunk.fileName} names a message left out of the content script's catalogs: …${chunk.code.slice(at - 40, at + 40)}…`);
        }
      }
    },
  };
}
