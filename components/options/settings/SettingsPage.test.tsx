import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { useSettings } from '@/components/ui/hooks';
import type { SettingsStore } from '@/components/ui/settings-store';
import { click, mount, settle, submit, type, type Mounted } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { saveSettings, settingsStore } from '@/platform/settings-item';
import { SettingsPage } from './SettingsPage';

const NOW = Date.UTC(2025, 10, 20, 12);
const stored = async (): Promise<Settings> => (await settingsStore.load()).settings;

let ui: Mounted;

/** SettingsPage fed from the store, as the options shell feeds it. */
function SettingsPageLive({ store, today, now }: { store: SettingsStore; today: string; now: () => number }) {
  const loaded = useSettings(store);
  return loaded && <SettingsPage lang="en" stored={loaded.settings} store={store} today={today} now={now} notificationsBlocked={null} />;
}

/** The page as the options shell shows it: re-rendered with the stored settings whenever they change. */
async function page(initial: Partial<Settings> = {}) {
  await saveSettings({ ...defaultSettings(), language: 'en', ...initial });
  ui = await mount(<SettingsPageLive store={settingsStore} today="2025-11-20" now={() => NOW} />);
  return ui;
}

const save = async () => {
  await submit(ui.button('Save settings'));
  await settle();
};
const problemOf = (input: HTMLElement) => input.closest('.field, td')?.querySelector('.problem')?.textContent ?? '';

describe('settings page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves valid changes whole and says so', async () => {
    await page();
    await type(ui.field('Spain (ES)'), '21');
    await type(ui.field('Days kept'), '90');
    await save();
    expect(ui.get('.save-state').textContent).toContain('Saved.');
    const settings = await stored();
    expect(settings.leadTimeDays).toEqual({ ES: 21 });
    expect(settings.retentionDays).toBe(90);
  });

  it('refuses the whole form for one invalid value, with the reason beside the field and in the list; nothing is stored', async () => {
    await page();
    await type(ui.field('Language'), 'zh');
    await type(ui.field('Mexico (MX)'), '0');
    await save();
    const input = ui.field('Mexico (MX)');
    expect(problemOf(input)).toContain('Lead time is a whole number of days from 1 to 365');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(ui.get('.save-state').textContent).toContain('Not saved: 1 values need fixing. Nothing was changed.');
    expect(ui.get('.refusals').textContent).toContain('Lead time · Mexico: Lead time is a whole number');
    // Not even the valid change (the language) reached storage.
    expect(await stored()).toEqual({ ...defaultSettings(), language: 'en' });
  });

  it('says "enter a number" for text that is not one, before anything is checked further', async () => {
    await page();
    await type(ui.field('Days kept'), 'a year');
    await save();
    expect(problemOf(ui.field('Days kept'))).toContain('Enter a number');
    expect((await stored()).retentionDays).toBe(defaultSettings().retentionDays);
  });

  it('shows each adjustable rule figure with its default, unit and source, saves an override and resets it', async () => {
    await page();
    const row = ui.get('[data-policy="dsrMin"]');
    expect(row.textContent).toContain(`${DEFAULT_POLICY.entries.dsrMin.value} points (of 5)`);
    expect(row.closest('table')?.querySelector('caption')?.textContent).toContain('§1 Eligibility');
    await type(ui.field('Your value: Store DSR, each score at least'), '4.9');
    await save();
    expect((await stored()).policyOverrides).toEqual({ dsrMin: 4.9 });
    await click(ui.button('Reset to default'));
    await save();
    expect((await stored()).policyOverrides).toEqual({});
  });

  it('refuses an override outside its unit', async () => {
    await page();
    await type(ui.field('Your value: Store DSR, each score at least'), '6');
    await save();
    expect(problemOf(ui.field('Your value: Store DSR, each score at least'))).toContain('Must be between 0 and 5');
    expect((await stored()).policyOverrides).toEqual({});
  });

  it('adds, checks and removes a seasonal window', async () => {
    await page();
    await click(ui.button('Add a window'));
    await type(ui.field('Market'), 'US');
    await type(ui.field('From'), '2025-07-08');
    await type(ui.field('To'), '2025-07-01');
    await type(ui.field('Water line multiplier'), '12');
    await type(ui.field('Name'), 'Prime Day');
    await save();
    expect(problemOf(ui.field('To'))).toContain('The end date cannot be before the start date');
    expect((await stored()).seasonWindows).toEqual([]);
    await type(ui.field('To'), '2025-07-20');
    await save();
    expect((await stored()).seasonWindows).toEqual([
      expect.objectContaining({ market: 'US', from: '2025-07-08', to: '2025-07-20', everyYear: true, multiplier: 12, label: 'Prime Day' }),
    ]);
    await click(ui.button('Remove window 1'));
    await save();
    expect((await stored()).seasonWindows).toEqual([]);
  });

  it('needs a market and a multiplier for a new window', async () => {
    await page();
    await click(ui.button('Add a window'));
    await save();
    expect(problemOf(ui.field('Market'))).toContain('Choose one');
    expect(problemOf(ui.field('Water line multiplier'))).toContain('Fill this in');
  });

  it('saves notification preferences: digest at an hour, quiet hours, a pause', async () => {
    await page();
    await click(ui.field('Once a day, in a digest'));
    await type(ui.field('Digest time'), '8');
    await click(ui.field('Quiet hours'));
    await type(ui.field('Quiet from'), '23:00');
    await click(ui.button('Pause for 7 days'));
    expect(ui.get('.snooze').dataset.snoozed).toBe('yes');
    await save();
    expect((await stored()).notifications).toEqual({
      mode: 'digest',
      introSeen: false,
      digestHour: 8,
      quietHours: { from: '23:00', to: '08:00' },
      snoozeUntil: NOW + 7 * 86_400_000,
    });
  });

  it('shows a change saved elsewhere, unless the seller is editing', async () => {
    await page();
    await act(async () => {
      await saveSettings({ ...defaultSettings(), language: 'en', retentionDays: 120 });
    });
    await settle();
    expect(ui.field<HTMLInputElement>('Days kept').value).toBe('120');
    await type(ui.field('Days kept'), '200');
    await act(async () => {
      await saveSettings({ ...defaultSettings(), language: 'en', retentionDays: 150 });
    });
    await settle();
    expect(ui.field<HTMLInputElement>('Days kept').value).toBe('200');
    await click(ui.button('Discard changes'));
    expect(ui.field<HTMLInputElement>('Days kept').value).toBe('150');
  });
});
