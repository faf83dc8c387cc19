// Readers for mail kept as files: folders of .eml files (any depth) and Maildir trees. Every file
// is judged by its content, not its name: a message (headers first), an mbox (a `From ` line
// first, read as one), or not mail, which is named in the report. Only each file's header block
// is read, in 64 KB steps; bodies are never loaded.
import { readdir, stat } from "node:fs/promises";
import { basename } from "node:path";
import { isHeaderLine, parseHeaderBlock } from "./headers";
import { isSeparatorLine, readMbox } from "./mbox";
import { isOle, readMsgFile } from "./msg";
import { crOnlyLines, crToLf, MAX_HEADER_BYTES, type ReadOptions, type ReaderItem } from "./reader";
import { fileSource, gunzipped, isGzip, type ByteSource } from "./source";
import { fsReason, isFound, walk, type FoundFile } from "./walk";

const STEP = 64 << 10;

/** A source's bytes up to its first empty line; `complete` is false when the headers run past the
 *  limit. `size`: the source's, or what was read when it is not known and the source ended. */
async function headerBytes(src: ByteSource): Promise<{ bytes: Buffer; size: number; complete: boolean }> {
  let buf = Buffer.alloc(0);
  let read = 0;
  let crOnly: boolean | undefined;
  const size = () => src.size ?? read;
  for await (const raw of src.chunks(STEP)) {
    read += raw.byteLength;
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    crOnly ??= crOnlyLines(chunk); // old Mac line ends: read as lines
    if (crOnly) chunk = crToLf(chunk);
    const from = Math.max(0, buf.length - 2);
    buf = Buffer.concat([buf, chunk]);
    const a = buf.indexOf("\n\n", from);
    const b = buf.indexOf("\n\r\n", from);
    const end = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (end >= 0) return { bytes: buf.subarray(0, end + 1), size: size(), complete: end + 1 <= MAX_HEADER_BYTES };
    if (buf.length >= MAX_HEADER_BYTES + STEP) break;
  }
  return { bytes: buf, size: size(), complete: buf.length <= MAX_HEADER_BYTES };
}

/** One file: a message, an mbox's messages, or (unless `claimed` as a message, like an .eml) a
 *  file skipped as not mail. A claimed file that cannot be read is a skipped message. */
export async function* readMailFile(src: ByteSource, claimed: boolean, opts: ReadOptions): AsyncGenerator<ReaderItem> {
  const path = src.name;
  const where = { file: path };
  const notMail = (reason: string): ReaderItem =>
    claimed ? { kind: "broken", where, reason } : { kind: "file-skipped", where, reason };
  let head: Awaited<ReturnType<typeof headerBytes>>;
  try {
    head = await headerBytes(src);
  } catch (err) {
    yield notMail(`cannot read the file: ${fsReason(err)}`);
    yield { kind: "problem", where, problem: `cannot read the file: ${fsReason(err)}` };
    return;
  }
  const { bytes, size, complete } = head;
  if (isOle(bytes)) return yield* readMsgFile(src, /\.msg$/i.test(path), opts); // Outlook .msg, whatever its name
  if (isGzip(bytes)) return yield* readMailFile(gunzipped(src), claimed || /\.(eml|msg)\.gz$/i.test(path), opts);
  const nl = bytes.indexOf(10);
  const firstLine = bytes.toString("latin1", 0, nl < 0 ? bytes.length : nl).replace(/\r$/, "");
  if (isSeparatorLine(firstLine)) return yield* readMbox(src, opts); // an mbox, whatever its name
  opts.onBytes?.(size);
  if (size === 0) return yield notMail("empty file");
  if (bytes.includes(0)) return yield notMail("binary file, not a mail message");
  if (!isHeaderLine(firstLine.replace(/^\uFEFF|^\xEF\xBB\xBF/, "")))
    return yield notMail("not a mail message: its first line is not a mail header");
  if (!complete)
    return yield claimed
      ? { kind: "broken", where, reason: `headers longer than ${MAX_HEADER_BYTES >> 20} MB` }
      : notMail(`no end to its headers in the first ${MAX_HEADER_BYTES >> 20} MB: not a mail message`);
  const fields = parseHeaderBlock(bytes);
  if (!fields) return yield notMail("no mail headers");
  yield { kind: "message", where, fields, sourceId: basename(path).replace(/\.eml$/i, "") };
}

/** Files that are never mail whatever they hold, by name: what macOS, Windows and mail clients
 *  leave beside mail. */
export function notMailByName(f: FoundFile): string | null {
  const name = basename(f.path);
  if (f.parents.includes("__MACOSX")) return "macOS metadata (a __MACOSX folder), not mail";
  if (name.startsWith("._")) return "macOS metadata (an AppleDouble ._ file), not mail";
  if (name === ".DS_Store" || name === "Thumbs.db" || name === "desktop.ini") return "folder metadata, not mail";
  if (/\.msf$/i.test(name)) return "a Thunderbird index (.msf), not mail";
  return null;
}

async function* readFiles(
  root: string,
  judge: (f: FoundFile) => "claimed" | "content" | string,
  opts: ReadOptions,
): AsyncGenerator<ReaderItem> {
  for await (const found of walk(root)) {
    if (!isFound(found)) {
      yield found;
      continue;
    }
    const verdict = notMailByName(found) ?? judge(found);
    if (verdict === "claimed" || verdict === "content")
      yield* readMailFile(fileSource(found.path, found.size, found.fsPath), verdict === "claimed", opts);
    else {
      opts.onBytes?.(found.size);
      yield { kind: "file-skipped", where: { file: found.path }, reason: verdict };
    }
  }
}

/** A folder of mail files (any depth; .eml or any other name), or a single file. */
export async function* readEmlFolder(path: string, opts: ReadOptions = {}): AsyncGenerator<ReaderItem> {
  const info = await stat(path);
  if (info.isFile()) return yield* readMailFile(fileSource(path, info.size), true, opts);
  yield* readFiles(path, (f) => (/\.eml$/i.test(f.path) ? "claimed" : "content"), opts);
}

/** Is this folder a Maildir: `cur/` and `new/` at its top level? */
export async function isMaildir(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const dirs = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  return dirs.has("cur") && dirs.has("new");
}

/** A Maildir tree: every file in a cur/ or new/ folder (its own, and its `.Folder`s'); files in
 *  tmp/ (mail still being delivered) and elsewhere are named as skipped. With `everyFile`
 *  (--kind maildir), every file of the tree is a message (Enron's numbered files). */
export async function* readMaildir(
  path: string,
  opts: ReadOptions = {},
  everyFile = false,
): AsyncGenerator<ReaderItem> {
  yield* readFiles(
    path,
    (f) => {
      const folder = f.parents[f.parents.length - 1];
      if (everyFile || folder === "cur" || folder === "new") return "claimed";
      if (folder === "tmp") return "in a Maildir tmp/ folder: mail still being delivered";
      return "not in a Maildir cur/ or new/ folder";
    },
    opts,
  );
}
