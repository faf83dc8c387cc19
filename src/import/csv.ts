// CSV reader: one row per message, as forensic tools and FOIA releases export them. Read in two
// passes: the first settles the text encoding (UTF-8, else Windows-1252; UTF-16 by its BOM) and
// whether the date column is day-first; the second yields the messages.
import type { ByteSource } from "./source";
import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { fixC1 } from "./cp1252";
import { DateOrderVote, FormatCheck } from "./csv-dates";
import {
  mapColumns,
  parseRecipientCell,
  sniffDelimiter,
  type ColumnMap,
  type CsvColumns,
  type CsvField,
} from "./csv-columns";
import type { DateStyle } from "./dates";
import { ImportError, type ReadOptions, type ReaderItem } from "./reader";

export type { CsvColumns, CsvField } from "./csv-columns";
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** How a CSV's first lines set it out: the encoding its first bytes announce (a BOM), its header
 *  line, and the delimiter an Excel `sep=;` line before the header names. */
export interface CsvHead {
  encoding: CsvEncoding;
  firstLine: string;
  sep?: string;
}

export function decodeHead(bytes: Buffer): CsvHead {
  const encoding: CsvEncoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  const [first, second] = new TextDecoder(encoding)
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 2);
  const sep = /^"?sep=(.)"?,*$/i.exec(first.trim())?.[1];
  return sep ? { encoding, firstLine: second ?? "", sep } : { encoding, firstLine: first };
}

/** The longest row read: a cell of a gigabyte is a broken export, stopped before it fills memory. */
export const MAX_ROW_CHARS = 16 << 20;

/** The file as text, chunk by chunk. UTF-8 is decoded strictly: invalid bytes throw. */
async function* textOf(src: ByteSource, encoding: CsvEncoding, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  const fix = encoding === "windows-1252" ? fixC1 : (s: string) => s;
  for await (const chunk of src.chunks()) {
    onBytes?.(chunk.length);
    yield fix(decoder.decode(chunk, { stream: true }));
  }
  yield fix(decoder.decode());
}

interface Row {
  record: string[];
  /** Line of the file where the row ends. */
  line: number;
}

/** Rows of the file; malformed rows are reported through `broken` and skipped. */
async function* rowsOf(
  src: ByteSource,
  layout: CsvLayout,
  broken: (item: ReaderItem) => void,
  onBytes?: (n: number) => void,
): AsyncGenerator<Row> {
  const { encoding, delimiter } = layout;
  const file = src.name;
  let lastLine = 0;
  let unclosedAt = 0;
  const parser = parse({
    delimiter,
    from_line: layout.sepLine ? 2 : 1,
    max_record_size: MAX_ROW_CHARS,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      // A quote never closed swallows the rest of the file: that is no row to skip but a stop.
      if (err?.code === "CSV_QUOTE_NOT_CLOSED") unclosedAt = lastLine + 1;
      // So is a row too long to be a message: stop reading before it fills memory.
      else if (err?.code === "CSV_MAX_RECORD_SIZE") parser.destroy(tooLong(lastLine + 1));
      else
        broken({
          kind: "broken",
          where: { file, line: lastLine + 1 },
          reason: `malformed CSV row: ${err?.message ?? "unreadable"}`,
        });
      return undefined;
    },
  });
  // pipeline passes a decoding error on to the parser, whose iteration then throws it.
  pipeline(Readable.from(textOf(src, encoding, onBytes)), parser, () => {});
  const tooLong = (line: number) =>
    new ImportError(
      file,
      `line ${line}: a row longer than ${MAX_ROW_CHARS >> 20} million characters; the export is broken there (a quote never closed, or a whole document in one cell)`,
    );
  const unclosed = (line: number) =>
    new ImportError(
      file,
      `line ${line}: a quote opens in this row and is never closed, so no row from here on can be read; close the quote (or remove it) and import again`,
    );
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      lastLine = row.info.lines;
      yield { record: row.record, line: row.info.lines };
    }
  } catch (err) {
    if (err instanceof TypeError && (err as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA") throw err; // not UTF-8
    const e = err as { message?: string; code?: string };
    if (err instanceof ImportError) throw err;
    if (e.code === "CSV_QUOTE_NOT_CLOSED") throw unclosed(lastLine + 1);
    if (e.code === "CSV_MAX_RECORD_SIZE") throw tooLong(lastLine + 1);
    throw new ImportError(file, `unreadable CSV after line ${lastLine}: ${e.message ?? String(err)}`);
  }
  if (unclosedAt) throw unclosed(unclosedAt);
}

export interface CsvOptions extends ReadOptions {
  /** --date-format: the date column's style; otherwise decided from the column. */
  dateStyle?: DateStyle;
}

/** How to read the rows: encoding, delimiter, and whether an Excel `sep=` line comes first. */
interface CsvLayout {
  encoding: CsvEncoding;
  delimiter: string;
  sepLine: boolean;
}

/** Pass 1: the encoding (UTF-8 unless some bytes are not) and the date column's style. A given
 *  luxon format must read at least one of the column's dates. */
async function survey(src: ByteSource, layout: CsvLayout, chosen: CsvColumns, given?: DateStyle) {
  const file = src.name;
  const tryEncoding = async (enc: CsvEncoding) => {
    const vote = new DateOrderVote();
    const format = given?.format ? new FormatCheck(given.format) : null;
    let cols: ColumnMap | null = null;
    let header: string[] = [];
    for await (const { record, line } of rowsOf(src, { ...layout, encoding: enc }, () => {})) {
      if (!cols) {
        header = record.map((s) => s.trim());
        cols = mapColumns(header, chosen, file);
        if (!cols.date || (given && !format)) break;
        continue;
      }
      for (const c of cols.date!) if (record[c]) format ? format.add(record[c], line) : vote.add(record[c], line);
      if (format?.matched) break;
    }
    const dateColumn = cols?.date ? header[cols.date[0]] : "";
    format?.decide(file, dateColumn);
    return { encoding: enc, dateStyle: given ?? (dateColumn ? vote.decide(file, dateColumn) : {}) };
  };
  if (layout.encoding !== "utf-8") return tryEncoding(layout.encoding);
  try {
    return await tryEncoding("utf-8");
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA") return tryEncoding("windows-1252");
    throw err;
  }
}

/** A date and a time of day kept in separate columns, read as one. */
export function withTime(date: string, time: string): string {
  return time && date && !/\d:\d\d/.test(date) ? `${date} ${time}` : date;
}

export async function* readCsv(
  src: ByteSource,
  head: CsvHead,
  chosen: CsvColumns,
  opts: CsvOptions = {},
): AsyncGenerator<ReaderItem> {
  const layout = {
    encoding: head.encoding,
    delimiter: head.sep ?? sniffDelimiter(head.firstLine),
    sepLine: !!head.sep,
  };
  const file = src.name;
  const settled = await survey(src, layout, chosen, opts.dateStyle);
  const skipped: ReaderItem[] = [];
  const nul = { cells: 0, line: 0 };
  let cols: ColumnMap | null = null;
  for await (const { record, line } of rowsOf(
    src,
    { ...layout, encoding: settled.encoding },
    (item) => skipped.push(item),
    opts.onBytes,
  )) {
    yield* skipped.splice(0);
    for (let i = 0; i < record.length; i++)
      if (record[i].includes("\0")) {
        record[i] = record[i].replaceAll("\0", "");
        nul.line ||= line;
        nul.cells++;
      }
    if (!cols) {
      cols = mapColumns(
        record.map((s) => s.trim()),
        chosen,
        file,
      );
      continue;
    }
    const cells = (f: CsvField) => (cols![f] ?? []).map((c) => (record[c] ?? "").trim());
    const first = (f: CsvField) => cells(f).find((v) => v !== "") ?? "";
    const people = (f: CsvField) => cells(f).flatMap(parseRecipientCell);
    yield {
      kind: "message",
      where: { file, line },
      fields: {
        from: parseRecipientCell(first("from")),
        to: people("to"),
        cc: people("cc"),
        bcc: people("bcc"),
        date: withTime(first("date"), first("time")),
        subject: first("subject").replace(/\s+/g, " "),
        messageId: "",
        inReplyTo: "",
        references: [],
      },
      sourceId: first("id") || undefined,
      documentId: first("id") || undefined,
      dateStyle: settled.dateStyle,
    };
  }
  yield* skipped.splice(0);
  if (nul.cells)
    yield {
      kind: "problem",
      where: { file, line: nul.line },
      problem: `NUL bytes (damage, not text) removed from ${nul.cells} cell${nul.cells === 1 ? "" : "s"}, the first on this line; the rows were read without them`,
    };
}
