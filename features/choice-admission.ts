import { choiceAdmission, type ChoiceStatus } from '@/lib/rules/choice';
import { defineFeature } from './feature';
import { badgeStoreCriteria, type StoreCriteriaBadges } from './store-figure-badges';

/** Logistics performance: do Local Stock products meet the Choice admission metrics (C1..C4)? */
export const CHOICE: StoreCriteriaBadges<ChoiceStatus> = {
  kind: 'choice',
  judge: choiceAdmission,
  words: {
    pass: { figure: 'badge_choice_pass', summary: 'badge_choice_all_pass' },
    fail: { figure: 'badge_choice_fail', summary: 'badge_choice_all_fail' },
    unknown: { figure: 'badge_choice_unknown', summary: 'badge_choice_all_unknown' },
  },
  checks: {
    fulfilmentP95Days: ['C1', 0],
    cancellationRatePct: ['C2', 0],
    pickingAccuracyPct: ['C3', 0],
    syncErrorPct: ['C4', 0],
  },
};

export default defineFeature({
  id: 'choice-admission',
  include: ['logistics-performance'],
  init: (page) => (pass) => badgeStoreCriteria(CHOICE, page, pass),
});
