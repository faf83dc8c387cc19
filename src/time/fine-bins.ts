// The detail chart's bins (pure): a finer unit for the chosen period and edges in whole local days
// of the corpus zone from the period's first day (binShown counts the messages in them).
import type { Period } from "../graph/period";
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
    t =
      unit === "month"
        ? addLocalMonths(first, k, timeZone)
        : addLocalDays(first, unit === "week" ? 7 * k : k, timeZone);
    edges.push(Math.min(t, last));
  }
  return Float64Array.from(edges);
}
