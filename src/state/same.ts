// Structural sharing for the view state: an action's result keeps the previous state's objects
// wherever they are equal, and is the previous state itself when nothing changed, so derived values
// (memoised by identity) and views (compared by identity) see only what really changed.
import type { ViewState } from "./view-state";

/** Equal small values (periods, filters, pairs, focus, flags, stories), compared by content. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => k in rb && same(ra[k], rb[k]));
}

/** `next`, reusing `prev`'s objects where equal; `prev` itself when every field is equal. */
export function settle(prev: ViewState, next: ViewState): ViewState {
  if (next === prev) return prev;
  const out = { ...next };
  let changed = false;
  for (const k of Object.keys(out) as (keyof ViewState)[]) {
    if (same(prev[k], out[k])) (out as Record<string, unknown>)[k] = prev[k];
    else changed = true;
  }
  return changed ? out : prev;
}
