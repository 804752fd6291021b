import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { defaultSettings, SETTINGS_KEY, SETTINGS_VERSION } from '@/lib/settings/schema';
import { saveSettings, settingsStore } from './settings-item';

const storageKey = SETTINGS_KEY.replace('local:', '');
const stored = async () => (await fakeBrowser.storage.local.get(storageKey))[storageKey];

describe('settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored', async () => {
    expect(await settingsStore.load()).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it('saves a valid candidate whole', async () => {
    const candidate = { ...defaultSettings(), retentionDays: 90, leadTimeDays: { ES: 21 } };
    expect(await saveSettings(candidate)).toEqual({ ok: true, settings: candidate });
    expect(await stored()).toEqual(candidate);
  });

  it('records the settings version with the first save, for a later migration to start from', async () => {
    // A fresh module: WXT decides whether to record the version when the item is defined.
    vi.resetModules();
    const fresh = await import('./settings-item');
    await fresh.saveSettings(defaultSettings());
    expect(await fresh.settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });

  it('refuses an invalid candidate whole, with every reason, and keeps what was stored', async () => {
    const before = { ...defaultSettings(), retentionDays: 90 };
    await saveSettings(before);
    const result = await saveSettings({ ...before, retentionDays: 5, leadTimeDays: { ES: 0 }, language: 'zh' });
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'retentionDays', reason: 'settings_err_retention' }),
        expect.objectContaining({ path: 'leadTimeDays.ES', reason: 'settings_err_leadTime' }),
      ]),
    });
    // Not even the valid part (the language) was written.
    expect(await stored()).toEqual(before);
  });

  it('refuses a policy override outside its range, naming the entry', async () => {
    const result = await saveSettings({ ...defaultSettings(), policyOverrides: { dsrMin: 7 } });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'policyOverrides.dsrMin', reason: 'policy_err_range' })] });
    expect(await stored()).toBeUndefined();
  });

  it('reads an older or damaged stored value field by field: good fields kept, bad ones back to default and reported', async () => {
    // A value from before notifications had introSeen, with a retention the schema no longer allows.
    await fakeBrowser.storage.local.set({
      [storageKey]: {
        language: 'en',
        leadTimeDays: { MX: 30 },
        notifications: { mode: 'digest', digestHour: 8, quietHours: null, snoozeUntil: null },
        retentionDays: 1,
      },
    });
    const { settings, problems } = await settingsStore.load();
    expect(settings.language).toBe('en');
    expect(settings.leadTimeDays).toEqual({ MX: 30 });
    expect(settings.notifications).toEqual(defaultSettings().notifications);
    expect(settings.retentionDays).toBe(defaultSettings().retentionDays);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['notifications.introSeen', 'retentionDays']));
  });

  it('tells watchers about a change made elsewhere, already validated', async () => {
    const seen: string[] = [];
    const unwatch = settingsStore.watch(({ settings }) => seen.push(settings.language));
    await saveSettings({ ...defaultSettings(), language: 'zh' });
    unwatch();
    await saveSettings({ ...defaultSettings(), language: 'en' });
    expect(seen).toEqual(['zh']);
  });
});
