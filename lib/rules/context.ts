import type { Market } from '../records';
import { effectivePolicy, type OverrideRejection } from '../policy/overrides';
import type { Policy } from '../policy/table';
import type { SeasonWindow, Settings } from '../settings/schema';
import type { Day } from './day';

/** What the date- and season-dependent rules judge by: the effective policy, the seller's calendar and lead times, today. */
export interface RuleContext {
  policy: Policy;
  seasons: readonly SeasonWindow[];
  leadTimeDays: Readonly<Partial<Record<Market, number>>>;
  day: Day;
}

/** Built once per page render from the stored settings; rejected overrides come back for the options page to show. */
export function ruleContext(settings: Settings, day: Day): RuleContext & { rejected: OverrideRejection[] } {
  const { policy, rejected } = effectivePolicy(settings.policyOverrides);
  return { policy, seasons: settings.seasonWindows, leadTimeDays: settings.leadTimeDays, day, rejected };
}
