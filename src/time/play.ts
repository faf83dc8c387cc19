// The play control's frames (pure): a window of chosen length moved through the data in whole
// local days, from a start to the data's end, with a step sized so the whole span takes about
// the target time at the minimum interval between frames.
import type { Period } from "../graph/period";
import { addLocalDays, addLocalMonths, localDaysBetween } from "./steps";
import { snapToDays } from "./zone";

export type PlayLength = "1w" | "2w" | "1m";

export const PLAY_LENGTHS: { value: PlayLength; label: string }[] = [
  { value: "1w", label: "1 week" },
  { value: "2w", label: "2 weeks" },
  { value: "1m", label: "1 month" },
];

/** The window's end for a window starting at local midnight `start`. */
export function windowEnd(start: number, length: PlayLength, timeZone: string): number {
  return length === "1m" ? addLocalMonths(start, 1, timeZone) : addLocalDays(start, length === "1w" ? 7 : 14, timeZone);
}

/** Whole local days per step: at least 1, so the span takes about `frames` steps. */
export function stepDays(full: Period, frames: number, timeZone: string): number {
  const span = snapToDays(full.start, full.end, timeZone);
  return Math.max(1, Math.ceil(localDaysBetween(span.start, span.end, timeZone) / Math.max(1, frames)));
}

/**
 * The windows shown, in order: from the local midnight of `from` (kept inside the data), `step`
 * local days apart, each clamped to `full` like a brushed period; the last one ends at the data's
 * end (a window longer than the data is the data).
 */
export function playWindows(full: Period, from: number, length: PlayLength, step: number, timeZone: string): Period[] {
  const span = snapToDays(full.start, full.end, timeZone);
  const clamp = (p: Period): Period => ({ start: Math.max(full.start, p.start), end: Math.min(full.end, p.end) });
  let start = snapToDays(Math.min(Math.max(from, span.start), span.end - 1), span.end, timeZone).start;
  const out: Period[] = [];
  for (;;) {
    const end = windowEnd(start, length, timeZone);
    if (end >= span.end) {
      const last = Math.max(span.start, Math.min(start, lastStart(span, length, timeZone)));
      out.push(clamp({ start: last, end: span.end }));
      return out;
    }
    out.push(clamp({ start, end }));
    start = addLocalDays(start, step, timeZone);
  }
}

/** The latest start whose window still fits before the data's end. */
function lastStart(span: Period, length: PlayLength, timeZone: string): number {
  return length === "1m"
    ? addLocalMonths(span.end, -1, timeZone)
    : addLocalDays(span.end, length === "1w" ? -7 : -14, timeZone);
}
