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
  /** Called between slices of 5 iterations. The importer frees memory there: ForceAtlas2 leaves
   *  its Barnes-Hut tree behind on every iteration. */
  betweenSlices?: () => void;
}

export function computeLayout(input: LayoutInput): { x: Float32Array; y: Float32Array } {
  const { nodeCount, source, target, weight } = input;
  const rng = seededRng(input.seed);
  const g = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (let i = 0; i < nodeCount; i++) g.addNode(i, { x: (rng() - 0.5) * 1000, y: (rng() - 0.5) * 1000 });
  // Both directions of a pair become one undirected edge; merged here first so the graph is built
  // in one pass, without a lookup and an update per directed edge.
  const pairs = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (let e = 0; e < source.length; e++) {
    const s = Math.min(source[e], target[e]);
    const t = Math.max(source[e], target[e]);
    if (s === t) continue;
    const key = s * nodeCount + t;
    const k = pairs.get(key);
    if (k !== undefined) w[k] += weight[e];
    else {
      pairs.set(key, w.length);
      a.push(s);
      b.push(t);
      w.push(weight[e]);
    }
  }
  pairs.clear();
  for (let k = 0; k < w.length; k++) g.addUndirectedEdge(a[k], b[k], { weight: w[k] });
  const settings = forceAtlas2.inferSettings(g);
  const iterations = input.iterations ?? (nodeCount > 20000 ? 120 : nodeCount > 5000 ? 200 : 400);
  const slice = input.betweenSlices ? 5 : iterations;
  for (let done = 0; done < iterations; done += slice) {
    forceAtlas2.assign(g, {
      iterations: Math.min(slice, iterations - done),
      getEdgeWeight: "weight",
      settings: { ...settings, barnesHutOptimize: nodeCount > 500, gravity: 0.5, scalingRatio: 4, strongGravityMode: true, outboundAttractionDistribution: false, adjustSizes: false, linLogMode: false },
    });
    input.betweenSlices?.();
  }
  const x = new Float32Array(nodeCount);
  const y = new Float32Array(nodeCount);
  g.forEachNode((node, a) => {
    x[Number(node)] = a.x;
    y[Number(node)] = a.y;
  });
  return { x, y };
}
