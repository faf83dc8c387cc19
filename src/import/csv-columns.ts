// Which CSV columns hold which message field: chosen by flag or recognised from common header
// names. A field may have several columns (two `To` columns): recipients come from all of them.
import { parse as parseSync } from "csv-parse/sync";
import { parseAddresses, type MailAddress } from "./headers";
import { splitOutsideQuotes } from "./name-lists";
import { ImportError } from "./reader";

export type CsvField = "from" | "to" | "cc" | "bcc" | "date" | "time" | "subject" | "id";
export type CsvColumns = Partial<Record<CsvField, string>>;
export type ColumnMap = Partial<Record<CsvField, number[]>>;

// Header names recognised for each field, compared lower-case without spaces, dashes or underscores.
const KNOWN: Record<CsvField, string[]> = {
  from: ["from", "sender", "fromaddress", "fromemail", "author", "emailfrom", "senderemail", "senderaddress"],
  to: ["to", "recipients", "recipient", "toaddress", "toaddresses", "toemail", "emailto"],
  cc: ["cc", "ccaddress", "ccaddresses", "emailcc"],
  bcc: ["bcc", "bccaddress", "bccaddresses", "emailbcc"],
  date: [
    "date",
    "sent",
    "timestamp",
    "time",
    "datetime",
    "datesent",
    "sentdate",
    "senton",
    "datetimesent",
    "received",
    "datereceived",
  ],
  // A time of day kept apart from the date (`Date,Time`): read together.
  time: ["time", "timesent", "senttime", "sendtime"],
  subject: ["subject", "title", "emailsubject"],
  id: ["id", "messageid", "docid", "documentid", "emailid", "controlnumber", "batesnumber", "bates"],
};
export const CSV_FIELDS = Object.keys(KNOWN) as CsvField[];
const key = (s: string) => s.toLowerCase().replace(/[\s_\-.:]/g, "");

/** Columns for each field: the user's choice (by header name) or the known name listed first (a
 *  `Date` column before a `Time` one), with every other column of the same name. A time column
 *  is one apart from the date's. */
export function mapColumns(header: string[], chosen: CsvColumns, file: string): ColumnMap {
  const keys = header.map(key);
  const out: ColumnMap = {};
  const all = (k: string) => keys.flatMap((h, i) => (h === k ? [i] : []));
  for (const field of CSV_FIELDS) {
    const pick = chosen[field];
    if (pick !== undefined) {
      if (!keys.includes(key(pick)))
        throw new ImportError(
          file,
          `no column "${pick}" (given with --${field}); the columns are ${header.map((h) => `"${h}"`).join(", ")}`,
        );
      out[field] = all(key(pick));
      continue;
    }
    const first = KNOWN[field].find((k) => keys.includes(k));
    if (first !== undefined) out[field] = all(first);
  }
  if (out.time && out.date && out.time.some((c) => out.date!.includes(c))) delete out.time;
  const cols = header.map((h) => `"${h}"`).join(", ");
  if (!out.from) throw new ImportError(file, `no sender column among ${cols}; name it with --from <column>`);
  if (!out.to && !out.cc && !out.bcc)
    throw new ImportError(file, `no recipient column among ${cols}; name it with --to <column>`);
  return out;
}

/** The delimiter that makes most sense of the header line: the one giving most known columns. */
export function sniffDelimiter(headerLine: string): string {
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t", "|"]) {
    const names = headerLine.split(d).map((s) => key(s.replace(/^"|"$/g, "")));
    const score =
      names.filter((n) => Object.values(KNOWN).some((list) => list.includes(n))).length * 100 + names.length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** Checks a CSV's header line names a sender and recipients; throws an ImportError listing the
 *  columns it found otherwise. */
export function checkCsvHeader(head: { firstLine: string; sep?: string }, chosen: CsvColumns, file: string): void {
  const headerLine = head.firstLine;
  const rows = parseSync(headerLine, {
    bom: true,
    delimiter: head.sep ?? sniffDelimiter(headerLine),
    relax_quotes: true,
    relax_column_count: true,
  }) as string[][];
  mapColumns(
    (rows[0] ?? []).map((s) => s.trim()),
    chosen,
    file,
  );
}

/** People in one cell: `a@x; b@y`, `a@x, b@y`, full `Name <a@x>` lists, or names only. When `;`
 *  separates the entries, a comma is part of a name (`Mills, Cheryl; Abedin, Huma`). */
export function parseRecipientCell(cell: string | undefined): MailAddress[] {
  if (!cell) return [];
  const parts = cell.split(/\r?\n/).flatMap((line) => splitOutsideQuotes(line, ";"));
  if (parts.length === 1) return parseAddresses(parts[0]);
  return parts.flatMap((part) =>
    part.includes("@")
      ? parseAddresses(part)
      : [{ name: part.replace(/^"|"$/g, "").replace(/\s+/g, " "), address: "" }],
  );
}
