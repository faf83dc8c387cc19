// The detail chart's bins (pure): a finer unit for the chosen period, edges in whole local days of
// the corpus zone from the period's first day, and counts of the messages the filters keep.
import type { Dataset } from "../data/types";
import type { MessageRule, Period } from "../graph/period";
import { lowerBound } from "../graph/period";
import type { BinUnit } from "./bins";
import { addLocalDays, addLocalMonths } from "./steps";
import { snapToDays, startOfDay } from "./zone";

const DAY = 86_400_000;
const UNIT_DAYS: Record<BinUnit, number> = { day: 1, week: 7, month: 30.44 };

/** The finest of day, week, month whose bars are at least `minBarPx` wide across `plotWidth`. */
export function detailUnit(period: Period, plotWidth: number, minBarPx = 3): BinUnit {
  const days = (period.end - period.start) / DAY;
  for (const unit of ["day", "week"] as const) if ((days / UNIT_DAYS[unit]) * minBarPx <= plotWidth) return unit;
  return "month";
}

/** Bin edges covering `period`: local midnight of its first day, then one unit at a time; the
 *  last edge is the period's end rounded up to a local midnight (a shorter last bin). */
export function detailEdges(period: Period, unit: BinUnit, timeZone: string): Float64Array {
  const first = startOfDay(period.start, timeZone);
  const last = snapToDays(period.start, period.end, timeZone).end;
  const edges = [first];
  for (let k = 1, t = first; t < last; k++) {
    t = unit === "month" ? addLocalMonths(first, k, timeZone) : addLocalDays(first, unit === "week" ? 7 * k : k, timeZone);
    edges.push(Math.min(t, last));
  }
  return Float64Array.from(edges);
}

/** Counts per bin of the dated messages a rule keeps, from the dataset alone (the same test as
 *  binShown with an EdgeIndex: recipients other than the sender, counted once each, within the
 *  mass-mailing limit; a kept sender; at least one kept recipient in an accepted role). */
export interface KeptCounter {
  count(rule: MessageRule, edges: Float64Array): Int32Array;
}

export function createKeptCounter(ds: Dataset): KeptCounter {
  const { sender, rcptStart, rcpt, rcptRole, datedCount, time } = ds.messages;
  // Distinct recipients other than the sender, per dated message (what the limit compares).
  const others = new Int32Array(datedCount);
  const seen = new Int32Array(ds.people.count).fill(-1);
  for (let m = 0; m < datedCount; m++) {
    let k = 0;
    for (let j = rcptStart[m]; j < rcptStart[m + 1]; j++) {
      const r = rcpt[j];
      if (r === sender[m] || seen[r] === m) continue;
      seen[r] = m;
      k++;
    }
    others[m] = k;
  }
  const kept = (rule: MessageRule, m: number): boolean => {
    if (others[m] === 0 || others[m] > rule.limit || rule.allowed[sender[m]] !== 1) return false;
    for (let j = rcptStart[m]; j < rcptStart[m + 1]; j++) {
      const r = rcpt[j];
      if (r !== sender[m] && rule.allowed[r] === 1 && ((1 << rcptRole[j]) & rule.mask) !== 0) return true;
    }
    return false;
  };
  return {
    count(rule, edges) {
      const counts = new Int32Array(Math.max(0, edges.length - 1));
      let b = 0;
      for (let m = lowerBound(time, datedCount, edges[0]); m < datedCount; m++) {
        while (b < counts.length && time[m] >= edges[b + 1]) b++;
        if (b >= counts.length) break;
        if (kept(rule, m)) counts[b]++;
      }
      return counts;
    },
  };
}
