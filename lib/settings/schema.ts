import { z } from 'zod/mini';

import { catalogKeys, langFromLocale, type Lang, type MessageKey, type MessageParams } from '../i18n';
import { effectivePolicy } from '../policy/overrides';
import { UNIT_RANGES } from '../policy/table';
import { marketSchema } from '../records';
import { daysBetween, isDay } from '../rules/day';

/**
 * The seller's settings: one stored object, versioned, validated on every read and before every
 * save. Stored as a WXT storage item under SETTINGS_KEY with `version: SETTINGS_VERSION`; a
 * later version adds its migration there, next to this schema. Reading is forgiving (a field that
 * no longer validates falls back to its default, and says so); saving is strict (an invalid value
 * is refused with a reason, nothing is half-saved).
 */

export const SETTINGS_KEY = 'local:settings';
export const SETTINGS_VERSION = 1;

const LEAD_TIME = { min: 1, max: 365 };
const RETENTION = { min: 30, max: 3650 };
const LABEL_MAX = 60;
const MULTIPLIER = UNIT_RANGES.timesDailySales;

/** Placeholders of the reasons that name a range. */
const REASON_PARAMS: Partial<Record<MessageKey, MessageParams>> = {
  settings_err_multiplier: { min: MULTIPLIER.min, max: MULTIPLIER.max },
  settings_err_leadTime: LEAD_TIME,
  settings_err_retention: RETENTION,
  settings_err_label: { max: LABEL_MAX },
};

const daySchema = z.string().check(z.refine(isDay, 'settings_err_day'));
const clockSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'settings_err_clock'));

/** A seasonal window of the safety-line calendar: in this market, between these days, this multiplier. */
export const seasonWindowSchema = z.object({
  id: z.string().check(z.minLength(1)),
  market: marketSchema,
  /** First and last day, both included. */
  from: daySchema,
  to: daySchema,
  /** Repeats on the same dates every year (then it may not span a year). */
  everyYear: z.boolean(),
  multiplier: z.number().check(z.gte(MULTIPLIER.min, 'settings_err_multiplier'), z.lte(MULTIPLIER.max, 'settings_err_multiplier')),
  label: z.string().check(z.maxLength(LABEL_MAX, 'settings_err_label')),
}).check(
  z.refine((w) => w.from <= w.to, { error: 'settings_err_windowOrder', path: ['to'] }),
  z.refine((w) => !w.everyYear || daysBetween(w.from, w.to) < 365, { error: 'settings_err_windowYear', path: ['to'] }),
);
export type SeasonWindow = z.infer<typeof seasonWindowSchema>;

export const NOTIFICATION_MODES = ['off', 'immediate', 'digest'] as const;

export const settingsSchema = z.object({
  /** 'auto' follows the browser's language. */
  language: z.enum(['auto', 'zh', 'en']),
  /** Days from shipping at home to sellable in the overseas warehouse, per market; unset until the seller says. */
  leadTimeDays: z.partialRecord(
    marketSchema,
    z.int('settings_err_leadTime').check(z.gte(LEAD_TIME.min, 'settings_err_leadTime'), z.lte(LEAD_TIME.max, 'settings_err_leadTime')),
  ),
  seasonWindows: z.array(seasonWindowSchema),
  /** Policy entry key -> the seller's value; checked against the table before saving, and again on use. */
  policyOverrides: z.record(z.string(), z.number()),
  notifications: z.object({
    mode: z.enum(NOTIFICATION_MODES),
    /** Nothing is notified until the seller has read the first-run explanation. */
    introSeen: z.boolean(),
    /** Hour of the day the digest goes out, in digest mode. */
    digestHour: z.int().check(z.gte(0), z.lte(23)),
    /** No notification between these times (may cross midnight). */
    quietHours: z.nullable(z.object({ from: clockSchema, to: clockSchema })),
    /** Epoch milliseconds; nothing is notified before. */
    snoozeUntil: z.nullable(z.number()),
  }),
  /** Daily history snapshots older than this are pruned. */
  retentionDays: z.int('settings_err_retention').check(
    z.gte(RETENTION.min, 'settings_err_retention'),
    z.lte(RETENTION.max, 'settings_err_retention'),
  ),
});
export type Settings = z.infer<typeof settingsSchema>;
type SettingsField = keyof Settings;

export const defaultSettings = (): Settings => ({
  language: 'auto',
  leadTimeDays: {},
  seasonWindows: [],
  policyOverrides: {},
  notifications: { mode: 'immediate', introSeen: false, digestHour: 9, quietHours: null, snoozeUntil: null },
  retentionDays: 400,
});

/** Why a value was refused: where (`seasonWindows.0.to`), and a message key with its placeholders. */
export interface SettingsProblem {
  path: string;
  reason: MessageKey;
  params: MessageParams;
}

const isMessageKey = (text: string): text is MessageKey => catalogKeys('zh').includes(text);

function problemsOf(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): SettingsProblem[] {
  return issues.map((issue) => {
    const reason = isMessageKey(issue.message) ? issue.message : 'settings_err_invalid';
    return { path: [...prefix, ...issue.path].join('.'), reason, params: REASON_PARAMS[reason] ?? {} };
  });
}

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/** Before saving: the whole candidate or nothing, with every reason at once. */
export function checkSettings(candidate: unknown): SettingsCheck {
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error.issues) };
  const rejected = effectivePolicy(parsed.data.policyOverrides).rejected;
  if (rejected.length > 0) {
    return {
      ok: false,
      problems: rejected.map((r) => ({ path: `policyOverrides.${r.key}`, reason: r.reason, params: r.params })),
    };
  }
  return { ok: true, settings: parsed.data };
}

/**
 * After reading storage: every field that validates is kept, every other one falls back to its
 * default and is reported. Overrides are kept as stored; effectivePolicy drops the bad ones on use.
 */
export function readSettings(stored: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const settings = defaultSettings();
  const problems: SettingsProblem[] = [];
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  for (const field of Object.keys(settingsSchema.shape) as SettingsField[]) {
    if (!(field in record)) continue;
    const parsed = settingsSchema.shape[field].safeParse(record[field]);
    if (parsed.success) Object.assign(settings, { [field]: parsed.data });
    else problems.push(...problemsOf(parsed.error.issues, [field]));
  }
  return { settings, problems };
}

export const settingsLang = (settings: Settings, browserLocale: string | undefined): Lang =>
  settings.language === 'auto' ? langFromLocale(browserLocale) : settings.language;
