import { useEffect, useState } from 'preact/hooks';

import type { Tone } from '@/components/badge-view';
import { TONE_ICON } from '@/components/badge-view';
import type { ReminderReason } from '@/lib/history/schema';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import { marketName } from '@/lib/policy/table';
import type { PlannedReason, PlannedSku, StorePlan } from '@/lib/reminders/schema';
import { paramsOf } from '@/lib/rules/verdict';
import type { Send } from './background';
import { Failure } from './Failure';
import { formatDay, text } from './format';
import { useLoad } from './hooks';

/** A store's SKUs at risk, from history ('store/at-risk'), each with its reasons in the seller's words. */

const REASON_TONE: Record<ReminderReason, Tone> = {
  out: 'bad',
  low: 'warn',
  'will-cross': 'warn',
  'ito-over-90': 'warn',
  'replenishment-short': 'warn',
};

/** The reminder's own words, and a sentence with the figures when the plan has all of them. */
const REASON_TEXT: Record<ReminderReason, { name: MessageKey; detail: MessageKey; needs: readonly ('figure' | 'threshold' | 'day')[] }> = {
  out: { name: 'reminder_reason_out', detail: 'reminder_reason_out', needs: [] },
  low: { name: 'reminder_reason_low', detail: 'ui_reason_low_detail', needs: ['figure', 'threshold'] },
  'will-cross': { name: 'reminder_reason_willCross', detail: 'ui_reason_willCross_detail', needs: ['figure', 'threshold', 'day'] },
  'ito-over-90': { name: 'reminder_reason_itoOver90', detail: 'ui_reason_slowMoving_detail', needs: ['figure', 'threshold'] },
  'replenishment-short': { name: 'reminder_reason_replenishmentShort', detail: 'ui_reason_replenishment_detail', needs: ['figure', 'threshold'] },
};

export function reasonText(lang: Lang, planned: PlannedReason): string {
  const { name, detail, needs } = REASON_TEXT[planned.reason];
  const { figure, threshold, day } = planned;
  const params = paramsOf({ figure, threshold, day: day === null ? null : formatDay(lang, day) });
  return text(lang, needs.some((part) => planned[part] === null) ? name : detail, params);
}

function SkuItem({ lang, planned, historyHref, linkTarget }: { lang: Lang; planned: PlannedSku; historyHref: string; linkTarget?: string }) {
  const { snapshot } = planned;
  const where = [snapshot.product, snapshot.market ? t(lang, marketName(snapshot.market)) : snapshot.warehouse].filter(Boolean).join(' · ');
  return (
    <li class="at-risk-sku" data-sku={snapshot.sku}>
      <p class="sku-head">
        <a href={historyHref} target={linkTarget}>
          <strong>{snapshot.sku}</strong>
        </a>
        {where && <span class="muted"> {where}</span>}
      </p>
      <ul class="reasons">
        {planned.reasons.map((reason) => {
          const tone = REASON_TONE[reason.reason];
          return (
            <li key={reason.reason} class={`tone-${tone}`} data-reason={reason.reason}>
              <span class="icon" aria-hidden="true">
                {TONE_ICON[tone]}
              </span>{' '}
              {reasonText(lang, reason)}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** SKUs the options page lists at first, and adds at each "show more". */
export const AT_RISK_PAGE = 100;

export function AtRiskList(props: {
  lang: Lang;
  send: Send;
  storeId: string;
  /** Where a SKU's history chart is: the options page's #/history route. */
  historyHref(storeId: string, sku: string): string;
  linkTarget?: string;
  /**
   * 'popup': the five most urgent, the rest counted and left to the options page; 'page': a page
   * of AT_RISK_PAGE at a time, with a button for more.
   */
  size: 'popup' | 'page';
}) {
  const { lang, send, storeId, historyHref, linkTarget, size } = props;
  // Pages shown, counted per store: another store starts again at one.
  const [pages, setPages] = useState({ storeId, count: 1 });
  const limit = size === 'popup' ? POPUP_SKUS : AT_RISK_PAGE * (pages.storeId === storeId ? pages.count : 1);
  const [answer] = useLoad(() => send({ type: 'store/at-risk', storeId, limit }), [send, storeId, limit]);
  // Asking for more keeps the SKUs already listed on screen until the longer list comes.
  const [listed, setListed] = useState<{ storeId: string; plan: StorePlan; atRisk: number } | null>(null);
  useEffect(() => {
    if (answer.state === 'ready') setListed({ storeId, plan: answer.value.plan, atRisk: answer.value.atRisk });
  }, [answer]);
  const current = answer.state === 'ready' ? { plan: answer.value.plan, atRisk: answer.value.atRisk } : listed?.storeId === storeId ? listed : null;
  if (answer.state === 'failed') return <Failure lang={lang} error={answer.error} />;
  if (!current) return <p class="muted">{t(lang, 'ui_loading')}</p>;
  const { plan, atRisk } = current;
  const { skus, day } = plan;
  if (atRisk === 0) return <p class="empty">{text(lang, 'ui_atRisk_none', { store: storeId, day: formatDay(lang, day) })}</p>;
  const more = atRisk - skus.length;
  return (
    <>
      <p class="muted">{text(lang, 'ui_atRisk_count', { count: atRisk, store: storeId, day: formatDay(lang, day) })}</p>
      <ul class="at-risk">
        {skus.map((planned) => (
          <SkuItem
            key={planned.snapshot.sku}
            lang={lang}
            planned={planned}
            historyHref={historyHref(storeId, planned.snapshot.sku)}
            linkTarget={linkTarget}
          />
        ))}
      </ul>
      {more > 0 && size === 'popup' && <p class="muted">{text(lang, 'ui_atRisk_more', { count: more })}</p>}
      {more > 0 && size === 'page' && (
        <button type="button" disabled={answer.state === 'loading'} onClick={() => setPages({ storeId, count: limit / AT_RISK_PAGE + 1 })}>
          {text(lang, 'ui_atRisk_showMore', { count: Math.min(more, AT_RISK_PAGE), left: more })}
        </button>
      )}
    </>
  );
}

/** The popup is small: its most urgent few. */
const POPUP_SKUS = 5;
