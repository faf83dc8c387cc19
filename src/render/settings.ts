// The network's settings (pure), in sigma's manner: one typed object, its defaults in
// DEFAULT_NETWORK_SETTINGS, and resolveNetworkSettings to lay a partial one over them. Every tuning
// value of the network is here: people's radii, the lines' classes and opacity, the names' look,
// the camera's limits and glides. The pure rules that use them live in sizes.ts, styles.ts,
// label-layer.ts, covered.ts and motion.ts.
import { THEMES, type ThemeColours } from "../theme/theme";

/** How names are drawn: font size (CSS px), the smallest radius that earns a name unasked (CSS px),
 *  and the view area each name needs (px²), which caps how many are drawn. */
export interface LabelLook {
  fontSize: number;
  minRadius: number;
  areaPerLabel: number;
}

/** The normal view's value and projector mode's. */
export interface PerMode<T> {
  normal: T;
  present: T;
}

/** People's radii, screen px. */
export interface NodeSettings {
  /** Radius of a person with one message (the largest grows from it with the square root). */
  smallestRadius: number;
  /** The largest radius: `crowd` / ∛(people shown), kept between these two. */
  largestRadiusMin: number;
  largestRadiusMax: number;
  crowd: number;
  /** How much larger people are drawn in projector mode. */
  presentGrowth: number;
  /** Radii go in steps of `radiusStep` px, the largest in steps of `largestStep` px, and the
   *  period's highest count in steps of `countStep` (a factor): a brush move then redraws the
   *  people whose own count changed, not everyone whenever the busiest person's count moves. */
  radiusStep: number;
  largestStep: number;
  countStep: number;
}

/** How much smaller people are drawn in a small view (a phone, a narrow embed). */
export interface ViewSettings {
  /** Full size from this shorter side (CSS px) on, … */
  fullSide: number;
  /** … and never less than this share of it. */
  minScale: number;
  /** A resize that changes the scale by more than this redraws people at the new size. */
  rescaleStep: number;
}

/** Lines: thickness in classes of messages, and a per-dataset opacity. */
export interface EdgeSettings {
  /** A line of fewer messages than classBounds[k] has thickness classSizes[k] (px); the last
   *  size is for the rest. */
  classBounds: number[];
  classSizes: number[];
  /** Projector mode's lines: `presentGrowth` times thicker, plus `presentMin` px. */
  presentGrowth: number;
  presentMin: number;
  /** Opacity `opacityScale` × √(opacityReference / edges), between opacityMin and opacityMax. */
  opacityScale: number;
  opacityReference: number;
  opacityMin: number;
  opacityMax: number;
  /** Projector mode: `presentOpacityFactor` times the screen's, between these two. */
  presentOpacityFactor: number;
  presentOpacityMin: number;
  presentOpacityMax: number;
  /** On the dark theme (not in projector mode), lines this much stronger. */
  darkBoost: number;
  /** At most this many lines in a view of the whole network (more as the camera zooms in, by
   *  area): the thinnest classes give way first. A huge corpus's single messages would otherwise
   *  draw a grey disc, and cost a software rasteriser seconds per frame. */
  lineBudget: number;
}

/** The names the label layer places over the network. */
export interface LabelSettings {
  looks: PerMode<LabelLook>;
  /** The halo in the background colour around each name, CSS px. */
  halo: PerMode<number>;
  /** A view holds this many names at least. */
  minCount: number;
  /** People this share of the largest person's radius earn a name even when none reaches the
   *  look's minRadius (a corpus of 80,000 people draws everyone small). */
  largestShare: number;
  /** Of the highlighted people too small to earn a name unasked, only this many of the largest
   *  are considered for names (a hub lights thousands; a view holds a few dozen names). */
  smallLitMax: number;
  /** Nodes of at least this share of the labelling radius are kept clear of names … */
  obstacleShare: number;
  /** … and a name may graze such a node's rim, but leaves this share of its radius in sight. */
  coreShare: number;
  /** What lies over the network: boxes thinner than this (CSS px) cover nothing, … */
  coverMinSide: number;
  /** … and a panel may be this far (CSS px) from the view's edge it spans. */
  coverSlack: number;
}

/** The camera: zoom limits and the moves the app makes. */
export interface CameraSettings {
  /** Sigma's camera ratio limits and the padding around the graph (CSS px). */
  minRatio: number;
  maxRatio: number;
  stagePadding: number;
  /** How long the camera glides to a person or a group (ms). */
  glideMs: number;
  /** A story's step: how long the camera glides to the step's view (ms). */
  storyStepMs: number;
  /** Flying to a person zooms in to this ratio at least. */
  flyToRatio: number;
  /** Fitting a group: its extent times `fitPadding`, a ratio between fitMinRatio and fitMaxRatio. */
  fitPadding: number;
  fitMinRatio: number;
  fitMaxRatio: number;
  /** A person this close (CSS px) to the view's edge, or under the panel, is out of view. */
  revealMargin: number;
  /** How close (CSS px) a click must be to a line to open it. */
  linePickPx: number;
}

export interface NetworkSettings {
  theme: ThemeColours;
  /** Projector mode (f.present=1): larger people, stronger lines, fewer and larger names. Fixed
   *  for a network's lifetime, like the theme. */
  present: boolean;
  nodes: NodeSettings;
  view: ViewSettings;
  edges: EdgeSettings;
  labels: LabelSettings;
  camera: CameraSettings;
}

/** Settings as given: each part left out takes its default (groups are merged key by key). */
export type NetworkSettingsInput = Partial<Pick<NetworkSettings, "theme" | "present">> & {
  [G in "nodes" | "view" | "edges" | "labels" | "camera"]?: Partial<NetworkSettings[G]>;
};

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = {
  theme: THEMES.light,
  present: false,
  nodes: {
    smallestRadius: 2,
    largestRadiusMin: 6,
    largestRadiusMax: 16,
    crowd: 125,
    presentGrowth: 1.25,
    radiusStep: 0.25,
    largestStep: 0.5,
    countStep: 1.05,
  },
  view: { fullSide: 420, minScale: 0.5, rescaleStep: 0.04 },
  edges: {
    // Four classes (1, 2–4, 5–19, 20+): few lines change class as the brush moves.
    classBounds: [2, 5, 20],
    classSizes: [0.6, 1.1, 1.8, 2.8],
    presentGrowth: 1.25,
    presentMin: 0.3,
    // 12 % for 3,000 edges, 3 % for 40,000, 2.5 % at least.
    opacityScale: 0.09,
    opacityReference: 5000,
    opacityMin: 0.025,
    opacityMax: 0.12,
    presentOpacityFactor: 1.6,
    presentOpacityMin: 0.05,
    presentOpacityMax: 0.2,
    darkBoost: 1.4,
    // Above the sample's 42,000 lines: only corpora of 100,000 messages and more are thinned.
    lineBudget: 60_000,
  },
  labels: {
    // Projector mode's names are read from the back of a room: larger (22 px, over the 20 px such
    // a room needs) and fewer: only the larger people, with more room around each.
    looks: {
      normal: { fontSize: 13, minRadius: 7, areaPerLabel: 20_000 },
      present: { fontSize: 22, minRadius: 8, areaPerLabel: 60_000 },
    },
    // Wider in projector mode, so lines never cross a large name.
    halo: { normal: 3, present: 5 },
    minCount: 6,
    largestShare: 0.7,
    smallLitMax: 400,
    obstacleShare: 0.75,
    coreShare: 0.6,
    coverMinSide: 4,
    coverSlack: 1,
  },
  camera: {
    minRatio: 0.05,
    maxRatio: 4,
    stagePadding: 30,
    glideMs: 600,
    storyStepMs: 700,
    flyToRatio: 0.35,
    fitPadding: 1.5,
    fitMinRatio: 0.12,
    fitMaxRatio: 1,
    revealMargin: 24,
    linePickPx: 4,
  },
};

/** The settings given, over the defaults. */
export function resolveNetworkSettings(input: NetworkSettingsInput = {}): NetworkSettings {
  const d = DEFAULT_NETWORK_SETTINGS;
  return {
    theme: input.theme ?? d.theme,
    present: input.present ?? d.present,
    nodes: { ...d.nodes, ...input.nodes },
    view: { ...d.view, ...input.view },
    edges: { ...d.edges, ...input.edges },
    labels: { ...d.labels, ...input.labels },
    camera: { ...d.camera, ...input.camera },
  };
}

/** The value of a per-mode setting in this network's mode. */
export const inMode = <T>(s: Pick<NetworkSettings, "present">, values: PerMode<T>): T =>
  s.present ? values.present : values.normal;
