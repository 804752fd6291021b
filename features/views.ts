import type { BadgeView, ExplanationFact, ExplanationModel, GlossaryEditor, Tone } from '@/components/badge-view';
import type { SkuFigures } from '@/lib/records';
import { t, type Lang, type MessageKey, type MessageParams } from '@/lib/i18n';
import { marketName } from '@/lib/policy/table';
import type { EventCodeVerdict } from '@/lib/rules/event-code';
import type { FeaturePass } from './feature';

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

/** What a pass gives a per-SKU-row badge to work with. */
export type SkuRowPass = Pick<FeaturePass, 'lang' | 'rules'>;

/**
 * A per-SKU-row badge kind (safety line, ITO), said once per feature: its status for a row (worked
 * out for a table's thousands of rows), its label (when the badge is drawn: a screenful of them)
 * and its explanation (when a seller asks).
 */
export interface SkuRowBadge {
  kind: keyof typeof KIND_NAME;
  status(figures: SkuFigures, pass: SkuRowPass): string;
  label(figures: SkuFigures, pass: SkuRowPass): string;
  explain(figures: SkuFigures, pass: SkuRowPass): ExplanationModel;
}

/**
 * A row's badge view: contract attributes, tone and screen-reader text. A class, not a literal with
 * closures: a table of 2,000 rows makes 4,000 of them in the frame that draws it.
 */
class SkuRowView implements BadgeView {
  readonly status: string;
  private words: string | undefined;
  private aria: string | undefined;

  constructor(
    private readonly badge: SkuRowBadge,
    private readonly figures: SkuFigures,
    private readonly pass: SkuRowPass,
  ) {
    this.status = badge.status(figures, pass);
  }

  /** Made when first read, as the badge's button is drawn. */
  get label(): string {
    return (this.words ??= this.badge.label(this.figures, this.pass));
  }

  get kind(): SkuRowBadge['kind'] {
    return this.badge.kind;
  }

  get sku(): string {
    return this.figures.sku;
  }

  get tone(): Tone {
    return TONE_OF_STATUS[this.status] ?? 'unknown';
  }

  /** Made when first read, as the badge's button is drawn: a screenful of a table's thousands. */
  get ariaLabel(): string {
    const { lang } = this.pass;
    return (this.aria ??= t(lang, 'badge_aria', { kind: t(lang, KIND_NAME[this.kind]), sku: this.sku, verdict: this.label }));
  }

  explain(): ExplanationModel {
    return this.badge.explain(this.figures, this.pass);
  }
}

export const skuRowView = (badge: SkuRowBadge, figures: SkuFigures, pass: SkuRowPass): BadgeView => new SkuRowView(badge, figures, pass);

/**
 * An event code explained, on its badge and in the popup's lookup: the documented meaning, or what
 * is known without one (the warehouse country, the three failure families and their checks) with a
 * field for the seller's own note. Never an invented meaning. `save` records the note.
 */
export function eventCodeModel(lang: Lang, verdict: EventCodeVerdict, save: (meaning: string) => Promise<void>): ExplanationModel {
  const country = verdict.country ? t(lang, marketName(verdict.country)) : t(lang, 'badge_event_noCountry');
  const facts = [fact(lang, 'badge_fact_country', country)];
  if (verdict.meaning) facts.push(fact(lang, 'badge_fact_meaning', t(lang, verdict.meaning)));
  for (const family of verdict.families) {
    facts.push({
      label: `${t(lang, family.name)} (${t(lang, 'policy_family_share', { share: family.sharePct })})`,
      value: t(lang, 'badge_family_value', { causes: t(lang, family.causes), checks: t(lang, family.checks) }),
    });
  }
  const model = explanation(lang, verdict.code, facts, verdict);
  // The documented meaning is the platform's; only an undocumented code takes the seller's note.
  if (verdict.meaning) return model;
  const glossary: GlossaryEditor = {
    code: verdict.code,
    current: verdict.userMeaning,
    labels: {
      field: t(lang, 'badge_glossary_field', { code: verdict.code }),
      save: t(lang, 'badge_glossary_save'),
      saved: t(lang, 'badge_glossary_saved'),
      failed: t(lang, 'badge_glossary_failed'),
    },
    save,
  };
  return { ...model, glossary };
}

/** An event code's verdict in a few words: the documented meaning, else the seller's note, else "unknown". */
export const eventCodeWord = (lang: Lang, verdict: EventCodeVerdict): string =>
  verdict.meaning ? t(lang, verdict.meaning) : (verdict.userMeaning ?? t(lang, 'badge_event_unknown'));
