// The named actions: every change to the view is one of these pure functions (state, args) ->
// state. Each says how the browser's history treats it: a discrete step of the investigation
// pushes an entry (Back undoes it), a continuous one (brushing, camera) replaces the current one.
import { DEFAULT_FILTERS, type Filters } from "../graph/filters";
import type { Focus, Period } from "../graph/period";
import { STORY_ACTIONS } from "./story-actions";
import { samePeriod, type Camera, type ViewMode, type ViewState } from "./view-state";

/** Clamps a brushed period to the corpus span; an empty selection means the whole span. */
export function choosePeriod(full: Period, brushed: Period | null): Period {
  if (!brushed) return full;
  const start = Math.max(full.start, Math.min(brushed.start, brushed.end));
  const end = Math.min(full.end, Math.max(brushed.start, brushed.end));
  return end > start ? { start, end } : full;
}

const closed = { connection: null, chain: null, hovered: null } as const;

/** Equal small values (periods, filters, pairs, focus, flags), compared by content. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => k in rb && same(ra[k], rb[k]));
}
/** `next`'s fields, reusing `prev`'s objects where equal, so derived values are not recomputed. */
function reuse(prev: ViewState, next: ViewState): ViewState {
  const out = { ...next };
  for (const k of Object.keys(out) as (keyof ViewState)[]) if (same(prev[k], out[k])) (out as Record<string, unknown>)[k] = prev[k];
  return out;
}
/** s itself when the change changes nothing. */
const change = (s: ViewState, patch: Partial<ViewState>): ViewState => {
  const next = reuse(s, { ...s, ...patch });
  return (Object.keys(next) as (keyof ViewState)[]).every((k) => next[k] === s[k]) ? s : next;
};

export const ACTIONS = {
  /** Opens a person's panel (null closes it); closes the connection and the chain. */
  selectPerson: (s: ViewState, p: number | null): ViewState => ({ ...s, ...closed, selected: p }),
  /** As selectPerson, and the camera flies to them (search, the chain box). */
  findPerson: (s: ViewState, p: number): ViewState => ({ ...s, ...closed, selected: p }),
  hover: (s: ViewState, p: number | null): ViewState => (s.hovered === p ? s : { ...s, hovered: p }),
  openConnection: (s: ViewState, a: number, b: number): ViewState =>
    a === b ? s : { ...s, ...closed, connection: { a, b } },
  /** The strongest chain from a to b; a stays selected beneath it. */
  openChain: (s: ViewState, a: number, b: number): ViewState =>
    a === b ? s : { ...s, ...closed, selected: a, chain: { a, b } },
  closeChain: (s: ViewState): ViewState => ({ ...s, chain: null, hovered: null }),
  closeConnection: (s: ViewState): ViewState => ({ ...s, connection: null, hovered: null }),
  /** Highlights the community that `member` belongs to (null: none); closes the panels. */
  highlightCommunity: (s: ViewState, member: number | null): ViewState =>
    ({ ...s, ...closed, selected: null, community: member }),
  /** A brushed or stepped period (clamped by the caller with choosePeriod). */
  setPeriod: (s: ViewState, period: Period): ViewState => (samePeriod(period, s.period) ? s : { ...s, period }),
  showWholePeriod: (s: ViewState, full: Period): ViewState => (samePeriod(full, s.period) ? s : { ...s, period: full }),
  setFilters: (s: ViewState, patch: Partial<Filters>): ViewState => change(s, { filters: { ...s.filters, ...patch } }),
  clearFilters: (s: ViewState): ViewState => change(s, { filters: DEFAULT_FILTERS }),
  setFocus: (s: ViewState, focus: Focus | null): ViewState => change(s, { focus }),
  setResolution: (s: ViewState, resolution: number): ViewState => change(s, { resolution }),
  setView: (s: ViewState, view: ViewMode): ViewState => change(s, { view }),
  setCamera: (s: ViewState, c: Camera): ViewState =>
    s.camera && s.camera.x === c.x && s.camera.y === c.y && s.camera.ratio === c.ratio ? s : { ...s, camera: c },
  setFlag: (s: ViewState, name: string, value: string | null): ViewState => {
    if ((s.flags[name] ?? null) === value) return s;
    const flags = { ...s.flags };
    if (value === null) delete flags[name];
    else flags[name] = value;
    return { ...s, flags };
  },
  /** Light or dark, kept in the link; null follows the reader's system. */
  setTheme: (s: ViewState, theme: "light" | "dark" | null): ViewState => ACTIONS.setFlag(s, "theme", theme),
  /** The reader's system preference changed (not part of the view a link carries). */
  setSystemTheme: (s: ViewState, dark: boolean): ViewState => (s.systemDark === dark ? s : { ...s, systemDark: dark }),
  /** Escape closes one layer at a time: chain or connection, then the person, then focus and
   *  community highlight. */
  escape: (s: ViewState): ViewState => {
    if (s.chain || s.connection) return { ...s, ...closed };
    if (s.selected !== null || s.hovered !== null) return { ...s, selected: null, hovered: null };
    if (s.focus === null && s.community === null) return s;
    return { ...s, focus: null, community: null };
  },
  /** A whole view from a link or a history entry. */
  restore: (s: ViewState, view: ViewState): ViewState => change(s, { ...view, hovered: null, systemDark: s.systemDark }),
  ...STORY_ACTIONS,
};

export type ActionName = keyof typeof ACTIONS;
export type HistoryMode = "push" | "coalesce" | "replace" | "none";

/** push: a new entry; coalesce: a new entry unless the same action made the last one moments ago
 *  (typing a number); replace: rewrite the current entry; none: the URL does not change. */
export const HISTORY: Record<ActionName, HistoryMode> = {
  selectPerson: "push", findPerson: "push", hover: "none", openConnection: "push", openChain: "push",
  closeChain: "push", closeConnection: "push", highlightCommunity: "push", setPeriod: "replace",
  showWholePeriod: "push", setFilters: "coalesce", clearFilters: "push", setFocus: "push",
  setResolution: "coalesce", setView: "push", setCamera: "replace", setFlag: "push", setTheme: "push",
  setSystemTheme: "none", escape: "push", restore: "none",
  // Typing a heading or caption is one entry; each step shown is one, so Back steps back.
  addStep: "push", updateStepView: "push", editStep: "coalesce", moveStep: "push", deleteStep: "push",
  setStoryTitle: "coalesce", setStory: "push", playStory: "push", stepStory: "push", stopStory: "push",
};

type Args<F> = F extends (s: ViewState, ...args: infer A) => ViewState ? A : never;
/** The actions as views call them: the state argument is supplied by the store. */
export type BoundActions = { [K in ActionName]: (...args: Args<(typeof ACTIONS)[K]>) => void };
