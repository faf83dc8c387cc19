// Day boundaries in the corpus time zone (pure, DST-aware), so a brushed period covers whole local days.

const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building one costs far more than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offsets are remembered per quarter hour of UTC (every modern zone changes offset on one):
 *  formatting a date costs microseconds, and a brush move asks for hundreds. */
const QUARTER = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** How far the zone's wall clock is ahead of UTC at instant t, in ms. */
export function zoneOffset(t: number, timeZone: string): number {
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  const q = Math.floor(t / QUARTER);
  const hit = known.get(q);
  if (hit !== undefined) return hit;
  // Remembered only when the quarter hour begins and ends on the same offset (a historical
  // change at an odd second falls inside one and is computed for each instant).
  const start = measuredOffset(q * QUARTER, timeZone);
  if (start !== measuredOffset(q * QUARTER + QUARTER - 1000, timeZone)) return measuredOffset(t, timeZone);
  if (known.size > 100_000) known.clear();
  known.set(q, start);
  return start;
}

/** The offset at instant t, from the zone's own formatter. */
export function measuredOffset(t: number, timeZone: string): number {
  const f = formatterFor(timeZone);
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant local midnight began on the local day containing t. */
export function startOfDay(t: number, timeZone: string): number {
  const local = t + zoneOffset(t, timeZone);
  const midnightWall = Math.floor(local / DAY) * DAY;
  let guess = midnightWall - zoneOffset(t, timeZone);
  guess = midnightWall - zoneOffset(guess, timeZone); // second pass for a DST change that day
  return guess;
}

/** Rounds a period outwards to whole local days: start to its midnight, end up to the next midnight. */
export function snapToDays(start: number, end: number, timeZone: string): { start: number; end: number } {
  const s = startOfDay(start, timeZone);
  const lastDay = startOfDay(Math.max(s, end - 1), timeZone);
  return { start: s, end: startOfDay(lastDay + DAY * 1.5, timeZone) };
}

/** The local calendar day containing instant t, as YYYY-MM-DD in the zone. */
export function localDay(t: number, timeZone: string): string {
  const d = new Date(t + zoneOffset(t, timeZone));
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The instant local midnight began on a calendar day (month 1–12; out-of-range days roll over, as in Date.UTC). */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  const noon = new Date(0);
  noon.setUTCFullYear(year, month - 1, day);
  noon.setUTCHours(12);
  const wall = noon.getTime();
  return startOfDay(wall - zoneOffset(wall, timeZone), timeZone); // about local noon that day, then its midnight
}
