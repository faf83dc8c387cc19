// Louvain community detection on a weighted edge list (pure, seeded). Runs inside the worker.
import louvain from "graphology-communities-louvain";
import type { GraphArrays } from "../graph/graph-input";
import { seededRng } from "../graph/random";
import { canonicalGraph, louvainFace } from "./louvain-graph";

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

export function detectCommunities(req: DetectRequest): DetectResult {
  const g = canonicalGraph(req);
  const community = new Int32Array(req.nodeCount).fill(-1);
  if (g.lo.length === 0) return { community, count: 0, modularity: 0 };
  // Louvain reads the typed arrays through a graph's face (louvain-graph.ts), not a graphology graph.
  const face = louvainFace(g, req.nodeCount) as unknown as Parameters<typeof louvain.detailed>[0];
  const out = louvain.detailed(face, {
    getEdgeWeight: (edge) => g.weight[Number(edge)],
    resolution: req.resolution,
    rng: seededRng(req.seed),
  });
  // Renumber by size, largest first; ties broken by smallest member index so results repeat.
  const members = new Map<number, number[]>();
  for (const node of g.nodes) {
    const c = out.communities[node];
    const list = members.get(c);
    if (list) list.push(node);
    else members.set(c, [node]);
  }
  const ordered = [...members.values()]
    .map((list) => list.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0] - b[0]);
  ordered.forEach((list, rank) => {
    for (const i of list) community[i] = rank;
  });
  return { community, count: ordered.length, modularity: out.modularity };
}
