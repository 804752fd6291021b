import { z } from 'zod/mini';

import { optionalFigure, requiredFigure, type InputRange } from '@/components/ui/figure-input';
import { t, type Lang } from '@/lib/i18n';
import { entryLabel, marketName, POLICY_KEYS, type PolicyKey } from '@/lib/policy/table';
import { MARKETS, marketSchema, type Market } from '@/lib/records';
import { NOTIFICATION_MODES, type Settings } from '@/lib/settings/schema';

/**
 * The settings form holds what the seller typed (text), not numbers: a half-typed value must not
 * be lost or silently turned into something else. Saving reads the draft in two steps: here, text
 * into numbers ("Enter a number"); then lib/settings' checkSettings, which refuses the whole
 * candidate with every reason. Issue paths are the settings' own ('leadTimeDays.ES'), so each
 * reason lands next to its field whichever step found it.
 */

export interface WindowDraft {
  id: string;
  market: Market | '';
  from: string;
  to: string;
  everyYear: boolean;
  multiplier: string;
  label: string;
}

export interface Draft {
  language: Settings['language'];
  leadTimeDays: Partial<Record<Market, string>>;
  seasonWindows: WindowDraft[];
  policyOverrides: Partial<Record<PolicyKey, string>>;
  notifications: {
    mode: Settings['notifications']['mode'];
    introSeen: boolean;
    digestHour: string;
    quiet: boolean;
    quietFrom: string;
    quietTo: string;
    snoozeUntil: number | null;
  };
  retentionDays: string;
}

const textOf = (value: number | undefined) => (value === undefined ? '' : String(value));

/** Quiet hours the form offers when the seller first ticks the box: the night. */
const NIGHT = { from: '22:00', to: '08:00' };

export function draftOf(settings: Settings): Draft {
  const { notifications: n } = settings;
  return {
    language: settings.language,
    leadTimeDays: Object.fromEntries(MARKETS.map((market) => [market, textOf(settings.leadTimeDays[market])])),
    seasonWindows: settings.seasonWindows.map((w) => ({ ...w, multiplier: String(w.multiplier) })),
    policyOverrides: Object.fromEntries(POLICY_KEYS.map((key) => [key, textOf(settings.policyOverrides[key])])),
    notifications: {
      mode: n.mode,
      introSeen: n.introSeen,
      digestHour: String(n.digestHour),
      quiet: n.quietHours !== null,
      quietFrom: n.quietHours?.from ?? NIGHT.from,
      quietTo: n.quietHours?.to ?? NIGHT.to,
      snoozeUntil: n.snoozeUntil,
    },
    retentionDays: String(settings.retentionDays),
  };
}

/** Only "is it a number" here; the range is the settings schema's to judge, with its own reason. */
const ANY_NUMBER: InputRange = { min: -Infinity, max: Infinity, whole: false };

const withoutBlanks = <K extends string>(record: Partial<Record<K, number | null>>): Partial<Record<K, number>> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Partial<Record<K, number>>;

export const draftSchema = z.object({
  language: z.enum(['auto', 'zh', 'en']),
  leadTimeDays: z.pipe(z.partialRecord(marketSchema, optionalFigure(ANY_NUMBER)), z.transform(withoutBlanks)),
  seasonWindows: z.array(
    z.object({
      id: z.string(),
      market: z.enum(MARKETS, 'ui_err_choose'),
      from: z.string(),
      to: z.string(),
      everyYear: z.boolean(),
      multiplier: requiredFigure(ANY_NUMBER),
      label: z.string().check(z.trim()),
    }),
  ),
  policyOverrides: z.pipe(z.record(z.string(), optionalFigure(ANY_NUMBER)), z.transform(withoutBlanks)),
  notifications: z.pipe(
    z.object({
      mode: z.enum(NOTIFICATION_MODES),
      introSeen: z.boolean(),
      digestHour: requiredFigure(ANY_NUMBER),
      quiet: z.boolean(),
      quietFrom: z.string(),
      quietTo: z.string(),
      snoozeUntil: z.nullable(z.number()),
    }),
    z.transform(({ quiet, quietFrom, quietTo, ...rest }) => ({ ...rest, quietHours: quiet ? { from: quietFrom, to: quietTo } : null })),
  ),
  retentionDays: requiredFigure(ANY_NUMBER),
});

/** What the seller edits in a seasonal window (its id is ours). */
export const WINDOW_FIELDS = ['market', 'from', 'to', 'everyYear', 'multiplier', 'label'] as const;
export type WindowField = (typeof WINDOW_FIELDS)[number];
const isWindowField = (name: string | undefined): name is WindowField => (WINDOW_FIELDS as readonly (string | undefined)[]).includes(name);

/** The id of a setting's input: its settings path, so a reason finds its field. */
export const inputId = (path: string): string => `s-${path}`;

/** Names a setting by its path, for the list of reasons a save was refused. */
export function pathLabel(lang: Lang, path: string): string {
  const [field, key, part] = path.split('.');
  switch (field) {
    case 'leadTimeDays':
      return marketSchema.safeParse(key).success
        ? `${t(lang, 'options_leadTime_heading')} · ${t(lang, marketName(key as Market))}`
        : t(lang, 'options_leadTime_heading');
    case 'seasonWindows':
      return `${t(lang, 'options_window_legend', { n: Number(key) + 1 })}${isWindowField(part) ? ` · ${t(lang, `options_window_${part}`)}` : ''}`;
    case 'policyOverrides':
      return (POLICY_KEYS as string[]).includes(key ?? '') ? t(lang, entryLabel(key as PolicyKey)) : t(lang, 'options_policy_heading');
    case 'notifications':
      return t(lang, 'options_notify_heading');
    case 'retentionDays':
      return t(lang, 'options_retention_label');
    default:
      return t(lang, 'options_language_label');
  }
}
