// NetworkItems.setPeriod: after any sequence of periods every line's thickness is its class for the
// period's weight, and sigma is asked to repaint exactly the lines whose thickness changed.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type { EdgeIndex } from "../../src/graph/edges";
import type { PeriodStats } from "../../src/graph/period";
import type { NetworkRenderer } from "../../src/render/label-layer";
import type { NetworkGraph } from "../../src/render/network-graph";
import { NetworkItems } from "../../src/render/network-items";
import { DEFAULT_NETWORK_SETTINGS } from "../../src/render/settings";
import { seededRng } from "../../src/graph/random";

const PEOPLE = 6;
const PAIRS = 12;
/** Thickness by hand from the default classes (bounds 2, 5, 20). */
const CLASS_SIZES = DEFAULT_NETWORK_SETTINGS.edges.classSizes;
const thickness = (w: number) => (w <= 0 ? 0 : CLASS_SIZES[w < 2 ? 0 : w < 5 ? 1 : w < 20 ? 2 : 3]);

function statsOf(weights: number[]): PeriodStats {
  return {
    period: { start: 0, end: 1 },
    rule: { mask: 7, limit: Infinity, allowed: new Uint8Array(PEOPLE).fill(1) },
    messages: 0,
    people: PEOPLE,
    edgeWeight: Float32Array.from(weights),
    sent: new Int32Array(PEOPLE).fill(1),
    received: new Int32Array(PEOPLE).fill(1),
  };
}

function setUp(first: number[]) {
  const graph: NetworkGraph = new Graph({ type: "directed" });
  for (let i = 0; i < PEOPLE; i++)
    graph.addNode(String(i), { x: i, y: 0, size: 1, color: "#888", hidden: false, label: "" });
  const source = new Int32Array(PAIRS);
  const target = new Int32Array(PAIRS);
  for (let e = 0; e < PAIRS; e++) {
    source[e] = e % PEOPLE;
    target[e] = (e + 1 + Math.floor(e / PEOPLE)) % PEOPLE;
    graph.addDirectedEdgeWithKey(String(e), String(source[e]), String(target[e]), {
      size: thickness(first[e]),
      hidden: first[e] <= 0,
    });
  }
  const repainted: string[][] = [];
  const renderer = {
    refresh(opts: { partialGraph?: { edges?: string[] } }) {
      if (opts.partialGraph?.edges) repainted.push([...opts.partialGraph.edges]);
    },
  } as unknown as NetworkRenderer;
  const edges = { count: PAIRS, source, target } as unknown as EdgeIndex;
  const items = new NetworkItems(renderer, graph, edges, statsOf(first), 1, DEFAULT_NETWORK_SETTINGS);
  return { graph, items, repainted };
}

describe("NetworkItems.setPeriod", () => {
  it("repaints exactly the lines whose class changed, and leaves every line at its period's class", () => {
    const random = seededRng(11);
    const weights = () => Array.from({ length: PAIRS }, () => [0, 0, 1, 1, 3, 4, 7, 30][Math.floor(random() * 8)]);
    let now = weights();
    const { graph, items, repainted } = setUp(now);
    for (let round = 0; round < 40; round++) {
      const next = weights();
      const expected = next.flatMap((w, e) => (thickness(w) !== thickness(now[e]) ? [String(e)] : []));
      repainted.length = 0;
      items.setPeriod(statsOf(next));
      expect(repainted.flat().sort()).toEqual(expected.sort());
      for (let e = 0; e < PAIRS; e++) {
        expect(graph.getEdgeAttribute(String(e), "size")).toBe(thickness(next[e]));
        expect(graph.getEdgeAttribute(String(e), "hidden")).toBe(next[e] <= 0);
      }
      now = next;
    }
  });
});
