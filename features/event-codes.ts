import { t } from '@/lib/i18n';
import { readEventCodes } from '@/lib/readers/event-log';
import { explainEventCode } from '@/lib/rules/event-code';
import { defineFeature } from './feature';
import { eventCodeModel, eventCodeWord, TONE_OF_STATUS } from './views';

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
      const label = eventCodeWord(lang, verdict);
      pass.place(element, {
        kind: 'event-code',
        status: verdict.status,
        code,
        tone: TONE_OF_STATUS[verdict.status]!,
        label,
        ariaLabel: t(lang, 'badge_aria_event', { code, verdict: label }),
        explain: () => eventCodeModel(lang, verdict, (meaning) => page.saveGlossary(verdict.code, meaning)),
      });
    }
  },
});
