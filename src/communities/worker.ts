// Web Worker body: runs Louvain off the main thread and transfers the result back.
import { detectCommunities } from "./detect";
import type { WorkerRequest, WorkerResponse } from "./protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const { id, ...req } = ev.data;
  const t0 = performance.now();
  let res: WorkerResponse;
  try {
    const out = detectCommunities(req);
    res = { id, ok: true, ms: performance.now() - t0, ...out };
    scope.postMessage(res, [out.community.buffer]);
  } catch (e) {
    res = { id, ok: false, error: (e as Error).message };
    scope.postMessage(res);
  }
};
