// A typed async client for one kind of Web Worker (after graphology's layout supervisors): the
// latest request wins, a watchdog bounds each answer, and every way a worker can fail (its script
// does not load, it throws, it dies, it stops answering, it reports an error) rejects with a
// WorkerFailure whose message can be shown as is. After a failure the next request starts afresh.
import { isReady, type RequestMessage, type WorkerMessage } from "./protocol";

export type WorkerFailureKind = "load" | "crash" | "timeout" | "failed";

export class WorkerFailure extends Error {
  override readonly name = "WorkerFailure";
  /** load: the script did not load, threw while loading, or never said it was ready; crash: an
   *  error after it was ready; timeout: no answer in time; failed: the handler reported an error. */
  readonly kind: WorkerFailureKind;
  /** The worker's name, as given to createWorkerClient ("communities", "layout"). */
  readonly worker: string;
  constructor(kind: WorkerFailureKind, worker: string, message: string) {
    super(message);
    this.kind = kind;
    this.worker = worker;
  }
}

export interface WorkerClient<Req, Res> {
  /** Resolves with the result, or null when a newer request superseded this one (latest request
   *  wins); rejects with a WorkerFailure when the worker cannot load, throws at load, dies, stops
   *  answering, or reports an error. A request made while another runs waits (replacing any request
   *  already waiting); when the running one answers with a newer one waiting, its answer is stale
   *  and it resolves null (even if it failed). */
  request(req: Req, transfer?: Transferable[]): Promise<Res | null>;
  /** Terminates the worker and resolves pending requests with null; later requests reject. */
  dispose(): void;
}

export interface WorkerClientOptions<Req> {
  /** "communities", "layout": used in messages users see. */
  name: string;
  make: () => Worker;
  /** How long the worker may take to say it is ready (default 15 s). */
  startTimeoutMs?: number;
  /** Watchdog per request: how long an answer may take (a function of the request, so big inputs get more). */
  timeoutMs: (req: Req) => number;
}

export const DEFAULT_START_TIMEOUT_MS = 15_000;

interface Job<Req, Res> {
  id: number;
  req: Req;
  transfer: Transferable[];
  resolve: (res: Res | null) => void;
  reject: (err: Error) => void;
}

export function createWorkerClient<Req, Res>(opts: WorkerClientOptions<Req>): WorkerClient<Req, Res> {
  const { name, make, timeoutMs } = opts;
  const startTimeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  let worker: Worker | null = null;
  let ready = false;
  let running: Job<Req, Res> | null = null;
  let queued: Job<Req, Res> | null = null;
  /** The start timer until the worker is ready, then the watchdog of the running request. */
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  let disposed = false;

  const arm = (ms: number, onFire: () => void) => {
    clearTimeout(timer);
    timer = setTimeout(onFire, ms);
  };
  /** Terminates the worker and hands back the requests it held. */
  const shutDown = (): Job<Req, Res>[] => {
    clearTimeout(timer);
    timer = undefined;
    worker?.terminate();
    worker = null;
    ready = false;
    const jobs = [running, queued].filter((j): j is Job<Req, Res> => j !== null);
    running = queued = null;
    return jobs;
  };
  const fail = (kind: WorkerFailureKind, message: string) => {
    const err = new WorkerFailure(kind, name, message);
    for (const job of shutDown()) job.reject(err);
  };
  const couldNotStart = `The ${name} worker could not start (its script failed to load or threw while loading)`;

  const startNext = () => {
    const job = queued;
    if (!job || !worker || !ready || running) return;
    queued = null;
    running = job;
    const msg: RequestMessage<Req> = { id: job.id, req: job.req };
    try {
      worker.postMessage(msg, job.transfer);
    } catch (e) {
      fail("failed", withDetail(`The ${name} worker could not be sent its input`, errorText(e)));
      return;
    }
    const budget = timeoutMs(job.req);
    arm(budget, () => fail("timeout", `The ${name} worker stopped answering after ${seconds(budget)}.`));
  };

  const onMessage = (msg: WorkerMessage<Res>) => {
    if (typeof msg !== "object" || msg === null) return;
    if (isReady(msg)) {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      startNext();
      return;
    }
    const job = running;
    if (!job || msg.id !== job.id) return; // not the request in flight
    clearTimeout(timer);
    if (queued) {
      running = null;
      job.resolve(null);
      startNext();
    } else if (msg.ok) {
      running = null;
      job.resolve(msg.res);
    } else {
      fail("failed", withDetail(`The ${name} worker failed`, typeof msg.error === "string" ? msg.error : ""));
    }
  };

  const spawn = () => {
    let w: Worker;
    try {
      w = make();
    } catch (e) {
      fail("load", withDetail(couldNotStart, errorText(e)));
      return;
    }
    worker = w;
    // Events from a worker this client has since replaced or terminated are ignored.
    w.addEventListener("message", (ev: MessageEvent) => {
      if (w === worker) onMessage(ev.data as WorkerMessage<Res>);
    });
    w.addEventListener("error", (ev: Event) => {
      if (w !== worker) return;
      ev.preventDefault(); // handled here: the page's own error handler need not see it
      // A script that fails to load gives a plain Event, and a module that throws often an
      // ErrorEvent without a message: only a real message is shown.
      const detail = "message" in ev && typeof ev.message === "string" ? ev.message : "";
      if (ready) fail("crash", withDetail(`The ${name} worker stopped unexpectedly`, detail));
      else fail("load", withDetail(couldNotStart, detail));
    });
    w.addEventListener("messageerror", () => {
      if (w === worker) fail("crash", `The ${name} worker sent an answer that could not be read.`);
    });
    const notReady = `The ${name} worker could not start: it was not ready after ${seconds(startTimeoutMs)}.`;
    arm(startTimeoutMs, () => fail("load", notReady));
  };

  return {
    request(req, transfer = []) {
      if (disposed) return Promise.reject(new Error(`The ${name} worker has been shut down.`));
      return new Promise<Res | null>((resolve, reject) => {
        queued?.resolve(null);
        queued = { id: nextId++, req, transfer, resolve, reject };
        if (!worker) spawn();
        else startNext();
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const job of shutDown()) job.resolve(null);
    },
  };
}

/** "Base: detail" when there is a detail worth showing, else "Base." */
function withDetail(base: string, detail: string): string {
  const d = detail.trim();
  return d ? `${base}: ${d}` : `${base}.`;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === "string" ? e : "";
}

/** 12 s, 2.5 s, 300 ms. */
function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`;
}
