import { describe, expect, it } from "vitest";
import { assignColours, OTHER_COLOUR, PALETTE } from "../../src/communities/describe";
import { detectCommunities } from "../../src/communities/detect";

/** Two 5-cliques joined by one edge, plus an isolated person (index 10). */
function barbell() {
  const src: number[] = [];
  const dst: number[] = [];
  for (const base of [0, 5]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) src.push(base + i), dst.push(base + j);
  src.push(4), dst.push(5);
  return { nodeCount: 11, source: Int32Array.from(src), target: Int32Array.from(dst), weight: new Float32Array(src.length).fill(1) };
}

/** Newman modularity of an undirected partition, computed independently of graphology. */
function modularity(source: Int32Array, target: Int32Array, community: Int32Array): number {
  const m = source.length;
  const deg = new Map<number, number>();
  let inside = 0;
  for (let e = 0; e < m; e++) {
    deg.set(source[e], (deg.get(source[e]) ?? 0) + 1);
    deg.set(target[e], (deg.get(target[e]) ?? 0) + 1);
    if (community[source[e]] === community[target[e]]) inside++;
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
    const n = 120;
    const src: number[] = [];
    const dst: number[] = [];
    let s = 3;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 600; k++) {
      const a = Math.floor(rnd() * n);
      const b = rnd() < 0.8 ? (Math.floor(a / 20) * 20 + Math.floor(rnd() * 20)) % n : Math.floor(rnd() * n);
      if (a !== b) src.push(a), dst.push(b);
    }
    const req = { nodeCount: n, source: Int32Array.from(src), target: Int32Array.from(dst), weight: new Float32Array(src.length).fill(1), seed: 9, resolution: 1 };
    const a = detectCommunities(req);
    const b = detectCommunities(req);
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
    expect(a.modularity).toBe(b.modularity);
    expect(a.count).toBeGreaterThanOrEqual(4);
    expect(a.modularity).toBeCloseTo(modularity(req.source, req.target, a.community), 6);
  });
});

describe("community colours", () => {
  it("gives palette colours in order the first time and grey past the palette", () => {
    const community = Int32Array.from({ length: 12 }, (_, i) => i);
    const colours = assignColours(null, community, 12);
    expect(colours.slice(0, PALETTE.length)).toEqual(PALETTE);
    expect(colours[PALETTE.length]).toBe(OTHER_COLOUR);
  });

  it("keeps a community's colour when its members stay together but its rank changes", () => {
    const before = Int32Array.from([0, 0, 0, 1, 1, 2]);
    const prev = { community: before, colours: assignColours(null, before, 3) };
    // The former community 1 (members 3, 4) is now the largest.
    const after = Int32Array.from([1, 1, -1, 0, 0, 0]);
    const colours = assignColours(prev, after, 2);
    expect(colours[0]).toBe(prev.colours[1]);
    expect(colours[1]).toBe(prev.colours[0]);
  });
});
