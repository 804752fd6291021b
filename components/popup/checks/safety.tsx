import { z } from 'zod/mini';

import { Explanation } from '@/components/Explanation';
import { DAILY_SALES, optionalFigure, requiredFigure, STOCK_UNITS } from '@/components/ui/figure-input';
import { SelectField, TextField } from '@/components/ui/fields';
import { figureIn, text } from '@/components/ui/format';
import { formattedRule, marketChoices } from '@/components/ui/rule-text';
import { StatusWord } from '@/components/ui/StatusWord';
import { explanation, fact } from '@/features/views';
import { t, type Lang } from '@/lib/i18n';
import { marketName } from '@/lib/policy/table';
import { MARKETS, type Market } from '@/lib/records';
import type { RuleContext } from '@/lib/rules/context';
import { isDay, type Day } from '@/lib/rules/day';
import { safetyLine, type SafetyVerdict } from '@/lib/rules/safety';
import { CheckForm, useCheck } from './check';

/** The safety water line for one SKU on a chosen day: the line, days of cover, and the multiplier in force with why. */

const schema = z.object({
  dailySales: requiredFigure(DAILY_SALES),
  sellable: requiredFigure(STOCK_UNITS),
  inTransit: optionalFigure(STOCK_UNITS),
  market: z.enum(MARKETS, 'ui_err_choose'),
  day: z.string().check(z.refine(isDay, 'settings_err_day')),
});

/** Why this multiplier: the platform default, or the seasonal window in force (its name, market, dates). */
export function multiplierText(lang: Lang, verdict: SafetyVerdict): string {
  if (verdict.multiplier === null) return t(lang, 'ui_unknown');
  const { window } = verdict;
  if (!window) return text(lang, 'popup_multiplier_default', { multiplier: verdict.multiplier });
  return text(lang, 'popup_multiplier_window', {
    multiplier: verdict.multiplier,
    name: window.label || t(lang, marketName(window.market)),
    from: window.from,
    to: window.to,
    source: t(lang, window.source),
  });
}

export function SafetyResult({ lang, verdict }: { lang: Lang; verdict: SafetyVerdict }) {
  const facts = [
    fact(lang, 'badge_fact_sellable', figureIn(lang, 'ui_units', verdict.sellable)),
    ...(verdict.inTransit === null ? [] : [fact(lang, 'badge_fact_inTransit', figureIn(lang, 'ui_units', verdict.inTransit))]),
    fact(lang, 'badge_fact_dailySales', figureIn(lang, 'ui_perDay', verdict.dailySales)),
    fact(lang, 'popup_fact_multiplier', multiplierText(lang, verdict)),
    // The line is a count of units: a fraction of one still has to be stocked.
    fact(lang, 'badge_fact_line', figureIn(lang, 'ui_units', verdict.line === null ? null : Math.ceil(verdict.line))),
    fact(lang, 'badge_fact_daysOfCover', figureIn(lang, 'ui_days', verdict.daysOfCover, 1)),
  ];
  return (
    <div class="verdict">
      <p class="headline">
        <StatusWord status={verdict.status} word={t(lang, `badge_safety_${verdict.status}`)} />
      </p>
      <Explanation headingId="safety-result" model={explanation(lang, t(lang, 'popup_safety_title'), facts, formattedRule(lang, verdict))} />
    </div>
  );
}

export function SafetyCheck({ lang, rules }: { lang: Lang; rules: RuleContext }) {
  const check = useCheck(
    'safety',
    schema,
    { dailySales: '', sellable: '', inTransit: '', market: '' as Market | '', day: rules.day as Day },
    ({ day, ...sku }) => safetyLine(sku, { ...rules, day }),
  );
  return (
    <CheckForm
      lang={lang}
      label={t(lang, 'popup_check_safety')}
      problems={check.problems}
      onSubmit={check.submit}
      result={check.result && <SafetyResult lang={lang} verdict={check.result} />}
    >
      <div class="grid2">
        <TextField lang={lang} label={t(lang, 'popup_field_dailySales')} {...check.field('dailySales')} />
        <TextField lang={lang} label={t(lang, 'popup_field_sellable')} inputMode="numeric" {...check.field('sellable')} />
        <TextField
          lang={lang}
          label={t(lang, 'popup_field_inTransit')}
          hint={t(lang, 'popup_hint_optional')}
          inputMode="numeric"
          {...check.field('inTransit')}
        />
        <SelectField lang={lang} label={t(lang, 'popup_field_market')} choices={marketChoices(lang)} {...check.field('market')} />
      </div>
      <TextField lang={lang} label={t(lang, 'popup_field_day')} type="date" hint={t(lang, 'popup_hint_day')} {...check.field('day')} />
    </CheckForm>
  );
}
