import type { BadgeKind } from '@/components/badge-view';
import { t, type MessageKey } from '@/lib/i18n';
import type { Policy } from '@/lib/policy/table';
import { readStoreFigures, toStoreFigures, type StoreFigureField } from '@/lib/readers/store-figures';
import type { PageKind, StoreFigures } from '@/lib/records';
import type { Check, CriterionId, Summary } from '@/lib/rules/verdict';
import { defineFeature, type Feature, type FeaturePage, type FeaturePass } from './feature';
import { explanation, fact, figureText, TONE_OF_STATUS } from './views';

/**
 * Store-level criteria (eligibility E1..E5, Choice admission C1..C4) share one way of badging:
 * a badge next to each figure a criterion checks, and one summary badge (criterion "all") next to
 * the page title.
 */

/** Which criterion, and which of its checks, judges each figure the page shows (order as in the rule). */
export type FigureChecks = Partial<Record<StoreFigureField, readonly [CriterionId, number | null]>>;

export interface StoreCriteriaBadges<S extends string> {
  kind: Extract<BadgeKind, 'eligibility' | 'choice'>;
  judge(store: Partial<StoreFigures>, policy: Policy): Summary<S>;
  checks: FigureChecks;
  /** A status in words next to one figure (the message takes the criterion id as `{id}`). */
  figureWord(status: S): MessageKey;
  /** A status in words on the summary badge. */
  summaryWord(status: S): MessageKey;
}

/** The feature for one page of store-level criteria. */
export const storeCriteriaFeature = <S extends string>(id: string, include: readonly PageKind[], config: StoreCriteriaBadges<S>): Feature =>
  defineFeature({ id, include, init: (page) => (pass) => badgeStoreCriteria(config, page, pass) });

const TITLE = 'h1, [role="heading"][aria-level="1"], .page-title, h2';

function badgeStoreCriteria<S extends string>(config: StoreCriteriaBadges<S>, page: FeaturePage, pass: FeaturePass): void {
  const { lang } = pass;
  const readings = readStoreFigures(page.doc).filter((reading) => config.checks[reading.field]);
  if (readings.length === 0) return;
  const result = config.judge(toStoreFigures(readings), pass.rules.policy);

  for (const reading of readings) {
    const [id, index] = config.checks[reading.field]!;
    const criterion = result.criteria.find((c) => c.rule === id)!;
    const check: Check<S> | undefined = index === null ? undefined : criterion.checks[index];
    const status = check?.status ?? criterion.status;
    const label = t(lang, config.figureWord(status), { id });
    pass.place(reading.valueElement, {
      kind: config.kind,
      status,
      criterion: id,
      tone: TONE_OF_STATUS[status]!,
      label,
      ariaLabel: t(lang, 'badge_aria_figure', { criterion: t(lang, `rule_${id}_name`), verdict: label }),
      explain: () =>
        explanation(
          lang,
          `${id} · ${t(lang, `rule_${id}_name`)}`,
          check
            ? [
                fact(lang, check.label, figureText(lang, check.figure, `policy_unit_${check.unit}`)),
                fact(lang, `policy_label_${check.policyKey}`, figureText(lang, check.threshold, `policy_unit_${check.unit}`)),
              ]
            : [fact(lang, 'badge_fact_shown', reading.raw || t(lang, 'badge_notShown'))],
          { ...criterion, todo: figureTodo(id, status, criterion.status, criterion.todo) },
        ),
    });
  }

  const anchor = page.doc.querySelector(TITLE) ?? readings[0]!.labelElement;
  const label = t(lang, config.summaryWord(result.status));
  pass.place(anchor, {
    kind: config.kind,
    status: result.status,
    criterion: 'all',
    tone: TONE_OF_STATUS[result.status]!,
    label,
    ariaLabel: label,
    explain: () =>
      explanation(
        lang,
        label,
        result.criteria.map((c) => fact(lang, `rule_${c.rule}_name`, t(lang, config.figureWord(c.status), { id: c.rule }))),
        { ...result, source: `policy_src_${config.kind}` },
      ),
  });
}

/** One figure of a criterion with several (E1, E3) speaks for itself: kept, missing, or to fix. */
function figureTodo(id: CriterionId, figure: string, whole: string, wholeTodo: MessageKey): MessageKey {
  if (figure === whole) return wholeTodo;
  if (TONE_OF_STATUS[figure] === 'good') return 'rule_todo_keep';
  return figure === 'unknown' ? 'rule_todo_unknown' : `rule_${id}_todo`;
}
