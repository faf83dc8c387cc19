// Readers for one message per file: folders of .eml files and Maildir trees (cur/ and new/).
// Only each file's header block is read, in 64 KB steps; bodies are never loaded.
import { open, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseHeaderBlock } from "./headers";
import type { ReadOptions, ReaderItem } from "./reader";

const STEP = 64 << 10;
const MAX_HEADER_BYTES = 4 << 20;

/** Reads a file's bytes up to its first empty line. */
async function headerBytes(path: string): Promise<{ bytes: Buffer; size: number }> {
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    let buf = Buffer.alloc(0);
    while (buf.length < Math.min(size, MAX_HEADER_BYTES)) {
      const chunk = Buffer.alloc(STEP);
      const { bytesRead } = await fh.read(chunk, 0, STEP, buf.length);
      if (bytesRead === 0) break;
      const from = Math.max(0, buf.length - 2);
      buf = Buffer.concat([buf, chunk.subarray(0, bytesRead)]);
      const a = buf.indexOf("\n\n", from);
      const b = buf.indexOf("\n\r\n", from);
      const end = a < 0 ? b : b < 0 ? a : Math.min(a, b);
      if (end >= 0) return { bytes: buf.subarray(0, end + 1), size };
    }
    return { bytes: buf, size };
  } finally {
    await fh.close();
  }
}

/** One file as one message. */
export async function readMessageFile(path: string): Promise<ReaderItem & { bytes: number }> {
  const where = { file: path };
  const { bytes, size } = await headerBytes(path);
  if (size === 0) return { kind: "broken", where, reason: "empty file", bytes: 0 };
  if (bytes.includes(0)) return { kind: "broken", where, reason: "binary file, not a mail message", bytes: size };
  const fields = parseHeaderBlock(bytes);
  if (!fields) return { kind: "broken", where, reason: "no mail headers", bytes: size };
  const sourceId = basename(path).replace(/\.eml$/i, "");
  return { kind: "message", where, fields, sourceId, bytes: size };
}

/** Every regular file under `dir` that `keep` accepts, sorted so runs repeat. */
export async function listFiles(dir: string, keep: (path: string, parents: string[]) => boolean, parents: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path, keep, [...parents, e.name])));
    else if (e.isFile() && keep(path, parents)) out.push(path);
  }
  return out;
}

/** Does this folder hold a Maildir (a cur/ or new/ folder at any depth)? */
export async function hasMaildir(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith(".")) continue;
    if (e.name === "cur" || e.name === "new") return true;
    if (await hasMaildir(join(dir, e.name))) return true;
  }
  return false;
}

async function* readEach(paths: string[], opts: ReadOptions): AsyncGenerator<ReaderItem> {
  for (const path of paths) {
    const item = await readMessageFile(path);
    opts.onBytes?.(item.bytes);
    yield item;
  }
}

/** A folder of .eml files (any depth), or a single .eml file. */
export async function* readEmlFolder(path: string, opts: ReadOptions = {}): AsyncGenerator<ReaderItem> {
  if ((await stat(path)).isFile()) return yield* readEach([path], opts);
  yield* readEach(await listFiles(path, (p) => /\.eml$/i.test(p)), opts);
}

/** A Maildir tree: every file in a cur/ or new/ folder (tmp/ holds mail still being delivered).
 *  With `everyFile`, every file of the tree (Enron's numbered files, forced with --kind maildir). */
export async function* readMaildir(path: string, opts: ReadOptions = {}, everyFile = false): AsyncGenerator<ReaderItem> {
  const inMaildir = (_p: string, parents: string[]) => everyFile || ["cur", "new"].includes(parents[parents.length - 1]);
  yield* readEach(await listFiles(path, inMaildir), opts);
}
