// The app's state and its pure transitions.
import type { Period } from "../graph/period";

export interface AppState {
  period: Period;
  /** Person under the pointer, or null. */
  hovered: number | null;
  /** Person whose details are open, or null. */
  selected: number | null;
}

export function initialState(full: Period): AppState {
  return { period: full, hovered: null, selected: null };
}

/** Clamps a brushed period to the corpus span; an empty selection means the whole span. */
export function choosePeriod(full: Period, brushed: Period | null): Period {
  if (!brushed) return full;
  const start = Math.max(full.start, Math.min(brushed.start, brushed.end));
  const end = Math.min(full.end, Math.max(brushed.start, brushed.end));
  return end > start ? { start, end } : full;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}
