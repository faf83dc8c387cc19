// Louvain community detection on a weighted edge list (pure, seeded). Runs inside the worker.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import type { GraphArrays } from "../graph/graph-input";
import { seededRng } from "../graph/random";

/** The people and their edges, weighted by messages in the period (edges with weight 0, outside
 *  the period, are ignored), and Louvain's seed and resolution. */
export interface DetectRequest extends GraphArrays {
  seed: number;
  resolution: number;
}

export interface DetectResult {
  /** Community per node, numbered by size (0 = largest); -1 for people with no connection. */
  community: Int32Array;
  count: number;
  modularity: number;
}

/** Builds the graph in a canonical order: people in index order, then one edge per pair of people
 *  (weights of both directions and of repeats summed) sorted by (lower index, higher index).
 *  Louvain visits nodes and neighbours in insertion order, so this makes the partition depend on
 *  the set of weighted edges only, not on the order or direction in which they are listed. */
function canonicalGraph(req: GraphArrays): Graph {
  const { nodeCount: n, source, target, weight } = req;
  const kept: number[] = [];
  for (let e = 0; e < source.length; e++) if (weight[e] > 0 && source[e] !== target[e]) kept.push(e);
  const lo = (e: number) => Math.min(source[e], target[e]);
  const hi = (e: number) => Math.max(source[e], target[e]);
  // Two stable counting sorts (by the higher end, then by the lower): O(edges + people).
  const byHi = countingSort(kept, hi, n);
  const order = countingSort(byHi, lo, n);
  const g = new Graph({ type: "undirected", allowSelfLoops: false });
  const present = new Uint8Array(n);
  for (const e of order) present[source[e]] = present[target[e]] = 1;
  for (let i = 0; i < n; i++) if (present[i]) g.addNode(i);
  for (let k = 0; k < order.length; ) {
    const a = lo(order[k]);
    const b = hi(order[k]);
    // Message counts are whole numbers, so the sum is exact in any order.
    let w = 0;
    for (; k < order.length && lo(order[k]) === a && hi(order[k]) === b; k++) w += weight[order[k]];
    g.addEdge(a, b, { weight: w });
  }
  return g;
}

function countingSort(items: number[], key: (e: number) => number, n: number): number[] {
  const start = new Int32Array(n + 1);
  for (const e of items) start[key(e) + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const out: number[] = new Array(items.length);
  for (const e of items) out[start[key(e)]++] = e;
  return out;
}

export function detectCommunities(req: DetectRequest): DetectResult {
  const g = canonicalGraph(req);
  const community = new Int32Array(req.nodeCount).fill(-1);
  if (g.size === 0) return { community, count: 0, modularity: 0 };
  const out = louvain.detailed(g, { getEdgeWeight: "weight", resolution: req.resolution, rng: seededRng(req.seed) });
  // Renumber by size, largest first; ties broken by smallest member index so results repeat.
  const members = new Map<number, number[]>();
  g.forEachNode((node) => {
    const c = out.communities[node];
    const list = members.get(c);
    if (list) list.push(Number(node));
    else members.set(c, [Number(node)]);
  });
  const ordered = [...members.values()]
    .map((list) => list.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0] - b[0]);
  ordered.forEach((list, rank) => {
    for (const i of list) community[i] = rank;
  });
  return { community, count: ordered.length, modularity: out.modularity };
}
