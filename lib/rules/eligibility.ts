import type { StoreFigures } from '../records';
import type { Policy } from '../policy/table';
import { checkFigure, criterion, summary, type Summary, type Words } from './verdict';

/** Eligibility to open Local Stock Mode (rules §1): E1..E5, all must hold. */

export type EligibilityStatus = 'eligible' | 'ineligible' | 'unknown';
const ELIGIBILITY_WORDS: Words<EligibilityStatus> = { pass: 'eligible', fail: 'ineligible', unknown: 'unknown' };

/** Takes what a page showed (readers send partial store figures): anything absent is unknown. */
export function eligibility(store: Partial<StoreFigures>, policy: Policy): Summary<EligibilityStatus> {
  const words = ELIGIBILITY_WORDS;
  const { entries } = policy;
  const entity = store.storeEntity ?? null;
  return summary(words, 'eligibility', [
    // The guide does not say whether E1 means each DSR dimension or their mean: each is checked
    // (the strict reading), and the explanation says so.
    criterion(
      words,
      'E1',
      [
        checkFigure(words, policy, 'dsrMin', 'atLeast', store.dsrDescription ?? null, 'rule_figure_dsrDescription'),
        checkFigure(words, policy, 'dsrMin', 'atLeast', store.dsrService ?? null, 'rule_figure_dsrService'),
        checkFigure(words, policy, 'dsrMin', 'atLeast', store.dsrLogistics ?? null, 'rule_figure_dsrLogistics'),
      ],
      { threshold: entries.dsrMin.value, window: entries.dsrWindowDays.value },
    ),
    criterion(words, 'E2', [checkFigure(words, policy, 'ordersMin', 'atLeast', store.orders30d ?? null)], {
      threshold: entries.ordersMin.value,
      window: entries.ordersWindowDays.value,
    }),
    criterion(
      words,
      'E3',
      [
        checkFigure(words, policy, 'fakeShipmentsMax', 'atMost', store.fakeShipments30d ?? null),
        checkFigure(words, policy, 'overtimeUnshippedLimit', 'below', store.overtimeUnshipped30d ?? null),
      ],
      {
        fakeMax: entries.fakeShipmentsMax.value,
        overtimeLimit: entries.overtimeUnshippedLimit.value,
        window: entries.violationsWindowDays.value,
      },
    ),
    criterion(
      words,
      'E4',
      [checkFigure(words, policy, 'replenishmentsPerWeekMin', 'atLeast', store.replenishmentsPerWeek ?? null)],
      { threshold: entries.replenishmentsPerWeekMin.value },
    ),
    // E5 is a kind of store, not a number: no threshold check, the status says it all.
    criterion(words, 'E5', [], {}, entity === null ? words.unknown : entity === policy.requiredStoreEntity ? words.pass : words.fail),
  ]);
}
