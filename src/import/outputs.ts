// Checks made before anything is read: the dataset and report go to writable files in existing
// folders, and neither is an input nor the other output. An
// import must never overwrite the mail it reads.
import { constants } from "node:fs";
import { access, realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
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

/** Throws an ImportError naming the output and what is wrong with it. */
export async function checkOutputs(inputs: string[], outputs: { flag: string; path: string }[]): Promise<void> {
  const ins = await Promise.all(inputs.map(canonical));
  const seen = new Map<string, string>();
  for (const { flag, path } of outputs) {
    const target = await canonical(path);
    const input = ins.indexOf(target);
    if (input >= 0)
      throw new ImportError(
        path,
        `${flag} names an input (${inputs[input]}); writing there would destroy it. Choose another file`,
      );
    const other = seen.get(target);
    if (other) throw new ImportError(path, `${flag} and ${other} name the same file; give them different names`);
    seen.set(target, flag);
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory())
      throw new ImportError(path, `${flag} names a folder; give a file name, e.g. ${resolve(path, "dataset.json")}`);
    const dir = dirname(target);
    const dirInfo = await stat(dir).catch(() => null);
    if (!dirInfo?.isDirectory())
      throw new ImportError(path, `${flag}: the folder ${dirname(resolve(path))} does not exist`);
    await access(info ? target : dir, constants.W_OK).catch((err: unknown) => {
      throw new ImportError(path, `${flag}: cannot write ${info ? "this file" : `in ${dir}`}: ${fsReason(err)}`);
    });
  }
}
