// Sizes on screen (pure): a person's radius from their messages in the period, a line's thickness
// from its messages, in a few classes so that few lines change as the brush moves.
import type { PeriodStats } from "../graph/period";

/** Largest radius in screen pixels: smaller when there are many people, so crowds stay legible. */
export function maxRadius(people: number): number {
  return Math.min(16, Math.max(6, 125 / Math.cbrt(Math.max(1, people))));
}

/** Node radius in screen pixels from messages sent + received (area grows with the count). */
export function nodeSize(messages: number, max: number, largest: number): number {
  return messages <= 0 ? 0 : 2 + (largest - 2) * Math.sqrt(messages / Math.max(1, max));
}

/** Edge thickness in four classes of messages in the period (1, 2–4, 5–19, 20+): few edges change
 *  class as the brush moves, so few need repainting. */
export function edgeSize(messages: number): number {
  return messages <= 0 ? 0 : messages < 2 ? 0.6 : messages < 5 ? 1.1 : messages < 20 ? 1.8 : 2.8;
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
