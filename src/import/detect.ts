// Which kind of input a path is: mbox (its `From ` separator), a single .eml, a folder of mail
// files, a Maildir (cur/ and new/ at its top) or a CSV (a header row naming a sender and
// recipients). `--kind` always wins over detection.
import { open, readdir, stat } from "node:fs/promises";
import { checkCsvHeader, type CsvColumns } from "./csv-columns";
import { decodeHead, type CsvHead } from "./csv";
import { isMaildir } from "./files";
import { isSeparatorLine } from "./mbox";
import { isOle } from "./msg";
import { ImportError } from "./reader";
import { fileSource, gunzipped, headOf, isGzip, isZip } from "./source";
import { fsReason } from "./walk";

export const KINDS = ["mbox", "eml", "maildir", "csv", "zip", "msg"] as const;
export type InputKind = (typeof KINDS)[number];

export interface DetectedInput {
  path: string;
  kind: InputKind;
  isDir: boolean;
  bytes: number;
  /** A CSV's header line (to choose its delimiter), the encoding its BOM announces, and the
   *  delimiter an Excel `sep=` line names. */
  csv?: CsvHead;
  /** The file is gzipped (`.mbox.gz`): its kind is its content's. */
  gzip?: boolean;
}

/** The first 64 KB of a gzipped file's content. */
async function gunzippedHead(path: string, size: number): Promise<Buffer> {
  try {
    return await headOf(gunzipped(fileSource(path, size)), 64 << 10);
  } catch (err) {
    throw new ImportError(path, `starts as gzip but cannot be decompressed (${(err as Error).message}); is it whole?`);
  }
}

async function head(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, 64 << 10));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const looksLikeHeaders = (text: string) =>
  /^(?:from|to|date|subject|message-id|received|return-path|mime-version|x-[\w-]+|delivered-to)\s*:/im.test(
    text.split(/\r?\n\r?\n/)[0],
  ) && /^[\x21-\x39\x3b-\x7e]+:/.test(text);
const NOT_MAIL =
  'not a recognised mail export: expected an mbox (first line "From …"), an .eml message, a Maildir folder, a CSV with a header row, an Outlook .msg, or a ZIP or gzip of them';

async function detectFolder(path: string, forced: InputKind | undefined): Promise<DetectedInput> {
  const base = { path, isDir: true, bytes: 0 };
  if (forced === "maildir" || (!forced && (await isMaildir(path)))) return { ...base, kind: "maildir" };
  if (forced && forced !== "eml") throw new ImportError(path, `is a folder; --kind ${forced} needs a file`);
  const entries = await readdir(path).catch((err: unknown) => {
    throw new ImportError(path, `cannot read the folder: ${fsReason(err)}`);
  });
  if (entries.length === 0)
    throw new ImportError(path, "empty folder: no mail files and no Maildir (cur/ and new/ folders)");
  return { ...base, kind: "eml" };
}

export function isCsvHeader(csv: CsvHead, columns: CsvColumns, path: string): boolean {
  try {
    checkCsvHeader(csv, columns, path);
    return true;
  } catch {
    return false;
  }
}

export async function detectInput(
  path: string,
  forced: InputKind | undefined,
  columns: CsvColumns,
): Promise<DetectedInput> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ImportError(path, "no such file or folder");
  if (info.isDirectory()) return detectFolder(path, forced);
  if (!info.isFile()) throw new ImportError(path, "not a regular file or folder");
  if (info.size === 0) throw new ImportError(path, "empty file");
  if (forced === "maildir") throw new ImportError(path, "is a file; --kind maildir needs a folder");
  const raw = await head(path, info.size).catch((err: unknown) => {
    throw new ImportError(path, `cannot read the file: ${fsReason(err)}`);
  });
  if (forced === "zip" || (!forced && isZip(raw))) return { path, isDir: false, bytes: info.size, kind: "zip" };
  if (forced === "msg" || (!forced && isOle(raw))) return { path, isDir: false, bytes: info.size, kind: "msg" };
  const gzip = isGzip(raw);
  const bytes = gzip ? await gunzippedHead(path, info.size) : raw;
  const base = { path, isDir: false, bytes: info.size, ...(gzip ? { gzip } : {}) };
  const csv = decodeHead(bytes);
  const asCsv = (): DetectedInput => ({ ...base, kind: "csv", csv });
  if (forced === "mbox" || forced === "eml") return { ...base, kind: forced };
  if (forced === "csv") {
    checkCsvHeader(csv, columns, path);
    return asCsv();
  }
  const text = bytes.toString("latin1").replace(/^\xEF\xBB\xBF/, "");
  // An mbox is known by its first line; a NUL further on (in a body) does not make it binary.
  if (isSeparatorLine(text.split(/\r?\n/, 1)[0])) return { ...base, kind: "mbox" };
  // A CSV is known by its header row; a NUL byte in a later cell (damage) does not make it binary.
  if (csv.encoding === "utf-8" && !csv.firstLine.includes("\0") && isCsvHeader(csv, columns, path)) return asCsv();
  if (csv.encoding === "utf-8" && bytes.subarray(0, 8192).includes(0))
    throw new ImportError(path, "binary file: not an mbox, an .eml message or a CSV");
  if (csv.encoding === "utf-8" && looksLikeHeaders(text)) return { ...base, kind: "eml" };
  // A file named as CSV gets the CSV's own complaint (which columns it found); any other file
  // that is not a CSV either gets the general one.
  if (/\.(csv|tsv|txt)$/i.test(path)) {
    checkCsvHeader(csv, columns, path);
    return asCsv();
  }
  if (!isCsvHeader(csv, columns, path)) throw new ImportError(path, NOT_MAIL);
  return asCsv();
}
