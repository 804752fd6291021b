import type { MessageKey, MessageParams } from '../i18n';
import { FAILURE_FAMILIES, type FailureFamilyId, type Policy } from '../policy/table';
import { EVENT_CODE_PATTERN, marketSchema, type Market } from '../records';
import { paramsOf } from './verdict';

/**
 * Warehouse / customs event codes (rules §5): `CC-NNN`, a two-letter warehouse country, a dash,
 * three digits. Only documented codes get a meaning from us; for any other we say what is known
 * (the country, the three failure families and their checks) and show the seller's own note.
 */

// Not part of a longer token: no letter, digit, dash or underscore either side ('ES-4021',
// 'SKU-ES-402', 'XES-402' are not codes); a sentence's full stop after it is fine.
const CODE_IN_TEXT = /(?<![A-Za-z0-9_-])[A-Z]{2}-\d{3}(?![A-Za-z0-9_-]|\.\d)/g;

/** Codes in page text, each once, in order of appearance. Upper case only: that is how the event log prints them. */
export const findEventCodes = (text: string): string[] => [...new Set(text.match(CODE_IN_TEXT) ?? [])];

/** A code the seller typed ('es-402 '), or null when it is not one. */
export function normaliseEventCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return EVENT_CODE_PATTERN.test(code) ? code : null;
}

export interface FailureFamily {
  id: FailureFamilyId;
  /** Share of Local Stock failures, in percent. */
  sharePct: number;
  name: MessageKey;
  causes: MessageKey;
  checks: MessageKey;
}

const failureFamilies = (policy: Policy): FailureFamily[] =>
  FAILURE_FAMILIES.map((id) => ({
    id,
    sharePct: policy.failureShares[id],
    name: `policy_family_${id}`,
    causes: `policy_family_${id}_causes`,
    checks: `policy_family_${id}_checks`,
  }));

export interface EventCodeVerdict {
  /** known: the platform documents it or the seller has recorded a meaning. */
  status: 'known' | 'unknown';
  code: string;
  /** The warehouse country from the prefix; null when the prefix is not one of the warehouse countries. */
  country: Market | null;
  /** The documented meaning. */
  meaning: MessageKey | null;
  /** The seller's own note, shown as theirs. */
  userMeaning: string | null;
  /** Where to look when no documented meaning says what went wrong. */
  families: FailureFamily[];
  source: MessageKey;
  what: MessageKey;
  todo: MessageKey;
  params: MessageParams;
}

/** `glossary`: the seller's own meanings, by code. */
export function explainEventCode(code: string, policy: Policy, glossary: Readonly<Record<string, string>>): EventCodeVerdict {
  const meaning = policy.knownEventCodes[code] ?? null;
  const userMeaning = glossary[code]?.trim() || null;
  const country = marketSchema.safeParse(code.slice(0, 2));
  const what: MessageKey = meaning ?? (userMeaning ? 'rule_event_what_user' : 'rule_event_what_unknown');
  return {
    status: meaning || userMeaning ? 'known' : 'unknown',
    code,
    country: country.success ? country.data : null,
    meaning,
    userMeaning,
    families: meaning ? [] : failureFamilies(policy),
    source: !meaning && userMeaning ? 'rule_src_userNote' : 'policy_src_events',
    what,
    todo: meaning ? 'rule_event_todo_known' : 'rule_event_todo_unknown',
    params: paramsOf({ code, note: userMeaning }),
  };
}
