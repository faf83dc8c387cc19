// Per-person indexes built once (pure): the edges touching each person and the messages each
// person sent or received, both as CSR arrays.
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "./edges";

export interface Adjacency {
  /** Edges out of or into person p: edge[edgeStart[p] .. edgeStart[p+1]). */
  edgeStart: Int32Array;
  edge: Int32Array;
  /** Messages person p sent or received, ascending (dated first, by time): message[messageStart[p] .. ]. */
  messageStart: Int32Array;
  message: Int32Array;
}

export function buildAdjacency(ds: Dataset, edges: EdgeIndex): Adjacency {
  const p = ds.people.count;
  const edgeStart = new Int32Array(p + 1);
  for (let e = 0; e < edges.count; e++) {
    edgeStart[edges.source[e] + 1]++;
    edgeStart[edges.target[e] + 1]++;
  }
  for (let i = 0; i < p; i++) edgeStart[i + 1] += edgeStart[i];
  const edge = new Int32Array(edgeStart[p]);
  const fill = edgeStart.slice(0, p);
  for (let e = 0; e < edges.count; e++) {
    edge[fill[edges.source[e]]++] = e;
    edge[fill[edges.target[e]]++] = e;
  }

  // A message belongs to its sender and to each distinct recipient other than the sender.
  const { sender, count: n } = ds.messages;
  const { msgEdgeStart, msgEdge, target } = edges;
  const messageStart = new Int32Array(p + 1);
  for (let m = 0; m < n; m++) {
    messageStart[sender[m] + 1]++;
    for (let j = msgEdgeStart[m]; j < msgEdgeStart[m + 1]; j++) messageStart[target[msgEdge[j]] + 1]++;
  }
  for (let i = 0; i < p; i++) messageStart[i + 1] += messageStart[i];
  const message = new Int32Array(messageStart[p]);
  const at = messageStart.slice(0, p);
  for (let m = 0; m < n; m++) {
    message[at[sender[m]]++] = m;
    for (let j = msgEdgeStart[m]; j < msgEdgeStart[m + 1]; j++) message[at[target[msgEdge[j]]]++] = m;
  }
  return { edgeStart, edge, messageStart, message };
}

/** The other end of edge e from person p. */
export function otherEnd(edges: EdgeIndex, e: number, p: number): number {
  return edges.source[e] === p ? edges.target[e] : edges.source[e];
}
