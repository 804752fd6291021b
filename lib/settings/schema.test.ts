import { describe, expect, it } from 'vitest';

import { t } from '../i18n';
import { checkSettings, defaultSettings, readSettings, settingsLang, type SeasonWindow, type Settings } from './schema';

const window: SeasonWindow = { id: 'w1', market: 'FR', from: '2025-06-10', to: '2025-06-20', everyYear: false, multiplier: 10, label: 'Soldes' };
const withChange = (change: Partial<Settings>): Settings => ({ ...defaultSettings(), ...change });
const reasons = (candidate: unknown) => {
  const result = checkSettings(candidate);
  return result.ok ? [] : result.problems.map((p) => [p.path, p.reason]);
};

describe('settings', () => {
  it('starts valid: no lead times, no windows, no overrides, notifications waiting for the first-run explanation, 400 days kept', () => {
    const defaults = defaultSettings();
    expect(checkSettings(defaults)).toEqual({ ok: true, settings: defaults });
    expect(defaults).toMatchObject({ leadTimeDays: {}, seasonWindows: [], policyOverrides: {}, retentionDays: 400, notifications: { introSeen: false } });
  });

  it('accepts a full, valid set of choices', () => {
    const settings = withChange({
      language: 'en',
      leadTimeDays: { ES: 25, MX: 35 },
      seasonWindows: [window, { ...window, id: 'w2', from: '2025-12-20', to: '2026-01-10', everyYear: true }],
      policyOverrides: { dsrMin: 4.8, safetyMultiplier: 10 },
      notifications: { mode: 'digest', introSeen: true, digestHour: 8, quietHours: { from: '22:00', to: '07:30' }, snoozeUntil: 1_760_000_000_000 },
      retentionDays: 30,
    });
    expect(checkSettings(settings)).toEqual({ ok: true, settings });
  });

  describe('refuses an invalid value with a reason, whole', () => {
    it.each([
      [{ seasonWindows: [{ ...window, to: '2025-06-09' }] }, 'seasonWindows.0.to', 'settings_err_windowOrder'],
      [{ seasonWindows: [{ ...window, from: '2025-01-01', to: '2026-01-01', everyYear: true }] }, 'seasonWindows.0.to', 'settings_err_windowYear'],
      [{ seasonWindows: [{ ...window, from: '2025-02-30' }] }, 'seasonWindows.0.from', 'settings_err_day'],
      [{ seasonWindows: [{ ...window, multiplier: 0.5 }] }, 'seasonWindows.0.multiplier', 'settings_err_multiplier'],
      [{ seasonWindows: [{ ...window, label: 'x'.repeat(61) }] }, 'seasonWindows.0.label', 'settings_err_label'],
      [{ leadTimeDays: { ES: 0 } }, 'leadTimeDays.ES', 'settings_err_leadTime'],
      [{ leadTimeDays: { ES: 366 } }, 'leadTimeDays.ES', 'settings_err_leadTime'],
      [{ leadTimeDays: { ES: 12.5 } }, 'leadTimeDays.ES', 'settings_err_leadTime'],
      [{ leadTimeDays: { NL: 10 } }, 'leadTimeDays', 'settings_err_invalid'],
      [{ retentionDays: 29 }, 'retentionDays', 'settings_err_retention'],
      [{ notifications: { ...defaultSettings().notifications, quietHours: { from: '24:00', to: '07:00' } } }, 'notifications.quietHours.from', 'settings_err_clock'],
      [{ language: 'fr' }, 'language', 'settings_err_invalid'],
      [{ policyOverrides: { dsrMin: 6 } }, 'policyOverrides.dsrMin', 'policy_err_range'],
      [{ policyOverrides: { dsrWindowDays: 60 } }, 'policyOverrides.dsrWindowDays', 'policy_err_fixed'],
      [{ policyOverrides: { fastMovingBelowDays: 95 } }, 'policyOverrides.fastMovingBelowDays', 'policy_err_notAbove'],
    ])('%j -> %s %s', (change, path, reason) => {
      expect(reasons(withChange(change as Partial<Settings>))).toEqual([[path, reason]]);
    });

    it('gives every reason at once, with the placeholders its message needs', () => {
      const result = checkSettings(withChange({ retentionDays: 5, leadTimeDays: { ES: 0 } }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual([
        { path: 'leadTimeDays.ES', reason: 'settings_err_leadTime', params: { min: 1, max: 365 } },
        { path: 'retentionDays', reason: 'settings_err_retention', params: { min: 30, max: 3650 } },
      ]);
      expect(t('zh', result.problems[0]!.reason, result.problems[0]!.params)).toBe('头程时效须为 1–365 天的整数');
    });

    it.each([null, 'settings', 42, []])('refuses %j', (candidate) => {
      expect(checkSettings(candidate).ok).toBe(false);
    });
  });

  describe('reading stored settings', () => {
    it('keeps what validates and falls back, field by field, for what does not', () => {
      const stored = { ...withChange({ leadTimeDays: { ES: 20 }, language: 'zh' }), retentionDays: -1, seasonWindows: 'broken' };
      const { settings, problems } = readSettings(stored);
      expect(settings).toEqual(withChange({ leadTimeDays: { ES: 20 }, language: 'zh' }));
      expect(problems.map((p) => [p.path, p.reason])).toEqual([
        ['seasonWindows', 'settings_err_invalid'],
        ['retentionDays', 'settings_err_retention'],
      ]);
    });

    it('keeps stored overrides as they are: the policy layer drops bad ones on use', () => {
      expect(readSettings({ policyOverrides: { dsrMin: 9 } }).settings.policyOverrides).toEqual({ dsrMin: 9 });
    });

    it.each([undefined, null, 'x', 7])('gives the defaults for %j, without a crash', (stored) => {
      expect(readSettings(stored)).toEqual({ settings: defaultSettings(), problems: [] });
    });

    it('fills fields a stored object lacks with defaults', () => {
      expect(readSettings({ retentionDays: 90 })).toEqual({ settings: withChange({ retentionDays: 90 }), problems: [] });
    });
  });

  it('follows the browser language unless the seller chose one', () => {
    expect(settingsLang(withChange({ language: 'auto' }), 'zh-CN')).toBe('zh');
    expect(settingsLang(withChange({ language: 'auto' }), 'de-DE')).toBe('en');
    expect(settingsLang(withChange({ language: 'zh' }), 'en-US')).toBe('zh');
  });
});
