// A tiny observable store: get, set (shallow merge), subscribe -> unsubscribe.

export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, prev: S) => void>();
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === "function" ? patch(state) : patch;
      const keys = Object.keys(p) as (keyof S)[];
      if (keys.every((k) => Object.is(p[k], state[k]))) return;
      const prev = state;
      state = { ...state, ...p };
      for (const l of [...listeners]) l(state, prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
