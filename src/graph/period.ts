// Dataset + period + filters -> what the network shows: per-connection and per-person message
// counts (pure; each call makes new arrays, never changed once returned). See docs/architecture.md, "What counts as a message".
import type { Dataset } from "../data/types";
import { otherEnd, type Adjacency } from "./adjacency";
import type { EdgeIndex } from "./edges";
import { DEFAULT_FILTERS, roleMask, type Filters } from "./filters";

export interface Period {
  /** UTC ms, inclusive. */
  start: number;
  /** UTC ms, exclusive. */
  end: number;
}

/** Show only a person's network, one or two steps out. */
export interface Focus {
  person: number;
  steps: 1 | 2;
}

/** The message-level part of the filters: which messages and which recipients count at all. */
export interface MessageRule {
  /** Roles accepted (bits of EdgeIndex.msgEdgeRoles). */
  mask: number;
  /** Most recipients a message may have. */
  limit: number;
  /** 1 for people the organisation filter keeps. */
  allowed: Uint8Array;
}

export interface ViewOptions {
  filters: Filters;
  allowed: Uint8Array;
  focus: Focus | null;
  adjacency: Adjacency;
}

export interface PeriodStats {
  period: Period;
  rule: MessageRule;
  /** Messages shown: in the period, passing the filters, with at least one line drawn. */
  messages: number;
  /** People with at least one shown message, sent or received. */
  people: number;
  /** Shown messages per connection; 0 means the connection is hidden. */
  edgeWeight: Float32Array;
  sent: Int32Array;
  /** Shown messages received from others (a second role in one message does not count again). */
  received: Int32Array;
}

/** First index i < count in an ascending array with values[i] >= t (count if none). */
export function lowerBound(values: ArrayLike<number>, count: number, t: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The message index range [from, to) of dated messages inside the period. */
export function messageRange(ds: Dataset, period: Period): [number, number] {
  const { time, datedCount } = ds.messages;
  return [lowerBound(time, datedCount, period.start), lowerBound(time, datedCount, period.end)];
}

/** Full span of dated messages, end exclusive (last message + 1 ms). */
export function fullPeriod(ds: Dataset): Period {
  const { time, datedCount } = ds.messages;
  if (datedCount === 0) return { start: 0, end: 1 };
  return { start: time[0], end: time[datedCount - 1] + 1 };
}

export function messageRule(filters: Filters, allowed: Uint8Array): MessageRule {
  return { mask: roleMask(filters.roles), limit: filters.massMailing ?? Infinity, allowed };
}

/** Whether message m can count at all: not a mass mailing, and its sender is kept. */
export function messagePasses(edges: EdgeIndex, rule: MessageRule, sender: Int32Array, m: number): boolean {
  return edges.msgEdgeStart[m + 1] - edges.msgEdgeStart[m] <= rule.limit && rule.allowed[sender[m]] === 1;
}

/** Whether the j-th msgEdge entry counts: a kept recipient in an accepted role. */
export function slotCounts(edges: EdgeIndex, rule: MessageRule, j: number): boolean {
  return (edges.msgEdgeRoles[j] & rule.mask) !== 0 && rule.allowed[edges.target[edges.msgEdge[j]]] === 1;
}

export function computePeriodStats(ds: Dataset, edges: EdgeIndex, period: Period, opts?: ViewOptions): PeriodStats {
  const p = ds.people.count;
  const filters = opts?.filters ?? DEFAULT_FILTERS;
  const rule = messageRule(filters, opts?.allowed ?? new Uint8Array(p).fill(1));
  const edgeWeight = new Float32Array(edges.count);
  const sent = new Int32Array(p);
  const received = new Int32Array(p);
  const { sender } = ds.messages;
  const { msgEdgeStart, msgEdge, target, source } = edges;
  const [from, to] = messageRange(ds, period);

  edgeWeight.fill(0);
  for (let m = from; m < to; m++) {
    if (!messagePasses(edges, rule, sender, m)) continue;
    for (let j = msgEdgeStart[m]; j < msgEdgeStart[m + 1]; j++)
      if (slotCounts(edges, rule, j)) edgeWeight[msgEdge[j]]++;
  }
  if (filters.minConnection > 1)
    for (let e = 0; e < edges.count; e++) if (edgeWeight[e] < filters.minConnection) edgeWeight[e] = 0;

  /** Counts shown messages per person from the connections still shown. */
  const count = () => {
    sent.fill(0);
    received.fill(0);
    let messages = 0;
    for (let m = from; m < to; m++) {
      if (!messagePasses(edges, rule, sender, m)) continue;
      let drawn = false;
      for (let j = msgEdgeStart[m]; j < msgEdgeStart[m + 1]; j++) {
        const e = msgEdge[j];
        if (edgeWeight[e] > 0 && slotCounts(edges, rule, j)) {
          received[target[e]]++;
          drawn = true;
        }
      }
      if (drawn) {
        sent[sender[m]]++;
        messages++;
      }
    }
    return messages;
  };
  let messages = count();

  const hideEdges = (keep: (person: number) => boolean) => {
    for (let e = 0; e < edges.count; e++)
      if (edgeWeight[e] > 0 && !(keep(source[e]) && keep(target[e]))) edgeWeight[e] = 0;
    messages = count();
  };
  if (filters.minPersonMessages > 1) hideEdges((i) => sent[i] + received[i] >= filters.minPersonMessages);
  if (opts?.focus) {
    const near = neighbourhood(opts.adjacency, edges, edgeWeight, opts.focus);
    hideEdges((i) => near[i] === 1);
  }

  let people = 0;
  for (let i = 0; i < p; i++) if (sent[i] > 0 || received[i] > 0) people++;
  return { period, rule, messages, people, edgeWeight, sent, received };
}

/** 1 for people within `steps` shown connections of the focus person (either direction). */
export function neighbourhood(adj: Adjacency, edges: EdgeIndex, edgeWeight: Float32Array, focus: Focus): Uint8Array {
  const near = new Uint8Array(adj.edgeStart.length - 1);
  near[focus.person] = 1;
  let frontier = [focus.person];
  for (let step = 0; step < focus.steps; step++) {
    const next: number[] = [];
    for (const q of frontier) {
      for (let k = adj.edgeStart[q]; k < adj.edgeStart[q + 1]; k++) {
        const e = adj.edge[k];
        if (edgeWeight[e] <= 0) continue;
        const o = otherEnd(edges, e, q);
        if (!near[o]) {
          near[o] = 1;
          next.push(o);
        }
      }
    }
    frontier = next;
  }
  return near;
}
