// Keyboard stepping of the chosen period (pure): one bar at a time, at constant length, in whole
// local days of the corpus time zone (DST-safe), never past the data's edges.
import type { Period } from "../graph/period";
import type { BinUnit } from "./bins";
import { snapToDays, startOfDay, zoneOffset } from "./zone";

const DAY = 86_400_000;

export type StepKey = "left" | "right" | "home" | "end";

/** A local calendar date (month 0-based, as Date.UTC takes it). */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The local calendar date of instant t in timeZone. */
export function localDate(t: number, timeZone: string): LocalDate {
  const wall = new Date(t + zoneOffset(t, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth(), day: wall.getUTCDate() };
}

/** The instant local midnight begins on a local date; out-of-range months and days roll over
 *  (as in Date.UTC), so { month: 13 } is February next year. */
export function localMidnight(date: LocalDate, timeZone: string): number {
  const noonWall = Date.UTC(date.year, date.month, date.day, 12);
  return startOfDay(noonWall - zoneOffset(noonWall, timeZone), timeZone);
}

/** Local midnight `days` local days after the local midnight t (negative: before). */
export function addLocalDays(t: number, days: number, timeZone: string): number {
  const d = localDate(t, timeZone);
  return localMidnight({ ...d, day: d.day + days }, timeZone);
}

/** Local midnight `months` calendar months after the local midnight t, on the same day of the
 *  month, or the month's last day when it is shorter (31 Jan + 1 month = 29 Feb 2016). */
export function addLocalMonths(t: number, months: number, timeZone: string): number {
  const d = localDate(t, timeZone);
  const lastDay = new Date(Date.UTC(d.year, d.month + months + 1, 0)).getUTCDate();
  return localMidnight({ year: d.year, month: d.month + months, day: Math.min(d.day, lastDay) }, timeZone);
}

/** Whole local days from local midnight a to local midnight b (b - a in days, DST-safe). */
export function localDaysBetween(a: number, b: number, timeZone: string): number {
  const wa = a + zoneOffset(a, timeZone);
  const wb = b + zoneOffset(b, timeZone);
  return Math.round((wb - wa) / DAY);
}

/** One bar from local midnight t: 1 day, 7 days, or one calendar month; `dir` is +1 or -1. */
function barFrom(t: number, unit: BinUnit, dir: 1 | -1, timeZone: string): number {
  if (unit === "month") return addLocalMonths(t, dir, timeZone);
  return addLocalDays(t, dir * (unit === "week" ? 7 : 1), timeZone);
}

/**
 * The period after one key press on the timeline.
 *
 * Works on whole local days: `current` is first snapped outwards to local midnights and kept
 * inside `full` (also snapped outwards); the result is clamped back to `full`, so it starts no
 * earlier than the first message and ends no later than `full.end` (the last message + 1 ms),
 * like a brushed period after `choosePeriod`.
 *
 * - left / right: moves the period by one bar (1 local day, 7 local days, or one calendar month
 *   of its start) keeping its length in local days; a step that would pass the data's edge moves
 *   only as far as the edge, and at the edge nothing changes.
 * - shift + right / left: moves the period's end one bar later / earlier; never past the data's
 *   end, never shorter than one day.
 * - home / end: the same-length period at the start / end of the data.
 */
export function stepPeriod(
  current: Period,
  full: Period,
  unit: BinUnit,
  key: StepKey,
  shift: boolean,
  timeZone: string,
): Period {
  const span = snapToDays(full.start, full.end, timeZone);
  const snapped = snapToDays(current.start, current.end, timeZone);
  let start = Math.min(Math.max(snapped.start, span.start), addLocalDays(span.end, -1, timeZone));
  let end = Math.max(Math.min(snapped.end, span.end), addLocalDays(start, 1, timeZone));
  const length = localDaysBetween(start, end, timeZone);

  if (shift && (key === "left" || key === "right")) {
    end = barFrom(end, unit, key === "right" ? 1 : -1, timeZone);
    end = Math.min(span.end, Math.max(end, addLocalDays(start, 1, timeZone)));
  } else if (key === "left" || key === "right") {
    start = barFrom(start, unit, key === "right" ? 1 : -1, timeZone);
    end = addLocalDays(start, length, timeZone);
    if (end > span.end) {
      end = span.end;
      start = addLocalDays(end, -length, timeZone);
    }
    if (start < span.start) {
      start = span.start;
      end = addLocalDays(start, length, timeZone);
    }
  } else if (key === "home") {
    start = span.start;
    end = addLocalDays(start, length, timeZone);
  } else {
    end = span.end;
    start = addLocalDays(end, -length, timeZone);
  }
  return { start: Math.max(full.start, start), end: Math.min(full.end, end) };
}

/**
 * The period the first key press chooses when none is chosen yet: the last tenth of the bars
 * (Home: the first tenth), clamped to `full`. `edges` are the timeline's bin edges.
 */
export function firstPeriod(edges: ArrayLike<number>, full: Period, key: StepKey, timeZone: string): Period {
  const n = edges.length - 1;
  const bars = Math.max(1, Math.ceil(n / 10));
  const [a, b] = key === "home" ? [0, bars - 1] : [n - bars, n - 1];
  const days = snapToDays(Math.max(full.start, edges[a]), Math.min(full.end, edges[b + 1]), timeZone);
  return { start: Math.max(full.start, days.start), end: Math.min(full.end, days.end) };
}
