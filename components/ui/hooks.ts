import { useEffect, useMemo, useState } from 'preact/hooks';

import type { Lang } from '@/lib/i18n';
import { ruleContext, type RuleContext } from '@/lib/rules/context';
import type { Day } from '@/lib/rules/day';
import { settingsLang } from '@/lib/settings/schema';

import type { Send } from './background';
import type { LoadedSettings, SettingsStore } from './settings-store';

/** The stored settings, kept current when another page (or the worker) changes them; null while loading. */
export function useSettings(store: SettingsStore): LoadedSettings | null {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  useEffect(() => {
    let live = true;
    store.load().then((value) => live && setLoaded(value));
    const unwatch = store.watch(setLoaded);
    return () => {
      live = false;
      unwatch();
    };
  }, [store]);
  return loaded;
}

export interface PageSettings extends LoadedSettings {
  lang: Lang;
  /** The effective policy, seasonal calendar and lead times, for today. */
  rules: RuleContext;
}

/** The settings and what every page takes from them: its language and the rules' context; null while loading. */
export function usePageSettings(store: SettingsStore, browserLocale: string | undefined, today: Day): PageSettings | null {
  const loaded = useSettings(store);
  return useMemo(
    () => loaded && { ...loaded, lang: settingsLang(loaded.settings, browserLocale), rules: ruleContext(loaded.settings, today) },
    [loaded, browserLocale, today],
  );
}

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/** An answer from the worker, fetched again whenever a key changes; `reload` asks again. */
export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[]): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) => live && setResult({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
    // The caller names what the load depends on.
  }, [...keys, round]);
  return [result, () => setRound((n) => n + 1)];
}

/** The ids of the stores history knows, the one seen last first (it is the one a seller most likely means). */
export function useStoreIds(send: Send) {
  return useLoad(
    () => send({ type: 'stores/list' }).then(({ stores }) => [...stores].sort((a, b) => b.lastSeen - a.lastSeen).map((store) => store.storeId)),
    [send],
  )[0];
}
