// Community summaries (pure): size, label from the data (most connected member, dominant domain),
// and colours anchored to the whole period's communities, so a view's colours never depend on
// the path that led to it.
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";

/** Paul Tol's "muted" qualitative scheme: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = [
  "#332288",
  "#117733",
  "#CC6677",
  "#88CCEE",
  "#882255",
  "#44AA99",
  "#999933",
  "#AA4499",
  "#DDCC77",
];
export const OTHER_COLOUR = "#b4b4b4";

export interface CommunitySummary {
  index: number;
  size: number;
  /** Name of the most connected member (weighted degree in the period). */
  label: string;
  /** That member's person index: names the community in the view state and in links. */
  member: number;
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
      member: b,
      domain,
      domainShare: size[c] ? top / size[c] : 0,
      colour: colours[c] ?? OTHER_COLOUR,
      top: topMembers[c].map((i) => displayName(ds.people, i)),
    };
  });
}

/** Colour per community, a pure function of the partition and an anchor partition (the whole
 *  period's communities), so the same view gets the same colours whatever was computed before.
 *  The anchor's community k (0 = largest) owns PALETTE[k]. Of the new partition, only communities
 *  c < PALETTE.length get a palette colour: they are matched to anchor communities by shared
 *  members, greedily over all pairs (most shared first, then lower c, then lower k; a pair is
 *  taken when both are free); the unmatched then take the free colours in palette order; the rest
 *  are OTHER_COLOUR. Without an anchor (or with the anchor itself) community c gets PALETTE[c]. */
export function assignColours(
  anchor: { community: Int32Array; count: number } | null,
  community: Int32Array,
  count: number,
): string[] {
  const P = PALETTE.length;
  const slots = Math.min(count, P);
  const out: string[] = new Array(count).fill(OTHER_COLOUR);
  const owner = new Int32Array(P).fill(-1); // palette index -> new community holding it
  if (anchor) {
    const kSlots = Math.min(anchor.count, P);
    const overlap = new Int32Array(slots * kSlots);
    const n = Math.min(community.length, anchor.community.length);
    for (let i = 0; i < n; i++) {
      const c = community[i];
      const k = anchor.community[i];
      if (c >= 0 && c < slots && k >= 0 && k < kSlots) overlap[c * kSlots + k]++;
    }
    const pairs: number[] = [];
    for (let p = 0; p < overlap.length; p++) if (overlap[p] > 0) pairs.push(p);
    // p = c·kSlots + k, so for equal overlap ascending p is c ascending, then k ascending.
    pairs.sort((a, b) => overlap[b] - overlap[a] || a - b);
    for (const p of pairs) {
      const c = Math.floor(p / kSlots);
      const k = p % kSlots;
      if (out[c] === OTHER_COLOUR && owner[k] < 0) {
        out[c] = PALETTE[k];
        owner[k] = c;
      }
    }
  }
  let next = 0;
  for (let c = 0; c < slots; c++) {
    if (out[c] !== OTHER_COLOUR) continue;
    while (owner[next] >= 0) next++;
    out[c] = PALETTE[next];
    owner[next] = c;
  }
  return out;
}
