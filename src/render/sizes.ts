// Sizes on screen (pure): a person's radius from their messages in the period, a line's thickness
// from its messages, in a few classes so that few lines change as the brush moves, and the names'
// size and number. Projector mode (f.present=1) draws larger people, thicker lines, and fewer,
// larger names. The values come from the network's settings (settings.ts), the defaults unless given.
import type { PeriodStats } from "../graph/period";
import {
  DEFAULT_NETWORK_SETTINGS as DEFAULTS,
  type EdgeSettings,
  type LabelLook,
  type NetworkSettings,
  type NodeSettings,
  type ViewSettings,
} from "./settings";

export type { LabelLook } from "./settings";

/** Largest radius in screen pixels: smaller when there are many people, so crowds stay legible
 *  (in the settings' steps). */
function maxRadius(people: number, s: NodeSettings): number {
  const r = Math.min(s.largestRadiusMax, Math.max(s.largestRadiusMin, s.crowd / Math.cbrt(Math.max(1, people))));
  return Math.round(r / s.largestStep) * s.largestStep;
}

/** The count radii are scaled to: the period's highest, rounded up to the settings' next step. */
function countScale(max: number, s: NodeSettings): number {
  return max <= 1 ? 1 : s.countStep ** Math.ceil(Math.log(max) / Math.log(s.countStep) - 1e-9);
}

/** Node radius in screen pixels from messages sent + received (area grows with the count), in
 *  the settings' steps. */
function nodeSize(messages: number, max: number, largest: number, s: NodeSettings): number {
  if (messages <= 0) return 0;
  const least = s.smallestRadius;
  const r = least + (largest - least) * Math.sqrt(Math.min(1, messages / max));
  return Math.max(least, Math.round(r / s.radiusStep) * s.radiusStep);
}

/** A line's thickness class from its messages in the period: 0 for none, then 1, 2, … up to the
 *  settings' last class. Few lines change class as the brush moves, so few need repainting. */
export function edgeClass(messages: number, s: EdgeSettings = DEFAULTS.edges): number {
  if (!(messages > 0)) return 0;
  const bounds = s.classBounds;
  let k = 0;
  while (k < bounds.length && messages >= bounds[k]) k++;
  return k + 1;
}

/** Each class's thickness (CSS px), [0] = 0 for lines not drawn. Projector mode draws each class
 *  thicker (a projector and a room's distance thin hairlines to nothing). */
export function edgeClassWidths(present = false, s: EdgeSettings = DEFAULTS.edges): number[] {
  return [0, ...s.classSizes.map((size) => (present ? s.presentMin + size * s.presentGrowth : size))];
}

/** Edge thickness (CSS px) for a line of `messages` messages in the period: its class's width. */
export function edgeSize(messages: number, present = false, s: EdgeSettings = DEFAULTS.edges): number {
  return edgeClassWidths(present, s)[edgeClass(messages, s)];
}

/** Edge opacity for a dataset: the more edges, the fainter each, so the whole-period view stays a
 *  light web behind the people instead of a dark mass. Fixed per dataset, so brushing restyles
 *  nothing extra. */
export function edgeOpacity(edgeCount: number, s: EdgeSettings = DEFAULTS.edges): number {
  return Math.min(
    s.opacityMax,
    Math.max(s.opacityMin, s.opacityScale * Math.sqrt(s.opacityReference / Math.max(1, edgeCount))),
  );
}

/** Edge opacity in projector mode: stronger than the screen's, within bounds (with edgeSize's
 *  thicker lines, each line is drawn about three times stronger). A projector's washed-out
 *  contrast and a room's distance make a 3 % hairline vanish; more would merge a dense network's
 *  middle into one grey mass that the node colours no longer stand out from. */
export function presentEdgeOpacity(edgeCount: number, s: EdgeSettings = DEFAULTS.edges): number {
  return Math.min(
    s.presentOpacityMax,
    Math.max(s.presentOpacityMin, s.presentOpacityFactor * edgeOpacity(edgeCount, s)),
  );
}

/** How much larger people are drawn in projector mode (by default). */
export const PRESENT_NODE_GROWTH = DEFAULTS.nodes.presentGrowth;

/** Names in the normal view and in projector mode (by default). */
export const LABEL_LOOKS = DEFAULTS.labels.looks;

/** The names' look for a mode at a view scale (viewScale): people are drawn smaller in a small view,
 *  so the radius that earns a name shrinks with them (and grows with projector mode's people). */
export function labelLook(present: boolean, scale = 1, s: NetworkSettings = DEFAULTS): LabelLook {
  const look = present ? s.labels.looks.present : s.labels.looks.normal;
  return { ...look, minRadius: look.minRadius * scale * (present ? s.nodes.presentGrowth : 1) };
}

/** The most names a view of width × height holds at this look (`least` at least). */
export function labelLimit(width: number, height: number, look: LabelLook, least = DEFAULTS.labels.minCount): number {
  return Math.max(least, Math.round((Math.max(0, width) * Math.max(0, height)) / look.areaPerLabel));
}

/** How much smaller people are drawn in a small view (a phone, a narrow embed): the network keeps
 *  its shape instead of becoming one blot. 1 from `fullSide` px on the shorter side down. */
export function viewScale(width: number, height: number, s: ViewSettings = DEFAULTS.view): number {
  const side = Math.min(width, height);
  return side > 0 ? Math.min(1, Math.max(s.minScale, side / s.fullSide)) : 1;
}

/** Radius per person for a period: 0 for people with no message in it; `scale` from viewScale. */
export function nodeLooks(stats: PeriodStats, scale = 1, s: NodeSettings = DEFAULTS.nodes): { size: Float32Array } {
  const n = stats.sent.length;
  let max = 1;
  let active = 0;
  for (let i = 0; i < n; i++) {
    const k = stats.sent[i] + stats.received[i];
    if (k > 0) active++;
    if (k > max) max = k;
  }
  const largest = maxRadius(active, s);
  max = countScale(max, s);
  const size = new Float32Array(n);
  for (let i = 0; i < n; i++) size[i] = scale * nodeSize(stats.sent[i] + stats.received[i], max, largest, s);
  return { size };
}
