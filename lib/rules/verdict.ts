import type { MessageKey, MessageParams } from '../i18n';
import { entryLabel, sectionSource, type Policy, type PolicyKey, type RuleId, type Unit } from '../policy/table';

/**
 * The shape every rule answers in: a status in the words of its badge (`data-lsm-status`) and
 * the data a person needs to trust it: the figure, the threshold, the rule id, the source, and
 * message keys for what the rule is and what to do. Never a bare boolean.
 */

/** Message keys and their placeholders: `t(lang, what, params)`, `t(lang, todo, params)`. */
export interface Explanation {
  rule: RuleId;
  /** Where the rule comes from. */
  source: MessageKey;
  /** What the rule is. */
  what: MessageKey;
  /** What to do. */
  todo: MessageKey;
  params: MessageParams;
}

/**
 * A derived figure, or null when page figures of absurd size make it overflow: a badge never
 * shows Infinity, and a verdict built on it is unknown.
 */
export const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** CNY to the fen. */
export const cents = (cny: number): number | null => finite(Math.round(cny * 100) / 100);

/**
 * Message placeholders from explanation data, missing ones left out. Figures to two decimals:
 * enough for fen and for any policy value, without 23.310000000000002 in a sentence.
 */
export function paramsOf(values: Readonly<Record<string, string | number | null>>): MessageParams {
  const params: MessageParams = {};
  // for...in rather than Object.entries: a page of SKUs makes two verdicts a row, each with a dozen values.
  for (const name in values) {
    const value = values[name]!;
    // Beyond 1e306 a figure has no decimals left to round (and ×100 would overflow).
    if (value !== null) params[name] = typeof value === 'number' ? (finite(Math.round(value * 100) / 100) ?? value) : value;
  }
  return params;
}

export type Outcome = 'pass' | 'fail' | 'unknown';

/** Each badge kind says pass / fail / unknown in its own words (eligible / ineligible / unknown, ...). */
export type Words<S extends string> = Readonly<Record<Outcome, S>>;

/** How a figure is held against its threshold; `within` is plus or minus the threshold. */
export type Comparison = 'atLeast' | 'atMost' | 'below' | 'within';

/** One figure held against one policy entry: what one badge next to one figure shows. */
export interface Check<S extends string> {
  status: S;
  rule: RuleId;
  /** The seller's figure; null when the page does not show it. */
  figure: number | null;
  threshold: number;
  comparison: Comparison;
  unit: Unit;
  policyKey: PolicyKey;
  /** Names the figure in the seller's words. */
  label: MessageKey;
  source: MessageKey;
}

/** A missing figure is unknown, never a pass. */
export function judge(figure: number | null, comparison: Comparison, threshold: number): Outcome {
  if (figure === null) return 'unknown';
  const holds = {
    atLeast: () => figure >= threshold,
    atMost: () => figure <= threshold,
    below: () => figure < threshold,
    within: () => Math.abs(figure) <= threshold,
  }[comparison]();
  return holds ? 'pass' : 'fail';
}

/** All must hold: one fail fails, else one unknown leaves it unknown. */
function allOutcome<S extends string>(words: Words<S>, statuses: readonly S[]): Outcome {
  if (statuses.includes(words.fail)) return 'fail';
  if (statuses.includes(words.unknown)) return 'unknown';
  return 'pass';
}

export const overall = <S extends string>(words: Words<S>, statuses: readonly S[]): S => words[allOutcome(words, statuses)];

export function checkFigure<S extends string>(
  words: Words<S>,
  policy: Policy,
  policyKey: PolicyKey,
  comparison: Comparison,
  figure: number | null,
  label: MessageKey = entryLabel(policyKey),
): Check<S> {
  const entry = policy.entries[policyKey];
  return {
    status: words[judge(figure, comparison, entry.value)],
    rule: entry.rule,
    figure,
    threshold: entry.value,
    comparison,
    unit: entry.unit,
    policyKey,
    label,
    source: sectionSource(entry.section),
  };
}

/** The store-level criteria: eligibility E1..E5 and Choice admission C1..C4. */
export type CriterionId = Extract<RuleId, `E${number}` | `C${number}`>;

export interface Criterion<S extends string> extends Explanation {
  rule: CriterionId;
  /** The criterion's short name ('Store DSR'). */
  name: MessageKey;
  status: S;
  /** One per figure the criterion reads (E1 has three, E5 none: it is not a number). */
  checks: Check<S>[];
}

export function criterion<S extends string>(
  words: Words<S>,
  rule: CriterionId,
  checks: Check<S>[],
  params: MessageParams,
  status: S = overall(words, checks.map((c) => c.status)),
): Criterion<S> {
  const todo: MessageKey =
    status === words.fail ? `rule_${rule}_todo` : status === words.pass ? 'rule_todo_keep' : 'rule_todo_unknown';
  return {
    rule,
    name: `rule_${rule}_name`,
    status,
    checks,
    source: sectionSource(rule.startsWith('E') ? 'eligibility' : 'choice'),
    what: `rule_${rule}_what`,
    todo,
    params,
  };
}

/** The summary badge (`data-lsm-criterion="all"`): every criterion, and which fail or are unknown. */
export interface Summary<S extends string> {
  status: S;
  criteria: Criterion<S>[];
  what: MessageKey;
  todo: MessageKey;
  params: { failing: string; missing: string };
}

export function summary<S extends string>(
  words: Words<S>,
  kind: 'eligibility' | 'choice',
  criteria: Criterion<S>[],
): Summary<S> {
  const outcome = allOutcome(words, criteria.map((c) => c.status));
  const ids = (wanted: S) => criteria.filter((c) => c.status === wanted).map((c) => c.rule).join(', ');
  return {
    status: words[outcome],
    criteria,
    what: `rule_${kind}_what`,
    todo: `rule_${kind}_todo_${outcome}`,
    params: { failing: ids(words.fail), missing: ids(words.unknown) },
  };
}
