// The generic worker client (src/workers/client.ts) against a fake Worker the test drives, and the
// worker side (src/workers/serve.ts) against a fake worker scope.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createWorkerClient,
  DEFAULT_START_TIMEOUT_MS,
  WorkerFailure,
  type WorkerClient,
} from "../../src/workers/client";
import type { AnswerMessage, RequestMessage, WorkerMessage } from "../../src/workers/protocol";
import { serveWorker, type WorkerScope } from "../../src/workers/serve";
import type { LayoutInput, LayoutOutput } from "../../src/graph/layout";
import { layoutInWorker, layoutTimeoutMs } from "../../src/graph/layout-client";

interface Req {
  n: number;
}
interface Res {
  doubled: number;
}

type Listener = (ev: unknown) => void;

/** A stand-in Worker: records what it is sent and emits what the test tells it to; `reply` is
 *  how it would answer a request. */
class FakeWorker<Q = Req, S = Res> {
  inbox: { msg: RequestMessage<Q>; transfer: Transferable[] }[] = [];
  terminated = false;
  prevented = 0;
  private listeners = new Map<string, Listener[]>();
  constructor(private reply: (req: Q) => S) {}
  addEventListener(type: string, fn: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  postMessage(msg: RequestMessage<Q>, transfer: Transferable[] = []) {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.inbox.push({ msg, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  private emit(type: string, ev: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn(ev);
  }
  send(data: WorkerMessage<S>) {
    this.emit("message", { data });
  }
  ready() {
    this.send({ type: "ready" });
  }
  /** The request in flight: the last one posted. */
  get current(): RequestMessage<Q> {
    return this.inbox[this.inbox.length - 1].msg;
  }
  answer(ms = 1) {
    this.send({ id: this.current.id, ok: true, res: this.reply(this.current.req), ms });
  }
  refuse(error: string) {
    this.send({ id: this.current.id, ok: false, error });
  }
  /** An error event; `message` absent (a script that failed to load) or undefined (a module that threw). */
  error(fields: { message?: string } = {}) {
    this.emit("error", { type: "error", ...fields, preventDefault: () => this.prevented++ });
  }
  messageError() {
    this.emit("messageerror", { type: "messageerror", data: null });
  }
}

/** Follows a promise so a test can ask whether it has settled yet. */
function track<T>(p: Promise<T>) {
  const t: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  p.then(
    (value) => Object.assign(t, { settled: true, value }),
    (error: unknown) => Object.assign(t, { settled: true, error }),
  );
  return t;
}
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

async function failure(p: Promise<unknown>): Promise<WorkerFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkerFailure);
  return err as WorkerFailure;
}

let made: FakeWorker[];
const timeoutMs = (req: Req) => 1000 + 100 * req.n;
function setup(opts: { startTimeoutMs?: number } = {}): WorkerClient<Req, Res> {
  return createWorkerClient<Req, Res>({
    name: "communities",
    make: () => {
      const w = new FakeWorker<Req, Res>((r) => ({ doubled: r.n * 2 }));
      made.push(w);
      return w as unknown as Worker;
    },
    timeoutMs,
    ...opts,
  });
}

beforeEach(() => {
  made = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("worker client", () => {
  it("sends nothing until the worker is ready, then resolves with its answer", async () => {
    const client = setup();
    const p = client.request({ n: 21 });
    expect(made.length).toBe(1);
    expect(made[0].inbox.length).toBe(0);
    made[0].ready();
    expect(made[0].inbox.map((m) => m.msg.req)).toEqual([{ n: 21 }]);
    made[0].answer();
    expect(await p).toEqual({ doubled: 42 });
    // The worker is kept for the next request.
    const q = client.request({ n: 2 });
    expect(made.length).toBe(1);
    made[0].answer();
    expect(await q).toEqual({ doubled: 4 });
    client.dispose();
  });

  it("lets the latest request win: a replaced request and a stale answer resolve null", async () => {
    const client = setup();
    const a = track(client.request({ n: 1 }));
    made[0].ready();
    const b = track(client.request({ n: 2 }));
    const c = track(client.request({ n: 3 }));
    await flush();
    expect(b).toMatchObject({ settled: true, value: null }); // replaced in the queue by c
    expect(a.settled).toBe(false);
    expect(made[0].inbox.length).toBe(1); // a is running, c waits
    made[0].answer(); // a's answer arrives while c waits: it is stale
    await flush();
    expect(a).toMatchObject({ settled: true, value: null });
    expect(c.settled).toBe(false);
    expect(made[0].inbox.map((m) => m.msg.req.n)).toEqual([1, 3]); // b never reached the worker
    made[0].answer();
    await flush();
    expect(c).toMatchObject({ settled: true, value: { doubled: 6 } });
    client.dispose();
  });

  it("replaces a request waiting for the worker to be ready", async () => {
    const client = setup();
    const a = track(client.request({ n: 1 }));
    const b = client.request({ n: 2 });
    await flush();
    expect(a).toMatchObject({ settled: true, value: null });
    expect(made[0].inbox.length).toBe(0);
    made[0].ready();
    expect(made[0].inbox.map((m) => m.msg.req.n)).toEqual([2]);
    made[0].answer();
    expect(await b).toEqual({ doubled: 4 });
    client.dispose();
  });

  it("passes transfer lists through with each request", () => {
    const client = setup();
    const one = new ArrayBuffer(8);
    const two = new ArrayBuffer(16);
    void client.request({ n: 1 }, [one]);
    made[0].ready();
    void client.request({ n: 2 }, [two]);
    made[0].answer();
    expect(made[0].inbox.map((m) => m.transfer)).toEqual([[one], [two]]);
    expect(made[0].inbox[1].transfer[0]).toBe(two);
    client.dispose();
  });

  it("rejects with kind load when the script fails before ready, without showing 'undefined'", async () => {
    for (const fields of [{}, { message: undefined }, { message: "" }]) {
      made = [];
      const client = setup();
      const p = client.request({ n: 1 });
      made[0].error(fields);
      const err = await failure(p);
      expect(err.kind).toBe("load");
      expect(err.worker).toBe("communities");
      expect(err.message).toBe(
        "The communities worker could not start (its script failed to load or threw while loading).",
      );
      expect(err.message).not.toContain("undefined");
      expect(made[0].terminated).toBe(true);
      expect(made[0].prevented).toBe(1);
      client.dispose();
    }
  });

  it("shows the error's message when there is one", async () => {
    const client = setup();
    const p = client.request({ n: 1 });
    made[0].error({ message: "Uncaught SyntaxError: Unexpected token" });
    const err = await failure(p);
    expect(err.kind).toBe("load");
    expect(err.message).toMatch(/could not start .*: Uncaught SyntaxError: Unexpected token$/);
  });

  it("rejects with kind load when make() throws", async () => {
    const client = createWorkerClient<Req, Res>({
      name: "layout",
      make: () => {
        throw new Error("Worker is not defined");
      },
      timeoutMs,
    });
    const err = await failure(client.request({ n: 1 }));
    expect(err.kind).toBe("load");
    expect(err.message).toMatch(/^The layout worker could not start .*: Worker is not defined$/);
  });

  it("rejects with kind load when the worker never says it is ready", async () => {
    const client = setup();
    const p = track(client.request({ n: 1 }));
    await vi.advanceTimersByTimeAsync(DEFAULT_START_TIMEOUT_MS - 1);
    expect(p.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = p.error as WorkerFailure;
    expect(err).toBeInstanceOf(WorkerFailure);
    expect(err.kind).toBe("load");
    expect(err.message).toBe("The communities worker could not start: it was not ready after 15 s.");
    expect(made[0].terminated).toBe(true);
  });

  it("honours a custom start timeout, and a ready worker is not timed out for starting", async () => {
    const client = setup({ startTimeoutMs: 500 });
    const p = track(client.request({ n: 1 }));
    await vi.advanceTimersByTimeAsync(499);
    made[0].ready();
    await vi.advanceTimersByTimeAsync(600); // past the start timeout, within the request's budget
    expect(p.settled).toBe(false);
    made[0].answer();
    await flush();
    expect(p.value).toEqual({ doubled: 2 });
    client.dispose();
  });

  it("rejects with kind timeout when the worker stops answering, after the request's own budget", async () => {
    const client = setup();
    const p = track(client.request({ n: 20 })); // budget: 1000 + 100·20 = 3000 ms
    made[0].ready();
    await vi.advanceTimersByTimeAsync(2999);
    expect(p.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = p.error as WorkerFailure;
    expect(err).toBeInstanceOf(WorkerFailure);
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe("The communities worker stopped answering after 3 s.");
    expect(made[0].terminated).toBe(true);
  });

  it("restarts the watchdog for each request", async () => {
    const client = setup();
    const a = client.request({ n: 0 }); // 1000 ms
    made[0].ready();
    await vi.advanceTimersByTimeAsync(900);
    made[0].answer();
    expect(await a).toEqual({ doubled: 0 });
    const b = track(client.request({ n: 0 }));
    await vi.advanceTimersByTimeAsync(900); // 1800 ms since the first request: only b's clock counts
    expect(b.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect((b.error as WorkerFailure).kind).toBe("timeout");
  });

  it("rejects with kind failed and the worker's error text on an ok:false answer", async () => {
    const client = setup();
    const p = client.request({ n: 1 });
    made[0].ready();
    made[0].refuse("nodeCount is negative");
    const err = await failure(p);
    expect(err.kind).toBe("failed");
    expect(err.message).toBe("The communities worker failed: nodeCount is negative");
    expect(made[0].terminated).toBe(true);
  });

  it("rejects with kind crash on an error or an unreadable message after ready", async () => {
    const client = setup();
    const p = client.request({ n: 1 });
    made[0].ready();
    made[0].error({ message: "Uncaught RangeError: Invalid array length" });
    const err = await failure(p);
    expect(err.kind).toBe("crash");
    expect(err.message).toBe("The communities worker stopped unexpectedly: Uncaught RangeError: Invalid array length");

    const q = client.request({ n: 1 });
    made[1].ready();
    made[1].messageError();
    expect((await failure(q)).kind).toBe("crash");
    const r = client.request({ n: 1 });
    made[2].ready();
    made[2].error();
    expect((await failure(r)).message).toBe("The communities worker stopped unexpectedly.");
  });

  it("rejects every pending request on a failure", async () => {
    const client = setup();
    const a = client.request({ n: 1 });
    made[0].ready();
    const b = client.request({ n: 2 });
    made[0].error();
    const [ea, eb] = [await failure(a), await failure(b)];
    expect(ea.kind).toBe("crash");
    expect(eb).toBe(ea);
  });

  it("starts a fresh worker for the next request after a failure, and ignores the dead one", async () => {
    const client = setup();
    const a = client.request({ n: 1 });
    made[0].ready();
    made[0].refuse("boom");
    await failure(a);
    const b = client.request({ n: 5 });
    expect(made.length).toBe(2);
    expect(made[1]).not.toBe(made[0]);
    made[0].ready(); // late events from the terminated worker change nothing
    made[0].error();
    made[0].send({ id: 2, ok: false, error: "late" });
    expect(made[1].inbox.length).toBe(0);
    made[1].ready();
    made[1].answer();
    expect(await b).toEqual({ doubled: 10 });
    client.dispose();
  });

  it("dispose terminates the worker, resolves pending requests with null and refuses later ones", async () => {
    const client = setup();
    const a = client.request({ n: 1 });
    made[0].ready();
    const b = client.request({ n: 2 });
    client.dispose();
    expect(made[0].terminated).toBe(true);
    expect(await a).toBeNull();
    expect(await b).toBeNull();
    made[0].answer(); // a late answer is ignored
    await expect(client.request({ n: 3 })).rejects.toThrow(/shut down/);
    expect(made.length).toBe(1);
    // No timer outlives dispose: nothing rejects later.
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("serveWorker", () => {
  /** A stand-in worker scope recording what the body posts. */
  class FakeScope implements WorkerScope {
    onmessage: ((ev: MessageEvent) => void) | null = null;
    posted: { msg: unknown; transfer?: Transferable[] }[] = [];
    postMessage(msg: unknown, transfer?: Transferable[]) {
      this.posted.push({ msg, transfer });
    }
    async deliver(msg: RequestMessage<Req>) {
      await this.onmessage?.({ data: msg } as MessageEvent);
    }
  }

  it("says ready once set up, then answers with the result, its time and its transfer list", async () => {
    const scope = new FakeScope();
    const buf = new ArrayBuffer(4);
    serveWorker<Req, Res>((req) => ({ res: { doubled: req.n * 2 }, transfer: [buf] }), scope);
    expect(scope.posted).toEqual([{ msg: { type: "ready" }, transfer: undefined }]);
    await scope.deliver({ id: 7, req: { n: 4 } });
    const { msg, transfer } = scope.posted[1];
    const answer = msg as AnswerMessage<Res>;
    expect(answer).toMatchObject({ id: 7, ok: true, res: { doubled: 8 } });
    expect(answer.ok && answer.ms).toBeGreaterThanOrEqual(0);
    expect(transfer?.[0]).toBe(buf);
  });

  it("answers ok:false with the error's message when the handler throws", async () => {
    const scope = new FakeScope();
    serveWorker<Req, Res>(async (req) => {
      if (req.n < 0) throw new RangeError("n must not be negative");
      return { res: { doubled: req.n * 2 } };
    }, scope);
    await scope.deliver({ id: 1, req: { n: -1 } });
    await scope.deliver({ id: 2, req: { n: 1 } });
    expect(scope.posted.slice(1).map((p) => p.msg)).toEqual([
      { id: 1, ok: false, error: "n must not be negative" },
      { id: 2, ok: true, res: { doubled: 2 }, ms: expect.any(Number) },
    ]);
  });
});

describe("layoutInWorker", () => {
  const input = (): LayoutInput => ({
    nodeCount: 3,
    source: Int32Array.from([0, 1]),
    target: Int32Array.from([1, 2]),
    weight: Float32Array.from([1, 2]),
    seed: 5,
  });
  function start(i: LayoutInput) {
    const fakes: FakeWorker<LayoutInput, LayoutOutput>[] = [];
    const job = layoutInWorker(i, () => {
      const n = i.nodeCount;
      const place = () => ({ x: new Float32Array(n), y: new Float32Array(n).fill(1) });
      fakes.push(new FakeWorker<LayoutInput, LayoutOutput>(place));
      return fakes[0] as unknown as Worker;
    });
    return { job, fakes };
  }

  it("transfers copies of the inputs, resolves with the positions and stops the worker", async () => {
    const i = input();
    const { job, fakes } = start(i);
    fakes[0].ready();
    const { msg, transfer } = fakes[0].inbox[0];
    expect(msg.req.source).not.toBe(i.source);
    expect(Array.from(msg.req.weight)).toEqual([1, 2]);
    expect(transfer).toEqual([msg.req.source.buffer, msg.req.target.buffer, msg.req.weight.buffer]);
    fakes[0].answer();
    const out = await job.result;
    expect(Array.from(out.y)).toEqual([1, 1, 1]);
    expect(fakes[0].terminated).toBe(true);
  });

  it("rejects with a WorkerFailure when the worker fails, and stops it", async () => {
    const { job, fakes } = start(input());
    fakes[0].error();
    const err = await failure(job.result);
    expect(err.worker).toBe("layout");
    expect(err.message).toBe("The layout worker could not start (its script failed to load or threw while loading).");
    expect(fakes[0].terminated).toBe(true);
  });

  it("gives 20 s plus 200 µs per edge and per person, and times out after it", async () => {
    expect(layoutTimeoutMs({ ...input(), nodeCount: 20_000, source: new Int32Array(380_000) })).toBe(100_000);
    const { job, fakes } = start(input()); // 20 s + 5 × 0.2 ms
    const result = track(job.result);
    fakes[0].ready();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(result.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((result.error as WorkerFailure).kind).toBe("timeout");
  });

  it("dispose stops the worker and the result never settles", async () => {
    const { job, fakes } = start(input());
    const result = track(job.result);
    fakes[0].ready();
    job.dispose();
    expect(fakes[0].terminated).toBe(true);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(result.settled).toBe(false);
  });
});
