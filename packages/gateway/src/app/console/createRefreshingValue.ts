/** A value with the time it was read. */
export type HeldValue<T> = { readonly value: T; readonly atMs: number };

export type RefreshingValue<K, T> = {
  /**
   * The value held for `key`, never waiting: null while its first load runs (started by this call
   * when none runs yet); when it is older than `maxAgeMs`, the held value, with a reload started behind it.
   */
  peek(key: K): HeldValue<T> | null;
};

/**
 * Holds the last value `load` gave for one key and reloads it in the background once it is older than
 * `maxAgeMs`, so a page built from slow aggregates answers from memory and shows their age. Callers
 * at the same moment share one load; a failed load keeps the old value (`onError` hears of it).
 */
export function createRefreshingValue<K, T>(p: {
  readonly load: (key: K) => Promise<T>;
  readonly maxAgeMs: number;
  readonly now: () => number;
  readonly onError: (error: unknown) => void;
}): RefreshingValue<K, T> {
  let held: (HeldValue<T> & { readonly key: K }) | null = null;
  let loading: { readonly key: K; readonly done: Promise<HeldValue<T>> } | null = null;
  const reload = (key: K): Promise<HeldValue<T>> => {
    if (loading !== null && loading.key === key) return loading.done;
    const atMs = p.now();
    const done = p.load(key).then((value) => {
      held = { key, value, atMs };
      return held;
    });
    const current = { key, done };
    loading = current;
    const clear = () => {
      if (loading === current) loading = null;
    };
    done.then(clear, clear);
    return done;
  };
  return {
    peek(key) {
      const current = held !== null && held.key === key ? held : null;
      if (current === null || p.now() - current.atMs >= p.maxAgeMs) reload(key).catch(p.onError);
      return current;
    },
  };
}
