// A period [start, end) -> per-edge and per-person message counts (pure, allocation reused).
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "./edges";

export interface Period {
  /** UTC ms, inclusive. */
  start: number;
  /** UTC ms, exclusive. */
  end: number;
}

export interface PeriodStats {
  period: Period;
  /** Messages in the period. */
  messages: number;
  /** People who sent or received at least one message in the period. */
  people: number;
  edgeWeight: Float32Array;
  sent: Int32Array;
  /** Messages received from others (a copy to oneself, or a second role, does not count again). */
  received: Int32Array;
}

/** First index i in the sorted dated prefix with time[i] >= t. */
export function lowerBound(time: Float64Array, datedCount: number, t: number): number {
  let lo = 0;
  let hi = datedCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The message index range [from, to) of dated messages inside the period. */
export function messageRange(ds: Dataset, period: Period): [number, number] {
  const { time, datedCount } = ds.messages;
  return [lowerBound(time, datedCount, period.start), lowerBound(time, datedCount, period.end)];
}

/** Full span of dated messages, end exclusive (last message + 1 ms). */
export function fullPeriod(ds: Dataset): Period {
  const { time, datedCount } = ds.messages;
  if (datedCount === 0) return { start: 0, end: 1 };
  return { start: time[0], end: time[datedCount - 1] + 1 };
}

export function computePeriodStats(ds: Dataset, edges: EdgeIndex, period: Period, reuse?: PeriodStats): PeriodStats {
  const p = ds.people.count;
  const edgeWeight = reuse?.edgeWeight ?? new Float32Array(edges.count);
  const sent = reuse?.sent ?? new Int32Array(p);
  const received = reuse?.received ?? new Int32Array(p);
  edgeWeight.fill(0);
  sent.fill(0);
  received.fill(0);
  const { sender } = ds.messages;
  const { msgEdgeStart, msgEdge, target } = edges;
  const [from, to] = messageRange(ds, period);
  for (let m = from; m < to; m++) {
    sent[sender[m]]++;
    // A message's distinct edges are its distinct recipients other than the sender.
    for (let j = msgEdgeStart[m]; j < msgEdgeStart[m + 1]; j++) {
      const e = msgEdge[j];
      edgeWeight[e]++;
      received[target[e]]++;
    }
  }
  let people = 0;
  for (let i = 0; i < p; i++) if (sent[i] > 0 || received[i] > 0) people++;
  return { period, messages: to - from, people, edgeWeight, sent, received };
}
