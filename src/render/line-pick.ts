// Which line a click is on (pure): the shown line nearest to a point, within a few pixels.
// Lines are found here rather than by sigma's edge events, which would draw every edge a second
// time into the picking buffer on each frame.
import type { EdgeIndex } from "../graph/edges";

/** The shown edge (weight > 0) nearest to (px, py) within `within` px, given each person's
 *  viewport position; -1 for none. */
export function nearestLine(
  at: { x: number; y: number }[],
  edges: Pick<EdgeIndex, "count" | "source" | "target">,
  weight: Float32Array,
  px: number,
  py: number,
  within: number,
): number {
  let best = -1;
  let bestD = within;
  for (let e = 0; e < edges.count; e++) {
    if (weight[e] <= 0) continue;
    const a = at[edges.source[e]];
    const b = at[edges.target[e]];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy || 1)));
    const d = Math.hypot(px - a.x - t * dx, py - a.y - t * dy);
    if (d < bestD) [best, bestD] = [e, d];
  }
  return best;
}
