// The multilevel layout's graphs (pure, seeded): the undirected graph of the corpus, then levels
// of coarsening where Louvain's local moving groups nodes into communities, each community
// becomes one node of the next level, and so on up to a small graph.
import type { ForceGraph } from "./layout-forces";
import type { Rng } from "./random";

export interface Level {
  g: ForceGraph;
  /** Weight of the edges folded inside each node (Louvain's self-loops). */
  self: Float64Array;
  /** How many nodes of the finest level each node stands for. */
  size: Float64Array;
  /** The node of the next, coarser level that each node belongs to (absent on the coarsest). */
  up?: Int32Array;
}

/** Louvain's first level fine-grained (a few dozen members per community on a mailbox), so the
 *  layout goes down in steps; coarser levels use resolution 1. */
const FIRST_RESOLUTION = 4;

/** The undirected graph: both directions of a pair merged into one edge, self-loops dropped;
 *  a node's mass is 1 + its weighted degree, as in ForceAtlas2. */
export function undirected(n: number, source: Int32Array, target: Int32Array, weight: Float32Array): ForceGraph {
  const off = new Int32Array(n + 1);
  for (let e = 0; e < source.length; e++) {
    if (source[e] === target[e]) continue;
    off[source[e] + 1]++;
    off[target[e] + 1]++;
  }
  for (let i = 0; i < n; i++) off[i + 1] += off[i];
  const fill = off.slice(0, n),
    nbr = new Int32Array(off[n]),
    wt = new Float64Array(off[n]);
  for (let e = 0; e < source.length; e++) {
    const s = source[e],
      t = target[e];
    if (s === t) continue;
    nbr[fill[s]] = t;
    wt[fill[s]++] = weight[e];
    nbr[fill[t]] = s;
    wt[fill[t]++] = weight[e];
  }
  // Merge repeated neighbours in place (a pair written both ways appears twice in each list).
  const slot = new Int32Array(n).fill(-1),
    mass = new Float64Array(n).fill(1),
    merged = new Int32Array(n + 1);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const first = len;
    for (let e = off[i]; e < off[i + 1]; e++) {
      const j = nbr[e];
      if (slot[j] >= first) wt[slot[j]] += wt[e];
      else {
        slot[j] = len;
        nbr[len] = j;
        wt[len++] = wt[e];
      }
      mass[i] += wt[e];
    }
    merged[i + 1] = len;
  }
  return { n, off: merged, nbr: nbr.slice(0, len), wt: wt.slice(0, len), mass };
}

/** Louvain local moving, nodes visited in a seeded order. Returns community ids numbered 0.. in
 *  order of each community's smallest node, and their count. */
function localMoving(level: Level, rng: Rng, resolution: number): { comm: Int32Array; count: number } {
  const { n, off, nbr, wt } = level.g;
  const k = new Float64Array(n),
    tot = new Float64Array(n),
    toC = new Float64Array(n);
  const comm = new Int32Array(n),
    mark = new Int32Array(n).fill(-1),
    touched = new Int32Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * level.self[i];
    for (let e = off[i]; e < off[i + 1]; e++) s += wt[e];
    k[i] = tot[i] = s;
    m2 += s;
    comm[i] = i;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (let pass = 0; pass < 12 && m2 > 0; pass++) {
    let moved = 0;
    for (let q = 0; q < n; q++) {
      const i = order[q],
        ci = comm[i],
        ki = k[i];
      let t = 0;
      for (let e = off[i]; e < off[i + 1]; e++) {
        const j = nbr[e];
        if (j === i) continue;
        const c = comm[j];
        if (mark[c] !== i) {
          mark[c] = i;
          toC[c] = 0;
          touched[t++] = c;
        }
        toC[c] += wt[e];
      }
      tot[ci] -= ki;
      let best = ci,
        gain = (mark[ci] === i ? toC[ci] : 0) - (resolution * tot[ci] * ki) / m2;
      for (let u = 0; u < t; u++) {
        const c = touched[u],
          g = toC[c] - (resolution * tot[c] * ki) / m2;
        if (g > gain + 1e-12) {
          gain = g;
          best = c;
        }
      }
      tot[best] += ki;
      if (best !== ci) {
        comm[i] = best;
        moved++;
      }
    }
    if (moved <= n / 200) break;
  }
  const id = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (id[comm[i]] < 0) id[comm[i]] = count++;
    comm[i] = id[comm[i]];
  }
  return { comm, count };
}

/** The graph of communities: masses and folded weights summed, edges between them merged. */
function aggregate(level: Level, comm: Int32Array, count: number): Level {
  const { n, off, nbr, wt, mass } = level.g;
  const start = new Int32Array(count + 1),
    members = new Int32Array(n);
  for (let i = 0; i < n; i++) start[comm[i] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  for (let i = 0; i < n; i++) members[fill[comm[i]]++] = i;
  const cOff = new Int32Array(count + 1),
    cNbr = new Int32Array(off[n]),
    cWt = new Float64Array(off[n]);
  const cMass = new Float64Array(count),
    self = new Float64Array(count),
    size = new Float64Array(count);
  const slot = new Int32Array(count).fill(-1);
  let len = 0;
  for (let c = 0; c < count; c++) {
    const first = len;
    for (let q = start[c]; q < start[c + 1]; q++) {
      const i = members[q];
      cMass[c] += mass[i];
      size[c] += level.size[i];
      self[c] += level.self[i];
      for (let e = off[i]; e < off[i + 1]; e++) {
        const d = comm[nbr[e]];
        if (d === c) self[c] += wt[e] / 2;
        else if (slot[d] >= first) cWt[slot[d]] += wt[e];
        else {
          slot[d] = len;
          cNbr[len] = d;
          cWt[len++] = wt[e];
        }
      }
    }
    cOff[c + 1] = len;
  }
  const g: ForceGraph = { n: count, off: cOff, nbr: cNbr.slice(0, len), wt: cWt.slice(0, len), mass: cMass };
  return { g, self, size };
}

/** Levels from the finest (the graph itself) to the coarsest. Stops when a level has at most
 *  `smallest` nodes or Louvain no longer shrinks its connected part by a fifth. */
export function coarsen(g: ForceGraph, rng: Rng, smallest: number): Level[] {
  const levels: Level[] = [{ g, self: new Float64Array(g.n), size: new Float64Array(g.n).fill(1) }];
  for (;;) {
    const top = levels[levels.length - 1],
      n = top.g.n;
    if (n <= smallest) break;
    const { comm, count } = localMoving(top, rng, levels.length === 1 ? FIRST_RESOLUTION : 1);
    let alone = 0;
    for (let i = 0; i < n; i++) if (top.g.off[i + 1] === top.g.off[i]) alone++;
    if (count - alone >= 0.8 * (n - alone)) break;
    top.up = comm;
    levels.push(aggregate(top, comm, count));
  }
  return levels;
}
