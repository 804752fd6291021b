import type { BadgeView, ExplanationFact, ExplanationModel, Tone } from '@/components/badge-view';
import { t, type Lang, type MessageKey, type MessageParams } from '@/lib/i18n';

/** Turning a rule's answer into what a badge says: shared by every badge feature. */

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A figure as the seller reads it in their language; a missing one says so. */
export function figureText(lang: Lang, value: number | null, unit?: MessageKey): string {
  if (value === null) return t(lang, 'badge_notShown');
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 })));
  const text = format.format(value);
  return unit ? `${text} ${t(lang, unit)}` : text;
}

export const fact = (lang: Lang, label: MessageKey, value: string): ExplanationFact => ({ label: t(lang, label), value });

/** The parts every explanation has: what the rule is, what to do, and where it comes from. */
export interface RuleText {
  what: MessageKey;
  todo: MessageKey;
  source: MessageKey;
  params: MessageParams;
}

export function explanation(lang: Lang, title: string, facts: ExplanationFact[], rule: RuleText, note?: string): ExplanationModel {
  return {
    title,
    facts,
    rule: t(lang, rule.what, rule.params),
    advice: t(lang, rule.todo, rule.params),
    source: t(lang, 'badge_source', { source: t(lang, rule.source, rule.params) }),
    ...(note ? { note } : {}),
  };
}

/** Pass / fail / unknown in each kind's own words, and the tone that goes with each. */
export const TONE_OF_STATUS: Readonly<Record<string, Tone>> = {
  eligible: 'good',
  pass: 'good',
  ok: 'good',
  normal: 'good',
  rebate: 'info',
  known: 'info',
  low: 'warn',
  surcharge: 'warn',
  ineligible: 'bad',
  fail: 'bad',
  out: 'bad',
  unknown: 'unknown',
};

const KIND_NAME = { safety: 'badge_kind_safety', ito: 'badge_kind_ito' } as const satisfies Record<string, MessageKey>;

/** A per-SKU-row badge (safety line, ITO): its contract attributes, tone and screen-reader text. */
export function skuBadge(
  lang: Lang,
  kind: keyof typeof KIND_NAME,
  sku: string,
  status: string,
  label: string,
  explain: () => ExplanationModel,
): BadgeView {
  return {
    kind,
    status,
    sku,
    tone: TONE_OF_STATUS[status] ?? 'unknown',
    label,
    ariaLabel: t(lang, 'badge_aria', { kind: t(lang, KIND_NAME[kind]), sku, verdict: label }),
    explain,
  };
}
