import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { describe, expect, it } from "vitest";
import { assignColours, OTHER_COLOUR, PALETTE } from "../../src/communities/describe";
import { detectCommunities } from "../../src/communities/detect";
import { canonicalGraph, louvainFace } from "../../src/communities/louvain-graph";
import { seededRng } from "../../src/graph/random";

/** Two 5-cliques joined by one edge, plus an isolated person (index 10). */
function barbell() {
  const src: number[] = [];
  const dst: number[] = [];
  for (const base of [0, 5])
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) src.push(base + i), dst.push(base + j);
  src.push(4), dst.push(5);
  return {
    nodeCount: 11,
    source: Int32Array.from(src),
    target: Int32Array.from(dst),
    weight: new Float32Array(src.length).fill(1),
  };
}

/** 300 people in clusters of 25 with 30% of edges between clusters; weights 1–5 (seeded). */
function clustered() {
  const n = 300;
  const src: number[] = [];
  const dst: number[] = [];
  const w: number[] = [];
  let s = 7;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (let k = 0; k < 2000; k++) {
    const a = Math.floor(rnd() * n);
    const b = rnd() < 0.7 ? (Math.floor(a / 25) * 25 + Math.floor(rnd() * 25)) % n : Math.floor(rnd() * n);
    if (a !== b) src.push(a), dst.push(b), w.push(1 + Math.floor(rnd() * 5));
  }
  return { nodeCount: n, source: Int32Array.from(src), target: Int32Array.from(dst), weight: Float32Array.from(w) };
}

/** Newman modularity of a weighted undirected partition, computed independently of graphology. */
function modularity(source: Int32Array, target: Int32Array, community: Int32Array, weight?: Float32Array): number {
  const deg = new Map<number, number>();
  let m = 0;
  let inside = 0;
  for (let e = 0; e < source.length; e++) {
    const w = weight ? weight[e] : 1;
    m += w;
    deg.set(source[e], (deg.get(source[e]) ?? 0) + w);
    deg.set(target[e], (deg.get(target[e]) ?? 0) + w);
    if (community[source[e]] === community[target[e]]) inside += w;
  }
  const tot = new Map<number, number>();
  for (const [n, d] of deg) tot.set(community[n], (tot.get(community[n]) ?? 0) + d);
  let q = inside / m;
  for (const t of tot.values()) q -= (t / (2 * m)) ** 2;
  return q;
}

describe("community detection", () => {
  it("finds the two cliques, numbers them by size and leaves the isolated person out", () => {
    const g = barbell();
    const res = detectCommunities({ ...g, seed: 1, resolution: 1 });
    expect(res.count).toBe(2);
    expect(new Set(Array.from(res.community.slice(0, 5))).size).toBe(1);
    expect(new Set(Array.from(res.community.slice(5, 10))).size).toBe(1);
    expect(res.community[0]).not.toBe(res.community[5]);
    expect(res.community[10]).toBe(-1);
    expect(res.modularity).toBeCloseTo(modularity(g.source, g.target, res.community), 6);
    expect(res.modularity).toBeCloseTo(0.4523, 3); // 2 × (10/21 − (21/42)²)
  });

  it("ignores edges with no messages in the period", () => {
    const g = barbell();
    const weight = g.weight.slice();
    weight.fill(0, 10); // drop the second clique and the bridge
    const res = detectCommunities({ ...g, weight, seed: 1, resolution: 1 });
    expect(res.count).toBe(1);
    expect(Array.from(res.community.slice(5))).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it("repeats exactly with the same seed", () => {
    const req = { ...clustered(), seed: 9, resolution: 1 };
    const a = detectCommunities(req);
    const b = detectCommunities(req);
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
    expect(a.modularity).toBe(b.modularity);
    expect(a.count).toBeGreaterThanOrEqual(4);
    expect(a.modularity).toBeCloseTo(modularity(req.source, req.target, a.community, req.weight), 6);
  });

  it("gives the same partition whatever the order and direction of the edges, or how a pair's weight is split", () => {
    const g = clustered();
    const base = detectCommunities({ ...g, seed: 9, resolution: 1 });
    let s = 11;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let t = 0; t < 5; t++) {
      const src: number[] = [];
      const dst: number[] = [];
      const w: number[] = [];
      for (let e = 0; e < g.source.length; e++) {
        const [a, b] = rnd() < 0.5 ? [g.source[e], g.target[e]] : [g.target[e], g.source[e]];
        // Split some weights over two listings of the same pair, one of them reversed.
        if (g.weight[e] > 1 && rnd() < 0.3) src.push(a, b), dst.push(b, a), w.push(1, g.weight[e] - 1);
        else src.push(a), dst.push(b), w.push(g.weight[e]);
      }
      const order = src.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const res = detectCommunities({
        nodeCount: g.nodeCount,
        source: Int32Array.from(order, (i) => src[i]),
        target: Int32Array.from(order, (i) => dst[i]),
        weight: Float32Array.from(order, (i) => w[i]),
        seed: 9,
        resolution: 1,
      });
      expect(Array.from(res.community)).toEqual(Array.from(base.community));
      expect(res.modularity).toBe(base.modularity);
    }
  });
});

describe("Louvain on the typed arrays' face", () => {
  it("finds exactly the partition Louvain finds on a graphology graph of the same pairs", () => {
    for (const seed of [1, 2, 3]) {
      const input = clustered();
      const g = canonicalGraph(input);
      // The same pairs in the same order, in a real graphology graph.
      const real = new Graph({ type: "undirected", allowSelfLoops: false });
      for (const node of g.nodes) real.addNode(node);
      g.lo.forEach((a, e) => real.addEdge(a, g.hi[e], { weight: g.weight[e] }));
      const expected = louvain.detailed(real, { getEdgeWeight: "weight", resolution: 1, rng: seededRng(seed) });
      const face = louvainFace(g, input.nodeCount) as unknown as Graph;
      const got = louvain.detailed(face, {
        getEdgeWeight: (e) => g.weight[Number(e)],
        resolution: 1,
        rng: seededRng(seed),
      });
      expect(got.modularity).toBe(expected.modularity);
      expect(got.count).toBe(expected.count);
      for (const node of g.nodes) expect(got.communities[node]).toBe(expected.communities[String(node)]);
      // Pairs summed over both directions: the face's total weight is the input's.
      expect(g.weight.reduce((a, b) => a + b, 0)).toBe(input.weight.reduce((a, b) => a + b, 0));
    }
  });

  it("refuses to be changed", () => {
    const face = louvainFace(canonicalGraph(barbell()), 11);
    expect(() => face.dropNode()).toThrow(/read-only/);
  });
});

describe("community colours", () => {
  const P = PALETTE.length;

  it("gives palette colours in order without an anchor, and grey past the palette", () => {
    const community = Int32Array.from({ length: 12 }, (_, i) => i);
    const colours = assignColours(null, community, 12);
    expect(colours.slice(0, P)).toEqual(PALETTE);
    expect(colours.slice(P)).toEqual([OTHER_COLOUR, OTHER_COLOUR, OTHER_COLOUR]);
  });

  it("gives the anchor itself its own palette order", () => {
    const anchor = { community: Int32Array.from([0, 0, 0, 1, 1, 2, -1, 3]), count: 4 };
    expect(assignColours(anchor, anchor.community, 4)).toEqual(PALETTE.slice(0, 4));
    const many = { community: Int32Array.from({ length: 12 }, (_, i) => i), count: 12 };
    expect(assignColours(many, many.community, 12)).toEqual([...PALETTE, OTHER_COLOUR, OTHER_COLOUR, OTHER_COLOUR]);
  });

  it("keeps colours by members when the same partition is numbered differently", () => {
    const anchor = { community: Int32Array.from([0, 0, 0, 1, 1, 2]), count: 3 };
    const renumbered = Int32Array.from([2, 2, 2, 0, 0, 1]);
    expect(assignColours(anchor, renumbered, 3)).toEqual([PALETTE[1], PALETTE[2], PALETTE[0]]);
  });

  it("gives a view the same colours whatever was computed before it", () => {
    // Whole period: {0..5} {6..9} {10, 11}. April splits the largest and merges the others.
    const whole = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
    const anchor = { community: whole, count: 3 };
    const april = Int32Array.from([1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0]);
    const may = Int32Array.from([0, 0, 0, 0, -1, -1, 1, 1, 1, 1, -1, -1]);
    const views: [Int32Array, number][] = [
      [whole, 3],
      [april, 3],
      [whole, 3],
      [may, 2],
      [april, 3],
      [whole, 3],
    ];
    const first = new Map<Int32Array, string[]>();
    for (const [community, count] of views) {
      const colours = assignColours(anchor, community, count);
      if (!first.has(community)) first.set(community, colours);
      expect(colours).toEqual(first.get(community));
    }
    expect(first.get(whole)).toEqual(PALETTE.slice(0, 3));
    // April's largest community holds {6..9} and {10, 11}: it takes the colour of {6..9}; {0, 1, 2}
    // wins the tie for {0..5}'s colour (lower number); {3, 4, 5} takes the first free colour.
    expect(first.get(april)).toEqual([PALETTE[1], PALETTE[0], PALETTE[2]]);
    expect(first.get(may)).toEqual([PALETTE[0], PALETTE[1]]);
  });

  it("matches by the largest overlaps first, over all pairs", () => {
    // Anchor: 0 = {0..7} (8 people), 1 = {8..14} (7 people).
    const anchor = { community: Int32Array.from({ length: 15 }, (_, i) => (i < 8 ? 0 : 1)), count: 2 };
    // New 0 = {0, 1, 8, 9, 10} shares 3 with anchor 1 and 2 with anchor 0; new 1 = {11..14} shares 4
    // with anchor 1. The largest overlap (new 1, anchor 1) goes first, so new 0 takes anchor 0's colour.
    const community = Int32Array.from([0, 0, -1, -1, -1, -1, -1, -1, 0, 0, 0, 1, 1, 1, 1]);
    expect(assignColours(anchor, community, 2)).toEqual([PALETTE[0], PALETTE[1]]);
    // New 0 = {0, 1, 8, 9, 10} again; new 1 = {2..5} shares 4 with anchor 0, so it takes anchor 0's
    // colour and new 0 takes anchor 1's, its larger overlap.
    const other = Int32Array.from([0, 0, 1, 1, 1, 1, -1, -1, 0, 0, 0, -1, -1, -1, -1]);
    expect(assignColours(anchor, other, 2)).toEqual([PALETTE[1], PALETTE[0]]);
  });

  it("breaks ties by the lower new community, then the lower anchor community", () => {
    const anchor = { community: Int32Array.from([0, 0, 1, 1, 2, 2]), count: 3 };
    // New 0 = {1, 2}: one from anchor 0, one from anchor 1; new 1 = {0}: one from anchor 0.
    // (0, 0), (0, 1), (1, 0) all share one: new 0 takes anchor 0, new 1 the first free colour.
    const community = Int32Array.from([1, 0, 0, -1, -1, -1]);
    expect(assignColours(anchor, community, 2)).toEqual([PALETTE[0], PALETTE[1]]);
    // New 0 = {0}, new 1 = {1, 4}: the tie (0, 0) / (1, 0) goes to new 0; new 1 takes anchor 2.
    const other = Int32Array.from([0, 1, -1, -1, 1, -1]);
    expect(assignColours(anchor, other, 2)).toEqual([PALETTE[0], PALETTE[2]]);
  });

  it("colours only the first PALETTE.length new communities; unmatched ones take free colours in order", () => {
    // Anchor: 0 = {0, 1}, 1 = {2, 3}. New: everyone alone, in reverse, then one more past the palette.
    const n = P + 1;
    const anchor = { community: Int32Array.from({ length: n }, (_, i) => (i < 4 ? Math.floor(i / 2) : -1)), count: 2 };
    const community = Int32Array.from({ length: n }, (_, i) => n - 1 - i); // person 0 is new P (past the palette)
    const colours = assignColours(anchor, community, n);
    expect(colours[n - 1]).toBe(OTHER_COLOUR); // person 0's community, though it overlaps anchor 0
    expect(colours[n - 2]).toBe(PALETTE[0]); // person 1's
    expect(colours[n - 4]).toBe(PALETTE[1]); // person 3's wins the tie with person 2's (lower number)
    // The others, none matched, take the free colours in palette order (person 2's last).
    expect([...colours.slice(0, n - 4), colours[n - 3]]).toEqual(PALETTE.slice(2));
  });

  it("ignores anchor communities past the palette", () => {
    const anchor = { community: Int32Array.from({ length: P + 1 }, (_, i) => i), count: P + 1 };
    // New 0 holds only anchor P's person: it has no anchor colour to inherit.
    const community = new Int32Array(P + 1).fill(-1);
    community[P] = 0;
    expect(assignColours(anchor, community, 1)).toEqual([PALETTE[0]]);
  });
});
