import { z } from 'zod/mini';

import { Explanation } from '@/components/Explanation';
import { DAILY_SALES, optionalFigure, STOCK_UNITS, TURNOVER_DAYS } from '@/components/ui/figure-input';
import { TextField } from '@/components/ui/fields';
import { figureIn, formatCny, text } from '@/components/ui/format';
import { formattedRule } from '@/components/ui/rule-text';
import { StatusWord } from '@/components/ui/StatusWord';
import { explanation, fact } from '@/features/views';
import { t, type Lang } from '@/lib/i18n';
import type { Policy } from '@/lib/policy/table';
import { turnover, type TurnoverVerdict } from '@/lib/rules/turnover';
import { CheckForm, useCheck } from './check';

/** Inventory turnover days (ITO): the band and the slow-moving premium, from the shown figure or estimated. */

/** Turnover days as shown; without them, sellable stock and daily sales to estimate them. */
export const turnoverFiguresSchema = z
  .object({
    turnoverDays: optionalFigure(TURNOVER_DAYS),
    sellable: optionalFigure(STOCK_UNITS),
    dailySales: optionalFigure(DAILY_SALES),
  })
  .check(
    z.refine((sku) => sku.turnoverDays !== null || (sku.sellable !== null && sku.dailySales !== null), {
      error: 'popup_err_itoNeeds',
      path: ['turnoverDays'],
    }),
  );

/** The band as the ITO badge labels it, marked when the days are an estimate. */
export const turnoverWord = (lang: Lang, verdict: TurnoverVerdict): string =>
  t(lang, `badge_ito_${verdict.status}`) + (verdict.basis === 'estimated' ? t(lang, 'badge_estimatedMark') : '');

/** The premium a month: money, or why there is none to show. */
function surchargeText(lang: Lang, verdict: TurnoverVerdict): string {
  if (verdict.surchargeCnyPerMonth !== null) return text(lang, 'ui_cnyPerMonth', { amount: formatCny(lang, verdict.surchargeCnyPerMonth) });
  return t(lang, verdict.status === 'surcharge' ? 'popup_ito_needSellable' : 'ui_unknown');
}

export function TurnoverResult({ lang, verdict }: { lang: Lang; verdict: TurnoverVerdict }) {
  const facts = [
    fact(lang, 'badge_fact_turnoverDays', figureIn(lang, 'ui_days', verdict.turnoverDays, 1)),
    ...(verdict.basisNote ? [fact(lang, 'popup_fact_basis', t(lang, verdict.basisNote))] : []),
    fact(lang, 'badge_fact_surcharge', surchargeText(lang, verdict)),
  ];
  return (
    <div class="verdict">
      <p class="headline">
        <StatusWord status={verdict.status} word={turnoverWord(lang, verdict)} />
      </p>
      <Explanation headingId="ito-result" model={explanation(lang, t(lang, 'popup_ito_title'), facts, formattedRule(lang, verdict))} />
    </div>
  );
}

export function TurnoverCheck({ lang, policy }: { lang: Lang; policy: Policy }) {
  const check = useCheck('ito', turnoverFiguresSchema, { turnoverDays: '', sellable: '', dailySales: '' }, (sku) => turnover(sku, policy));
  return (
    <CheckForm
      lang={lang}
      label={t(lang, 'popup_check_ito')}
      problems={check.problems}
      onSubmit={check.submit}
      result={check.result && <TurnoverResult lang={lang} verdict={check.result} />}
    >
      <TextField lang={lang} label={t(lang, 'popup_field_turnoverDays')} hint={t(lang, 'popup_hint_turnoverDays')} {...check.field('turnoverDays')} />
      <div class="grid2">
        <TextField lang={lang} label={t(lang, 'popup_field_sellable')} inputMode="numeric" {...check.field('sellable')} />
        <TextField lang={lang} label={t(lang, 'popup_field_dailySales')} {...check.field('dailySales')} />
      </div>
    </CheckForm>
  );
}
