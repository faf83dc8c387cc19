// Seeded multilevel ForceAtlas2 layout of the whole corpus (pure; in a worker in the app, in Node
// by the importer and scripts). Computed once on all-time weights so positions stay put while
// the period changes. Louvain coarsens the graph into levels of communities (layout-coarsen.ts);
// the coarsest is laid out from random positions, then each finer level starts around its
// community's place and is refined by a few ForceAtlas2 iterations (layout-forces.ts), so the
// full graph needs far fewer of them than from a random start. Memory stays flat: typed arrays,
// allocated once per level, nothing per iteration.
import type { GraphArrays } from "./graph-input";
import { coarsen, undirected, type Level } from "./layout-coarsen";
import { GRAVITY, REPULSION, runForces } from "./layout-forces";
import { QuadTree } from "./layout-quadtree";
import { seededRng, type Rng } from "./random";

/** The people and their edges, weighted by attraction (the edge index's strength), and the seed. */
export interface LayoutInput extends GraphArrays {
  seed: number;
}

/** Iterations on the full graph, on intermediate levels, and on the coarsest (from random) when small. */
const FINE_ITERATIONS = 60;
const COARSE_ITERATIONS = 50;
const TOP_ITERATIONS = 300;
/** Barnes-Hut opening criterion on the full graph; small levels use a near-exact one. */
const THETA = 1;
const SMALL_THETA = 0.3;
const SMALL = 1000;
/** A community of mass m spreads over a disc of squared radius SOFTEN·(kr/kg)·m: how far its
 *  members are placed from its centre, and how much its repulsion is softened up close. */
const SOFTEN = 0.5;

/** Places each node of `fine` at random in its community's disc on the coarser level. Only
 *  arithmetic and square roots, which every JavaScript engine rounds alike, so a seed gives the
 *  same positions in Node and in any browser. */
function expand(fine: Level, coarse: Level, cx: Float64Array, cy: Float64Array, rng: Rng) {
  const up = fine.up as Int32Array,
    m = coarse.g.mass,
    n = fine.g.n;
  const x = new Float64Array(n),
    y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let u = 1,
      v = 1;
    while (u * u + v * v > 1) (u = 2 * rng() - 1), (v = 2 * rng() - 1);
    const c = up[i],
      r = Math.sqrt(((SOFTEN * REPULSION) / GRAVITY) * m[c]);
    x[i] = cx[c] + r * u;
    y[i] = cy[c] + r * v;
  }
  return { x, y };
}

function rms(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i] + y[i] * y[i];
  return Math.sqrt(s / Math.max(1, x.length));
}

/** Positions, by person index. */
export type LayoutOutput = { x: Float32Array; y: Float32Array };

export function computeLayout(input: LayoutInput): LayoutOutput {
  const n = input.nodeCount;
  const rng = seededRng(input.seed);
  const levels = coarsen(undirected(n, input.source, input.target, input.weight), rng, 30);
  const tree = new QuadTree(n);
  const top = levels[levels.length - 1].g;
  let total = 0;
  for (let c = 0; c < top.n; c++) total += top.mass[c];
  const side = Math.sqrt((REPULSION * total) / GRAVITY);
  let x = Float64Array.from({ length: top.n }, () => (rng() - 0.5) * side);
  let y = Float64Array.from({ length: top.n }, () => (rng() - 0.5) * side);
  for (let l = levels.length - 1; l >= 0; l--) {
    const { g, size } = levels[l];
    if (l < levels.length - 1) ({ x, y } = expand(levels[l], levels[l + 1], x, y, rng));
    const coarsest = l === levels.length - 1 && g.n <= SMALL;
    const iterations = l === 0 ? FINE_ITERATIONS : coarsest ? TOP_ITERATIONS : COARSE_ITERATIONS;
    // A community's members spread over a disc: the repulsion between two communities is
    // softened as between two overlapping clouds (a single node is a point).
    const spread = g.mass.map((m, c) => (size[c] > 1 ? (SOFTEN * REPULSION * m) / GRAVITY : 0));
    const theta = l > 0 && g.n <= SMALL ? SMALL_THETA : THETA;
    runForces(g, x, y, { iterations, theta, maxStep: rms(x, y) / 10 + 1e-6, cool: true, spread }, tree);
  }
  return { x: Float32Array.from(x), y: Float32Array.from(y) };
}
