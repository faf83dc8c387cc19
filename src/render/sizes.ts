// Sizes on screen (pure): a person's radius from their messages in the period, a line's thickness
// from its messages, in a few classes so that few lines change as the brush moves, and the names'
// size and number. Projector mode (f.present=1) draws larger people, thicker lines, and fewer,
// larger names.
import type { PeriodStats } from "../graph/period";

/** Largest radius in screen pixels: smaller when there are many people, so crowds stay legible. */
export function maxRadius(people: number): number {
  return Math.min(16, Math.max(6, 125 / Math.cbrt(Math.max(1, people))));
}

/** Node radius in screen pixels from messages sent + received (area grows with the count). */
export function nodeSize(messages: number, max: number, largest: number): number {
  return messages <= 0 ? 0 : 2 + (largest - 2) * Math.sqrt(messages / Math.max(1, max));
}

/** Projector mode's lines: this much thicker, plus this many px. */
const PRESENT_EDGE_GROWTH = 1.25;
const PRESENT_EDGE_MIN = 0.3;

/** Edge thickness in four classes of messages in the period (1, 2–4, 5–19, 20+): few edges change
 *  class as the brush moves, so few need repainting. Projector mode draws each class thicker
 *  (a projector and a room's distance thin hairlines to nothing). */
export function edgeSize(messages: number, present = false): number {
  if (messages <= 0) return 0;
  const size = messages < 2 ? 0.6 : messages < 5 ? 1.1 : messages < 20 ? 1.8 : 2.8;
  return present ? PRESENT_EDGE_MIN + size * PRESENT_EDGE_GROWTH : size;
}

/** Edge opacity for a dataset: the more edges, the fainter each, so the whole-period view stays a
 *  light web behind the people instead of a dark mass (12 % for 3,000 edges, 3 % for 40,000,
 *  2.5 % at least). Fixed per dataset, so brushing restyles nothing extra. */
export function edgeOpacity(edgeCount: number): number {
  return Math.min(0.12, Math.max(0.025, 0.09 * Math.sqrt(5000 / Math.max(1, edgeCount))));
}

/** Edge opacity in projector mode: 1.6 times the screen's, between 5 % and 20 % (with edgeSize's
 *  thicker lines, each line is drawn about three times stronger). A projector's washed-out
 *  contrast and a room's distance make a 3 % hairline vanish; more would merge a dense network's
 *  middle into one grey mass that the node colours no longer stand out from. */
export function presentEdgeOpacity(edgeCount: number): number {
  return Math.min(0.2, Math.max(0.05, 1.6 * edgeOpacity(edgeCount)));
}

/** How much larger people are drawn in projector mode. */
export const PRESENT_NODE_GROWTH = 1.25;

/** How names are drawn: font size (CSS px), the smallest radius that earns a name unasked (CSS px),
 *  and the view area each name needs (px²), which caps how many are drawn. */
export interface LabelLook {
  fontSize: number;
  minRadius: number;
  areaPerLabel: number;
}

/** Names in the normal view, and in projector mode: read from the back of a room, so larger (22 px,
 *  over the 20 px such a room needs) and fewer: only the larger people, with more room around each. */
export const LABEL_LOOKS: Record<"normal" | "present", LabelLook> = {
  normal: { fontSize: 13, minRadius: 7, areaPerLabel: 20_000 },
  present: { fontSize: 22, minRadius: 8, areaPerLabel: 60_000 },
};

/** The names' look for a mode at a view scale (viewScale): people are drawn smaller in a small view,
 *  so the radius that earns a name shrinks with them (and grows with projector mode's people). */
export function labelLook(present: boolean, scale = 1): LabelLook {
  const look = present ? LABEL_LOOKS.present : LABEL_LOOKS.normal;
  return { ...look, minRadius: look.minRadius * scale * (present ? PRESENT_NODE_GROWTH : 1) };
}

/** The most names a view of width × height holds at this look (6 at least). */
export function labelLimit(width: number, height: number, look: LabelLook): number {
  return Math.max(6, Math.round((Math.max(0, width) * Math.max(0, height)) / look.areaPerLabel));
}

/** How much smaller people are drawn in a small view (a phone, a narrow embed): the network keeps
 *  its shape instead of becoming one blot. 1 from 420 px on the shorter side, 0.5 at the least. */
export function viewScale(width: number, height: number): number {
  const side = Math.min(width, height);
  return side > 0 ? Math.min(1, Math.max(0.5, side / 420)) : 1;
}

/** Radius per person for a period: 0 for people with no message in it; `scale` from viewScale. */
export function nodeLooks(stats: PeriodStats, scale = 1): { size: Float32Array } {
  const n = stats.sent.length;
  let max = 1;
  let active = 0;
  for (let i = 0; i < n; i++) {
    const k = stats.sent[i] + stats.received[i];
    if (k > 0) active++;
    if (k > max) max = k;
  }
  const largest = maxRadius(active);
  const size = new Float32Array(n);
  for (let i = 0; i < n; i++) size[i] = scale * nodeSize(stats.sent[i] + stats.received[i], max, largest);
  return { size };
}
