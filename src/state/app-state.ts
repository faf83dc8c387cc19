// The app's state and its pure transitions.
import { DEFAULT_FILTERS, type Filters } from "../graph/filters";
import type { Focus, Period } from "../graph/period";

export interface Pair {
  a: number;
  b: number;
}

export interface AppState {
  period: Period;
  filters: Filters;
  /** Person under the pointer, or the correspondent the arrow keys are on; null for none. */
  hovered: number | null;
  /** Person whose panel is open, or null. */
  selected: number | null;
  /** Two people whose messages to each other are listed (an edge was clicked). */
  connection: Pair | null;
  /** Two people whose strongest chain of correspondents is shown. */
  chain: Pair | null;
  /** Show only this person's network, one or two steps out. */
  focus: Focus | null;
  /** Community highlighted from the communities panel. */
  community: number | null;
  /** Louvain resolution: higher finds more, smaller communities. */
  resolution: number;
  /** The canvas, or the table of people and connections shown. */
  view: "network" | "table";
}

export function initialState(full: Period): AppState {
  return {
    period: full, filters: DEFAULT_FILTERS, hovered: null, selected: null, connection: null, chain: null,
    focus: null, community: null, resolution: 1, view: "network",
  };
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

/** Selecting a person closes the connection and chain panels. */
export function selectPerson(p: number | null): Partial<AppState> {
  return { selected: p, hovered: null, connection: null, chain: null };
}

export function openConnection(a: number, b: number): Partial<AppState> {
  return { connection: { a, b }, chain: null, hovered: null };
}

/** Escape: close what is open, one layer at a time (chain or connection, then the person, then
 *  focus and community highlight). */
export function escape(s: AppState): Partial<AppState> {
  if (s.chain || s.connection) return { chain: null, connection: null, hovered: null };
  if (s.selected !== null || s.hovered !== null) return { selected: null, hovered: null };
  return { focus: null, community: null };
}
