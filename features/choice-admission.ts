import { choiceAdmission, type ChoiceStatus } from '@/lib/rules/choice';
import { storeCriteriaFeature, type StoreCriteriaBadges } from './store-figure-badges';

/** Logistics performance: do Local Stock products meet the Choice admission metrics (C1..C4)? */
export const CHOICE: StoreCriteriaBadges<ChoiceStatus> = {
  kind: 'choice',
  judge: choiceAdmission,
  figureWord: (status) => `badge_choice_${status}`,
  summaryWord: (status) => `badge_choice_all_${status}`,
  checks: {
    fulfilmentP95Days: ['C1', 0],
    cancellationRatePct: ['C2', 0],
    pickingAccuracyPct: ['C3', 0],
    syncErrorPct: ['C4', 0],
  },
};

export default storeCriteriaFeature('choice-admission', ['logistics-performance'], CHOICE);
