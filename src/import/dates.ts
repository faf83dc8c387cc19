// Mail dates to UTC milliseconds: RFC 2822 and the sloppy variants real archives carry (comments,
// missing weekday or seconds, two-digit years, named zones, asctime, ISO, spreadsheet forms).
// A date without a zone is read in `zone` (UTC unless the user says otherwise). null = unparsable.
// Slash dates are month-first unless the caller says the column is day-first (see csv-dates.ts).
import { DateTime } from "luxon";

// Zone names mail clients write that luxon's RFC 2822 parser does not know, as offsets.
const ZONES: Record<string, string> = {
  UT: "+0000",
  GMT: "+0000",
  UTC: "+0000",
  Z: "+0000",
  WET: "+0000",
  BST: "+0100",
  CET: "+0100",
  MET: "+0100",
  CEST: "+0200",
  MEST: "+0200",
  EET: "+0200",
  EEST: "+0300",
  MSK: "+0300",
  IST: "+0530",
  JST: "+0900",
  KST: "+0900",
  AEST: "+1000",
  AEDT: "+1100",
  NZST: "+1200",
  NZDT: "+1300",
  HST: "-1000",
  AKST: "-0900",
  AKDT: "-0800",
  PST: "-0800",
  PDT: "-0700",
  MST: "-0700",
  MDT: "-0600",
  CST: "-0600",
  CDT: "-0500",
  EST: "-0500",
  EDT: "-0400",
  AST: "-0400",
  ADT: "-0300",
  NST: "-0330",
  NDT: "-0230",
};
const MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

// Formats tried after RFC 2822, ISO 8601 and SQL, most common first (month-first slash dates).
const MDY_FORMATS = [
  "EEE MMM d HH:mm:ss yyyy", // asctime, as in mbox separator lines
  "EEE MMM d HH:mm:ss ZZZ yyyy",
  "M/d/yyyy H:mm",
  "M/d/yyyy H:mm:ss",
  "M/d/yyyy h:mm a",
  "M/d/yyyy h:mm:ss a",
  "M/d/yy H:mm",
  "M/d/yy h:mm a",
  "EEEE, MMMM d, yyyy h:mm a",
  "MMMM d, yyyy h:mm a",
  "MMMM d, yyyy",
  "d MMMM yyyy HH:mm",
  "yyyy/MM/dd HH:mm:ss",
  "yyyy-MM-dd",
  "M/d/yyyy",
  "dd.MM.yyyy HH:mm",
  "dd.MM.yyyy",
  "M-d-yyyy H:mm",
  "M-d-yyyy",
];
const DMY_FORMATS = MDY_FORMATS.map((f) => f.replace(/^M([/-])d/, "d$1M"));

/** How a column writes its dates: day-first or month-first slash dates, or a luxon format. */
export interface DateStyle {
  order?: "dmy" | "mdy";
  format?: string;
}

const MONTH_INDEX = new Map(MONTHS.map((m, i) => [m, i]));
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// The strict RFC 2822 form nearly every Date header has, read without luxon (a tenth of the time).
const STRICT =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|[A-Z]{1,4})(?: \(.*\))?$/;

function strictRfc2822(text: string): number | null | undefined {
  const m = STRICT.exec(text);
  if (!m) return undefined;
  const month = MONTH_INDEX.get(m[2].toLowerCase());
  const zone = m[7][0] === "+" || m[7][0] === "-" ? m[7] : ZONES[m[7]];
  const [day, year, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  if (
    month === undefined ||
    zone === undefined ||
    day < 1 ||
    day > DAYS[month] ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  )
    return undefined;
  if (month === 1 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) return undefined;
  const offset = (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  return ms >= 0 && ms < 4102444800000 ? ms : null;
}

/** Rewrites the sloppy parts of an RFC 2822 date into the strict form luxon reads. */
function tidyRfc2822(raw: string): string {
  let s = raw
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim(); // comments, runs of space
  s = s.replace(/^[A-Za-z]+,?\s*(?=\d)/, ""); // weekday, with or without its comma
  s = s.replace(/\b([A-Za-z]{3})[a-z]*\.?(?=\s+\d{2,4}\b)/, (m, mon: string) =>
    MONTHS.includes(mon.toLowerCase()) ? mon[0].toUpperCase() + mon.slice(1, 3).toLowerCase() : m,
  );
  s = s.replace(
    /^(\d{1,2})\s+(\w{3})\s+(\d{2})(?=\s)/,
    (_m, d: string, mon: string, y: string) => `${d} ${mon} ${Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y)}`,
  );
  s = s.replace(/(\s\d{1,2}:\d{2})(?=\s|$)(?!:)/, "$1:00"); // no seconds
  s = s.replace(/\s(\d):/, " 0$1:"); // one-digit hour
  s = s.replace(
    /\s(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/,
    (_m, sign: string, h: string, mm: string | undefined) => ` ${sign}${h.padStart(2, "0")}${mm ?? "00"}`,
  );
  s = s.replace(/\s([A-Za-z]{1,5})$/, (m, zone: string) =>
    ZONES[zone.toUpperCase()] ? ` ${ZONES[zone.toUpperCase()]}` : m,
  );
  s = s.replace(/\s([+-]\d{4})\s+[A-Za-z]{1,5}$/, " $1"); // "-0400 EDT"
  return s;
}

const ZONE_AT_END = new RegExp(
  String.raw`(?:[+-]\d{1,2}:?\d{2}|\d[Zz]|\b(?:${Object.keys(ZONES).join("|")}))\s*(?:\([^)]*\))?$`,
  "i",
);

/** Whether a date names its zone or offset (`-0400`, `EDT`, ISO `Z`); an epoch number is UTC. A
 *  date without one is read in the import's zone. */
export function hasZone(raw: string): boolean {
  const text = raw.trim();
  return (
    ZONE_AT_END.test(text) ||
    /^\d{9,13}(\.\d+)?$/.test(text) ||
    /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)
  );
}

function ok(d: DateTime): number | null {
  if (!d.isValid) return null;
  const ms = d.toMillis();
  // Outside 1970–2100 is a broken clock or a misread field, not a date we can place.
  return ms >= 0 && ms < 4102444800000 ? ms : null;
}

/** Parses a date as mail and spreadsheets write it; null when nothing sensible can be read. */
export function parseMailDate(raw: string | undefined | null, zone = "UTC", style: DateStyle = {}): number | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text) return null;
  const fast = strictRfc2822(text);
  if (fast !== undefined) return fast;
  if (style.format) {
    const d = DateTime.fromFormat(text, style.format, { zone, setZone: true, locale: "en-US" });
    if (d.isValid) return ok(d);
  }
  if (/^\d{9,13}(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return ok(DateTime.fromMillis(text.length >= 12 ? n : n * 1000, { zone: "UTC" })); // epoch s or ms
  }
  const opts = { zone, setZone: true };
  const tidy = tidyRfc2822(text);
  const rfc = DateTime.fromRFC2822(tidy, opts);
  if (rfc.isValid) return ok(rfc);
  const iso = DateTime.fromISO(text, opts);
  if (iso.isValid) return ok(iso);
  const sql = DateTime.fromSQL(text, opts);
  if (sql.isValid) return ok(sql);
  // RFC 2822 without its zone (`Mon, 4 Jan 2016 10:00:00`): read in `zone`.
  if (/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(:\d{2})?$/.test(tidy)) {
    const d = DateTime.fromFormat(tidy, tidy.length > 17 ? "d MMM yyyy HH:mm:ss" : "d MMM yyyy HH:mm", {
      zone,
      locale: "en-US",
    });
    if (d.isValid) return ok(d);
  }
  const clean = text
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const f of style.order === "dmy" ? DMY_FORMATS : MDY_FORMATS) {
    const d = DateTime.fromFormat(clean, f, { ...opts, locale: "en-US" });
    if (d.isValid) return ok(d);
  }
  return null;
}
