// The named actions: every change to the view is one of these pure functions (state, args) ->
// state. Each says how the browser's history treats it: a discrete step of the investigation
// pushes an entry (Back undoes it), a continuous one (brushing, camera) replaces the current one.
import { DEFAULT_FILTERS, type Filters } from "../graph/filters";
import type { Focus, Period } from "../graph/period";
import { STORY_ACTIONS } from "./story-actions";
import { resolveTheme } from "../theme/theme";
import { settle } from "./same";
import { aimAt, atHome, focusOn, type Camera, type ViewMode, type ViewState } from "./view-state";

/** Clamps a brushed period to the corpus span; an empty selection means the whole span. */
export function choosePeriod(full: Period, brushed: Period | null): Period {
  if (!brushed) return full;
  const start = Math.max(full.start, Math.min(brushed.start, brushed.end));
  const end = Math.min(full.end, Math.max(brushed.start, brushed.end));
  return end > start ? { start, end } : full;
}

/** Selecting anything new closes the pair panels and puts the arrow-key cursor away. */
const closed = { connection: null, chain: null, hovered: null, cursor: null } as const;

const select = (s: ViewState, p: number | null): ViewState =>
  s.selected === p && !s.connection && !s.chain ? s : { ...s, ...closed, selected: p };

/** The person the cursor reaches stepping from `from` through `order` (wrapping round; from the
 *  first or the last when it stands on no one in the list). */
function stepThrough(order: readonly number[], from: number | null, step: 1 | -1): number | null {
  if (!order.length) return null;
  const at = from === null ? -1 : order.indexOf(from);
  const i = at < 0 ? (step > 0 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
  return order[i];
}

const RAW_ACTIONS = {
  /** Opens a person's panel (null closes it); closes the connection and the chain; the camera
   *  brings them into view if they are off screen or under the drawer. */
  selectPerson: (s: ViewState, p: number | null): ViewState => {
    const next = select(s, p);
    return next === s || p === null ? next : { ...next, aim: aimAt(s, { kind: "reveal", people: [p] }) };
  },
  /** A person picked in a search box: selected, the camera flies to them, and keyboard focus goes
   *  to their panel (the arrow keys then step through their correspondents). */
  findPerson: (s: ViewState, p: number): ViewState => ({
    ...select(s, p),
    aim: aimAt(s, { kind: "fly", person: p }),
    keyboardFocus: focusOn(s, "drawer"),
  }),
  hover: (s: ViewState, p: number | null): ViewState => (s.hovered === p ? s : { ...s, hovered: p }),
  /** The arrow keys step through `order` (the selected person's correspondents, most first): the
   *  one reached is lit, and keyboard focus goes to the panel, where Enter opens them. */
  moveCursor: (s: ViewState, step: 1 | -1, order: readonly number[]): ViewState => {
    if (s.selected === null) return s;
    const cursor = stepThrough(order, s.cursor, step);
    return cursor === null ? s : { ...s, cursor, hovered: cursor, keyboardFocus: focusOn(s, "drawer") };
  },
  /** Enter on the cursor: that correspondent's panel. */
  openCursor: (s: ViewState): ViewState => (s.cursor === null ? s : RAW_ACTIONS.selectPerson(s, s.cursor)),
  openConnection: (s: ViewState, a: number, b: number): ViewState =>
    a === b ? s : { ...s, ...closed, connection: { a, b }, aim: aimAt(s, { kind: "reveal", people: [a, b] }) },
  /** The strongest chain from a to b; a stays selected beneath it; the camera frames the chain. */
  openChain: (s: ViewState, a: number, b: number): ViewState =>
    a === b ? s : { ...s, ...closed, selected: a, chain: { a, b }, aim: aimAt(s, { kind: "chain" }) },
  closeChain: (s: ViewState): ViewState => ({ ...s, chain: null, hovered: null }),
  closeConnection: (s: ViewState): ViewState => ({ ...s, connection: null, hovered: null }),
  /** Highlights the community that `member` belongs to (null: none); closes the panels. */
  highlightCommunity: (s: ViewState, member: number | null): ViewState => ({
    ...s,
    ...closed,
    selected: null,
    community: member,
  }),
  /** A brushed or stepped period (clamped by the caller with choosePeriod). */
  setPeriod: (s: ViewState, period: Period): ViewState => ({ ...s, period }),
  showWholePeriod: (s: ViewState, full: Period): ViewState => ({ ...s, period: full }),
  setFilters: (s: ViewState, patch: Partial<Filters>): ViewState => ({ ...s, filters: { ...s.filters, ...patch } }),
  clearFilters: (s: ViewState): ViewState => ({ ...s, filters: DEFAULT_FILTERS }),
  /** The organisations ticked among those `offered` in the panel; any a link chose beyond them stay. */
  chooseOrgs: (s: ViewState, offered: readonly string[], ticked: string[], orgMode: Filters["orgMode"]): ViewState => ({
    ...s,
    filters: { ...s.filters, orgs: [...s.filters.orgs.filter((o) => !offered.includes(o)), ...ticked], orgMode },
  }),
  setFocus: (s: ViewState, focus: Focus | null): ViewState => ({ ...s, focus }),
  setResolution: (s: ViewState, resolution: number): ViewState => ({ ...s, resolution }),
  /** The network or the table; with `moveFocus` keyboard focus goes into the table (the skip link). */
  setView: (s: ViewState, view: ViewMode, moveFocus = false): ViewState =>
    s.view === view
      ? s
      : { ...s, view, keyboardFocus: moveFocus && view === "table" ? focusOn(s, "table") : s.keyboardFocus },
  toggleView: (s: ViewState): ViewState => ({ ...s, view: s.view === "table" ? "network" : "table" }),
  /** Where the camera is (a view never moved is at home, which a link does not write). */
  setCamera: (s: ViewState, c: Camera): ViewState => (s.camera === null && atHome(c) ? s : { ...s, camera: c }),
  /** The camera back on the whole network ("Reset view"). */
  resetView: (s: ViewState): ViewState =>
    s.camera === null ? s : { ...s, camera: null, aim: aimAt(s, { kind: "home" }) },
  setFlag: (s: ViewState, name: string, value: string | null): ViewState => {
    const flags = { ...s.flags };
    if (value === null) delete flags[name];
    else flags[name] = value;
    return { ...s, flags };
  },
  /** Light or dark, kept in the link; null follows the reader's system. */
  setTheme: (s: ViewState, theme: "light" | "dark" | null): ViewState => RAW_ACTIONS.setFlag(s, "theme", theme),
  /** The other theme than the one shown. */
  toggleTheme: (s: ViewState): ViewState =>
    RAW_ACTIONS.setTheme(s, resolveTheme(s.flags.theme, s.systemDark) === "dark" ? "light" : "dark"),
  /** Projector mode on or off. */
  togglePresent: (s: ViewState): ViewState => RAW_ACTIONS.setFlag(s, "present", s.flags.present === "1" ? null : "1"),
  /** The reader's system preference changed (not part of the view a link carries). */
  setSystemTheme: (s: ViewState, dark: boolean): ViewState => ({ ...s, systemDark: dark }),
  /** Escape closes one layer at a time: chain or connection, then the person, then focus and
   *  community highlight. */
  escape: (s: ViewState): ViewState => {
    if (s.chain || s.connection) return { ...s, ...closed };
    if (s.selected !== null || s.hovered !== null) return { ...s, selected: null, hovered: null, cursor: null };
    return { ...s, focus: null, community: null };
  },
  /** A whole view from a link or a history entry; the camera is put where it says. */
  restore: (s: ViewState, view: ViewState): ViewState => {
    const transient = {
      hovered: null,
      cursor: null,
      aim: s.aim,
      keyboardFocus: s.keyboardFocus,
      systemDark: s.systemDark,
    };
    const next = settle(s, { ...view, ...transient });
    return next === s ? s : { ...next, aim: aimAt(s, { kind: "place", glide: false }) };
  },
  ...STORY_ACTIONS,
};

type Action = (s: ViewState, ...args: never[]) => ViewState;
/** Every action settled: equal parts keep their objects, and a change of nothing is the same state. */
function settled<T extends Record<string, Action>>(actions: T): T {
  const out: Record<string, Action> = {};
  for (const [name, act] of Object.entries(actions))
    out[name] = (s: ViewState, ...args: never[]) => settle(s, act(s, ...args));
  return out as T;
}

export const ACTIONS = settled(RAW_ACTIONS);

export type ActionName = keyof typeof ACTIONS;
export type HistoryMode = "push" | "coalesce" | "replace" | "none";

/** push: a new entry; coalesce: a new entry unless the same action made the last one moments ago
 *  (typing a number); replace: rewrite the current entry; none: the URL does not change. */
export const HISTORY: Record<ActionName, HistoryMode> = {
  selectPerson: "push",
  findPerson: "push",
  hover: "none",
  moveCursor: "none",
  openCursor: "push",
  openConnection: "push",
  openChain: "push",
  closeChain: "push",
  closeConnection: "push",
  highlightCommunity: "push",
  setPeriod: "replace",
  showWholePeriod: "push",
  setFilters: "coalesce",
  clearFilters: "push",
  chooseOrgs: "coalesce",
  setFocus: "push",
  setResolution: "coalesce",
  setView: "push",
  toggleView: "push",
  setCamera: "replace",
  resetView: "push",
  setFlag: "push",
  setTheme: "push",
  toggleTheme: "push",
  togglePresent: "push",
  setSystemTheme: "none",
  escape: "push",
  restore: "none",
  // Typing a heading or caption is one entry; each step shown is one, so Back steps back.
  addStep: "push",
  updateStepView: "push",
  editStep: "coalesce",
  moveStep: "push",
  deleteStep: "push",
  setStoryTitle: "coalesce",
  setStory: "push",
  playStory: "push",
  stepStory: "push",
  stopStory: "push",
};

type Args<F> = F extends (s: ViewState, ...args: infer A) => ViewState ? A : never;
/** The actions as views call them: the state argument is supplied by the store. */
export type BoundActions = { [K in ActionName]: (...args: Args<(typeof ACTIONS)[K]>) => void };
