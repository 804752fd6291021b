import type { Settings, SettingsCheck, SettingsProblem } from '@/lib/settings/schema';

/**
 * The settings as the popup and the options page use them. Components get one as a prop, so they
 * never touch browser storage: the extension passes platform/settings-item.ts's `settingsStore`.
 */
export interface LoadedSettings {
  settings: Settings;
  /** Stored fields that no longer validated and fell back to their default. */
  problems: SettingsProblem[];
}

export interface SettingsStore {
  load(): Promise<LoadedSettings>;
  /** Stores the candidate whole, or nothing and every reason why. */
  save(candidate: unknown): Promise<SettingsCheck>;
  /** Called on every change, wherever it was made; returns the unsubscribe. */
  watch(listener: (loaded: LoadedSettings) => void): () => void;
}
