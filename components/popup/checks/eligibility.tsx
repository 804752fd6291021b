import { z } from 'zod/mini';

import { optionalFigure } from '@/components/ui/figure-input';
import { SelectField, TextField } from '@/components/ui/fields';
import { formatNumber, text } from '@/components/ui/format';
import { StatusWord } from '@/components/ui/StatusWord';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import { UNIT_RANGES, unitLabel, type Policy } from '@/lib/policy/table';
import { STORE_ENTITIES } from '@/lib/records';
import { eligibility, type EligibilityStatus } from '@/lib/rules/eligibility';
import type { Check, Comparison, Summary } from '@/lib/rules/verdict';
import { CheckForm, useCheck } from './check';

/** Eligibility to open Local Stock Mode (E1..E5) from figures the seller types; a blank figure is unknown. */

const ENTITY_CHOICES = ['unknown', ...STORE_ENTITIES] as const;

const schema = z.object({
  dsrDescription: optionalFigure(UNIT_RANGES.score),
  dsrService: optionalFigure(UNIT_RANGES.score),
  dsrLogistics: optionalFigure(UNIT_RANGES.score),
  orders30d: optionalFigure(UNIT_RANGES.orders),
  fakeShipments30d: optionalFigure(UNIT_RANGES.times),
  overtimeUnshipped30d: optionalFigure(UNIT_RANGES.times),
  replenishmentsPerWeek: optionalFigure(UNIT_RANGES.perWeek),
  storeEntity: z.pipe(
    z.enum(ENTITY_CHOICES),
    z.transform((entity) => (entity === 'unknown' ? null : entity)),
  ),
});

const blank = {
  dsrDescription: '',
  dsrService: '',
  dsrLogistics: '',
  orders30d: '',
  fakeShipments30d: '',
  overtimeUnshipped30d: '',
  replenishmentsPerWeek: '',
  storeEntity: 'unknown' as (typeof ENTITY_CHOICES)[number],
};

const NEED: Record<Comparison, MessageKey> = {
  atLeast: 'ui_need_atLeast',
  atMost: 'ui_need_atMost',
  below: 'ui_need_below',
  within: 'ui_need_within',
};

/** "yours 4.7 · needs ≥ 4.78 points (of 5)": the figure against its threshold, in the seller's language. */
export function checkLine(lang: Lang, check: Check<string>): string {
  const figure = check.figure === null ? t(lang, 'popup_notEntered') : formatNumber(lang, check.figure);
  return text(lang, 'ui_checkLine', {
    label: t(lang, check.label),
    figure,
    need: text(lang, NEED[check.comparison], { threshold: check.threshold, unit: t(lang, unitLabel(check.unit)) }),
  });
}

export function EligibilityResult({ lang, verdict }: { lang: Lang; verdict: Summary<EligibilityStatus> }) {
  return (
    <div class="verdict">
      <p class="headline">
        <StatusWord status={verdict.status} word={t(lang, `badge_eligibility_all_${verdict.status}`)} /> {text(lang, verdict.todo, verdict.params)}
      </p>
      <ul class="criteria">
        {verdict.criteria.map((criterion) => (
          <li key={criterion.rule} data-criterion={criterion.rule}>
            <p class="criterion-head">
              <StatusWord status={criterion.status} word={t(lang, `badge_eligibility_${criterion.status}`, { id: criterion.rule })} />{' '}
              <strong>{t(lang, criterion.name)}</strong>
            </p>
            {criterion.checks.length > 0 && (
              <ul class="check-lines">
                {criterion.checks.map((check) => (
                  <li key={check.label}>{checkLine(lang, check)}</li>
                ))}
              </ul>
            )}
            <p class="rule">{text(lang, criterion.what, criterion.params)}</p>
            {criterion.status !== 'eligible' && <p class="advice">{text(lang, criterion.todo, criterion.params)}</p>}
          </li>
        ))}
      </ul>
      <p class="source">{t(lang, 'badge_source', { source: t(lang, 'policy_src_eligibility') })}</p>
    </div>
  );
}

export function EligibilityCheck({ lang, policy }: { lang: Lang; policy: Policy }) {
  const check = useCheck('elig', schema, blank, (figures) => eligibility(figures, policy));
  const { entries } = policy;
  const windows = { dsr: entries.dsrWindowDays.value, orders: entries.ordersWindowDays.value, violations: entries.violationsWindowDays.value };
  const score = (name: 'dsrDescription' | 'dsrService' | 'dsrLogistics', label: MessageKey) => (
    <TextField lang={lang} label={t(lang, label)} {...check.field(name)} />
  );
  return (
    <CheckForm
      lang={lang}
      label={t(lang, 'popup_check_eligibility')}
      problems={check.problems}
      onSubmit={check.submit}
      result={check.result && <EligibilityResult lang={lang} verdict={check.result} />}
    >
      <p class="hint">{text(lang, 'popup_elig_intro', { days: windows.dsr })}</p>
      <div class="grid3">
        {score('dsrDescription', 'rule_figure_dsrDescription')}
        {score('dsrService', 'rule_figure_dsrService')}
        {score('dsrLogistics', 'rule_figure_dsrLogistics')}
      </div>
      <div class="grid2">
        <TextField lang={lang} label={text(lang, 'popup_field_orders', { days: windows.orders })} inputMode="numeric" {...check.field('orders30d')} />
        <TextField
          lang={lang}
          label={t(lang, 'popup_field_replenishments')}
          {...check.field('replenishmentsPerWeek')}
        />
        <TextField
          lang={lang}
          label={text(lang, 'popup_field_fakeShipments', { days: windows.violations })}
          inputMode="numeric"
          {...check.field('fakeShipments30d')}
        />
        <TextField
          lang={lang}
          label={text(lang, 'popup_field_overtimeUnshipped', { days: windows.violations })}
          inputMode="numeric"
          {...check.field('overtimeUnshipped30d')}
        />
      </div>
      <SelectField
        lang={lang}
        label={t(lang, 'popup_field_storeEntity')}
        choices={ENTITY_CHOICES.map((value) => ({ value, label: t(lang, `popup_entity_${value}`) }))}
        {...check.field('storeEntity')}
      />
    </CheckForm>
  );
}
