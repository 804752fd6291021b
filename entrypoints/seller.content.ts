import { FEATURES } from '@/features';
import { startPageLoop } from '@/features/runtime/page-loop';
import { dayOf } from '@/lib/rules/day';
import { ruleContext } from '@/lib/rules/context';
import { SELLER_CENTER_MATCHES } from '@/lib/seller-center-hosts';
import { readSettings, settingsLang, SETTINGS_KEY } from '@/lib/settings/schema';
import { contentSender, loadMessages } from '@/lib/content-messages';

// The settings item (platform/settings-item.ts) is stored under its key without the area prefix.
// Read here with storage.local itself: WXT's storage wrapper would more than double what the
// content script downloads on every page for two calls (docs/benchmarks.md).
const [SETTINGS_AREA, SETTINGS_STORAGE_KEY] = SETTINGS_KEY.split(':') as ['local', string];

/**
 * Seller Center pages: read what the seller's own browsing shows, put badges next to the figures.
 * Read only: never clicks, submits or calls the site's APIs. The features are listed in
 * features/index.ts; the loop that runs them is features/runtime/page-loop.ts.
 */
export default defineContentScript({
  matches: SELLER_CENTER_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const send = contentSender((message) => browser.runtime.sendMessage(message));
    startPageLoop(
      FEATURES,
      {
        doc: document,
        async loadSetup() {
          const stored = await browser.storage[SETTINGS_AREA].get(SETTINGS_STORAGE_KEY);
          const { settings, problems } = readSettings(stored[SETTINGS_STORAGE_KEY] ?? null);
          if (problems.length > 0) console.warn('[Local Stock Copilot] settings fell back to defaults:', problems);
          // 'auto' speaks the language the seller chose for Seller Center itself, else the browser's.
          const lang = settingsLang(settings, document.documentElement.lang || navigator.language);
          // The texts come from the worker (this script carries only their keys): no texts, no badges yet.
          const [glossary] = await Promise.all([
            send({ type: 'glossary/list' }).then(
              (answer) => Object.fromEntries(answer.entries.map((entry) => [entry.code, entry.meaning])),
              () => ({}),
            ),
            loadMessages(send, lang),
          ]);
          return { lang, settings, rules: ruleContext(settings, dayOf(new Date())), glossary };
        },
        onSetupChange(listener, signal) {
          const onChanged = (changes: Record<string, unknown>, area: string) => {
            if (area === SETTINGS_AREA && SETTINGS_STORAGE_KEY in changes) listener();
          };
          browser.storage.onChanged.addListener(onChanged);
          signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));
        },
        onLocationChange(listener) {
          ctx.addEventListener(window, 'wxt:locationchange', listener);
        },
        record(reading) {
          send({ type: 'reading/save', reading }).catch((error) => console.warn('[Local Stock Copilot] history not saved:', error));
        },
        async saveGlossary(code, meaning) {
          await send({ type: 'glossary/put', code, meaning });
        },
        now: () => Date.now(),
        log: (featureId, error) => console.error(`[Local Stock Copilot] feature ${featureId} failed:`, error),
      },
      ctx.signal,
    );
  },
});
