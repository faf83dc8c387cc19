// Checks made before anything is read: the dataset and report go to writable regular files in
// existing folders, and neither is, nor lies inside, anything the import reads (an input, a file in
// an input folder, the aliases file; links followed), nor the other output. An import must never
// overwrite the mail it reads.
import { constants } from "node:fs";
import { access, realpath, stat } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { ImportError } from "./reader";
import { fsReason } from "./walk";

/** The path as the file system resolves it (links followed), also for a file not yet there. */
async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  const real = await realpath(abs).catch(() => null);
  if (real) return real;
  const dir = await realpath(dirname(abs)).catch(() => dirname(abs));
  return resolve(dir, abs.slice(dirname(abs).length + 1));
}

/** What the import reads, named as the user gave it: inputs, and the aliases file. */
export interface ReadPath {
  /** "an input", "the aliases file". */
  what: string;
  path: string;
}

const inside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** Throws an ImportError naming the output and what is wrong with it. */
export async function checkOutputs(reads: ReadPath[], outputs: { flag: string; path: string }[]): Promise<void> {
  const ins = await Promise.all(reads.map((r) => canonical(r.path)));
  const seen = new Map<string, string>();
  for (const { flag, path } of outputs) {
    if (/[/\\]$/.test(path))
      throw new ImportError(path, `${flag} names a folder; give a file name, e.g. ${resolve(path, "dataset.json")}`);
    const target = await canonical(path);
    const hit = ins.findIndex((i) => inside(target, i));
    if (hit >= 0) {
      const r = reads[hit];
      const where = ins[hit] === target ? `names ${r.what} (${r.path})` : `lies inside ${r.what} (${r.path})`;
      throw new ImportError(
        path,
        `${flag} ${where}; writing there would destroy what the import reads. Choose another file`,
      );
    }
    const other = seen.get(target);
    if (other) throw new ImportError(path, `${flag} and ${other} name the same file; give them different names`);
    seen.set(target, flag);
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory())
      throw new ImportError(path, `${flag} names a folder; give a file name, e.g. ${resolve(path, "dataset.json")}`);
    if (info && !info.isFile())
      throw new ImportError(path, `${flag} names a device, pipe or socket, not a file; give a file name`);
    const dir = dirname(target);
    const dirInfo = await stat(dir).catch(() => null);
    if (!dirInfo?.isDirectory())
      throw new ImportError(path, `${flag}: the folder ${dirname(resolve(path))} does not exist`);
    await access(info ? target : dir, constants.W_OK).catch((err: unknown) => {
      throw new ImportError(path, `${flag}: cannot write ${info ? "this file" : `in ${dir}`}: ${fsReason(err)}`);
    });
  }
}
