import type { MessageKey, MessageParams } from '../i18n';
import { DEFAULT_POLICY, ORDERED_PAIRS, POLICY_KEYS, UNIT_RANGES, inUnitRange, type Policy, type PolicyKey } from './table';

/**
 * The seller's overrides (stored settings) on top of the shipped table. A bad override never
 * reaches a rule: it is rejected with a reason the options page can show, and the default stays.
 */

export interface OverrideRejection {
  key: string;
  value: unknown;
  reason: MessageKey;
  params: MessageParams;
}

const isPolicyKey = (key: string): key is PolicyKey => (POLICY_KEYS as string[]).includes(key);

const reject = (key: string, value: unknown, reason: MessageKey, params: MessageParams = {}): OverrideRejection => ({
  key,
  value,
  reason,
  params,
});

/** One override on its own: known entry, adjustable, a number in its unit's range. */
export function checkOverride(key: string, value: unknown, defaults: Policy = DEFAULT_POLICY): OverrideRejection | null {
  if (!isPolicyKey(key)) return reject(key, value, 'policy_err_unknownEntry');
  const entry = defaults.entries[key];
  if (!entry.overridable) return reject(key, value, 'policy_err_fixed');
  if (typeof value !== 'number' || !Number.isFinite(value)) return reject(key, value, 'policy_err_notNumber');
  const range = UNIT_RANGES[entry.unit];
  if (inUnitRange(entry.unit, value)) return null;
  if (value < range.min || value > range.max) return reject(key, value, 'policy_err_range', { min: range.min, max: range.max });
  return reject(key, value, 'policy_err_whole');
}

export interface EffectivePolicy {
  policy: Policy;
  rejected: OverrideRejection[];
}

/** The table rules judge by: defaults merged with every valid override; the rest come back rejected. */
export function effectivePolicy(overrides: Readonly<Record<string, unknown>>, defaults: Policy = DEFAULT_POLICY): EffectivePolicy {
  const entries = { ...defaults.entries };
  const rejected: OverrideRejection[] = [];
  const applied = new Set<PolicyKey>();
  for (const [key, value] of Object.entries(overrides)) {
    const problem = checkOverride(key, value, defaults);
    if (problem) rejected.push(problem);
    else if (isPolicyKey(key)) {
      entries[key] = { ...entries[key], value: value as number };
      applied.add(key);
    }
  }
  // An override may not turn a band upside down (a rebate bound above the surcharge bound):
  // the overriding side goes back to its default.
  for (const [lower, upper] of ORDERED_PAIRS) {
    for (const [key, other, reason] of [
      [lower, upper, 'policy_err_notAbove'],
      [upper, lower, 'policy_err_notBelow'],
    ] as const) {
      if (entries[lower].value <= entries[upper].value) break;
      if (!applied.has(key)) continue;
      rejected.push(reject(key, entries[key].value, reason, { limit: entries[other].value }));
      entries[key] = defaults.entries[key];
    }
  }
  return { policy: { ...defaults, entries }, rejected };
}
