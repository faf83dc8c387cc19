import { describe, expect, it } from "vitest";
import { decodeDataset, encodeDataset } from "../../src/data/decode";
import { buildEdgeIndex } from "../../src/graph/edges";
import { computePeriodStats, fullPeriod } from "../../src/graph/period";
import { makeCorpus } from "../../scripts/sample/model";
import { DAY, msg, T0, tinyFile } from "./fixtures";

describe("graph building", () => {
  const ds = decodeDataset(
    tinyFile(4, [
      msg(0, 0, [1, 2], [3]),
      msg(1, 0, [1]),
      msg(2, 1, [0], [1]), // copy to self is not an edge
      msg(3, 2, [3], [3]), // the same person in To and Cc: one message on that edge
    ]),
  );
  const edges = buildEdgeIndex(ds);
  const weightOf = (s: number, t: number) => {
    for (let e = 0; e < edges.count; e++)
      if (edges.source[e] === s && edges.target[e] === t) return edges.totalWeight[e];
    return 0;
  };

  it("makes one directed edge per sender→recipient pair, weighted by messages", () => {
    expect(edges.count).toBe(5);
    expect(weightOf(0, 1)).toBe(2);
    expect(weightOf(0, 2)).toBe(1);
    expect(weightOf(0, 3)).toBe(1);
    expect(weightOf(1, 0)).toBe(1);
    expect(weightOf(2, 3)).toBe(1);
    expect(weightOf(1, 1)).toBe(0);
  });

  it("gives mass mailings less layout strength than one-to-one mail", () => {
    const e01 = Array.from(edges.source).findIndex((s, e) => s === 0 && edges.target[e] === 1);
    expect(edges.strength[e01]).toBeCloseTo(1 / 3 + 1);
  });

  it("filters to a period: counts only messages inside [start, end)", () => {
    const s = computePeriodStats(ds, edges, { start: T0 + DAY, end: T0 + 3 * DAY });
    expect(s.messages).toBe(2);
    expect(Array.from(s.sent)).toEqual([1, 1, 0, 0]);
    expect(Array.from(s.received)).toEqual([1, 1, 0, 0]);
    expect(s.people).toBe(2);
    const all = computePeriodStats(ds, edges, fullPeriod(ds));
    expect(all.messages).toBe(4);
  });
});

describe("period filtering on the generated corpus", () => {
  const { people, messages } = makeCorpus({ people: 300, messages: 3000, seed: 7 });
  const ds = decodeDataset(
    encodeDataset({
      meta: { title: "t", synthetic: true, timeZone: "UTC" },
      people: { address: people.map((p) => p.address), name: people.map((p) => p.name) },
      messages,
    }),
  );
  const edges = buildEdgeIndex(ds);

  it("matches a brute-force count over the plain messages", () => {
    const start = Date.UTC(2016, 3, 10);
    const end = Date.UTC(2016, 4, 2);
    const stats = computePeriodStats(ds, edges, { start, end });
    // A message counts when it draws a line: a copy only to oneself does not.
    const others = (m: (typeof messages)[number]) =>
      [...new Set([...m.to, ...m.cc, ...m.bcc])].filter((r) => r !== m.sender);
    const inside = messages.filter((m) => m.time !== null && m.time >= start && m.time < end && others(m).length > 0);
    expect(inside.length).toBeLessThan(
      messages.filter((m) => m.time !== null && m.time >= start && m.time < end).length,
    );
    expect(stats.messages).toBe(inside.length);
    const active = new Set<number>();
    const pair = new Map<string, number>();
    for (const m of inside) {
      active.add(m.sender);
      for (const r of others(m)) {
        active.add(r);
        pair.set(`${m.sender}>${r}`, (pair.get(`${m.sender}>${r}`) ?? 0) + 1);
      }
    }
    expect(stats.people).toBe(active.size);
    let nonZero = 0;
    for (let e = 0; e < edges.count; e++) {
      const w = stats.edgeWeight[e];
      if (w > 0) nonZero++;
      expect(w).toBe(pair.get(`${edges.source[e]}>${edges.target[e]}`) ?? 0);
    }
    expect(nonZero).toBe(pair.size);
    for (const p of [0, 1, 5, 40]) {
      expect(stats.sent[p]).toBe(inside.filter((m) => m.sender === p).length);
      expect(stats.received[p]).toBe(inside.filter((m) => others(m).includes(p)).length);
    }
  });
});
