// The GEXF export (for Gephi and other network tools): the people and connections shown, with
// their layout positions, community (number and label), colours as drawn and sizes (viz:*), and
// each connection's weight = its messages in the period. Written by graphology-gexf (GEXF 1.3).
import Graph from "graphology";
import { write } from "graphology-gexf/browser";
import { OTHER_COLOUR } from "../communities/describe";
import type { CommunityState } from "../communities/runner";
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { PeriodStats } from "../graph/period";
import type { Highlight } from "../graph/highlight";
import { edgeSize, nodeLooks } from "../render/sizes";
import { nodeColour } from "../theme/theme";
import { shownConnections, shownPeople } from "./csv";
import type { Theme } from "../render/scene";
import { xmlChars } from "./svg";

export interface GexfInput {
  ds: Dataset;
  edges: EdgeIndex;
  stats: PeriodStats;
  communities: CommunityState;
  layout: { x: Float32Array; y: Float32Array };
  theme: Theme;
  /** What the view lights up: its people get `highlighted` = true (absent when nothing is lit). */
  highlight: Highlight | null;
  /** Written into the file's <meta>: the title and the period line. */
  description: string;
}

export interface PersonNode {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  address: string;
  organisation: string;
  /** This run's community number; -1 before communities are found. */
  community: number;
  community_label: string;
  sent: number;
  received: number;
  highlighted?: boolean;
}

export interface ConnectionEdge {
  weight: number;
  thickness: number;
}

/** A float32 position written with the digits it holds (149.2, not 149.1999969482422). */
const single = (v: number) => Number(v.toPrecision(7));

/** The graph of what is shown: nodes keyed by person index, edges by edge index ("e12"). */
export function exportGraph(input: GexfInput): Graph<PersonNode, ConnectionEdge> {
  const { ds, edges, stats, communities, layout, theme, highlight } = input;
  const graph = new Graph<PersonNode, ConnectionEdge>({ type: "directed", multi: false, allowSelfLoops: false });
  graph.setAttribute("creator", "Switchboard");
  graph.setAttribute("description", xmlChars(input.description));
  const { size } = nodeLooks(stats);
  const r = communities.result;
  const lit = highlight ? new Set(highlight.nodes) : null;
  for (const p of shownPeople(stats).sort((a, b) => a - b)) {
    const k = r ? r.community[p] : -1;
    const node: PersonNode = {
      label: xmlChars(displayName(ds.people, p)),
      x: single(layout.x[p]),
      y: single(layout.y[p]),
      size: Math.round(size[p] * 100) / 100,
      color: nodeColour(r && k >= 0 ? (r.colours[k] ?? OTHER_COLOUR) : OTHER_COLOUR, theme),
      address: xmlChars(ds.people.address[p]),
      organisation: xmlChars(ds.people.org[p]),
      community: k,
      community_label: xmlChars(r && k >= 0 ? r.list[k].label : ""),
      sent: stats.sent[p],
      received: stats.received[p],
    };
    if (lit) node.highlighted = lit.has(p);
    graph.addNode(String(p), node);
  }
  for (const e of shownConnections(stats).sort((a, b) => a - b)) {
    const w = stats.edgeWeight[e];
    const [s, t] = [String(edges.source[e]), String(edges.target[e])];
    graph.addDirectedEdgeWithKey(`e${e}`, s, t, { weight: w, thickness: edgeSize(w) });
  }
  return graph;
}

export function toGexf(input: GexfInput): string {
  return write<PersonNode, ConnectionEdge>(exportGraph(input), {
    version: "1.3",
    formatNode: (_key, a) => {
      const { label, x, y, size, color, ...attributes } = a;
      return { label, viz: { x, y, size, color }, attributes };
    },
    formatEdge: (_key, a) => ({ weight: a.weight, viz: { thickness: a.thickness } }),
  });
}
