// "How are A and B connected?" (pure): the strongest chain of correspondents between two people
// over the connections shown. A link's strength is the messages both ways; the chain minimises
// the sum of 1 / strength (Dijkstra), so it prefers few, heavy links over many light ones.
import { otherEnd, type Adjacency } from "./adjacency";
import type { EdgeIndex } from "./edges";

export interface ChainLink {
  from: number;
  to: number;
  /** Shown messages both ways between the two. */
  messages: number;
}

export interface Chain {
  people: number[];
  links: ChainLink[];
}

/** Messages both ways between q and each person it has a shown connection with. */
export function linkWeights(
  adj: Adjacency,
  edges: EdgeIndex,
  edgeWeight: Float32Array,
  q: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = adj.edgeStart[q]; k < adj.edgeStart[q + 1]; k++) {
    const e = adj.edge[k];
    const w = edgeWeight[e];
    if (w <= 0) continue;
    const o = otherEnd(edges, e, q);
    out.set(o, (out.get(o) ?? 0) + w);
  }
  return out;
}

export function strongestChain(
  adj: Adjacency,
  edges: EdgeIndex,
  edgeWeight: Float32Array,
  a: number,
  b: number,
): Chain | null {
  if (a === b) return { people: [a], links: [] };
  const n = adj.edgeStart.length - 1;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // Binary heap of [distance, person]; stale entries are skipped when popped.
  const heap: [number, number][] = [[0, a]];
  dist[a] = 0;
  const push = (item: [number, number]) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (heap[up][0] <= heap[i][0]) break;
      [heap[up], heap[i]] = [heap[i], heap[up]];
      i = up;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0];
    const last = heap.pop() as [number, number];
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  while (heap.length) {
    const [d, q] = pop();
    if (done[q]) continue;
    done[q] = 1;
    if (q === b) break;
    for (const [o, w] of linkWeights(adj, edges, edgeWeight, q)) {
      const nd = d + 1 / w;
      if (nd < dist[o]) {
        dist[o] = nd;
        prev[o] = q;
        push([nd, o]);
      }
    }
  }
  if (!done[b]) return null;
  const people = [b];
  while (people[0] !== a) people.unshift(prev[people[0]]);
  const links = people.slice(1).map((to, i) => {
    const from = people[i];
    return { from, to, messages: linkWeights(adj, edges, edgeWeight, from).get(to) ?? 0 };
  });
  return { people, links };
}
