// Words the whole UI uses: periods ("12 Apr – 25 May 2016 · 14,210 messages · 1,204 people"), counts, dates.
import type { Period } from "../graph/period";

const num = new Intl.NumberFormat("en-GB");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One formatter per (options, time zone): building one costs far more than using it, and panels
 *  format hundreds of dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "day" | "minute", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const day = { timeZone, day: "numeric", month: kind === "day" ? "numeric" : "short", year: "numeric" } as const;
    f = new Intl.DateTimeFormat(
      "en-GB",
      kind === "day" ? day : { ...day, hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    );
    formatters.set(key, f);
  }
  return f;
}

/** Day, month and year of instant `t` in `timeZone`. */
function parts(t: number, timeZone: string) {
  const f = formatter("day", timeZone);
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

/** The summary's parts, each to be kept on one line: the period, its messages, its people. */
export function summaryParts(period: Period, timeZone: string, messages: number, people: number): string[] {
  return [formatPeriod(period, timeZone), plural(messages, "message"), plural(people, "person", "people")];
}

export function formatSummary(period: Period, timeZone: string, messages: number, people: number): string {
  return summaryParts(period, timeZone, messages, people).join(" · ");
}

export function formatNumber(n: number): string {
  return num.format(n);
}

/** A message's date and time in the corpus time zone: "12 Apr 2016, 14:05"; "undated" for NaN. */
export function formatDateTime(t: number, timeZone: string): string {
  if (Number.isNaN(t)) return "undated";
  const f = formatter("minute", timeZone);
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** A day in the corpus time zone: "12 Apr 2016". */
export function formatDay(t: number, timeZone: string): string {
  return formatPeriod({ start: t, end: t + 1 }, timeZone);
}

const BYTE_UNITS = ["kB", "MB", "GB", "TB"];

/** A size in decimal units: "512 bytes", "3.4 kB", "850 kB", "1.2 MB" (one decimal below 10). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${num.format(n)} ${n === 1 ? "byte" : "bytes"}`;
  let value = n;
  for (let k = 0; k < BYTE_UNITS.length; k++) {
    value /= 1000;
    const digits = value < 10 ? 1 : 0;
    const rounded = Number(value.toFixed(digits));
    if (rounded < 1000 || k === BYTE_UNITS.length - 1) {
      const shown = new Intl.NumberFormat("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
      return `${shown.format(rounded)} ${BYTE_UNITS[k]}`;
    }
  }
  return `${num.format(n)} bytes`;
}

/** How much of a download has arrived, whole percent rounded down (100 only when it is all there). */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

/** A download's progress: "1.2 MB of 2.5 MB (48%)", or "1.2 MB" when the size is not known. */
export function formatProgress(loaded: number, total: number | null): string {
  if (total === null) return formatBytes(loaded);
  return `${formatBytes(loaded)} of ${formatBytes(total)} (${percentOf(loaded, total)}%)`;
}
