import type { StoreFigures } from '../records';
import type { Policy } from '../policy/table';
import { checkFigure, criterion, summary, type Summary, type Words } from './verdict';

/** Choice admission for Local Stock products (rules §2): C1..C4, all must hold. */

export type ChoiceStatus = 'pass' | 'fail' | 'unknown';
const CHOICE_WORDS: Words<ChoiceStatus> = { pass: 'pass', fail: 'fail', unknown: 'unknown' };

export function choiceAdmission(store: Partial<StoreFigures>, policy: Policy): Summary<ChoiceStatus> {
  const words = CHOICE_WORDS;
  const { entries } = policy;
  return summary(words, 'choice', [
    criterion(words, 'C1', [checkFigure(words, policy, 'fulfilmentP95MaxDays', 'atMost', store.fulfilmentP95Days ?? null)], {
      threshold: entries.fulfilmentP95MaxDays.value,
    }),
    criterion(words, 'C2', [checkFigure(words, policy, 'cancellationRateLimitPct', 'below', store.cancellationRatePct ?? null)], {
      threshold: entries.cancellationRateLimitPct.value,
    }),
    criterion(words, 'C3', [checkFigure(words, policy, 'pickingAccuracyMinPct', 'atLeast', store.pickingAccuracyPct ?? null)], {
      threshold: entries.pickingAccuracyMinPct.value,
    }),
    // The WMS may count above or below the real stock: the error is signed, the limit is plus or minus.
    criterion(words, 'C4', [checkFigure(words, policy, 'syncErrorMaxPct', 'within', store.syncErrorPct ?? null)], {
      threshold: entries.syncErrorMaxPct.value,
    }),
  ]);
}
