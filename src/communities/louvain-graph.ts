// The canonical weighted graph Louvain runs on, as typed arrays, with a read-only face that
// graphology-communities-louvain accepts as a graph. Louvain itself copies a graph into its own
// typed index (graphology-indices/louvain.js) through a few reads: order, size, selfLoopCount and
// type, forEachNode, undirectedDegreeWithoutSelfLoops and forEachEdge. Building a real graphology
// graph only to be read that way cost 5.4 s for the 1.5 million pairs of a 500,000-message corpus,
// against 0.6 s for the algorithm. The face answers exactly those reads, in the order a graphology
// graph built the same way would (people by index, then pairs by lower and higher index), so the
// partition is the same; tests/unit/communities.test.ts checks it against a real graph.
import type { GraphArrays } from "../graph/graph-input";

/** People who have at least one pair, in index order, and one edge per pair of people (weights of
 *  both directions and of repeats summed) sorted by (lower index, higher index). */
export interface CanonicalGraph {
  nodes: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  weight: Float64Array;
}

export function canonicalGraph(req: GraphArrays): CanonicalGraph {
  const { nodeCount: n, source, target, weight } = req;
  const kept: number[] = [];
  for (let e = 0; e < source.length; e++) if (weight[e] > 0 && source[e] !== target[e]) kept.push(e);
  const lower = (e: number) => Math.min(source[e], target[e]);
  const higher = (e: number) => Math.max(source[e], target[e]);
  // Two stable counting sorts (by the higher end, then by the lower): O(edges + people).
  const order = countingSort(countingSort(kept, higher, n), lower, n);
  const present = new Uint8Array(n);
  for (const e of order) present[source[e]] = present[target[e]] = 1;
  const nodes: number[] = [];
  for (let i = 0; i < n; i++) if (present[i]) nodes.push(i);
  const lo: number[] = [];
  const hi: number[] = [];
  const sum: number[] = [];
  for (let k = 0; k < order.length; ) {
    const a = lower(order[k]);
    const b = higher(order[k]);
    // Message counts are whole numbers, so the sum is exact in any order.
    let w = 0;
    for (; k < order.length && lower(order[k]) === a && higher(order[k]) === b; k++) w += weight[order[k]];
    lo.push(a);
    hi.push(b);
    sum.push(w);
  }
  return {
    nodes: Int32Array.from(nodes),
    lo: Int32Array.from(lo),
    hi: Int32Array.from(hi),
    weight: Float64Array.from(sum),
  };
}

function countingSort(items: number[], key: (e: number) => number, n: number): number[] {
  const start = new Int32Array(n + 1);
  for (const e of items) start[key(e) + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const out: number[] = new Array(items.length);
  for (const e of items) out[start[key(e)]++] = e;
  return out;
}

/** What Louvain reads of a graph (node keys are the people's indices; an edge's key is its index). */
export interface LouvainGraphFace {
  readonly type: "undirected";
  readonly multi: false;
  readonly order: number;
  readonly size: number;
  readonly selfLoopCount: 0;
  forEachNode(fn: (node: number, attributes: Record<string, never>) => void): void;
  forEachEdge(fn: (edge: number, attributes: Record<string, never>, source: number, target: number) => void): void;
  undirectedDegreeWithoutSelfLoops(node: number): number;
  /** Present so that graphology's isGraph accepts the face; a face cannot be changed. */
  addUndirectedEdgeWithKey(): never;
  dropNode(): never;
}

/** The read-only face over a canonical graph. */
export function louvainFace(g: CanonicalGraph, nodeCount: number): LouvainGraphFace {
  const degree = new Int32Array(nodeCount);
  for (let e = 0; e < g.lo.length; e++) {
    degree[g.lo[e]]++;
    degree[g.hi[e]]++;
  }
  const none: Record<string, never> = {};
  const readOnly = (): never => {
    throw new Error("Switchboard: the communities' graph is read-only");
  };
  return {
    type: "undirected",
    multi: false,
    order: g.nodes.length,
    size: g.lo.length,
    selfLoopCount: 0,
    forEachNode(fn) {
      for (const node of g.nodes) fn(node, none);
    },
    forEachEdge(fn) {
      for (let e = 0; e < g.lo.length; e++) fn(e, none, g.lo[e], g.hi[e]);
    },
    undirectedDegreeWithoutSelfLoops: (node) => degree[node],
    addUndirectedEdgeWithKey: readOnly,
    dropNode: readOnly,
  };
}
