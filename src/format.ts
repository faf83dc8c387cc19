// Words the whole UI uses: periods ("12 Apr – 25 May 2016 · 14,210 messages · 1,204 people"), counts, dates.
import type { Period } from "./graph/period";

const num = new Intl.NumberFormat("en-GB");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Day, month and year of instant `t` in `timeZone`. */
function parts(t: number, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "numeric", year: "numeric" });
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return { day: String(Number(p.day)), month: MONTHS[Number(p.month) - 1], year: p.year };
}

/** The period's dates in the corpus time zone; the end is exclusive, so the last day shown is end - 1 ms. */
export function formatPeriod(period: Period, timeZone: string): string {
  const a = parts(period.start, timeZone);
  const b = parts(period.end - 1, timeZone);
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  if (a.day !== b.day) return `${a.day}–${b.day} ${b.month} ${b.year}`;
  return `${b.day} ${b.month} ${b.year}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num.format(n)} ${n === 1 ? one : many}`;
}

export function formatSummary(period: Period, timeZone: string, messages: number, people: number): string {
  return `${formatPeriod(period, timeZone)} · ${plural(messages, "message")} · ${plural(people, "person", "people")}`;
}

export function formatNumber(n: number): string {
  return num.format(n);
}

/** A message's date and time in the corpus time zone: "12 Apr 2016, 14:05"; "undated" for NaN. */
export function formatDateTime(t: number, timeZone: string): string {
  if (Number.isNaN(t)) return "undated";
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** A day in the corpus time zone: "12 Apr 2016". */
export function formatDay(t: number, timeZone: string): string {
  return formatPeriod({ start: t, end: t + 1 }, timeZone);
}
