// The view state: everything a person can see, in one serialisable, versioned object. People are
// person indices here (the URL codec turns them into addresses); times are UTC ms.
import { DEFAULT_FILTERS, type Filters } from "../graph/filters";
import type { Focus, Period } from "../graph/period";

export const VIEW_VERSION = 1;

export interface Pair {
  a: number;
  b: number;
}

/** Sigma's camera: the framed-graph point at the centre of the view, and the zoom ratio. */
export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export type ViewMode = "network" | "table";

/** A camera move an action asks for (transient): the network view makes it once, when a new aim
 *  arrives. `n` counts aims, so asking twice for the same move is two moves. */
export type CameraAim = { n: number } & (
  | { kind: "fly"; person: number } // to a person found by search
  | { kind: "reveal"; people: number[] } // into view, only if off screen or under the drawer
  | { kind: "chain" } // frame the open chain
  | { kind: "home" } // the whole network
  | { kind: "place"; glide: boolean } // to state.camera (a restored view; a story's step glides)
);

/** Where keyboard focus should go (transient): the view that owns the target moves it there when
 *  a new request arrives (`n` counts requests). */
export interface FocusRequest {
  n: number;
  to: "drawer" | "table";
}

export interface ViewState {
  version: typeof VIEW_VERSION;
  /** Where the dataset came from: the ?data= address, or null for the bundled sample. */
  data: string | null;
  period: Period;
  filters: Filters;
  /** Show only a person's network, one or two steps out. */
  focus: Focus | null;
  /** Person whose panel is open, or null. */
  selected: number | null;
  /** Two people whose messages to each other are listed. */
  connection: Pair | null;
  /** Two people whose strongest chain of correspondents is shown. */
  chain: Pair | null;
  /** The community highlighted, named by one of its members (its label person when chosen from
   *  the legend): community numbers change from run to run, a member does not. */
  community: number | null;
  /** Louvain resolution: higher finds more, smaller communities. */
  resolution: number;
  view: ViewMode;
  /** null: sigma's default framing (the whole network). */
  camera: Camera | null;
  /** Presentation flags to come (projector mode, embed, theme): names to values. */
  flags: Record<string, string>;
  /** The story being written or shown: steps of saved views with a heading and a caption. */
  story: Story | null;
  /** The step being played (full screen, projector mode), or null when not playing. */
  playing: Playing | null;
  /** Transient, never serialised: the person under the pointer or the arrow-key cursor. */
  hovered: number | null;
  /** Transient: the correspondent of the selected person the arrow keys stand on. */
  cursor: number | null;
  /** Transient: the camera move the last action asked for. */
  aim: CameraAim | null;
  /** Transient: where keyboard focus was last asked to go. */
  keyboardFocus: FocusRequest | null;
  /** Transient, never serialised: the reader's system asks for a dark theme (prefers-color-scheme).
   *  The theme shown is flags.theme when set, else this. */
  systemDark: boolean;
}

/** The parts of the view a step saves and restores. */
export const STEP_FIELDS = [
  "period",
  "filters",
  "focus",
  "selected",
  "connection",
  "chain",
  "community",
  "resolution",
  "view",
  "camera",
] as const;
export type StepView = Pick<ViewState, (typeof STEP_FIELDS)[number]> & {
  /** The step's theme, when it chose one; otherwise the one shown stays. */
  theme: "light" | "dark" | null;
};

export interface StoryStep {
  heading: string;
  caption: string;
  view: StepView;
}

export interface Story {
  title: string;
  steps: StoryStep[];
}

/** Playback: the step shown, and whether projector mode was on before playing (put back on leaving). */
export interface Playing {
  step: number;
  wasPresent: boolean;
}

export function initialView(full: Period, data: string | null = null): ViewState {
  return {
    version: VIEW_VERSION,
    data,
    period: full,
    filters: DEFAULT_FILTERS,
    focus: null,
    selected: null,
    connection: null,
    chain: null,
    community: null,
    resolution: 1,
    view: "network",
    camera: null,
    flags: {},
    story: null,
    playing: null,
    hovered: null,
    cursor: null,
    aim: null,
    keyboardFocus: null,
    systemDark: false,
  };
}

type AimKind = CameraAim extends infer A ? (A extends unknown ? Omit<A, "n"> : never) : never;
/** The next camera move after s's (a new one each time, so asking again moves again). */
export const aimAt = (s: ViewState, aim: AimKind): CameraAim => ({ ...aim, n: (s.aim?.n ?? 0) + 1 }) as CameraAim;
/** A request to move keyboard focus to `to`, after s's. */
export const focusOn = (s: ViewState, to: FocusRequest["to"]): FocusRequest => ({
  n: (s.keyboardFocus?.n ?? 0) + 1,
  to,
});

/** Sigma's camera on the whole network. */
export const HOME_CAMERA: Camera = { x: 0.5, y: 0.5, ratio: 1 };
export const atHome = (c: Camera): boolean =>
  c.x === HOME_CAMERA.x && c.y === HOME_CAMERA.y && c.ratio === HOME_CAMERA.ratio;

export function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Which panel the drawer shows: the chain, else the connection, else the selected person. */
export function openPanel(s: ViewState): "chain" | "connection" | "person" | null {
  return s.chain ? "chain" : s.connection ? "connection" : s.selected !== null ? "person" : null;
}
