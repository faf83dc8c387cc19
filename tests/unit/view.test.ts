// The filtered view (period + filters + focus), a person's summary, a connection and the chain,
// each checked against the brute-force reference on a generated corpus.
import { describe, expect, it } from "vitest";
import { decodeDataset, encodeDataset } from "../../src/data/decode";
import { buildAdjacency } from "../../src/graph/adjacency";
import { strongestChain } from "../../src/graph/chain";
import { connectionBetween } from "../../src/graph/connection";
import { buildEdgeIndex } from "../../src/graph/edges";
import { allowedPeople, DEFAULT_FILTERS, type Filters } from "../../src/graph/filters";
import { computePeriodStats, type Focus } from "../../src/graph/period";
import { personMessages, summarisePerson } from "../../src/graph/person";
import { makeCorpus } from "../../scripts/sample/model";
import { referenceView, type RefFilters, type RefMessage } from "../reference";
import { msg, tinyFile } from "./fixtures";

const { people, messages } = makeCorpus({ people: 300, messages: 3000, seed: 11 });
const file = encodeDataset({
  meta: { title: "t", synthetic: true, timeZone: "UTC" },
  people: { address: people.map((p) => p.address), name: people.map((p) => p.name), org: people.map((p) => p.org) },
  messages,
});
const ds = decodeDataset(file);
const edges = buildEdgeIndex(ds);
const adj = buildAdjacency(ds, edges);
// The reference reads the encoded order (dated, by time), as the app does.
const ref: RefMessage[] = Array.from({ length: ds.messages.count }, (_, i) => {
  const roles: number[][] = [[], [], []];
  for (let j = ds.messages.rcptStart[i]; j < ds.messages.rcptStart[i + 1]; j++)
    roles[ds.messages.rcptRole[j]].push(ds.messages.rcpt[j]);
  return { index: i, t: ds.messages.time[i], sender: ds.messages.sender[i], to: roles[0], cc: roles[1], bcc: roles[2] };
});
const start = Date.UTC(2016, 3, 5);
const end = Date.UTC(2016, 4, 10);
const orgs = [...new Set(ds.people.org)];

function view(f: Partial<Filters>, focus: Focus | null = null) {
  const filters = { ...DEFAULT_FILTERS, ...f };
  return computePeriodStats(
    ds,
    edges,
    { start, end },
    { filters, allowed: allowedPeople(ds, filters), focus, adjacency: adj },
  );
}
function refFilters(f: Partial<Filters>, focus: Focus | null = null): RefFilters {
  return {
    hideOrgs: f.orgMode !== "include" ? f.orgs : undefined,
    onlyOrgs: f.orgMode === "include" ? f.orgs : undefined,
    massLimit: f.massMailing,
    minConnection: f.minConnection,
    roles: f.roles,
    minPerson: f.minPersonMessages,
    focus: focus ?? undefined,
  };
}

const busiest = (() => {
  const s = view({});
  let best = 0;
  for (let p = 0; p < ds.people.count; p++) if (s.sent[p] + s.received[p] > s.sent[best] + s.received[best]) best = p;
  return best;
})();

const cases: [string, Partial<Filters>, Focus | null][] = [
  ["no filters", {}, null],
  ["an organisation hidden", { orgs: [orgs[0], orgs[3]] }, null],
  ["only two organisations", { orgs: [orgs[1], orgs[2]], orgMode: "include" }, null],
  ["mass mailings over 5 recipients hidden", { massMailing: 5 }, null],
  ["connections of 3+ messages", { minConnection: 3 }, null],
  ["To only", { roles: "to" }, null],
  ["To and Cc", { roles: "to-cc" }, null],
  ["people with 10+ messages", { minPersonMessages: 10 }, null],
  [
    "everything at once",
    { orgs: [orgs[0]], massMailing: 8, minConnection: 2, roles: "to-cc", minPersonMessages: 4 },
    null,
  ],
  ["one step from the busiest person", {}, { person: busiest, steps: 1 }],
  ["two steps, To only", { roles: "to" }, { person: busiest, steps: 2 }],
];

describe("the filtered view equals the brute-force reference", () => {
  it.each(cases)("%s", (_name, f, focus) => {
    const s = view(f, focus);
    const r = referenceView(ref, ds.people.org, start, end, refFilters(f, focus));
    expect(s.messages).toBe(r.messages.length);
    expect(s.people).toBe(r.people);
    let shown = 0;
    for (let e = 0; e < edges.count; e++) {
      const w = s.edgeWeight[e];
      if (w > 0) shown++;
      expect(w).toBe(r.pairs.get(`${edges.source[e]}>${edges.target[e]}`) ?? 0);
    }
    expect(shown).toBe(r.pairs.size);
    for (let p = 0; p < ds.people.count; p++) {
      expect(s.sent[p]).toBe(r.sent(p));
      expect(s.received[p]).toBe(r.received(p));
    }
  });

  it("every filter changes the counts on this corpus", () => {
    const base = view({});
    for (const [name, f, focus] of cases.slice(1)) expect(view(f, focus).messages, name).toBeLessThan(base.messages);
  });
});

describe("a person in the view", () => {
  const f: Partial<Filters> = { massMailing: 10, roles: "to-cc" };
  const s = view(f);
  const r = referenceView(ref, ds.people.org, start, end, refFilters(f));
  const whole = referenceView(ref, ds.people.org, -Infinity, Infinity, refFilters(f));
  const p = busiest;
  const sum = summarisePerson(ds, edges, adj, s, p);

  it("counts sent and received in the period and in all", () => {
    expect(sum.sent).toBe(r.sent(p));
    expect(sum.received).toBe(r.received(p));
    // Undated messages count in all; the reference's whole view skips NaN times, so add them.
    const undated = ref.filter((m) => Number.isNaN(m.t));
    const extra = referenceView(
      undated.map((m) => ({ ...m, t: 0 })),
      ds.people.org,
      0,
      1,
      refFilters(f),
    );
    expect(sum.sentTotal).toBe(whole.sent(p) + extra.sent(p));
    expect(sum.receivedTotal).toBe(whole.received(p) + extra.received(p));
  });

  it("finds the first and last message and the top correspondents", () => {
    const mine = whole.messages.filter((m) => whole.shownFor(m, p));
    expect(sum.first).toBe(mine[0].t);
    expect(sum.last).toBe(mine[mine.length - 1].t);
    const out = [...r.pairs]
      .filter(([k]) => k.startsWith(`${p}>`))
      .map(([, n]) => n)
      .sort((a, b) => b - a);
    expect(sum.wroteTo.map((c) => c.messages)).toEqual(out);
    const top = sum.wroteTo[0];
    expect(r.pairs.get(`${p}>${top.person}`)).toBe(top.messages);
  });

  it("lists their shown messages in the period", () => {
    expect(personMessages(ds, edges, adj, s, p)).toEqual(
      r.messages.filter((m) => r.shownFor(m, p)).map((m) => m.index),
    );
  });

  it("lists the messages between two people by direction and role", () => {
    const b = sum.wroteTo[0].person;
    const c = connectionBetween(ds, edges, adj, s, p, b);
    const ab = r.messages.filter((m) => m.sender === p && r.shownFor(m, b));
    const ba = r.messages.filter((m) => m.sender === b && r.shownFor(m, p));
    expect(c.counts[0].total).toBe(ab.length);
    expect(c.counts[1].total).toBe(ba.length);
    expect(c.counts[0].to).toBe(ab.filter((m) => m.to.includes(b)).length);
    expect(c.counts[0].cc).toBe(ab.filter((m) => !m.to.includes(b) && m.cc.includes(b)).length);
    expect(c.messages.map((m) => m.message)).toEqual([...ab, ...ba].map((m) => m.index).sort((x, y) => x - y));
  });
});

describe("the strongest chain", () => {
  // 0 - 1 - 3 is strong (5 and 4 messages); 0 - 2 - 3 is weak (1 each); 0 - 4 - 5 - 3 is long.
  const m = (n: number, a: number, b: number) => Array.from({ length: n }, () => msg(0, a, [b]));
  const tiny = decodeDataset(
    tinyFile(7, [
      ...m(5, 0, 1),
      ...m(4, 3, 1),
      ...m(1, 0, 2),
      ...m(1, 2, 3),
      ...m(9, 0, 4),
      ...m(9, 4, 5),
      ...m(9, 5, 3),
    ]),
  );
  const e = buildEdgeIndex(tiny);
  const a = buildAdjacency(tiny, e);
  const w = computePeriodStats(tiny, e, { start: -Infinity, end: Infinity }).edgeWeight;

  it("prefers heavy links: 1/5 + 1/4 beats 1 + 1 and 3 × 1/9 beats both", () => {
    expect(strongestChain(a, e, w, 0, 3)?.people).toEqual([0, 4, 5, 3]);
    const w2 = w.slice();
    for (let k = 0; k < e.count; k++) if (e.source[k] === 4 || e.target[k] === 4) w2[k] = 0;
    const c = strongestChain(a, e, w2, 0, 3);
    expect(c?.people).toEqual([0, 1, 3]);
    expect(c?.links.map((l) => l.messages)).toEqual([5, 4]);
  });

  it("returns null when no chain joins them", () => {
    expect(strongestChain(a, e, w, 0, 6)).toBeNull();
  });
});
