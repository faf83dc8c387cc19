// One person in the current view (pure): counts in the period and in all, first and last message,
// activity per timeline bin, strongest correspondents, and their shown messages in the period.
import type { Dataset } from "../data/types";
import type { Adjacency } from "./adjacency";
import type { EdgeIndex } from "./edges";
import { lowerBound, messagePasses, messageRange, slotCounts, type MessageRule, type PeriodStats } from "./period";

export interface Correspondent {
  person: number;
  messages: number;
}

export interface PersonSummary {
  person: number;
  sent: number;
  received: number;
  /** Whole corpus (dated or not) under the mailing, organisation and role filters. */
  sentTotal: number;
  receivedTotal: number;
  /** UTC ms of the first and last dated message under those filters, or null. */
  first: number | null;
  last: number | null;
  /** Shown connections in the period, most messages first. */
  wroteTo: Correspondent[];
  heardFrom: Correspondent[];
}

/** How message m involves person p under the rule: 1 sent, 2 received, 0 not at all. */
function involvement(
  ds: Dataset,
  edges: EdgeIndex,
  rule: MessageRule,
  m: number,
  p: number,
  edgeWeight?: Float32Array,
): 0 | 1 | 2 {
  if (!messagePasses(edges, rule, ds.messages.sender, m)) return 0;
  const mine = ds.messages.sender[m] === p;
  for (let j = edges.msgEdgeStart[m]; j < edges.msgEdgeStart[m + 1]; j++) {
    const e = edges.msgEdge[j];
    if (!mine && edges.target[e] !== p) continue;
    if (edgeWeight && edgeWeight[e] <= 0) continue;
    if (slotCounts(edges, rule, j)) return mine ? 1 : 2;
  }
  return 0;
}

export function summarisePerson(
  ds: Dataset,
  edges: EdgeIndex,
  adj: Adjacency,
  stats: PeriodStats,
  p: number,
): PersonSummary {
  let sentTotal = 0;
  let receivedTotal = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (let k = adj.messageStart[p]; k < adj.messageStart[p + 1]; k++) {
    const m = adj.message[k];
    const how = involvement(ds, edges, stats.rule, m, p);
    if (how === 0) continue;
    if (how === 1) sentTotal++;
    else receivedTotal++;
    const t = ds.messages.time[m];
    if (!Number.isNaN(t)) {
      first ??= t;
      last = t;
    }
  }
  const wroteTo: Correspondent[] = [];
  const heardFrom: Correspondent[] = [];
  for (let k = adj.edgeStart[p]; k < adj.edgeStart[p + 1]; k++) {
    const e = adj.edge[k];
    const w = stats.edgeWeight[e];
    if (w <= 0) continue;
    if (edges.source[e] === p) wroteTo.push({ person: edges.target[e], messages: w });
    else heardFrom.push({ person: edges.source[e], messages: w });
  }
  const order = (a: Correspondent, b: Correspondent) => b.messages - a.messages || a.person - b.person;
  return {
    person: p,
    sent: stats.sent[p],
    received: stats.received[p],
    sentTotal,
    receivedTotal,
    first,
    last,
    wroteTo: wroteTo.sort(order),
    heardFrom: heardFrom.sort(order),
  };
}

/** Everyone p exchanged shown messages with in the period, most messages (both ways) first. */
export function correspondents(s: PersonSummary): Correspondent[] {
  const both = new Map<number, number>();
  for (const c of [...s.wroteTo, ...s.heardFrom]) both.set(c.person, (both.get(c.person) ?? 0) + c.messages);
  return [...both]
    .map(([person, messages]) => ({ person, messages }))
    .sort((a, b) => b.messages - a.messages || a.person - b.person);
}

/** The person's shown messages in the period (sent or received), in time order. */
export function personMessages(ds: Dataset, edges: EdgeIndex, adj: Adjacency, stats: PeriodStats, p: number): number[] {
  const [from, to] = messageRange(ds, stats.period);
  const list = adj.message.subarray(adj.messageStart[p], adj.messageStart[p + 1]);
  const out: number[] = [];
  for (let k = lowerBound(list, list.length, from); k < list.length && list[k] < to; k++) {
    if (involvement(ds, edges, stats.rule, list[k], p, stats.edgeWeight)) out.push(list[k]);
  }
  return out;
}

/** The person's messages per bin under the rule, for the activity sparkline. */
export function activity(
  ds: Dataset,
  edges: EdgeIndex,
  adj: Adjacency,
  rule: MessageRule,
  p: number,
  binEdges: Float64Array,
): Int32Array {
  const counts = new Int32Array(binEdges.length - 1);
  let b = 0;
  for (let k = adj.messageStart[p]; k < adj.messageStart[p + 1]; k++) {
    const m = adj.message[k];
    const t = ds.messages.time[m];
    if (Number.isNaN(t) || !involvement(ds, edges, rule, m, p)) continue;
    while (b < counts.length - 1 && t >= binEdges[b + 1]) b++;
    if (t >= binEdges[0]) counts[b]++;
  }
  return counts;
}
