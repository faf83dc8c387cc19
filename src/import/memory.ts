// Keeps the importer's memory flat. V8 grows its heap rather than collect while allocation is
// brisk, and ForceAtlas2 allocates briskly, so the layout asks for a collection between slices.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null = null;

/** Runs a full garbage collection (the runtime's own `gc`, exposed on first use). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
