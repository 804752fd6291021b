import type { GlossaryEditor } from '@/components/badge-view';
import { t, type Lang } from '@/lib/i18n';
import { readEventCodes } from '@/lib/readers/event-log';
import { explainEventCode, type EventCodeVerdict } from '@/lib/rules/event-code';
import { defineFeature, type FeaturePage } from './feature';
import { explanation, fact, TONE_OF_STATUS } from './views';

/**
 * Event log: each warehouse / customs code explained. Only documented codes get a meaning from us;
 * for others, what is known (country, failure families and their checks) and a field to record the
 * seller's own meaning, shown from then on.
 */
export default defineFeature({
  id: 'event-codes',
  include: ['event-log'],
  init: (page) => (pass) => {
    const { lang } = pass;
    for (const { code, element } of readEventCodes(page.doc)) {
      const verdict = explainEventCode(code, pass.rules.policy, pass.glossary);
      const label = verdict.meaning
        ? t(lang, verdict.meaning)
        : verdict.userMeaning ?? t(lang, 'badge_event_unknown');
      pass.place(element, {
        kind: 'event-code',
        status: verdict.status,
        code,
        tone: TONE_OF_STATUS[verdict.status]!,
        label,
        ariaLabel: t(lang, 'badge_aria_event', { code, verdict: label }),
        explain: () => explainCode(lang, verdict, page),
      });
    }
  },
});

function explainCode(lang: Lang, verdict: EventCodeVerdict, page: FeaturePage) {
  const country = verdict.country ? t(lang, `policy_market_${verdict.country}`) : t(lang, 'badge_event_noCountry');
  const facts = [fact(lang, 'badge_fact_country', country)];
  if (verdict.meaning) facts.push(fact(lang, 'badge_fact_meaning', t(lang, verdict.meaning)));
  for (const family of verdict.families) {
    facts.push({
      label: `${t(lang, family.name)} (${t(lang, 'policy_family_share', { share: family.sharePct })})`,
      value: t(lang, 'badge_family_value', { causes: t(lang, family.causes), checks: t(lang, family.checks) }),
    });
  }
  const model = explanation(lang, verdict.code, facts, verdict);
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
    save: (meaning) => page.saveGlossary(verdict.code, meaning),
  };
  return { ...model, glossary };
}
