import { describe, expect, it } from "vitest";
import { computeLayout, type LayoutInput } from "../../src/graph/layout";
import { SEED, seededRng } from "../../src/graph/random";

/** A planted partition: `groups` groups of `size` people, each with a busy head; most mail stays
 *  inside a group, a little crosses to others. Directed edges with mailbox-like strengths. */
function planted(groups: number, size: number, seed = 5): LayoutInput & { group: Int32Array } {
  const rng = seededRng(seed);
  const n = groups * size,
    src: number[] = [],
    dst: number[] = [],
    w: number[] = [];
  const group = Int32Array.from({ length: n }, (_, i) => Math.floor(i / size));
  const edge = (a: number, b: number) => (src.push(a), dst.push(b), w.push(0.2 + 2 * rng()));
  for (let i = 0; i < n; i++) {
    const base = group[i] * size;
    for (let k = 0; k < 6; k++) edge(i, base + Math.floor(rng() * size));
    if (rng() < 0.6) edge(i, Math.floor(rng() * n));
    if (i !== base) edge(base, i);
  }
  const source = Int32Array.from(src),
    target = Int32Array.from(dst);
  return { nodeCount: n, source, target, weight: Float32Array.from(w), seed: SEED, group };
}

/** Mean length of edges inside a group over mean length of edges between groups. */
function edgeRatio(input: LayoutInput, group: Int32Array, x: Float32Array, y: Float32Array): number {
  let inSum = 0,
    inN = 0,
    outSum = 0,
    outN = 0;
  for (let e = 0; e < input.source.length; e++) {
    const a = input.source[e],
      b = input.target[e];
    if (a === b) continue;
    const d = Math.hypot(x[a] - x[b], y[a] - y[b]);
    if (group[a] === group[b]) (inSum += d), inN++;
    else (outSum += d), outN++;
  }
  return inSum / inN / (outSum / outN);
}

/** Share of each person's k nearest people (on the page) who are in the same group. */
function neighbourPurity(group: Int32Array, x: Float32Array, y: Float32Array, k: number): number {
  const n = group.length;
  let same = 0;
  for (let i = 0; i < n; i++) {
    const near = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .sort((a, b) => Math.hypot(x[a] - x[i], y[a] - y[i]) - Math.hypot(x[b] - x[i], y[b] - y[i]))
      .slice(0, k);
    same += near.filter((j) => group[j] === group[i]).length / k;
  }
  return same / n;
}

const allFinite = (a: Float32Array) => a.every((v) => Number.isFinite(v));

describe("computeLayout", () => {
  const graph = planted(8, 50);

  it("repeats exactly for the same input and seed, and differs for another seed", () => {
    const a = computeLayout(graph);
    const b = computeLayout({ ...graph, source: graph.source.slice(), target: graph.target.slice() });
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    const c = computeLayout({ ...graph, seed: SEED + 1 });
    let moved = 0;
    for (let i = 0; i < graph.nodeCount; i++) if (c.x[i] !== a.x[i] || c.y[i] !== a.y[i]) moved++;
    expect(moved).toBeGreaterThan(graph.nodeCount * 0.9);
  });

  it("gives every person a finite, distinct position", () => {
    const { x, y } = computeLayout(graph);
    expect(x).toHaveLength(graph.nodeCount);
    expect(y).toHaveLength(graph.nodeCount);
    expect(allFinite(x) && allFinite(y)).toBe(true);
    expect(new Set(Array.from(x, (v, i) => `${v},${y[i]}`)).size).toBe(graph.nodeCount);
  });

  it("separates communities: edges inside a group are much shorter than edges between groups", () => {
    const { x, y } = computeLayout(graph);
    expect(edgeRatio(graph, graph.group, x, y)).toBeLessThan(0.4);
    expect(neighbourPurity(graph.group, x, y, 10)).toBeGreaterThan(0.9);
    // The measures do tell: random positions score about 1 and 1 / groups.
    const rng = seededRng(9);
    const rx = Float32Array.from(x, () => rng()),
      ry = Float32Array.from(y, () => rng());
    expect(edgeRatio(graph, graph.group, rx, ry)).toBeGreaterThan(0.9);
    expect(neighbourPurity(graph.group, rx, ry, 10)).toBeLessThan(0.3);
  });

  it("separates them for every seed", () => {
    for (const seed of [1, 2, 3]) {
      const { x, y } = computeLayout({ ...graph, seed });
      expect(edgeRatio(graph, graph.group, x, y)).toBeLessThan(0.4);
    }
  });

  it("handles empty graphs, people without mail, self-addressed mail and many small components", () => {
    const mail = (nodeCount: number, source: number[], target: number[], weight: number[]): LayoutInput => ({
      nodeCount,
      source: Int32Array.from(source),
      target: Int32Array.from(target),
      weight: Float32Array.from(weight),
      seed: 1,
    });
    expect(computeLayout(mail(0, [], [], [])).x).toHaveLength(0);
    const cases: LayoutInput[] = [
      mail(1, [], [], []),
      mail(5, [], [], []),
      mail(3, [0, 1], [0, 1], [1, 1]),
      mail(2, [0, 1], [1, 0], [1, 3]),
      // 2,000 separate pairs: Louvain cannot shrink the coarse graph any further.
      {
        nodeCount: 4000,
        source: Int32Array.from({ length: 2000 }, (_, i) => 2 * i),
        target: Int32Array.from({ length: 2000 }, (_, i) => 2 * i + 1),
        weight: new Float32Array(2000).fill(1),
        seed: 1,
      },
    ];
    for (const input of cases) {
      const { x, y } = computeLayout(input);
      expect(x).toHaveLength(input.nodeCount);
      expect(allFinite(x) && allFinite(y)).toBe(true);
    }
  });
});
