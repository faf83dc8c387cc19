// The messages between two people in the current view (pure), both directions, with counts by
// direction and by role. A message naming the other person in two roles counts under the first
// of To, Cc, Bcc.
import type { Dataset } from "../data/types";
import type { Adjacency } from "./adjacency";
import type { EdgeIndex } from "./edges";
import { lowerBound, messagePasses, messageRange, type PeriodStats } from "./period";

export interface DirectionCounts {
  total: number;
  to: number;
  cc: number;
  bcc: number;
}

export interface ConnectionMessage {
  message: number;
  /** 0: a wrote to b; 1: b wrote to a. */
  direction: 0 | 1;
  role: "to" | "cc" | "bcc";
}

export interface Connection {
  a: number;
  b: number;
  /** [a → b, b → a]. */
  counts: [DirectionCounts, DirectionCounts];
  /** In time order. */
  messages: ConnectionMessage[];
}

const ROLE_NAMES = ["to", "cc", "bcc"] as const;

export function connectionBetween(
  ds: Dataset,
  edges: EdgeIndex,
  adj: Adjacency,
  stats: PeriodStats,
  a: number,
  b: number,
): Connection {
  const counts: [DirectionCounts, DirectionCounts] = [
    { total: 0, to: 0, cc: 0, bcc: 0 },
    { total: 0, to: 0, cc: 0, bcc: 0 },
  ];
  const messages: ConnectionMessage[] = [];
  const [from, to] = messageRange(ds, stats.period);
  const list = adj.message.subarray(adj.messageStart[a], adj.messageStart[a + 1]);
  const { sender } = ds.messages;
  for (let k = lowerBound(list, list.length, from); k < list.length && list[k] < to; k++) {
    const m = list[k];
    const s = sender[m];
    if ((s !== a && s !== b) || !messagePasses(edges, stats.rule, sender, m)) continue;
    const r = s === a ? b : a;
    for (let j = edges.msgEdgeStart[m]; j < edges.msgEdgeStart[m + 1]; j++) {
      const e = edges.msgEdge[j];
      if (edges.target[e] !== r || stats.edgeWeight[e] <= 0 || !stats.rule.allowed[r]) continue;
      const roles = edges.msgEdgeRoles[j] & stats.rule.mask;
      if (!roles) continue;
      const role = ROLE_NAMES[roles & 1 ? 0 : roles & 2 ? 1 : 2];
      const direction = s === a ? 0 : 1;
      counts[direction].total++;
      counts[direction][role]++;
      messages.push({ message: m, direction, role });
    }
  }
  return { a, b, counts, messages };
}
