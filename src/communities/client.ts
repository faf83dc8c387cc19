// Typed async interface to the communities worker (src/workers/client.ts underneath): latest
// request wins (superseded ones resolve null), a watchdog bounds each run, failures reject with
// a WorkerFailure, and the next request after a failure starts a fresh worker.
import { transferableCopy } from "../graph/graph-input";
import { createWorkerClient } from "../workers/client";
import type { DetectRequest } from "./detect";
import { communityTimeoutMs, type CommunityAnswer, type CommunityRequest } from "./protocol";

export interface CommunityClient {
  /** Resolves with the result, or null when a newer request superseded this one; rejects with a
   *  WorkerFailure (its message is for users) when the worker fails. */
  detect(req: DetectRequest): Promise<CommunityAnswer | null>;
  dispose(): void;
}

export function createCommunityClient(
  makeWorker: () => Worker = () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }),
): CommunityClient {
  const client = createWorkerClient<CommunityRequest, CommunityAnswer>({
    name: "communities",
    make: makeWorker,
    timeoutMs: communityTimeoutMs,
  });
  return {
    detect(req) {
      const { copy, transfer } = transferableCopy<CommunityRequest>(req);
      return client.request(copy, transfer);
    },
    dispose: () => client.dispose(),
  };
}
