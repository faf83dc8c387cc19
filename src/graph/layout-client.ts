// Runs the layout in a worker (src/workers/client.ts underneath) for datasets that ship without
// one. The result rejects with a WorkerFailure (its message is for users) when the worker cannot
// start, crashes, reports an error or exceeds its budget; dispose() stops it, and the result then
// never settles. Each call starts its own worker, so calling again retries.
import { createWorkerClient } from "../workers/client";
import { transferableCopy, type GraphArrays } from "./graph-input";
import type { LayoutInput, LayoutOutput } from "./layout";

/** The watchdog's budget: 20 s, plus 200 µs per edge and per person, far above what the layout
 *  takes on a 2-core laptop (2.4 s for 20,000 people and 361,000 edges, a budget of 96 s). */
export function layoutTimeoutMs(input: GraphArrays): number {
  return 20_000 + (200 * (input.source.length + input.nodeCount)) / 1000;
}

export function layoutInWorker(
  input: LayoutInput,
  makeWorker: () => Worker = () => new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" }),
): { result: Promise<LayoutOutput>; dispose(): void } {
  const client = createWorkerClient<LayoutInput, LayoutOutput>({
    name: "layout",
    make: makeWorker,
    timeoutMs: layoutTimeoutMs,
  });
  const { copy, transfer } = transferableCopy(input);
  const answer = client.request(copy, transfer);
  const result = answer.then(
    (res) => {
      client.dispose();
      // Only dispose() makes the answer null: the caller stopped waiting.
      return res ?? new Promise<LayoutOutput>(() => {});
    },
    (err: unknown) => {
      client.dispose();
      throw err;
    },
  );
  return { result, dispose: () => client.dispose() };
}
