// The coordinator and its derived values: a value is recomputed only when its inputs change,
// published values are never overwritten by later periods, views see every frame in order with its
// cause, and disposing disposes every view in reverse order.
import { describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import { buildAdjacency } from "../../src/graph/adjacency";
import { buildEdgeIndex } from "../../src/graph/edges";
import { fullPeriod } from "../../src/graph/period";
import type { CommunityState } from "../../src/communities/runner";
import { createCoordinator, type Frame } from "../../src/state/coordinator";
import { createDerive } from "../../src/state/derived";
import { memo } from "../../src/state/memo";
import { createStore } from "../../src/state/store";
import { initialView } from "../../src/state/view-state";
import { binMessages } from "../../src/time/bins";
import { DAY, msg, T0, tinyFile } from "./fixtures";

// 0 writes to 1 on days 0 and 1, 1 to 2 on day 1, 2 to 3 on day 5.
const ds = decodeDataset(tinyFile(4, [msg(0, 0, [1]), msg(1, 0, [1]), msg(1, 1, [2]), msg(5, 2, [3])]));
const edges = buildEdgeIndex(ds);
const adj = buildAdjacency(ds, edges);
const full = fullPeriod(ds);
const bins = binMessages(ds.messages.time, ds.messages.datedCount, full);
const waiting: CommunityState = { status: "waiting", result: null, error: null };
const edgeOf = (a: number, b: number) =>
  Array.from(edges.source.keys()).find((e) => edges.source[e] === a && edges.target[e] === b) as number;

function setup() {
  const store = createStore(initialView(full));
  const coord = createCoordinator(store, createDerive({ ds, edges, adj, binEdges: bins.edges }), waiting);
  const frames: Frame[] = [];
  const log: string[] = [];
  coord.register({ update: (f) => frames.push(f), dispose: () => log.push("first") });
  coord.register({ update: () => {}, dispose: () => log.push("second") });
  return { store, coord, frames, log };
}

describe("memo", () => {
  it("computes again only when an input changes", () => {
    let calls = 0;
    const f = memo((a: number, b: object) => ({ sum: a + Object.keys(b).length, n: ++calls }));
    const o = {};
    expect(f(1, o)).toBe(f(1, o));
    expect(calls).toBe(1);
    expect(f(2, o).sum).toBe(2);
    expect(f(2, {}).n).toBe(3);
  });
});

describe("coordinator", () => {
  it("hands views each frame with its cause, the first one at registration", () => {
    const { coord, frames } = setup();
    coord.actions.selectPerson(1);
    coord.actions.hover(2);
    coord.setCommunities({ ...waiting, status: "busy" });
    expect(frames.map((f) => f.cause)).toEqual(["mount", "selectPerson", "hover", "communities"]);
    expect(frames[3].derived.communities.status).toBe("busy");
  });

  it("keeps derived values whose inputs did not change, and never overwrites a published period's counts", () => {
    const { coord, frames } = setup();
    const whole = frames[0].derived.stats;
    const e01 = edgeOf(0, 1);
    expect(whole.edgeWeight[e01]).toBe(2);
    coord.actions.selectPerson(1);
    expect(frames[1].derived.stats).toBe(whole);
    expect(frames[1].derived.highlight?.nodes.sort()).toEqual([0, 1, 2]);
    coord.actions.setPeriod({ start: T0 + 1 * DAY, end: T0 + 2 * DAY });
    const day1 = frames[2].derived.stats;
    expect(day1).not.toBe(whole);
    expect([day1.edgeWeight[e01], day1.messages]).toEqual([1, 2]);
    // The whole period's arrays are untouched by the later period.
    expect([whole.edgeWeight[e01], whole.messages]).toEqual([2, 4]);
    expect(frames[2].derived.allowed).toBe(frames[0].derived.allowed);
    coord.actions.setFilters({ orgs: ["example.org"] });
    expect(frames[3].derived.allowed).not.toBe(frames[0].derived.allowed);
  });

  it("derives the chain from the open pair and the period, and the community highlight from a member", () => {
    const { coord, frames } = setup();
    coord.actions.openChain(0, 3);
    expect(frames[1].derived.chain?.people).toEqual([0, 1, 2, 3]);
    coord.actions.setPeriod({ start: T0, end: T0 + 2 * DAY });
    expect(frames[2].derived.chain).toBeNull();
    coord.actions.closeChain();
    coord.actions.selectPerson(null);
    coord.actions.highlightCommunity(3);
    expect(frames.at(-1)?.derived.litCommunity).toBeNull();
    const community = Int32Array.from([0, 0, 1, 1]);
    coord.setCommunities({
      status: "ready",
      error: null,
      result: { community, count: 2, modularity: 0.1, colours: ["#332288", "#117733"], list: [], ms: 1 },
    });
    expect(frames.at(-1)?.derived.litCommunity).toBe(1);
    expect(frames.at(-1)?.derived.highlight?.nodes).toEqual([2, 3]);
  });

  it("a view that throws does not keep the others from their frame", () => {
    const { coord, frames } = setup();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (e: unknown) => errors.push(e);
    try {
      coord.register({
        update: (_f, prev) => {
          if (prev) throw new Error("broken view");
        },
        dispose: () => {},
      });
      const after: number[] = [];
      coord.register({ update: (f) => after.push(f.state.selected ?? -1), dispose: () => {} });
      coord.actions.selectPerson(2);
      expect(after).toEqual([-1, 2]);
      expect(frames.at(-1)?.state.selected).toBe(2);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it("disposes every view, the last registered first, and then hears nothing", () => {
    const { coord, frames, log } = setup();
    coord.onDispose(() => log.push("cleanup"));
    coord.dispose();
    coord.actions.selectPerson(2);
    expect(log).toEqual(["cleanup", "second", "first"]);
    expect(frames).toHaveLength(1);
  });
});
