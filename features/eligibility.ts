import { eligibility, type EligibilityStatus } from '@/lib/rules/eligibility';
import { storeCriteriaFeature, type StoreCriteriaBadges } from './store-figure-badges';

/** Store performance: may this store open Local Stock Mode (E1..E5)? A badge per figure and a summary. */
export const ELIGIBILITY: StoreCriteriaBadges<EligibilityStatus> = {
  kind: 'eligibility',
  judge: eligibility,
  figureWord: (status) => `badge_eligibility_${status}`,
  summaryWord: (status) => `badge_eligibility_all_${status}`,
  checks: {
    dsrDescription: ['E1', 0],
    dsrService: ['E1', 1],
    dsrLogistics: ['E1', 2],
    orders30d: ['E2', 0],
    fakeShipments30d: ['E3', 0],
    overtimeUnshipped30d: ['E3', 1],
    replenishmentsPerWeek: ['E4', 0],
    storeEntity: ['E5', null],
  },
};

export default storeCriteriaFeature('eligibility', ['store-performance'], ELIGIBILITY);
