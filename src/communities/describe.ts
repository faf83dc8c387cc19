// Community summaries (pure): size, label from the data (most connected member, dominant domain),
// and colours that follow communities from one run to the next.
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";

/** Paul Tol's "muted" qualitative scheme: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#332288", "#117733", "#CC6677", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499", "#DDCC77"];
export const OTHER_COLOUR = "#b4b4b4";

export interface CommunitySummary {
  index: number;
  size: number;
  /** Name of the most connected member (weighted degree in the period). */
  label: string;
  /** Most common organisation/domain and its share of members. */
  domain: string;
  domainShare: number;
  colour: string;
  /** Names of the most connected members, most first (up to three). */
  top: string[];
}

const TOP_MEMBERS = 3;

export function describeCommunities(
  ds: Dataset,
  edges: EdgeIndex,
  edgeWeight: Float32Array,
  community: Int32Array,
  count: number,
  colours: string[],
): CommunitySummary[] {
  const degree = new Float64Array(ds.people.count);
  for (let e = 0; e < edges.count; e++) {
    const w = edgeWeight[e];
    if (w > 0) {
      degree[edges.source[e]] += w;
      degree[edges.target[e]] += w;
    }
  }
  const size = new Int32Array(count);
  const best = new Int32Array(count).fill(-1);
  const topMembers: number[][] = Array.from({ length: count }, () => []);
  const domains = Array.from({ length: count }, () => new Map<string, number>());
  for (let i = 0; i < community.length; i++) {
    const c = community[i];
    if (c < 0) continue;
    size[c]++;
    if (best[c] < 0 || degree[i] > degree[best[c]]) best[c] = i;
    // Keep the few most connected members, in order (ties by index, as `best`).
    const t = topMembers[c];
    if (t.length < TOP_MEMBERS || degree[i] > degree[t[t.length - 1]]) {
      let k = t.length;
      while (k > 0 && degree[t[k - 1]] < degree[i]) k--;
      t.splice(k, 0, i);
      if (t.length > TOP_MEMBERS) t.pop();
    }
    const d = ds.people.org[i];
    domains[c].set(d, (domains[c].get(d) ?? 0) + 1);
  }
  return Array.from({ length: count }, (_, c) => {
    let domain = "";
    let top = 0;
    for (const [d, k] of domains[c]) if (k > top || (k === top && d < domain)) [domain, top] = [d, k];
    const b = best[c];
    return {
      index: c,
      size: size[c],
      label: b >= 0 ? displayName(ds.people, b) : "",
      domain,
      domainShare: size[c] ? top / size[c] : 0,
      colour: colours[c] ?? OTHER_COLOUR,
      top: topMembers[c].map((i) => displayName(ds.people, i)),
    };
  });
}

/** Colour per community so that a community keeps its colour when it mostly keeps its members.
 *  Greedy: largest new communities first, each takes the free colour whose previous community it
 *  overlaps most; the rest take free colours in palette order. */
export function assignColours(prev: { community: Int32Array; colours: string[] } | null, community: Int32Array, count: number): string[] {
  const slots = Math.min(count, PALETTE.length);
  const out: string[] = new Array(count).fill(OTHER_COLOUR);
  const taken = new Set<string>();
  if (prev) {
    for (let c = 0; c < slots; c++) {
      const overlap = new Map<string, number>();
      for (let i = 0; i < community.length; i++) {
        if (community[i] !== c) continue;
        const pc = prev.community[i];
        const colour = pc >= 0 ? prev.colours[pc] : undefined;
        if (colour && colour !== OTHER_COLOUR && !taken.has(colour)) overlap.set(colour, (overlap.get(colour) ?? 0) + 1);
      }
      let bestColour = "";
      let bestN = 0;
      for (const [colour, k] of overlap) if (k > bestN) [bestColour, bestN] = [colour, k];
      if (bestColour) {
        out[c] = bestColour;
        taken.add(bestColour);
      }
    }
  }
  let next = 0;
  for (let c = 0; c < slots; c++) {
    if (out[c] !== OTHER_COLOUR) continue;
    while (taken.has(PALETTE[next])) next++;
    out[c] = PALETTE[next];
    taken.add(PALETTE[next]);
  }
  return out;
}
