// Typed async interface to the communities worker: latest request wins, superseded ones resolve null.
import type { DetectRequest, DetectResult } from "./detect";
import type { WorkerRequest, WorkerResponse } from "./protocol";

export interface CommunityClient {
  /** Resolves with the result, or null when a newer request superseded this one. */
  detect(req: DetectRequest): Promise<(DetectResult & { ms: number }) | null>;
  dispose(): void;
}

type Pending = { req: WorkerRequest; resolve: (r: (DetectResult & { ms: number }) | null) => void; reject: (e: Error) => void };

export function createCommunityClient(
  makeWorker: () => Worker = () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }),
): CommunityClient {
  const worker = makeWorker();
  let nextId = 1;
  let running: Pending | null = null;
  let queued: Pending | null = null;
  let disposed = false;

  const start = (job: Pending) => {
    running = job;
    // Copies of the inputs are transferred so the caller keeps its own arrays.
    const { source, target, weight } = job.req;
    const req: WorkerRequest = { ...job.req, source: source.slice(), target: target.slice(), weight: weight.slice() };
    worker.postMessage(req, [req.source.buffer, req.target.buffer, req.weight.buffer]);
  };

  worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
    const job = running;
    running = null;
    if (job && job.req.id === ev.data.id) {
      const res = ev.data;
      if (queued) job.resolve(null);
      else if (res.ok) job.resolve({ community: res.community, count: res.count, modularity: res.modularity, ms: res.ms });
      else job.reject(new Error(`community detection failed: ${res.error}`));
    }
    if (queued && !disposed) {
      const next = queued;
      queued = null;
      start(next);
    }
  };
  worker.onerror = (ev) => {
    const err = new Error(`community worker error: ${ev.message}`);
    running?.reject(err);
    queued?.reject(err);
    running = queued = null;
  };

  return {
    detect(req) {
      if (disposed) return Promise.reject(new Error("community client is disposed"));
      return new Promise((resolve, reject) => {
        const job: Pending = { req: { ...req, id: nextId++ }, resolve, reject };
        if (running) {
          queued?.resolve(null);
          queued = job;
        } else start(job);
      });
    },
    dispose() {
      disposed = true;
      worker.terminate();
      running?.resolve(null);
      queued?.resolve(null);
      running = queued = null;
    },
  };
}
