// Seeded ForceAtlas2 layout of the whole corpus (pure; run in a worker in the app, in Node by scripts).
// Computed once on all-time weights so positions stay put while the period changes.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { seededRng } from "./random";

export interface LayoutInput {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  /** Attraction per edge (the edge index's strength). */
  weight: Float32Array;
  seed: number;
  iterations?: number;
}

export function computeLayout(input: LayoutInput): { x: Float32Array; y: Float32Array } {
  const { nodeCount, source, target, weight } = input;
  const rng = seededRng(input.seed);
  const g = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (let i = 0; i < nodeCount; i++) g.addNode(i, { x: (rng() - 0.5) * 1000, y: (rng() - 0.5) * 1000 });
  for (let e = 0; e < source.length; e++) {
    const s = source[e];
    const t = target[e];
    if (s === t) continue;
    const w = weight[e];
    const existing = g.edge(s, t);
    if (existing !== undefined) g.updateEdgeAttribute(existing, "weight", (v: number | undefined) => (v ?? 0) + w);
    else g.addEdge(s, t, { weight: w });
  }
  const settings = forceAtlas2.inferSettings(g);
  const iterations = input.iterations ?? (nodeCount > 20000 ? 120 : nodeCount > 5000 ? 200 : 400);
  forceAtlas2.assign(g, {
    iterations,
    getEdgeWeight: "weight",
    settings: { ...settings, barnesHutOptimize: nodeCount > 500, gravity: 0.5, scalingRatio: 4, strongGravityMode: true, outboundAttractionDistribution: false, adjustSizes: false, linLogMode: false },
  });
  const x = new Float32Array(nodeCount);
  const y = new Float32Array(nodeCount);
  g.forEachNode((node, a) => {
    x[Number(node)] = a.x;
    y[Number(node)] = a.y;
  });
  return { x, y };
}
