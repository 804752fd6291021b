import { eligibility, type EligibilityStatus } from '@/lib/rules/eligibility';
import { defineFeature } from './feature';
import { badgeStoreCriteria, type StoreCriteriaBadges } from './store-figure-badges';

/** Store performance: may this store open Local Stock Mode (E1..E5)? A badge per figure and a summary. */
export const ELIGIBILITY: StoreCriteriaBadges<EligibilityStatus> = {
  kind: 'eligibility',
  judge: eligibility,
  words: {
    eligible: { figure: 'badge_eligibility_eligible', summary: 'badge_eligibility_all_eligible' },
    ineligible: { figure: 'badge_eligibility_ineligible', summary: 'badge_eligibility_all_ineligible' },
    unknown: { figure: 'badge_eligibility_unknown', summary: 'badge_eligibility_all_unknown' },
  },
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

export default defineFeature({
  id: 'eligibility',
  include: ['store-performance'],
  init: (page) => (pass) => badgeStoreCriteria(ELIGIBILITY, page, pass),
});
