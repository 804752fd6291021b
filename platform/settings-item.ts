import { storage } from '#imports';

import type { SettingsStore } from '@/components/ui/settings-store';
import { checkSettings, defaultSettings, readSettings, SETTINGS_KEY, SETTINGS_VERSION, type SettingsCheck } from '@/lib/settings/schema';

/**
 * The seller's settings in extension storage. The item is typed `unknown` on purpose: whatever is
 * stored (an older build's shape, a hand-edited value) is only trusted after readSettings has
 * validated it field by field.
 */
export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, {
  fallback: defaultSettings(),
  version: SETTINGS_VERSION,
  // lib/settings/schema.ts has no migration yet (version 1 is the first); the map is passed all
  // the same because WXT records the version with the first save only when one is given, and the
  // migration a later SETTINGS_VERSION adds starts from that record.
  migrations: {},
});

/** Stores the candidate only when every field is valid; otherwise nothing changes and the reasons come back. */
export async function saveSettings(candidate: unknown): Promise<SettingsCheck> {
  const checked = checkSettings(candidate);
  if (checked.ok) await settingsItem.setValue(checked.settings);
  return checked;
}

export const settingsStore: SettingsStore = {
  load: async () => readSettings(await settingsItem.getValue()),
  save: saveSettings,
  watch: (listener) => settingsItem.watch((value) => listener(readSettings(value))),
};
