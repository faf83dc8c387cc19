// A typed async client for one kind of Web Worker (after graphology's layout supervisors): the
// latest request wins, a watchdog bounds each answer, and every way a worker can fail (its script
// does not load, it throws, it dies, it stops answering, it reports an error) rejects with a
// WorkerFailure whose message can be shown as is. After a failure the next request starts afresh.
import { isReady, type RequestMessage, type WorkerMessage } from "./protocol";
import { startWatchdog } from "./watchdog";

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
  const supervisor = new Supervisor<Req, Res>(opts);
  return {
    request: (req, transfer = []) => supervisor.request(req, transfer),
    dispose: () => supervisor.dispose(),
  };
}

/** One worker at a time, its requests (one running, one waiting) and its timer. */
class Supervisor<Req, Res> {
  private readonly name: string;
  private readonly startTimeoutMs: number;
  private worker: Worker | null = null;
  private ready = false;
  private running: Job<Req, Res> | null = null;
  private queued: Job<Req, Res> | null = null;
  /** Cancels the start timer until the worker is ready, then the watchdog of the running request. */
  private cancelTimer = () => {};
  private nextId = 1;
  private disposed = false;

  constructor(private readonly opts: WorkerClientOptions<Req>) {
    this.name = opts.name;
    this.startTimeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  }

  request(req: Req, transfer: Transferable[]): Promise<Res | null> {
    if (this.disposed) return Promise.reject(new Error(`The ${this.name} worker has been shut down.`));
    return new Promise<Res | null>((resolve, reject) => {
      this.queued?.resolve(null);
      this.queued = { id: this.nextId++, req, transfer, resolve, reject };
      if (!this.worker) this.spawn();
      else this.startNext();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const job of this.shutDown()) job.resolve(null);
  }

  private arm(ms: number, onFire: () => void): void {
    this.cancelTimer();
    this.cancelTimer = startWatchdog(ms, onFire);
  }

  /** Terminates the worker and hands back the requests it held. */
  private shutDown(): Job<Req, Res>[] {
    this.cancelTimer();
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    const jobs = [this.running, this.queued].filter((j): j is Job<Req, Res> => j !== null);
    this.running = this.queued = null;
    return jobs;
  }

  private fail(kind: WorkerFailureKind, message: string): void {
    const err = new WorkerFailure(kind, this.name, message);
    for (const job of this.shutDown()) job.reject(err);
  }

  /** Sends the waiting request when the worker is ready and idle, under the watchdog. */
  private startNext(): void {
    const job = this.queued;
    if (!job || !this.worker || !this.ready || this.running) return;
    this.queued = null;
    this.running = job;
    const msg: RequestMessage<Req> = { id: job.id, req: job.req };
    try {
      this.worker.postMessage(msg, job.transfer);
    } catch (e) {
      this.fail("failed", withDetail(`The ${this.name} worker could not be sent its input`, errorText(e)));
      return;
    }
    const budget = this.opts.timeoutMs(job.req);
    this.arm(budget, () => this.fail("timeout", `The ${this.name} worker stopped answering after ${seconds(budget)}.`));
  }

  private onMessage(msg: WorkerMessage<Res>): void {
    if (typeof msg !== "object" || msg === null) return;
    if (isReady(msg)) {
      if (this.ready) return;
      this.ready = true;
      this.cancelTimer();
      this.startNext();
      return;
    }
    const job = this.running;
    if (!job || msg.id !== job.id) return; // not the request in flight
    this.cancelTimer();
    if (this.queued) {
      // A newer request waits: this answer is stale, whatever it says.
      this.running = null;
      job.resolve(null);
      this.startNext();
    } else if (msg.ok) {
      this.running = null;
      job.resolve(msg.res);
    } else {
      this.fail("failed", withDetail(`The ${this.name} worker failed`, typeof msg.error === "string" ? msg.error : ""));
    }
  }

  private couldNotStart(detail: string): string {
    return withDetail(
      `The ${this.name} worker could not start (its script failed to load or threw while loading)`,
      detail,
    );
  }

  /** Starts a worker; it has startTimeoutMs to say it is ready. */
  private spawn(): void {
    let w: Worker;
    try {
      w = this.opts.make();
    } catch (e) {
      this.fail("load", this.couldNotStart(errorText(e)));
      return;
    }
    this.worker = w;
    this.listen(w);
    const notReady = `The ${this.name} worker could not start: it was not ready after ${seconds(this.startTimeoutMs)}.`;
    this.arm(this.startTimeoutMs, () => this.fail("load", notReady));
  }

  /** Events from a worker this client has since replaced or terminated are ignored. */
  private listen(w: Worker): void {
    w.addEventListener("message", (ev: MessageEvent) => {
      if (w === this.worker) this.onMessage(ev.data as WorkerMessage<Res>);
    });
    w.addEventListener("error", (ev: Event) => {
      if (w !== this.worker) return;
      ev.preventDefault(); // handled here: the page's own error handler need not see it
      // A script that fails to load gives a plain Event, and a module that throws often an
      // ErrorEvent without a message: only a real message is shown.
      const detail = "message" in ev && typeof ev.message === "string" ? ev.message : "";
      if (this.ready) this.fail("crash", withDetail(`The ${this.name} worker stopped unexpectedly`, detail));
      else this.fail("load", this.couldNotStart(detail));
    });
    w.addEventListener("messageerror", () => {
      if (w === this.worker) this.fail("crash", `The ${this.name} worker sent an answer that could not be read.`);
    });
  }
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
