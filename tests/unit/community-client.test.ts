import { describe, expect, it } from "vitest";
import { createCommunityClient } from "../../src/communities/client";
import { detectCommunities } from "../../src/communities/detect";
import type { WorkerRequest, WorkerResponse } from "../../src/communities/protocol";

/** A stand-in Worker that runs detection when the test says so, recording what it was sent. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  inbox: WorkerRequest[] = [];
  terminated = false;
  postMessage(req: WorkerRequest) {
    this.inbox.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the oldest request. */
  answer() {
    const { id, ...req } = this.inbox.shift()!;
    const out = detectCommunities(req);
    this.onmessage?.({ data: { id, ok: true, ms: 1, ...out } } as MessageEvent<WorkerResponse>);
  }
}

const req = (w: number) => ({ nodeCount: 3, source: Int32Array.from([0, 1]), target: Int32Array.from([1, 2]), weight: Float32Array.from([w, w]), seed: 1, resolution: 1 });

describe("community client", () => {
  it("lets the latest request win: superseded requests resolve null and never reach the worker", async () => {
    const fake = new FakeWorker();
    const client = createCommunityClient(() => fake as unknown as Worker);
    const a = client.detect(req(1));
    const b = client.detect(req(2));
    const c = client.detect(req(3));
    expect(fake.inbox.length).toBe(1); // a is running; b was replaced by c in the queue
    expect(await b).toBeNull();
    fake.answer(); // a finishes while c waits: a is stale
    expect(await a).toBeNull();
    expect(fake.inbox.length).toBe(1);
    expect(fake.inbox[0].weight[0]).toBe(3);
    fake.answer();
    const res = await c;
    expect(res?.count).toBe(1);
    expect(Array.from(res!.community)).toEqual([0, 0, 0]);
    client.dispose();
  });

  it("transfers copies, so the caller's arrays stay usable", () => {
    const fake = new FakeWorker();
    const client = createCommunityClient(() => fake as unknown as Worker);
    const r = req(1);
    void client.detect(r);
    expect(fake.inbox[0].weight).not.toBe(r.weight);
    expect(r.weight.length).toBe(2);
    client.dispose();
  });

  it("dispose terminates the worker and settles pending requests", async () => {
    const fake = new FakeWorker();
    const client = createCommunityClient(() => fake as unknown as Worker);
    const a = client.detect(req(1));
    client.dispose();
    expect(fake.terminated).toBe(true);
    expect(await a).toBeNull();
    await expect(client.detect(req(1))).rejects.toThrow(/disposed/);
  });
});
