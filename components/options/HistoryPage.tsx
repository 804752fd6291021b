import { useEffect, useState } from 'preact/hooks';

import { SkuCharts } from '@/components/charts/SkuCharts';
import { AT_RISK_PAGE } from '@/components/ui/AtRiskList';
import type { Send } from '@/components/ui/background';
import { Failure } from '@/components/ui/Failure';
import { SelectField, TextField } from '@/components/ui/fields';
import { formatMoment, formatNumber, text } from '@/components/ui/format';
import { useLoad } from '@/components/ui/hooks';
import { t, type Lang } from '@/lib/i18n';
import type { RuleContext } from '@/lib/rules/context';
import { addDays } from '@/lib/rules/day';
import type { SettingsProblem } from '@/lib/settings/schema';
import { routeHref } from './route';
import { StorePicker } from './StorePicker';

/** One SKU's history: store and SKU pickers, the charts, and the event codes seen for it. */

const PERIODS = ['30', '90', '365', 'all'] as const;
type Period = (typeof PERIODS)[number];

function SkuHistory(props: { lang: Lang; send: Send; rules: RuleContext; storeId: string; sku: string; period: Period }) {
  const { lang, send, rules, storeId, sku, period } = props;
  const span = period === 'all' ? null : { from: addDays(rules.day, -Number(period)), to: rules.day };
  const [answer] = useLoad(
    () => send({ type: 'sku/history', storeId, sku, ...(span ? { fromDay: span.from } : {}) }),
    [send, storeId, sku, period, rules.day],
  );
  if (answer.state === 'loading') return <p class="muted chart-placeholder">{t(lang, 'ui_loading')}</p>;
  if (answer.state === 'failed') return <Failure lang={lang} error={answer.error} />;
  const { history, events, skipped } = answer.value;
  return (
    <>
      {skipped > 0 && <p class="note">{text(lang, 'options_skipped', { count: skipped })}</p>}
      {history.days.length === 0 ? (
        <p class="empty">{text(lang, 'options_history_noRecords', { sku, store: storeId })}</p>
      ) : (
        <SkuCharts lang={lang} history={history} rules={rules} span={span} />
      )}
      {events.length > 0 && (
        <table class="events">
          <caption>{t(lang, 'options_history_events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'popup_field_code')}</th>
              <th scope="col">{t(lang, 'options_history_timesSeen')}</th>
              <th scope="col">{t(lang, 'options_history_lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.code}>
                <th scope="row">{event.code}</th>
                <td>{formatNumber(lang, event.count)}</td>
                <td>{formatMoment(lang, event.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function HistoryPage(props: {
  lang: Lang;
  send: Send;
  rules: RuleContext;
  storeIds: readonly string[];
  params: URLSearchParams;
  navigate(href: string): void;
}) {
  const { lang, send, rules, storeIds, params, navigate } = props;
  const storeId = params.get('store') || storeIds[0] || '';
  const sku = params.get('sku') ?? '';
  const [skuText, setSkuText] = useState(sku);
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const [period, setPeriod] = useState<Period>('90');
  useEffect(() => setSkuText(sku), [sku]);
  // SKUs at risk are the likeliest to be looked up: offer them as suggestions. Planned only while no
  // SKU is charted or once the form is used: a plan asked for beside a SKU's history held its chart up.
  const [wantSuggestions, setWantSuggestions] = useState(!sku);
  const [plan] = useLoad(
    () => (storeId && wantSuggestions ? send({ type: 'store/at-risk', storeId, limit: AT_RISK_PAGE }) : Promise.resolve(null)),
    [send, storeId, wantSuggestions],
  );
  const suggestions = plan.state === 'ready' && plan.value ? plan.value.plan.skus.map((planned) => planned.snapshot.sku) : [];

  if (storeIds.length === 0) return <p class="empty">{t(lang, 'options_history_none')}</p>;
  const show = (event: Event) => {
    event.preventDefault();
    const wanted = skuText.trim();
    if (!wanted) {
      setProblem({ path: 'sku', reason: 'ui_err_required', params: {} });
      document.getElementById('history-sku')?.focus();
      return;
    }
    setProblem(undefined);
    navigate(routeHref('history', { store: storeId, sku: wanted }));
  };
  return (
    <>
      <form class="pickers" onSubmit={show} onFocusIn={() => setWantSuggestions(true)} noValidate>
        <StorePicker id="history-store" lang={lang} storeIds={storeIds} value={storeId} onValue={(store) => navigate(routeHref('history', { store }))} />
        <TextField
          id="history-sku"
          lang={lang}
          inputMode="text"
          label={t(lang, 'options_history_sku')}
          list="history-skus"
          value={skuText}
          onValue={setSkuText}
          problem={problem}
        />
        <datalist id="history-skus">
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
        <SelectField<Period>
          id="history-period"
          lang={lang}
          label={t(lang, 'options_history_period')}
          value={period}
          choices={PERIODS.map((value) => ({ value, label: value === 'all' ? t(lang, 'options_history_all') : text(lang, 'options_history_lastDays', { days: Number(value) }) }))}
          onValue={setPeriod}
        />
        <button type="submit" class="primary">
          {t(lang, 'options_history_show')}
        </button>
      </form>
      {sku ? (
        <SkuHistory lang={lang} send={send} rules={rules} storeId={storeId} sku={sku} period={period} />
      ) : (
        <p class="empty">{t(lang, 'options_history_pick')}</p>
      )}
    </>
  );
}

