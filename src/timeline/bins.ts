// Time binning (pure): picks day/week/month from the span and counts dated messages per bin.
import { utcDay, utcMonth, utcWeek, type CountableTimeInterval } from "d3";
import { lowerBound, type Period } from "../graph/period";

export type BinUnit = "day" | "week" | "month";

export interface Bins {
  unit: BinUnit;
  /** Bin b covers [edges[b], edges[b+1]) in UTC ms. */
  edges: Float64Array;
  counts: Int32Array;
}

const INTERVALS: Record<BinUnit, CountableTimeInterval> = { day: utcDay, week: utcWeek, month: utcMonth };
const DAY = 86_400_000;

export function chooseUnit(span: Period): BinUnit {
  const days = (span.end - span.start) / DAY;
  if (days <= 150) return "day";
  if (days <= 365 * 4) return "week";
  return "month";
}

export function binEdges(span: Period, unit: BinUnit): Float64Array {
  const interval = INTERVALS[unit];
  const first = interval.floor(new Date(span.start));
  const last = interval.ceil(new Date(span.end));
  const edges = interval.range(first, last).map((d) => d.getTime());
  edges.push(last.getTime() > edges[edges.length - 1] ? last.getTime() : interval.offset(last, 1).getTime());
  return Float64Array.from(edges);
}

export function binMessages(time: Float64Array, datedCount: number, span: Period, unit = chooseUnit(span)): Bins {
  const edges = binEdges(span, unit);
  const counts = new Int32Array(edges.length - 1);
  let lo = lowerBound(time, datedCount, edges[0]);
  for (let b = 0; b < counts.length; b++) {
    const hi = lowerBound(time, datedCount, edges[b + 1]);
    counts[b] = hi - lo;
    lo = hi;
  }
  return { unit, edges, counts };
}
