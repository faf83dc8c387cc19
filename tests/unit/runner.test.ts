// The communities runner: busy as soon as new weights are wanted, never publishes a result for
// weights no longer wanted, colours against the anchor, and can retry after a failure.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import { buildEdgeIndex } from "../../src/graph/edges";
import type { CommunityClient } from "../../src/communities/client";
import type { DetectRequest, DetectResult } from "../../src/communities/detect";
import { PALETTE } from "../../src/communities/describe";
import { createCommunityRunner, type CommunityState } from "../../src/communities/runner";
import { msg, tinyFile } from "./fixtures";

const ds = decodeDataset(tinyFile(4, [msg(0, 0, [1]), msg(1, 2, [3])]));
const edges = buildEdgeIndex(ds);

/** A client whose answers the test releases one by one. */
function fakeClient() {
  const calls: {
    req: DetectRequest;
    resolve: (r: (DetectResult & { ms: number }) | null) => void;
    reject: (e: Error) => void;
  }[] = [];
  const client: CommunityClient = {
    detect: (req) => new Promise((resolve, reject) => calls.push({ req, resolve, reject })),
    dispose: () => {},
  };
  const answer = (k: number, community: number[]) =>
    calls[k].resolve({
      community: Int32Array.from(community),
      count: Math.max(...community) + 1,
      modularity: 0.3,
      ms: 1,
    });
  return { client, calls, answer };
}
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("community runner", () => {
  const anchor = Float32Array.from([1, 1]);
  /** A runner whose changes nobody hears (the test reads its state). */
  const silentRunner = (client: Parameters<typeof createCommunityRunner>[2]) =>
    createCommunityRunner(
      ds,
      edges,
      client,
      () => anchor,
      () => {},
    );
  it("finds the anchor first, reuses it for the whole period, and is busy at once when asked", async () => {
    const { client, calls, answer } = fakeClient();
    const seen: CommunityState[] = [];
    let asked = 0;
    const anchorWeights = () => (asked++, anchor);
    const runner = createCommunityRunner(ds, edges, client, anchorWeights, (s) => seen.push(s));
    expect(asked).toBe(0); // not while the page mounts
    runner.want(anchor, 1);
    expect(runner.state().status).toBe("busy");
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    answer(0, [0, 0, 1, 1]);
    await flush();
    expect(runner.state().status).toBe("ready");
    expect(calls).toHaveLength(1); // the whole period is the anchor itself
    expect(runner.state().result?.colours).toEqual([PALETTE[0], PALETTE[1]]);
    runner.want(Float32Array.from([2, 1]), 1);
    await vi.runAllTimersAsync();
    expect(asked).toBe(1); // once
  });

  it("never publishes a result for weights no longer wanted", async () => {
    const { client, calls, answer } = fakeClient();
    const runner = silentRunner(client);
    const a = Float32Array.from([1, 0]);
    const b = Float32Array.from([0, 1]);
    runner.want(a, 1);
    await vi.runAllTimersAsync();
    answer(0, [0, 0, 1, 1]); // the anchor
    await flush();
    expect(calls).toHaveLength(2); // a's own run is in flight
    runner.want(b, 1); // b is wanted before a's answer arrives
    answer(1, [0, 0, -1, -1]);
    await flush();
    expect(runner.state().status).toBe("busy");
    await vi.runAllTimersAsync();
    answer(2, [-1, -1, 0, 0]);
    await flush();
    expect(runner.state().status).toBe("ready");
    expect(Array.from(runner.state().result!.community)).toEqual([-1, -1, 0, 0]);
    // Members of the anchor's second community keep its colour.
    expect(runner.state().result!.colours).toEqual([PALETTE[1]]);
  });

  it("reports a failure and finds the communities on retry", async () => {
    const { client, calls, answer } = fakeClient();
    const runner = silentRunner(client);
    runner.want(anchor, 1);
    await vi.runAllTimersAsync();
    calls[0].reject(new Error("The communities worker could not start."));
    await flush();
    expect(runner.state()).toMatchObject({ status: "error", error: "The communities worker could not start." });
    runner.retry();
    await flush();
    answer(1, [0, 0, 1, 1]);
    await flush();
    expect(runner.state().status).toBe("ready");
  });
});
