// Which kind of input a path is: mbox (its `From ` separator), a single .eml, a folder of .eml,
// a Maildir (cur/, new/) or a CSV (a header row naming a sender and recipients).
import { open, stat } from "node:fs/promises";
import { checkCsvHeader, type CsvColumns } from "./csv";
import { hasMaildir, listFiles } from "./files";
import { isSeparatorLine } from "./mbox";
import { ImportError } from "./reader";

export const KINDS = ["mbox", "eml", "maildir", "csv"] as const;
export type InputKind = (typeof KINDS)[number];

export interface DetectedInput {
  path: string;
  kind: InputKind;
  isDir: boolean;
  bytes: number;
  /** First line of a CSV (to choose its delimiter). */
  headerLine?: string;
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

const looksLikeHeaders = (text: string) => /^(?:from|to|date|subject|message-id|received|return-path|mime-version|x-[\w-]+|delivered-to)\s*:/im.test(text.split(/\r?\n\r?\n/)[0]) && /^[\x21-\x39\x3b-\x7e]+:/.test(text);

export async function detectInput(path: string, forced: InputKind | undefined, columns: CsvColumns): Promise<DetectedInput> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ImportError(path, "no such file or folder");
  if (info.isDirectory()) {
    if (forced === "maildir" || (!forced && (await hasMaildir(path)))) return { path, kind: "maildir", isDir: true, bytes: 0 };
    if (forced && forced !== "eml") throw new ImportError(path, `is a folder; --kind ${forced} needs a file`);
    const emls = await listFiles(path, (p) => /\.eml$/i.test(p));
    if (emls.length === 0) throw new ImportError(path, "folder holds no .eml files and no Maildir (cur/ or new/ folders)");
    return { path, kind: "eml", isDir: true, bytes: 0 };
  }
  if (!info.isFile()) throw new ImportError(path, "not a regular file or folder");
  if (info.size === 0) throw new ImportError(path, "empty file");
  const bytes = await head(path, info.size);
  if (bytes.subarray(0, 8192).includes(0)) throw new ImportError(path, "binary file: not an mbox, an .eml message or a CSV");
  const text = bytes.toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0];
  const base = { path, isDir: false, bytes: info.size };
  if (forced === "maildir") throw new ImportError(path, "is a file; --kind maildir needs a folder");
  if (forced === "mbox" || (!forced && firstLine.startsWith("From ") && isSeparatorLine(firstLine))) {
    if (!firstLine.startsWith("From ")) throw new ImportError(path, `not an mbox: the first line should be a "From " separator, found "${firstLine.slice(0, 60)}"`);
    return { ...base, kind: "mbox" };
  }
  if (forced === "eml" || (!forced && looksLikeHeaders(text))) return { ...base, kind: "eml" };
  const headerLine = bytes.toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  // A file named or forced as CSV gets the CSV's own complaint (which columns it found); any
  // other file that is not a CSV either gets the general one.
  if (forced === "csv" || /\.(csv|tsv|txt)$/i.test(path)) {
    checkCsvHeader(headerLine, columns, path);
    return { ...base, kind: "csv", headerLine };
  }
  try {
    checkCsvHeader(headerLine, columns, path);
  } catch {
    throw new ImportError(path, "not a recognised mail export: expected an mbox (first line \"From …\"), an .eml message, a Maildir folder or a CSV with a header row");
  }
  return { ...base, kind: "csv", headerLine };
}
