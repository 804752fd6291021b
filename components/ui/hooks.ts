import { useEffect, useState } from 'preact/hooks';

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
