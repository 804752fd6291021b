import { z } from 'zod/mini';

import { DAILY_SALES, optionalFigure, requiredFigure, STOCK_UNITS, TURNOVER_DAYS } from '@/components/ui/figure-input';
import { CheckboxField, TextField } from '@/components/ui/fields';
import { formatCny, formatNumber, text } from '@/components/ui/format';
import { StatusWord } from '@/components/ui/StatusWord';
import { t, type Lang } from '@/lib/i18n';
import { unitLabel, type Policy } from '@/lib/policy/table';
import { monthlyCost, type CostEstimate } from '@/lib/rules/cost';
import { DAYS_PER_MONTH } from '@/lib/rules/day';
import { CheckForm, useCheck } from './check';
import { turnoverWord } from './turnover';

/** A month's standard-warehouse cost for one SKU, line by line, each fee from the policy table. */

const schema = z.object({
  sellable: requiredFigure(STOCK_UNITS),
  dailySales: requiredFigure(DAILY_SALES),
  turnoverDays: optionalFigure(TURNOVER_DAYS),
  labelling: z.boolean(),
  returnsPerMonth: optionalFigure(STOCK_UNITS),
});

export function CostResult({ lang, estimate, policy }: { lang: Lang; estimate: CostEstimate; policy: Policy }) {
  const money = (cny: number | null) => (cny === null ? t(lang, 'ui_unknown') : formatCny(lang, cny));
  return (
    <div class="verdict">
      <table class="cost">
        <caption>{t(lang, 'popup_cost_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'popup_cost_item')}</th>
            <th scope="col">{t(lang, 'popup_cost_units')}</th>
            <th scope="col">{t(lang, 'popup_cost_rate')}</th>
            <th scope="col">{t(lang, 'popup_cost_cny')}</th>
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((line) => (
            <tr key={line.policyKey} data-line={line.policyKey}>
              <th scope="row">{t(lang, line.label)}</th>
              <td>{line.units === null ? t(lang, 'ui_unknown') : formatNumber(lang, line.units)}</td>
              <td>{`${formatCny(lang, line.rate)} ${t(lang, unitLabel(policy.entries[line.policyKey].unit))}`}</td>
              <td>{money(line.cny)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t(lang, 'popup_cost_total')}
            </th>
            <td data-total>{money(estimate.totalCny)}</td>
          </tr>
        </tfoot>
      </table>
      <p>
        <StatusWord status={estimate.turnover.status} word={turnoverWord(lang, estimate.turnover)} />{' '}
        {estimate.rebateUpToCny !== null && estimate.rebateUpToCny > 0
          ? text(lang, 'popup_cost_rebate', { amount: formatCny(lang, estimate.rebateUpToCny), pct: policy.entries.fastMovingRebateMaxPct.value })
          : text(lang, estimate.turnover.todo, estimate.turnover.params)}
      </p>
      {estimate.outboundUnits !== null && (
        <p class="hint">{text(lang, 'popup_cost_outbound', { units: estimate.outboundUnits, days: DAYS_PER_MONTH })}</p>
      )}
      <p class="source">{t(lang, 'badge_source', { source: t(lang, 'policy_src_fees') })}</p>
    </div>
  );
}

export function CostCheck({ lang, policy }: { lang: Lang; policy: Policy }) {
  const check = useCheck(
    'cost',
    schema,
    { sellable: '', dailySales: '', turnoverDays: '', labelling: false, returnsPerMonth: '' },
    ({ labelling, returnsPerMonth, ...sku }) => monthlyCost(sku, { labelling, returnsPerMonth: returnsPerMonth ?? 0 }, policy),
  );
  const labelling = check.field('labelling');
  return (
    <CheckForm
      lang={lang}
      label={t(lang, 'popup_check_cost')}
      problems={check.problems}
      onSubmit={check.submit}
      result={check.result && <CostResult lang={lang} estimate={check.result} policy={policy} />}
    >
      <div class="grid2">
        <TextField lang={lang} label={t(lang, 'popup_field_sellable')} inputMode="numeric" {...check.field('sellable')} />
        <TextField lang={lang} label={t(lang, 'popup_field_dailySales')} {...check.field('dailySales')} />
        <TextField lang={lang} label={t(lang, 'popup_field_turnoverDays')} hint={t(lang, 'popup_hint_optional')} {...check.field('turnoverDays')} />
        <TextField
          lang={lang}
          label={t(lang, 'popup_field_returns')}
          hint={t(lang, 'popup_hint_optional')}
          inputMode="numeric"
          {...check.field('returnsPerMonth')}
        />
      </div>
      <CheckboxField id={labelling.id} label={t(lang, 'popup_field_labelling')} checked={labelling.value} onValue={labelling.onValue} />
    </CheckForm>
  );
}
