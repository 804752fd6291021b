import { AtRiskList } from '@/components/ui/AtRiskList';
import type { Send } from '@/components/ui/background';
import { t, type Lang } from '@/lib/i18n';
import { routeHref } from './route';
import { StorePicker } from './StorePicker';

/** Every SKU at risk in one store (a notification opens this page with its store). */
export function AtRiskPage(props: { lang: Lang; send: Send; storeIds: readonly string[]; params: URLSearchParams; navigate(href: string): void }) {
  const { lang, send, storeIds, params, navigate } = props;
  const storeId = params.get('store') || storeIds[0] || '';
  if (!storeId) return <p class="empty">{t(lang, 'options_history_none')}</p>;
  // A store named by a link but not (yet) in the list is still offered.
  const known = storeIds.includes(storeId) ? storeIds : [storeId, ...storeIds];
  return (
    <>
      <StorePicker id="at-risk-store" lang={lang} storeIds={known} value={storeId} onValue={(store) => navigate(routeHref('at-risk', { store }))} />
      <AtRiskList lang={lang} send={send} storeId={storeId} historyHref={(store, sku) => routeHref('history', { store, sku })} size="page" />
    </>
  );
}
