// Every file below a folder, in a stable order, for the folder readers. Follows links to files
// and folders (each folder once, so a link cycle ends), and reports what it cannot enter or read
// by name instead of stopping the import.
import type { Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ReaderItem } from "./reader";

export interface FoundFile {
  path: string;
  /** Names of the folders between the root and the file. */
  parents: string[];
  size: number;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

/** Files below `root`, or an item naming what could not be read (skipped file plus problem). */
export async function* walk(root: string): AsyncGenerator<FoundFile | ReaderItem> {
  const visited = new Set<string>();
  async function* dir(path: string, parents: string[]): AsyncGenerator<FoundFile | ReaderItem> {
    let names: string[];
    try {
      const real = await realpath(path);
      if (visited.has(real)) return;
      visited.add(real);
      names = (await readdir(path)).sort(byName);
    } catch (err) {
      yield { kind: "file-skipped", where: { file: path }, reason: `folder not read: ${fsReason(err)}` };
      yield { kind: "problem", where: { file: path }, problem: `folder not read: ${fsReason(err)}` };
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      let info: Stats;
      try {
        info = await stat(child);
      } catch (err) {
        yield { kind: "file-skipped", where: { file: child }, reason: `not read: ${fsReason(err)}` };
        continue;
      }
      if (info.isDirectory()) yield* dir(child, [...parents, name]);
      else if (info.isFile()) yield { path: child, parents, size: info.size };
      else
        yield { kind: "file-skipped", where: { file: child }, reason: "not a regular file (a device, socket or pipe)" };
    }
  }
  yield* dir(root, []);
}

export const isFound = (x: FoundFile | ReaderItem): x is FoundFile => "path" in x;
