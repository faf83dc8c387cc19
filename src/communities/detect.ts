// Louvain community detection on a weighted edge list (pure, seeded). Runs inside the worker.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { seededRng } from "../graph/random";

export interface DetectRequest {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  /** Edges with weight 0 are ignored (outside the period). */
  weight: Float32Array;
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
  const g = new Graph({ type: "undirected", allowSelfLoops: false });
  const { source, target, weight } = req;
  for (let e = 0; e < source.length; e++) {
    const w = weight[e];
    if (!(w > 0) || source[e] === target[e]) continue;
    const s = source[e];
    const t = target[e];
    g.mergeNode(s);
    g.mergeNode(t);
    const k = g.edge(s, t);
    if (k !== undefined) g.updateEdgeAttribute(k, "weight", (v: number | undefined) => (v ?? 0) + w);
    else g.addEdge(s, t, { weight: w });
  }
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
