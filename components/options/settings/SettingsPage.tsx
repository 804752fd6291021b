import { useEffect, useMemo, useState } from 'preact/hooks';

import { readForm, problemAt } from '@/components/ui/figure-input';
import { CheckboxField, ProblemText, SelectField, TextField } from '@/components/ui/fields';
import { formatMoment, formatNumber, text } from '@/components/ui/format';
import { marketChoices } from '@/components/ui/rule-text';
import type { SettingsStore } from '@/components/ui/settings-store';
import { t, type Lang } from '@/lib/i18n';
import {
  DEFAULT_POLICY,
  entryLabel,
  marketName,
  POLICY_KEYS,
  sectionSource,
  unitLabel,
  type PolicyKey,
} from '@/lib/policy/table';
import { effectivePolicy } from '@/lib/policy/overrides';
import { MARKETS } from '@/lib/records';
import { addDays, type Day } from '@/lib/rules/day';
import type { Notices } from '@/lib/notices';
import { NOTIFICATION_MODES, type Settings, type SettingsProblem } from '@/lib/settings/schema';
import { NotificationsBlockedNotice } from '../Notices';
import { draftOf, draftSchema, inputId, pathLabel, type Draft, type WindowDraft } from './draft';

/**
 * Every setting in one form, saved whole: an invalid value anywhere refuses the save, says why next
 * to the field and in a list at the foot of the form, and nothing is stored. Policy overrides show
 * the shipped value and its source beside each, with a way back to the default.
 */

const DAY_MS = 86_400_000;
const SNOOZES = [1, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));

type Set = (change: (draft: Draft) => Draft) => void;

interface SectionProps {
  lang: Lang;
  draft: Draft;
  set: Set;
  problems: readonly SettingsProblem[];
}

const fieldProps = (lang: Lang, problems: readonly SettingsProblem[], path: string) => ({
  id: inputId(path),
  lang,
  problem: problemAt(problems, path),
});

function LanguageSection({ lang, draft, set, problems }: SectionProps) {
  return (
    <section aria-labelledby="set-language">
      <h3 id="set-language">{t(lang, 'options_language_label')}</h3>
      <SelectField
        {...fieldProps(lang, problems, 'language')}
        label={t(lang, 'options_language_label')}
        value={draft.language}
        choices={(['auto', 'zh', 'en'] as const).map((value) => ({ value, label: t(lang, `options_language_${value}`) }))}
        onValue={(language) => set((d) => ({ ...d, language }))}
      />
    </section>
  );
}

function LeadTimeSection({ lang, draft, set, problems }: SectionProps) {
  return (
    <section aria-labelledby="set-lead">
      <h3 id="set-lead">{t(lang, 'options_leadTime_heading')}</h3>
      <p class="hint">{t(lang, 'options_leadTime_hint')}</p>
      <div class="grid4">
        {MARKETS.map((market) => (
          <TextField
            key={market}
            {...fieldProps(lang, problems, `leadTimeDays.${market}`)}
            label={`${t(lang, marketName(market))} (${market})`}
            inputMode="numeric"
            placeholder={t(lang, 'options_leadTime_unset')}
            value={draft.leadTimeDays[market] ?? ''}
            onValue={(value) => set((d) => ({ ...d, leadTimeDays: { ...d.leadTimeDays, [market]: value } }))}
          />
        ))}
      </div>
    </section>
  );
}

let windowCount = 0;
const newWindow = (today: Day): WindowDraft => ({
  id: `w${Date.now().toString(36)}${(windowCount += 1)}`,
  market: '',
  from: today,
  to: today,
  everyYear: true,
  multiplier: '',
  label: '',
});

function SeasonSection({ lang, draft, set, problems, today }: SectionProps & { today: Day }) {
  const policy = useMemo(() => effectivePolicy(draftOverrides(draft)).policy, [draft]);
  const { christmas, entries } = policy;
  const shippedEnd = `${today.slice(0, 4)}-${christmas.monthDay}`;
  const change = (index: number, patch: Partial<WindowDraft>) =>
    set((d) => ({ ...d, seasonWindows: d.seasonWindows.map((w, i) => (i === index ? { ...w, ...patch } : w)) }));
  return (
    <section aria-labelledby="set-seasons">
      <h3 id="set-seasons">{t(lang, 'options_seasons_heading')}</h3>
      <p class="shipped-window">
        {text(lang, 'options_seasons_shipped', {
          market: t(lang, marketName(christmas.market)),
          from: addDays(shippedEnd, -entries.christmasDaysBefore.value).slice(5),
          to: christmas.monthDay,
          multiplier: entries.christmasMultiplier.value,
        })}{' '}
        <span class="source">{t(lang, 'badge_source', { source: t(lang, sectionSource('safety')) })}</span>
      </p>
      {draft.seasonWindows.length === 0 && <p class="empty">{t(lang, 'options_seasons_none')}</p>}
      {draft.seasonWindows.map((w, index) => {
        const path = (field: string) => `seasonWindows.${index}.${field}`;
        return (
          <fieldset key={w.id} class="window">
            <legend>{`${t(lang, 'options_window_legend', { n: index + 1 })}${w.label ? ` · ${w.label}` : ''}`}</legend>
            <div class="grid3">
              <SelectField
                {...fieldProps(lang, problems, path('market'))}
                label={t(lang, 'options_window_market')}
                value={w.market}
                choices={marketChoices(lang)}
                onValue={(market) => change(index, { market })}
              />
              <TextField {...fieldProps(lang, problems, path('from'))} type="date" label={t(lang, 'options_window_from')} value={w.from} onValue={(from) => change(index, { from })} />
              <TextField {...fieldProps(lang, problems, path('to'))} type="date" label={t(lang, 'options_window_to')} value={w.to} onValue={(to) => change(index, { to })} />
              <TextField
                {...fieldProps(lang, problems, path('multiplier'))}
                label={t(lang, 'options_window_multiplier')}
                hint={t(lang, unitLabel('timesDailySales'))}
                value={w.multiplier}
                onValue={(multiplier) => change(index, { multiplier })}
              />
              <TextField
                {...fieldProps(lang, problems, path('label'))}
                inputMode="text"
                label={t(lang, 'options_window_label')}
                value={w.label}
                onValue={(label) => change(index, { label })}
              />
            </div>
            <CheckboxField id={inputId(path('everyYear'))} label={t(lang, 'options_window_everyYear')} checked={w.everyYear} onValue={(everyYear) => change(index, { everyYear })} />
            <button type="button" onClick={() => set((d) => ({ ...d, seasonWindows: d.seasonWindows.filter((_, i) => i !== index) }))}>
              {t(lang, 'options_window_remove', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => set((d) => ({ ...d, seasonWindows: [...d.seasonWindows, newWindow(today)] }))}>
        {t(lang, 'options_window_add')}
      </button>
    </section>
  );
}

/** The typed overrides that read as numbers: enough to show the calendar's shipped rule as it will apply. */
function draftOverrides(draft: Draft): Partial<Record<string, number>> {
  const read = readForm(draftSchema.shape.policyOverrides, draft.policyOverrides);
  return read.ok ? read.data : {};
}

const OVERRIDABLE = POLICY_KEYS.filter((key) => DEFAULT_POLICY.entries[key].overridable);
/** The rules document's sections that hold adjustable numbers, in its order. */
const OVERRIDABLE_SECTIONS = [...new Set(OVERRIDABLE.map((key) => DEFAULT_POLICY.entries[key].section))];

function PolicySection({ lang, draft, set, problems, stored }: SectionProps & { stored: Settings }) {
  const rejected = useMemo(() => effectivePolicy(stored.policyOverrides).rejected, [stored]);
  const setOverride = (key: PolicyKey, value: string) => set((d) => ({ ...d, policyOverrides: { ...d.policyOverrides, [key]: value } }));
  return (
    <section aria-labelledby="set-policy">
      <h3 id="set-policy">{t(lang, 'options_policy_heading')}</h3>
      <p class="hint">{t(lang, 'options_policy_hint')}</p>
      {rejected.length > 0 && (
        <ul class="note" role="note">
          {rejected.map((r) => (
            <li key={r.key}>{text(lang, 'options_policy_rejected', { label: pathLabel(lang, `policyOverrides.${r.key}`), reason: text(lang, r.reason, r.params) })}</li>
          ))}
        </ul>
      )}
      {OVERRIDABLE_SECTIONS.map((section) => {
        const keys = OVERRIDABLE.filter((key) => DEFAULT_POLICY.entries[key].section === section);
        return (
          <table key={section} class="policy">
            {/* The section's source names it: "2026 seller guide ..., §1 Eligibility". */}
            <caption>{t(lang, 'badge_source', { source: t(lang, sectionSource(section)) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'options_policy_rule')}</th>
                <th scope="col">{t(lang, 'options_policy_item')}</th>
                <th scope="col">{t(lang, 'options_policy_default')}</th>
                <th scope="col">{t(lang, 'options_policy_yours')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t(lang, 'options_policy_reset')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const entry = DEFAULT_POLICY.entries[key];
                const path = `policyOverrides.${key}`;
                const value = draft.policyOverrides[key] ?? '';
                const problem = problemAt(problems, path);
                return (
                  <tr key={key} data-policy={key} class={problem ? 'invalid' : undefined}>
                    <td>{entry.rule}</td>
                    <th scope="row">{t(lang, entryLabel(key))}</th>
                    <td>{`${formatNumber(lang, entry.value)} ${t(lang, unitLabel(entry.unit))}`}</td>
                    <td>
                      <label class="visually-hidden" for={inputId(path)}>
                        {text(lang, 'options_policy_yoursFor', { label: t(lang, entryLabel(key)) })}
                      </label>
                      <input
                        id={inputId(path)}
                        inputMode="decimal"
                        autoComplete="off"
                        value={value}
                        placeholder={formatNumber(lang, entry.value)}
                        aria-invalid={problem ? 'true' : undefined}
                        aria-describedby={problem ? `${inputId(path)}-problem` : undefined}
                        onInput={(event) => setOverride(key, event.currentTarget.value)}
                      />
                      <ProblemText id={`${inputId(path)}-problem`} lang={lang} problem={problem} />
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={value === ''}
                        aria-label={text(lang, 'options_policy_resetFor', { label: t(lang, entryLabel(key)) })}
                        onClick={() => setOverride(key, '')}
                      >
                        {t(lang, 'options_policy_reset')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

function NotificationSection(props: SectionProps & { now: () => number; blocked: Notices['notificationsBlocked'] }) {
  const { lang, draft, set, problems, now, blocked } = props;
  const n = draft.notifications;
  const setN = (patch: Partial<Draft['notifications']>) => set((d) => ({ ...d, notifications: { ...d.notifications, ...patch } }));
  const snoozed = n.snoozeUntil !== null && n.snoozeUntil > now();
  return (
    <section aria-labelledby="set-notify">
      <h3 id="set-notify">{t(lang, 'options_notify_heading')}</h3>
      {blocked && <NotificationsBlockedNotice lang={lang} notice={blocked} />}
      <fieldset class="modes">
        <legend>{t(lang, 'options_notify_mode')}</legend>
        {NOTIFICATION_MODES.map((mode) => (
          <div class="field checkbox" key={mode}>
            <input
              type="radio"
              id={inputId(`notifications.mode.${mode}`)}
              name="notify-mode"
              value={mode}
              checked={n.mode === mode}
              onChange={() => setN({ mode })}
            />
            <label for={inputId(`notifications.mode.${mode}`)}>{t(lang, `options_notify_${mode}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class="grid3">
        <SelectField
          {...fieldProps(lang, problems, 'notifications.digestHour')}
          label={t(lang, 'options_notify_digestHour')}
          hint={n.mode === 'digest' ? undefined : t(lang, 'options_notify_digestOnly')}
          value={n.digestHour}
          choices={HOURS.map((hour) => ({ value: hour, label: `${hour.padStart(2, '0')}:00` }))}
          onValue={(digestHour) => setN({ digestHour })}
        />
      </div>
      <CheckboxField id={inputId('notifications.quietHours')} label={t(lang, 'options_notify_quiet')} checked={n.quiet} onValue={(quiet) => setN({ quiet })} />
      {n.quiet && (
        <div class="grid3">
          <TextField {...fieldProps(lang, problems, 'notifications.quietHours.from')} type="time" label={t(lang, 'options_notify_quietFrom')} value={n.quietFrom} onValue={(quietFrom) => setN({ quietFrom })} />
          <TextField {...fieldProps(lang, problems, 'notifications.quietHours.to')} type="time" label={t(lang, 'options_notify_quietTo')} value={n.quietTo} onValue={(quietTo) => setN({ quietTo })} />
        </div>
      )}
      <p class="snooze" data-snoozed={snoozed ? 'yes' : 'no'}>
        {snoozed ? text(lang, 'options_notify_snoozedUntil', { until: formatMoment(lang, n.snoozeUntil!) }) : t(lang, 'options_notify_notSnoozed')}{' '}
        {SNOOZES.map((days) => (
          <button key={days} type="button" onClick={() => setN({ snoozeUntil: now() + days * DAY_MS })}>
            {text(lang, 'options_notify_snooze', { days })}
          </button>
        ))}{' '}
        {snoozed && (
          <button type="button" onClick={() => setN({ snoozeUntil: null })}>
            {t(lang, 'options_notify_resume')}
          </button>
        )}
      </p>
    </section>
  );
}

function RetentionSection({ lang, draft, set, problems }: SectionProps) {
  return (
    <section aria-labelledby="set-retention">
      <h3 id="set-retention">{t(lang, 'options_retention_heading')}</h3>
      <TextField
        {...fieldProps(lang, problems, 'retentionDays')}
        label={t(lang, 'options_retention_label')}
        hint={t(lang, 'options_retention_hint')}
        inputMode="numeric"
        value={draft.retentionDays}
        onValue={(retentionDays) => set((d) => ({ ...d, retentionDays }))}
      />
    </section>
  );
}

type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'refused'; problems: SettingsProblem[] } | { kind: 'failed' };

export function SettingsPage(props: {
  lang: Lang;
  stored: Settings;
  store: SettingsStore;
  today: Day;
  now: () => number;
  /** The worker's word that reminders cannot be shown (lib/notices.ts). */
  notificationsBlocked: Notices['notificationsBlocked'];
}) {
  const { lang, stored, store, today, now, notificationsBlocked } = props;
  const [draft, setDraft] = useState(() => draftOf(stored));
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // A change saved elsewhere (the popup, another tab) shows here unless the seller is mid-edit.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(stored));
  }, [stored]);
  const set: Set = (change) => {
    setDraft(change);
    setDirty(true);
    if (state.kind === 'saved') setState({ kind: 'idle' });
  };
  const problems = state.kind === 'refused' ? state.problems : [];

  const refuse = (found: SettingsProblem[]) => {
    setState({ kind: 'refused', problems: found });
    const first = found[0];
    if (first) document.getElementById(inputId(first.path))?.focus();
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const typed = readForm(draftSchema, draft);
    if (!typed.ok) return refuse(typed.problems);
    try {
      const result = await store.save(typed.data);
      if (!result.ok) return refuse(result.problems);
      setDraft(draftOf(result.settings));
      setDirty(false);
      setState({ kind: 'saved' });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  const discard = () => {
    setDraft(draftOf(stored));
    setDirty(false);
    setState({ kind: 'idle' });
  };

  const sectionProps = { lang, draft, set, problems };
  return (
    <form class="settings" noValidate onSubmit={save} aria-labelledby="page-heading">
      <LanguageSection {...sectionProps} />
      <LeadTimeSection {...sectionProps} />
      <SeasonSection {...sectionProps} today={today} />
      <PolicySection {...sectionProps} stored={stored} />
      <NotificationSection {...sectionProps} now={now} blocked={notificationsBlocked} />
      <RetentionSection {...sectionProps} />
      <div class="save-bar">
        <button type="submit" class="primary">
          {t(lang, 'options_save')}
        </button>
        <button type="button" onClick={discard} disabled={!dirty}>
          {t(lang, 'options_discard')}
        </button>
        <div class="save-state" role="status">
          {state.kind === 'saved' && (
            <p class="tone-good">
              <span aria-hidden="true">✓ </span>
              {t(lang, 'options_saved')}
            </p>
          )}
          {state.kind === 'failed' && <p class="problem">{t(lang, 'options_saveFailed')}</p>}
          {state.kind === 'idle' && dirty && <p class="muted">{t(lang, 'options_unsaved')}</p>}
          {state.kind === 'refused' && (
            <>
              <p class="problem">
                <span aria-hidden="true">✕ </span>
                {text(lang, 'options_refused', { count: state.problems.length })}
              </p>
              <ul class="refusals">
                {state.problems.map((problem) => (
                  <li key={problem.path}>
                    <a
                      href={`#${inputId(problem.path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(inputId(problem.path))?.focus();
                      }}
                    >
                      {pathLabel(lang, problem.path)}
                    </a>
                    {`: ${text(lang, problem.reason, problem.params)}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </form>
  );
}
