// Every file below a folder, in a stable order, for the folder readers. Follows links to files
// and folders (each folder once, so a link cycle ends), and reports what it cannot enter or read
// by name instead of stopping the import.
import type { Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, sep } from "node:path";
import type { ReaderItem } from "./reader";

export interface FoundFile {
  /** The path as shown (a name that is not UTF-8 shown with its bytes as Latin-1). */
  path: string;
  /** The path to open: the bytes themselves when a name on the way is not valid UTF-8. */
  fsPath: string | Buffer;
  /** Names of the folders between the root and the file. */
  parents: string[];
  size: number;
}

/** Why a file system call failed, in words (EACCES -> "permission denied"). */
export function fsReason(err: unknown): string {
  const code = (err as { code?: string }).code;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "not permitted",
    ENOENT: "no such file (a broken link?)",
    ELOOP: "a link loop",
    EIO: "input/output error",
  };
  return code ? `${words[code] ?? "cannot be read"} (${code})` : String(err);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A child's path to open and to show. A file name need not be UTF-8 (an archive made on an old
 *  system): then the bytes are kept for opening it, and shown as Latin-1. */
function childPath(fsPath: string | Buffer, shown: string, name: Buffer): { fsPath: string | Buffer; shown: string } {
  let text: string | null = null;
  try {
    text = utf8.decode(name);
  } catch {}
  if (text !== null && typeof fsPath === "string") return { fsPath: join(fsPath, text), shown: join(shown, text) };
  const base = typeof fsPath === "string" ? Buffer.from(fsPath) : fsPath;
  return {
    fsPath: Buffer.concat([base, Buffer.from(sep), name]),
    shown: join(shown, text ?? name.toString("latin1")),
  };
}

/** Files below `root`, or an item naming what could not be read (skipped file plus problem). */
export async function* walk(root: string): AsyncGenerator<FoundFile | ReaderItem> {
  const visited = new Set<string>();
  async function* dir(
    fsPath: string | Buffer,
    path: string,
    parents: string[],
  ): AsyncGenerator<FoundFile | ReaderItem> {
    let names: Buffer[];
    try {
      const real = (await realpath(fsPath, { encoding: "buffer" })).toString("latin1");
      if (visited.has(real)) return;
      visited.add(real);
      names = (await readdir(fsPath, { encoding: "buffer" })).sort(Buffer.compare);
    } catch (err) {
      yield { kind: "file-skipped", where: { file: path }, reason: `folder not read: ${fsReason(err)}` };
      yield { kind: "problem", where: { file: path }, problem: `folder not read: ${fsReason(err)}` };
      return;
    }
    for (const name of names) {
      const { fsPath: childFs, shown: child } = childPath(fsPath, path, name);
      let info: Stats;
      try {
        info = await stat(childFs);
      } catch (err) {
        yield { kind: "file-skipped", where: { file: child }, reason: `not read: ${fsReason(err)}` };
        continue;
      }
      if (info.isDirectory()) yield* dir(childFs, child, [...parents, basename(child)]);
      else if (info.isFile()) yield { path: child, fsPath: childFs, parents, size: info.size };
      else
        yield { kind: "file-skipped", where: { file: child }, reason: "not a regular file (a device, socket or pipe)" };
    }
  }
  yield* dir(root, root, []);
}

export const isFound = (x: FoundFile | ReaderItem): x is FoundFile => "path" in x;
