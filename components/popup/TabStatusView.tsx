import { TONE_ICON } from '@/components/badge-view';
import { text } from '@/components/ui/format';
import { t, type Lang } from '@/lib/i18n';
import type { TabStatus } from './tab-status';

/** What the popup knows of the active tab, and no more (see tab-status.ts). */
export function TabStatusView({ lang, tab }: { lang: Lang; tab: TabStatus }) {
  return (
    <section aria-labelledby="tab-heading" class="tab-status">
      <h2 id="tab-heading">{t(lang, 'popup_page_heading')}</h2>
      {tab.kind === 'seller' ? (
        <>
          <p class="tone-good" data-tab="seller">
            <span class="icon" aria-hidden="true">
              {TONE_ICON.good}
            </span>{' '}
            {text(lang, 'popup_page_seller', { host: tab.host, store: tab.storeId })}
          </p>
          <p class="hint">{t(lang, 'popup_page_sellerHint')}</p>
        </>
      ) : (
        <>
          <p class="tone-info" data-tab="other">
            <span class="icon" aria-hidden="true">
              {TONE_ICON.info}
            </span>{' '}
            {t(lang, 'popup_page_other')}
          </p>
          <p class="hint">{t(lang, 'popup_page_otherHint')}</p>
        </>
      )}
    </section>
  );
}
