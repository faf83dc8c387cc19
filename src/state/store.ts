// The one store of the view state. It changes only through named actions (actions.ts); listeners
// hear the new state, the previous one and the action's name. Views get bound actions, not this.
import { ACTIONS, type ActionName, type BoundActions } from "./actions";
import type { ViewState } from "./view-state";

export type Listener = (state: ViewState, prev: ViewState, action: ActionName) => void;

export interface Store {
  get(): ViewState;
  subscribe(listener: Listener): () => void;
  actions: BoundActions;
}

export function createStore(initial: ViewState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  const run = (name: ActionName, args: unknown[]) => {
    const act = ACTIONS[name] as (s: ViewState, ...a: unknown[]) => ViewState;
    const next = act(state, ...args);
    if (next === state) return;
    const prev = state;
    state = next;
    for (const l of [...listeners]) l(state, prev, name);
  };
  const actions = Object.fromEntries(
    (Object.keys(ACTIONS) as ActionName[]).map((name) => [name, (...args: unknown[]) => run(name, args)]),
  ) as unknown as BoundActions;
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
  };
}
