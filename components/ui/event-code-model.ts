import type { ExplanationModel, GlossaryEditor } from '@/components/badge-view';
import { explanation, fact } from '@/features/views';
import { t, type Lang } from '@/lib/i18n';
import { marketName } from '@/lib/policy/table';
import type { EventCodeVerdict } from '@/lib/rules/event-code';

/**
 * An event code explained: the documented meaning, or what is known without one (the warehouse
 * country, the three failure families and their checks) with a field for the seller's own note.
 * Never an invented meaning. `save` records the note (through the worker's glossary).
 */
export function eventCodeModel(lang: Lang, verdict: EventCodeVerdict, save: (meaning: string) => Promise<void>): ExplanationModel {
  const country = verdict.country ? t(lang, marketName(verdict.country)) : t(lang, 'badge_event_noCountry');
  const facts = [fact(lang, 'badge_fact_country', country)];
  if (verdict.meaning) facts.push(fact(lang, 'badge_fact_meaning', t(lang, verdict.meaning)));
  for (const family of verdict.families) {
    facts.push({
      label: `${t(lang, family.name)} (${t(lang, 'policy_family_share', { share: family.sharePct })})`,
      value: `${t(lang, family.causes)}. ${t(lang, family.checks)}`,
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

/** The verdict in a few words, as the event-code badge labels it. */
export const eventCodeWord = (lang: Lang, verdict: EventCodeVerdict): string =>
  verdict.meaning ? t(lang, verdict.meaning) : (verdict.userMeaning ?? t(lang, 'badge_event_unknown'));
