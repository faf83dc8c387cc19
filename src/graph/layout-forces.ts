// ForceAtlas2 forces on typed arrays (pure): linear attraction along weighted edges, repulsion
// between masses (1 + weighted degree) through a Barnes-Hut quadtree, strong gravity, and an
// adaptive global speed that slows nodes which swing. Allocates nothing per iteration.
import type { QuadTree } from "./layout-quadtree";

/** Undirected weighted graph in CSR form; every edge is listed from both ends. */
export interface ForceGraph {
  n: number;
  off: Int32Array;
  nbr: Int32Array;
  wt: Float64Array;
  /** Repulsion mass: 1 + weighted degree at the finest level, summed over members above it. */
  mass: Float64Array;
}

export interface ForceSettings {
  iterations: number;
  /** Barnes-Hut opening criterion: a cell of width w at distance d counts as one body if w < theta·d. */
  theta: number;
  /** Largest step of a node in one iteration, in layout units. */
  maxStep: number;
  /** Shrink the step limit linearly to zero over the iterations, so that the layout settles. */
  cool: boolean;
  /** Per node, the square of its spread: repulsion between i and j is kr·mi·mj·d / (d² + si + sj),
   *  as between two clouds of members on a coarse level; zeros on the finest level. */
  spread: Float64Array;
}

/** ForceAtlas2's scaling ratio (kr) and strong gravity (kg), as the layout has always used. */
export const REPULSION = 4;
export const GRAVITY = 0.5;
const TOLERANCE = 1;

/** Runs ForceAtlas2 iterations on g from the positions in x, y (updated in place). */
export function runForces(g: ForceGraph, x: Float64Array, y: Float64Array, s: ForceSettings, tree: QuadTree): void {
  const { n, off, nbr, wt, mass } = g;
  const fx = new Float64Array(n),
    fy = new Float64Array(n),
    px = new Float64Array(n),
    py = new Float64Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i),
    theta2 = s.theta * s.theta;
  let speed = 1;
  for (let it = 0; it < s.iterations; it++) {
    tree.build(n, x, y, mass, s.spread, order);
    // Visited in the tree's order, so consecutive walks of the tree share most of their cells.
    for (let q = 0; q < n; q++) {
      const i = order[q],
        xi = x[i],
        yi = y[i],
        mi = mass[i];
      tree.repel(i, x, y, mass, s.spread, theta2);
      let ax = mi * (REPULSION * tree.fx - GRAVITY * xi),
        ay = mi * (REPULSION * tree.fy - GRAVITY * yi);
      for (let e = off[i]; e < off[i + 1]; e++) {
        const j = nbr[e];
        ax += wt[e] * (x[j] - xi);
        ay += wt[e] * (y[j] - yi);
      }
      fx[i] = ax;
      fy[i] = ay;
    }
    // Adaptive speed: the whole graph speeds up while forces keep their direction (traction) and
    // slows down when they flip (swinging); a node that swings moves less than the others.
    let swing = 0,
      traction = 0;
    for (let i = 0; i < n; i++) {
      const sx = fx[i] - px[i],
        sy = fy[i] - py[i],
        tx = fx[i] + px[i],
        ty = fy[i] + py[i];
      swing += mass[i] * Math.sqrt(sx * sx + sy * sy);
      traction += (mass[i] * Math.sqrt(tx * tx + ty * ty)) / 2;
    }
    if (swing > 0) speed = Math.min((TOLERANCE * traction) / swing, speed * 1.5);
    const maxStep = s.cool ? (s.maxStep * (s.iterations - it)) / s.iterations : s.maxStep;
    for (let i = 0; i < n; i++) {
      const sx = fx[i] - px[i],
        sy = fy[i] - py[i];
      const f = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
      let k = speed / (1 + speed * Math.sqrt(Math.sqrt(sx * sx + sy * sy)));
      if (k * f > maxStep) k = maxStep / f;
      x[i] += k * fx[i];
      y[i] += k * fy[i];
      px[i] = fx[i];
      py[i] = fy[i];
    }
  }
}
