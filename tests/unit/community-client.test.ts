// The communities client over the generic worker client: a fake worker that runs the real
// detection when the test says so, speaking the protocol of src/workers/protocol.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCommunityClient } from "../../src/communities/client";
import { detectCommunities } from "../../src/communities/detect";
import { communityTimeoutMs, type CommunityAnswer, type CommunityRequest } from "../../src/communities/protocol";
import { WorkerFailure } from "../../src/workers/client";
import type { RequestMessage, WorkerMessage } from "../../src/workers/protocol";

/** A stand-in Worker that runs detection when the test says so, recording what it was sent. */
class FakeWorker {
  inbox: { msg: RequestMessage<CommunityRequest>; transfer: Transferable[] }[] = [];
  terminated = false;
  private onMessage: ((ev: { data: WorkerMessage<CommunityAnswer> }) => void) | null = null;
  addEventListener(type: string, fn: (ev: { data: WorkerMessage<CommunityAnswer> }) => void) {
    if (type === "message") this.onMessage = fn;
  }
  postMessage(msg: RequestMessage<CommunityRequest>, transfer: Transferable[] = []) {
    this.inbox.push({ msg, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  ready() {
    this.onMessage?.({ data: { type: "ready" } });
  }
  /** Answers the oldest request not yet answered. */
  answer() {
    const { msg } = this.inbox.shift()!;
    const out = detectCommunities(msg.req);
    this.onMessage?.({ data: { id: msg.id, ok: true, res: { ...out, ms: 3 }, ms: 4 } });
  }
}

const req = (w: number) => ({
  nodeCount: 3,
  source: Int32Array.from([0, 1]),
  target: Int32Array.from([1, 2]),
  weight: Float32Array.from([w, w]),
  seed: 1,
  resolution: 1,
});

function setup() {
  const fakes: FakeWorker[] = [];
  const client = createCommunityClient(() => {
    fakes.push(new FakeWorker());
    return fakes[fakes.length - 1] as unknown as Worker;
  });
  return { client, fakes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("community client", () => {
  it("lets the latest request win: superseded requests resolve null and never reach the worker", async () => {
    const { client, fakes } = setup();
    const a = client.detect(req(1));
    fakes[0].ready();
    const b = client.detect(req(2));
    const c = client.detect(req(3));
    expect(fakes[0].inbox.length).toBe(1); // a is running; b was replaced by c in the queue
    expect(await b).toBeNull();
    fakes[0].answer(); // a finishes while c waits: a is stale
    expect(await a).toBeNull();
    expect(fakes[0].inbox.length).toBe(1);
    expect(fakes[0].inbox[0].msg.req.weight[0]).toBe(3);
    fakes[0].answer();
    const res = await c;
    expect(res?.count).toBe(1);
    expect(res?.ms).toBe(3); // the detection time the worker reports
    expect(Array.from(res!.community)).toEqual([0, 0, 0]);
    client.dispose();
  });

  it("transfers copies, so the caller's arrays stay usable", () => {
    const { client, fakes } = setup();
    const r = req(1);
    void client.detect(r);
    fakes[0].ready();
    const { msg, transfer } = fakes[0].inbox[0];
    expect(msg.req.weight).not.toBe(r.weight);
    expect(Array.from(msg.req.weight)).toEqual(Array.from(r.weight));
    expect(transfer).toEqual([msg.req.source.buffer, msg.req.target.buffer, msg.req.weight.buffer]);
    expect(transfer).not.toContain(r.weight.buffer);
    expect(r.weight.length).toBe(2);
    client.dispose();
  });

  it("gives a stuck worker 10 s plus 40 µs per edge, then rejects and starts afresh", async () => {
    vi.useFakeTimers();
    const edges = 250_000;
    const big = {
      nodeCount: 2,
      source: new Int32Array(edges),
      target: new Int32Array(edges).fill(1),
      weight: new Float32Array(edges),
      seed: 1,
      resolution: 1,
    };
    expect(communityTimeoutMs(big)).toBe(20_000);
    expect(communityTimeoutMs(req(1))).toBeCloseTo(10_000.08, 6);
    const { client, fakes } = setup();
    const p = client.detect(big).catch((e: unknown) => e);
    fakes[0].ready();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(fakes[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await p;
    expect(err).toBeInstanceOf(WorkerFailure);
    expect((err as WorkerFailure).message).toBe("The communities worker stopped answering after 20 s.");
    expect(fakes[0].terminated).toBe(true);
    // "Try again": the next request gets a new worker.
    const again = client.detect(req(1));
    expect(fakes.length).toBe(2);
    fakes[1].ready();
    fakes[1].answer();
    expect((await again)?.count).toBe(1);
    client.dispose();
  });

  it("dispose terminates the worker and settles pending requests", async () => {
    const { client, fakes } = setup();
    const a = client.detect(req(1));
    client.dispose();
    expect(fakes[0].terminated).toBe(true);
    expect(await a).toBeNull();
    await expect(client.detect(req(1))).rejects.toThrow(/shut down/);
  });
});
