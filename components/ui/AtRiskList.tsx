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

export function AtRiskList(props: {
  lang: Lang;
  send: Send;
  storeId: string;
  /** Where a SKU's history chart is: the options page's #/history route. */
  historyHref(storeId: string, sku: string): string;
  linkTarget?: string;
  /** Show at most this many SKUs (the popup is small); the rest are counted. */
  limit?: number;
}) {
  const { lang, send, storeId, historyHref, linkTarget, limit } = props;
  const [plan] = useLoad(() => send({ type: 'store/at-risk', storeId }).then((answer) => answer.plan), [send, storeId]);
  if (plan.state === 'loading') return <p class="muted">{t(lang, 'ui_loading')}</p>;
  if (plan.state === 'failed') return <Failure lang={lang} error={plan.error} />;
  const { skus, day }: StorePlan = plan.value;
  if (skus.length === 0) return <p class="empty">{text(lang, 'ui_atRisk_none', { store: storeId, day: formatDay(lang, day) })}</p>;
  const shown = limit === undefined ? skus : skus.slice(0, limit);
  return (
    <>
      <p class="muted">{text(lang, 'ui_atRisk_count', { count: skus.length, store: storeId, day: formatDay(lang, day) })}</p>
      <ul class="at-risk">
        {shown.map((planned) => (
          <SkuItem
            key={planned.snapshot.sku}
            lang={lang}
            planned={planned}
            historyHref={historyHref(storeId, planned.snapshot.sku)}
            linkTarget={linkTarget}
          />
        ))}
      </ul>
      {shown.length < skus.length && <p class="muted">{text(lang, 'ui_atRisk_more', { count: skus.length - shown.length })}</p>}
    </>
  );
}
