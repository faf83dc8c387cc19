// CSV reader: one row per message, as forensic tools and FOIA releases export them. Columns are
// chosen by flag or recognised from common header names; recipients are split on `;` or `,`.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { parseAddresses, type MailAddress } from "./headers";
import { ImportError, type ReadOptions, type ReaderItem } from "./reader";

export type CsvField = "from" | "to" | "cc" | "bcc" | "date" | "subject" | "id";
export type CsvColumns = Partial<Record<CsvField, string>>;

// Header names recognised for each field, compared lower-case without spaces, dashes or underscores.
const KNOWN: Record<CsvField, string[]> = {
  from: ["from", "sender", "fromaddress", "fromemail", "author", "emailfrom", "senderemail", "senderaddress"],
  to: ["to", "recipients", "recipient", "toaddress", "toaddresses", "toemail", "emailto"],
  cc: ["cc", "ccaddress", "ccaddresses", "emailcc"],
  bcc: ["bcc", "bccaddress", "bccaddresses", "emailbcc"],
  date: ["date", "sent", "timestamp", "time", "datetime", "datesent", "sentdate", "senton", "datetimesent", "received", "datereceived"],
  subject: ["subject", "title", "emailsubject"],
  id: ["id", "messageid", "docid", "documentid", "emailid", "controlnumber", "batesnumber", "bates"],
};
const key = (s: string) => s.toLowerCase().replace(/[\s_\-.:]/g, "");

/** Column index for each field: the user's choice (by header name) or the first known name. */
export function mapColumns(header: string[], chosen: CsvColumns, file: string): Partial<Record<CsvField, number>> {
  const keys = header.map(key);
  const out: Partial<Record<CsvField, number>> = {};
  for (const field of Object.keys(KNOWN) as CsvField[]) {
    const pick = chosen[field];
    if (pick !== undefined) {
      const i = keys.indexOf(key(pick));
      if (i < 0) throw new ImportError(file, `no column "${pick}" (given with --${field}); the columns are ${header.map((h) => `"${h}"`).join(", ")}`);
      out[field] = i;
      continue;
    }
    const i = keys.findIndex((k) => KNOWN[field].includes(k));
    if (i >= 0) out[field] = i;
  }
  const cols = header.map((h) => `"${h}"`).join(", ");
  if (out.from === undefined) throw new ImportError(file, `no sender column among ${cols}; name it with --from <column>`);
  if (out.to === undefined && out.cc === undefined && out.bcc === undefined) throw new ImportError(file, `no recipient column among ${cols}; name it with --to <column>`);
  return out;
}

/** The delimiter that makes most sense of the header line: the one giving most known columns. */
export function sniffDelimiter(headerLine: string): string {
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t", "|"]) {
    const names = headerLine.split(d).map((s) => key(s.replace(/^"|"$/g, "")));
    const score = names.filter((n) => Object.values(KNOWN).some((list) => list.includes(n))).length * 100 + names.length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** Checks a CSV's header line (first line of the file) names a sender and recipients; throws an
 *  ImportError listing the columns it found otherwise. */
export function checkCsvHeader(headerLine: string, chosen: CsvColumns, file: string): void {
  const rows = parseSync(headerLine, { bom: true, delimiter: sniffDelimiter(headerLine), relax_quotes: true, relax_column_count: true }) as string[][];
  mapColumns((rows[0] ?? []).map((s) => s.trim()), chosen, file);
}

/** Recipients in one cell: `a@x; b@y`, `a@x, b@y`, or full `Name <a@x>` lists. */
export function parseRecipientCell(cell: string | undefined): MailAddress[] {
  if (!cell) return [];
  return cell.split(/;|\n/).flatMap((part) => parseAddresses(part));
}

export async function* readCsv(file: string, headerLine: string, chosen: CsvColumns, opts: ReadOptions = {}): AsyncGenerator<ReaderItem> {
  const stream = createReadStream(file);
  stream.on("data", (chunk) => opts.onBytes?.(chunk.length));
  // A malformed row is skipped and reported, and the rest of the file is read.
  const skipped: ReaderItem[] = [];
  const parser = stream.pipe(
    parse({
      bom: true, delimiter: sniffDelimiter(headerLine), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true,
      skip_records_with_error: true,
      on_skip: (err) => void skipped.push({ kind: "broken", where: { file, line: (err as { lines?: number } | undefined)?.lines }, reason: `malformed CSV row: ${err?.message ?? "unreadable"}` }),
    }),
  );
  let cols: Partial<Record<CsvField, number>> | null = null;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* skipped.splice(0);
      const { record, info } = row;
      if (!cols) {
        cols = mapColumns(record.map((s) => s.trim()), chosen, file);
        continue;
      }
      const cell = (f: CsvField) => (cols![f] === undefined ? "" : (record[cols![f]!] ?? "").trim());
      const where = { file, line: info.lines };
      yield {
        kind: "message",
        where,
        fields: {
          from: parseRecipientCell(cell("from")).slice(0, 1),
          to: parseRecipientCell(cell("to")),
          cc: parseRecipientCell(cell("cc")),
          bcc: parseRecipientCell(cell("bcc")),
          date: cell("date"),
          subject: cell("subject").replace(/\s+/g, " "),
          messageId: "",
          inReplyTo: "",
          references: [],
        },
        sourceId: cell("id") || undefined,
      };
    }
    yield* skipped.splice(0);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const e = err as { message?: string; lines?: number };
    throw new ImportError(file, `unreadable CSV${e.lines ? ` at line ${e.lines}` : ""}: ${e.message ?? String(err)}`);
  }
}
