// What the network lights up (pure): the person under the pointer and their connections, else the
// chain, the connection, the selected person, or a community. Everything else is dimmed.
import { otherEnd, type Adjacency } from "./adjacency";
import type { Chain } from "./chain";
import type { EdgeIndex } from "./edges";

/** Who is pointed at, selected or open. */
export interface HighlightInput {
  hovered: number | null;
  selected: number | null;
  connection: { a: number; b: number } | null;
  /** The chain found for the open chain pair (null when none is open or none joins them). */
  chain: Chain | null;
  /** The highlighted community: each person's community and the one lit. */
  community: { of: Int32Array; lit: number } | null;
}

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

export function highlightFor(s: HighlightInput, edges: EdgeIndex, adj: Adjacency, w: Float32Array): Highlight | null {
  const { chain } = s;
  const ring = s.selected !== null ? [s.selected] : [];
  if (s.hovered !== null) return { ...around(adj, edges, w, s.hovered), selected: ring };
  if (chain) {
    const lit = chain.links.flatMap((l) => edgesBetween(adj, edges, w, l.from, l.to));
    // Everyone on the chain is ringed and named.
    return { nodes: chain.people, edges: lit, selected: chain.people };
  }
  if (s.connection) {
    const { a, b } = s.connection;
    return { nodes: [a, b], edges: edgesBetween(adj, edges, w, a, b), selected: [a, b] };
  }
  if (s.selected !== null) return { ...around(adj, edges, w, s.selected), selected: ring };
  if (s.community) {
    const { of, lit: c } = s.community;
    const nodes: number[] = [];
    for (let i = 0; i < of.length; i++) if (of[i] === c) nodes.push(i);
    const lit: number[] = [];
    for (let e = 0; e < edges.count; e++)
      if (w[e] > 0 && of[edges.source[e]] === c && of[edges.target[e]] === c) lit.push(e);
    return { nodes, edges: lit, selected: [] };
  }
  return null;
}
