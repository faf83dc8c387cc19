// What the network lights up for the current state (pure): the person under the pointer and their
// connections, else the chain, the connection, the selected person, or a community. Everything
// else is dimmed.
import { otherEnd, type Adjacency } from "../graph/adjacency";
import type { Chain } from "../graph/chain";
import type { EdgeIndex } from "../graph/edges";
import type { AppState } from "../state/app-state";

export interface Highlight {
  nodes: number[];
  edges: number[];
  /** People drawn with a ring and a label. */
  selected: number[];
}

function around(adj: Adjacency, edges: EdgeIndex, w: Float32Array, p: number): { nodes: number[]; edges: number[] } {
  const nodes = [p];
  const lit: number[] = [];
  for (let k = adj.edgeStart[p]; k < adj.edgeStart[p + 1]; k++) {
    const e = adj.edge[k];
    if (w[e] <= 0) continue;
    lit.push(e);
    nodes.push(otherEnd(edges, e, p));
  }
  return { nodes, edges: lit };
}

/** Shown edges between a and b, both directions. */
export function edgesBetween(adj: Adjacency, edges: EdgeIndex, w: Float32Array, a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = adj.edgeStart[a]; k < adj.edgeStart[a + 1]; k++) {
    const e = adj.edge[k];
    if (w[e] > 0 && (edges.source[e] === b || edges.target[e] === b)) out.push(e);
  }
  return out;
}

export function highlightFor(
  s: AppState,
  edges: EdgeIndex,
  adj: Adjacency,
  w: Float32Array,
  chain: Chain | null,
  community: Int32Array | null,
): Highlight | null {
  const ring = s.selected !== null ? [s.selected] : [];
  if (s.hovered !== null) return { ...around(adj, edges, w, s.hovered), selected: ring };
  if (s.chain && chain) {
    const lit = chain.links.flatMap((l) => edgesBetween(adj, edges, w, l.from, l.to));
    // Everyone on the chain is ringed and named.
    return { nodes: chain.people, edges: lit, selected: chain.people };
  }
  if (s.connection) {
    const { a, b } = s.connection;
    return { nodes: [a, b], edges: edgesBetween(adj, edges, w, a, b), selected: [a, b] };
  }
  if (s.selected !== null) return { ...around(adj, edges, w, s.selected), selected: ring };
  if (s.community !== null && community) {
    const nodes: number[] = [];
    for (let i = 0; i < community.length; i++) if (community[i] === s.community) nodes.push(i);
    const lit: number[] = [];
    for (let e = 0; e < edges.count; e++) if (w[e] > 0 && community[edges.source[e]] === s.community && community[edges.target[e]] === s.community) lit.push(e);
    return { nodes, edges: lit, selected: [] };
  }
  return null;
}
