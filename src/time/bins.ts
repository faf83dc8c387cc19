// Time binning (pure): picks day/week/month from the span and counts dated messages per bin,
// all of them or those the filters keep.
import { utcDay, utcMonth, utcWeek, type CountableTimeInterval } from "d3";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import { lowerBound, messagePasses, slotCounts, type MessageRule, type Period } from "../graph/period";

export type BinUnit = "day" | "week" | "month";

export interface Bins {
  unit: BinUnit;
  /** Bin b covers [edges[b], edges[b+1]) in UTC ms; edges.length === counts.length + 1 (one
   *  edge and no bins when there are no dated messages). */
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

/** Dated messages per bin over `span`. With no dated messages (datedCount 0) there are no bins:
 *  `counts` is empty and `edges` holds one entry, `span.start`, so `edges[0]` and
 *  `edges[edges.length - 1]` still exist and nothing divides by a bin count. */
export function binMessages(time: Float64Array, datedCount: number, span: Period, unit = chooseUnit(span)): Bins {
  if (datedCount <= 0) return { unit, edges: Float64Array.of(span.start), counts: new Int32Array(0) };
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

/** Messages per bin that the message filters keep (not a mass mailing, sender kept, at least one
 *  kept recipient in an accepted role): the histogram under the filters. */
export function binShown(ds: Dataset, edges: EdgeIndex, rule: MessageRule, binEdges: Float64Array): Int32Array {
  const counts = new Int32Array(binEdges.length - 1);
  const { time, datedCount, sender } = ds.messages;
  let b = 0;
  for (let m = lowerBound(time, datedCount, binEdges[0]); m < datedCount; m++) {
    while (b < counts.length && time[m] >= binEdges[b + 1]) b++;
    if (b >= counts.length) break;
    if (!messagePasses(edges, rule, sender, m)) continue;
    for (let j = edges.msgEdgeStart[m]; j < edges.msgEdgeStart[m + 1]; j++) {
      if (slotCounts(edges, rule, j)) {
        counts[b]++;
        break;
      }
    }
  }
  return counts;
}
