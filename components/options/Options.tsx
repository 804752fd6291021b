import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { Send } from '@/components/ui/background';
import type { Download } from '@/components/ui/download';
import { Failure } from '@/components/ui/Failure';
import { usePageSettings, useStoreIds } from '@/components/ui/hooks';
import type { SettingsStore } from '@/components/ui/settings-store';
import { langFromLocale, t, type Lang, type MessageKey } from '@/lib/i18n';
import type { Day } from '@/lib/rules/day';
import { AtRiskPage } from './AtRiskPage';
import { DataPage } from './DataPage';
import { GlossaryPage } from './GlossaryPage';
import { HistoryPage } from './HistoryPage';
import { NotificationIntro } from './NotificationIntro';
import { StorageFullNotice, useNotices } from './Notices';
import { PAGES, parseRoute, routeHref, type Page } from './route';
import { pathLabel } from './settings/draft';
import { SettingsPage } from './settings/SettingsPage';

export interface OptionsProps {
  send: Send;
  settingsStore: SettingsStore;
  browserLocale: string | undefined;
  today: Day;
  now(): number;
  download: Download;
}

/** The route in the URL hash, kept current as links and the back button change it. */
function useRoute() {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

// Message names allow letters, digits and '_' only: 'at-risk' is 'atRisk' there.
const PAGE_TITLE: Record<Page, MessageKey> = {
  history: 'options_page_history',
  'at-risk': 'options_page_atRisk',
  settings: 'options_page_settings',
  glossary: 'options_page_glossary',
  data: 'options_page_data',
};

const navigate = (href: string) => {
  window.location.hash = href;
};

function Nav({ lang, page }: { lang: Lang; page: Page }) {
  return (
    <nav aria-label={t(lang, 'options_nav')}>
      <ul>
        {PAGES.map((name) => (
          <li key={name}>
            <a href={routeHref(name)} aria-current={name === page ? 'page' : undefined}>
              {t(lang, PAGE_TITLE[name])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Options({ send, settingsStore, browserLocale, today, now, download }: OptionsProps) {
  const loaded = usePageSettings(settingsStore, browserLocale, today);
  const route = useRoute();
  const storeIds = useStoreIds(send);
  const { notices, dismissStorageFull } = useNotices(send);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef<Page | null>(null);
  // A new page: keyboard and screen-reader users start at its heading, as after a page load.
  useEffect(() => {
    if (!loaded) return;
    if (shownPage.current !== null && shownPage.current !== route.page) heading.current?.focus();
    shownPage.current = route.page;
  }, [route.page, loaded]);
  if (!loaded) {
    return (
      <div class="options" aria-busy="true">
        <p class="muted">{t(langFromLocale(browserLocale), 'ui_loading')}</p>
      </div>
    );
  }
  const { lang, rules } = loaded;
  const ids = storeIds.state === 'ready' ? storeIds.value : [];
  const needsStores = route.page === 'history' || route.page === 'at-risk' || route.page === 'data';
  const page = {
    history: () => <HistoryPage lang={lang} send={send} rules={rules} storeIds={ids} params={route.params} navigate={navigate} />,
    'at-risk': () => <AtRiskPage lang={lang} send={send} storeIds={ids} params={route.params} navigate={navigate} />,
    settings: () => (
      <SettingsPage
        lang={lang}
        stored={loaded.settings}
        store={settingsStore}
        today={today}
        now={now}
        notificationsBlocked={notices.notificationsBlocked}
      />
    ),
    glossary: () => <GlossaryPage lang={lang} send={send} policy={rules.policy} />,
    data: () => <DataPage lang={lang} send={send} settingsStore={settingsStore} download={download} storeIds={ids} />,
  }[route.page];
  return (
    <div class="options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="options-header">
        <h1>{t(lang, 'extName')}</h1>
        <Nav lang={lang} page={route.page} />
      </header>
      {!loaded.settings.notifications.introSeen && (
        <NotificationIntro lang={lang} settings={loaded.settings} store={settingsStore} policy={rules.policy} />
      )}
      {loaded.problems.length > 0 && (
        <div class="note" role="note" data-notice="settings-fell-back">
          <p>
            <span aria-hidden="true">! </span>
            {t(lang, 'options_settingsFellBack')}
          </p>
          <ul>
            {[...new Set(loaded.problems.map((problem) => pathLabel(lang, problem.path)))].map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </div>
      )}
      {notices.storageFull && <StorageFullNotice lang={lang} notice={notices.storageFull} href={routeHref} onDismiss={dismissStorageFull} />}
      <main>
        <h2 id="page-heading" ref={heading} tabIndex={-1}>
          {t(lang, PAGE_TITLE[route.page])}
        </h2>
        {needsStores && storeIds.state === 'failed' ? <Failure lang={lang} error={storeIds.error} /> : page()}
      </main>
    </div>
  );
}
