import { useState } from 'preact/hooks';

import { AtRiskList } from '@/components/ui/AtRiskList';
import type { Send } from '@/components/ui/background';
import { useLoad, usePageSettings, useStoreIds, type Loadable } from '@/components/ui/hooks';
import type { SettingsStore } from '@/components/ui/settings-store';
import { NotificationsBlockedNotice, StorageFullNotice, useNotices } from '@/components/options/Notices';
import { routeHref } from '@/components/options/route';
import { Tabs, type TabDef } from '@/components/ui/Tabs';
import { langFromLocale, t, type Lang } from '@/lib/i18n';
import type { Day } from '@/lib/rules/day';
import { CostCheck } from './checks/cost';
import { EligibilityCheck } from './checks/eligibility';
import { EventCodeCheck } from './checks/event-code';
import { SafetyCheck } from './checks/safety';
import { TurnoverCheck } from './checks/turnover';
import { TabStatusView } from './TabStatusView';
import type { TabStatus } from './tab-status';

export interface PopupProps {
  send: Send;
  settingsStore: SettingsStore;
  tab: TabStatus;
  /** The browser's UI language, for the 'auto' language setting. */
  browserLocale: string | undefined;
  today: Day;
  /** The options page's address; its routes are appended ('#/history?...'). */
  optionsUrl: string;
}

const CHECKS = ['eligibility', 'safety', 'ito', 'cost', 'code'] as const;
type CheckId = (typeof CHECKS)[number];

/** The store whose risks to list: the active Seller Center tab's, else the one seen last. */
function useStoreId(send: Send, tab: TabStatus): Loadable<string | null> {
  const storeIds = useStoreIds(send);
  if (tab.kind === 'seller') return { state: 'ready', value: tab.storeId };
  return storeIds.state === 'ready' ? { state: 'ready', value: storeIds.value[0] ?? null } : storeIds;
}

function AtRiskSection({ lang, send, tab, optionsUrl }: { lang: Lang; send: Send; tab: TabStatus; optionsUrl: string }) {
  const store = useStoreId(send, tab);
  const historyHref = (store: string, sku: string) => optionsUrl + routeHref('history', { store, sku });
  return (
    <section aria-labelledby="at-risk-heading" class="at-risk-section">
      <h2 id="at-risk-heading">{t(lang, 'popup_atRisk_heading')}</h2>
      {store.state === 'ready' && store.value === null ? (
        <p class="empty">{t(lang, 'popup_atRisk_noStore')}</p>
      ) : store.state === 'ready' && store.value !== null ? (
        <>
          <AtRiskList lang={lang} send={send} storeId={store.value} historyHref={historyHref} linkTarget="_blank" size="popup" />
          <p>
            <a href={optionsUrl + routeHref('at-risk', { store: store.value })} target="_blank">
              {t(lang, 'popup_atRisk_all')}
            </a>
          </p>
        </>
      ) : (
        // Without the store list the risks cannot be looked up; the worker's own message says why.
        <p class="muted">{t(lang, store.state === 'loading' ? 'ui_loading' : 'history_error_failed')}</p>
      )}
    </section>
  );
}

export function Popup({ send, settingsStore, tab, browserLocale, today, optionsUrl }: PopupProps) {
  const loaded = usePageSettings(settingsStore, browserLocale, today);
  const { notices, dismissStorageFull } = useNotices(send);
  const [selected, setSelected] = useState<CheckId>('safety');
  const [glossary, reloadGlossary] = useLoad(
    () => send({ type: 'glossary/list' }).then(({ entries }) => Object.fromEntries(entries.map((entry) => [entry.code, entry.meaning]))),
    [send],
  );
  if (!loaded) {
    return (
      <main class="popup" aria-busy="true">
        <p class="muted">{t(langFromLocale(browserLocale), 'ui_loading')}</p>
      </main>
    );
  }
  const { lang, rules } = loaded;
  const saveMeaning = async (code: string, meaning: string) => {
    await send({ type: 'glossary/put', code, meaning });
    reloadGlossary();
  };
  const tabs: TabDef<CheckId>[] = [
    { id: 'eligibility', label: t(lang, 'popup_check_eligibility'), panel: <EligibilityCheck lang={lang} policy={rules.policy} /> },
    { id: 'safety', label: t(lang, 'popup_check_safety'), panel: <SafetyCheck lang={lang} rules={rules} /> },
    { id: 'ito', label: t(lang, 'popup_check_ito'), panel: <TurnoverCheck lang={lang} policy={rules.policy} /> },
    { id: 'cost', label: t(lang, 'popup_check_cost'), panel: <CostCheck lang={lang} policy={rules.policy} /> },
    {
      id: 'code',
      label: t(lang, 'popup_check_code'),
      panel: (
        <EventCodeCheck
          lang={lang}
          policy={rules.policy}
          glossary={glossary.state === 'ready' ? glossary.value : {}}
          saveMeaning={saveMeaning}
        />
      ),
    },
  ];
  return (
    <main class="popup" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="popup-header">
        <h1>{t(lang, 'extName')}</h1>
        <a href={optionsUrl} target="_blank" class="options-link">
          {t(lang, 'popup_openOptions')}
        </a>
      </header>
      {loaded.problems.length > 0 && (
        <p class="note" role="note">
          <span aria-hidden="true">! </span>
          {t(lang, 'popup_settingsFellBack')}{' '}
          <a href={optionsUrl + routeHref('settings')} target="_blank">
            {t(lang, 'popup_openSettings')}
          </a>
        </p>
      )}
      {notices.storageFull && (
        <StorageFullNotice
          lang={lang}
          notice={notices.storageFull}
          href={(page) => optionsUrl + routeHref(page)}
          target="_blank"
          onDismiss={dismissStorageFull}
        />
      )}
      {/* Only once reminders are wanted: before the seller's choice, or with them off, a block changes nothing. */}
      {notices.notificationsBlocked && loaded.settings.notifications.introSeen && loaded.settings.notifications.mode !== 'off' && (
        <NotificationsBlockedNotice lang={lang} notice={notices.notificationsBlocked} />
      )}
      <TabStatusView lang={lang} tab={tab} />
      <AtRiskSection lang={lang} send={send} tab={tab} optionsUrl={optionsUrl} />
      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t(lang, 'popup_checks_heading')}</h2>
        <Tabs<CheckId> idPrefix="check" label={t(lang, 'popup_checks_heading')} tabs={tabs} selected={selected} onSelect={setSelected} />
        {glossary.state === 'failed' && selected === 'code' && <p class="muted">{t(lang, 'popup_glossary_unavailable')}</p>}
      </section>
    </main>
  );
}
