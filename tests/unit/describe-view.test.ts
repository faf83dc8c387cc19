// The view in words (describeView): every number and name in the sentences checked against counts
// made independently, by the brute-force reference over plain message objects.
import { describe, expect, it } from "vitest";
import { assignColours, describeCommunities } from "../../src/communities/describe";
import { detectCommunities } from "../../src/communities/detect";
import type { CommunityState } from "../../src/communities/runner";
import { decodeDataset, encodeDataset } from "../../src/data/decode";
import { buildAdjacency } from "../../src/graph/adjacency";
import { strongestChain } from "../../src/graph/chain";
import { buildEdgeIndex } from "../../src/graph/edges";
import { allowedPeople, DEFAULT_FILTERS, type Filters } from "../../src/graph/filters";
import { computePeriodStats, fullPeriod, type Focus, type Period } from "../../src/graph/period";
import { SEED } from "../../src/graph/random";
import { describeView, listWords } from "../../src/network/describe-view";
import { initialView, type ViewState } from "../../src/state/view-state";
import { makeCorpus } from "../../scripts/sample/model";
import { referenceView, undirected, type RefFilters, type RefMessage } from "../reference";
import { msg, tinyFile } from "./fixtures";

const corpus = makeCorpus({ people: 300, messages: 3000, seed: 5 });
const ds = decodeDataset(
  encodeDataset({
    meta: { title: "t", synthetic: true, timeZone: "UTC" },
    people: {
      address: corpus.people.map((p) => p.address),
      name: corpus.people.map((p) => p.name),
      org: corpus.people.map((p) => p.org),
    },
    messages: corpus.messages,
  }),
);
const edges = buildEdgeIndex(ds);
const adj = buildAdjacency(ds, edges);
const ref: RefMessage[] = Array.from({ length: ds.messages.count }, (_, i) => {
  const roles: number[][] = [[], [], []];
  const { rcptStart, rcptRole, rcpt } = ds.messages;
  for (let j = rcptStart[i]; j < rcptStart[i + 1]; j++) roles[rcptRole[j]].push(rcpt[j]);
  return { index: i, t: ds.messages.time[i], sender: ds.messages.sender[i], to: roles[0], cc: roles[1], bcc: roles[2] };
});
const period: Period = { start: Date.UTC(2016, 3, 5), end: Date.UTC(2016, 4, 10) };
const fmt = (n: number) => n.toLocaleString("en-GB");
const name = (p: number) => ds.people.name[p] || ds.people.address[p];

function stateFor(patch: Partial<ViewState>): ViewState {
  return { ...initialView(fullPeriod(ds)), period, ...patch };
}
function statsFor(s: ViewState) {
  const allowed = allowedPeople(ds, s.filters);
  return computePeriodStats(ds, edges, s.period, { filters: s.filters, allowed, focus: s.focus, adjacency: adj });
}
function communitiesFor(weight: Float32Array): CommunityState {
  const { source, target } = edges;
  const r = detectCommunities({ nodeCount: ds.people.count, source, target, weight, seed: SEED, resolution: 1 });
  const colours = assignColours(null, r.community, r.count);
  const list = describeCommunities(ds, edges, weight, r.community, r.count, colours);
  return { status: "ready", error: null, result: { ...r, colours, list, ms: 0 } };
}
const waiting: CommunityState = { status: "busy", result: null, error: null };
/** The description of a state of the generated corpus, its counts computed as the app does. */
const linesFor = (state: ViewState, communities = waiting) =>
  describeView({ ds, stats: statsFor(state), communities, state });
/** The same for a small dataset of the test's own. */
function tinyLines(file: ReturnType<typeof tinyFile>, period?: Period, communities = waiting) {
  const small = decodeDataset(file);
  const state = { ...initialView(fullPeriod(small)), ...(period ? { period } : {}) };
  const stats = computePeriodStats(small, buildEdgeIndex(small), state.period);
  return describeView({ ds: small, stats, communities, state });
}

/** The reference's people, most messages (sent + received) first, ties by index. */
function refTop(r: ReturnType<typeof referenceView>, n: number) {
  const all = Array.from({ length: ds.people.count }, (_, p) => ({ p, n: r.sent(p) + r.received(p) })).filter(
    (x) => x.n > 0,
  );
  return all.sort((a, b) => b.n - a.n || a.p - b.p).slice(0, n);
}

describe("describeView on a generated corpus", () => {
  const state = stateFor({});
  const stats = statsFor(state);
  const r = referenceView(ref, ds.people.org, period.start, period.end);
  const lines = describeView({ ds, stats, communities: waiting, state });

  it("names the period in the corpus's time zone", () => {
    expect(lines[0]).toBe("Period: 5 Apr – 9 May 2016.");
    const whole = stateFor({ period: { start: ref[0].t, end: ref[ds.messages.datedCount - 1].t + 1 } });
    expect(linesFor(whole)[0]).toMatch(/, the whole corpus\.$/);
  });

  it("counts the people and messages shown as the reference does", () => {
    expect(r.messages.length).toBeGreaterThan(100);
    expect(lines[1]).toBe(`Shown: ${fmt(r.people)} people and ${fmt(r.messages.length)} messages.`);
  });

  it("names the five most connected people with their message counts, most first", () => {
    const top = refTop(r, 5);
    expect(top[0].n).toBeGreaterThan(top[4].n);
    const words = top.map((t) => `${name(t.p)} (${fmt(t.n)} messages)`);
    const list = `${words.slice(0, 4).join(", ")} and ${words[4]}`;
    expect(lines[2]).toBe(`Most connected, by messages sent and received: ${list}.`);
  });

  it("says the communities are being found until they are", () => {
    expect(lines[3]).toBe("Communities are being found for this view.");
    const failed: CommunityState = { status: "error", result: null, error: "the worker stopped" };
    expect(linesFor(state, failed)[3]).toBe("Communities could not be found: the worker stopped.");
  });

  it("counts the communities and names the three largest, with sizes counted from the partition", () => {
    const c = communitiesFor(stats.edgeWeight);
    const of = c.result!.community;
    const size = new Map<number, number>();
    of.forEach((k) => k >= 0 && size.set(k, (size.get(k) ?? 0) + 1));
    // Weighted degree from the reference's pairs: the label is the community's most connected member.
    const degree = new Map<number, number>();
    for (const [key, n] of undirected(r.pairs)) {
      for (const p of key.split("-").map(Number)) degree.set(p, (degree.get(p) ?? 0) + n);
    }
    const largest = [...size]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 3)
      .map(([k, n]) => {
        const members = [...of.keys()].filter((p) => of[p] === k);
        const hub = members.reduce((best, p) => ((degree.get(p) ?? 0) > (degree.get(best) ?? 0) ? p : best));
        const orgs = new Map<string, number>();
        for (const p of members) orgs.set(ds.people.org[p], (orgs.get(ds.people.org[p]) ?? 0) + 1);
        const [org, most] = [...orgs].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
        return { hub, n, org: most === n ? `all ${org}` : `${Math.round((most / n) * 100)}% ${org}` };
      });
    const text = describeView({ ds, stats, communities: c, state })[3];
    expect(size.size).toBeGreaterThan(3);
    expect(text).toMatch(
      new RegExp(`^${fmt(size.size)} communities; the largest, named after their most connected member: `),
    );
    let at = 0;
    for (const { hub, n, org } of largest) {
      const i = text.indexOf(`${name(hub)} (${fmt(n)} people; ${org})`, at);
      expect(i, `${name(hub)} with ${n} people (${org}), after position ${at}, in: ${text}`).toBeGreaterThanOrEqual(at);
      at = i + 1;
    }
  });

  it("describes the selected person with their sent and received counts", () => {
    const p = refTop(r, 5)[2].p;
    const sel = describeView({ ds, stats, communities: waiting, state: stateFor({ selected: p }) });
    const total = r.sent(p) + r.received(p);
    const split = `${fmt(r.sent(p))} sent, ${fmt(r.received(p))} received`;
    expect(sel).toContain(`Selected: ${name(p)}, ${fmt(total)} messages in this view (${split}).`);
    expect(lines.some((l) => l.startsWith("Selected:"))).toBe(false);
  });

  it("names the open chain person by person, and the open connection", () => {
    const [a, b] = [refTop(r, 1)[0].p, refTop(r, 40)[39].p];
    const chain = strongestChain(adj, edges, stats.edgeWeight, a, b);
    expect(chain).not.toBeNull();
    const s = stateFor({ selected: a, chain: { a, b } });
    const text = describeView({ ds, stats, communities: waiting, state: s, chain });
    const names = chain!.people.map(name);
    expect(names[0]).toBe(name(a));
    expect(names[names.length - 1]).toBe(name(b));
    const links = chain!.links.length === 1 ? "1 link" : `${chain!.links.length} links`;
    expect(text).toContain(`Strongest chain from ${name(a)} to ${name(b)}: ${names.join(", then ")} (${links}).`);
    const open = linesFor(stateFor({ selected: a, connection: { a, b } }));
    expect(open).toContain(`Open: the messages between ${name(a)} and ${name(b)}.`);
  });
});

describe("describeView with filters and focus", () => {
  const refOf = (f: Filters, focus: Focus | null): RefFilters => ({
    minConnection: f.minConnection,
    roles: f.roles,
    focus: focus ?? undefined,
  });

  it("counts what two filters keep and says they are on", () => {
    const filters: Filters = { ...DEFAULT_FILTERS, minConnection: 2, roles: "to" };
    const s = stateFor({ filters });
    const r = referenceView(ref, ds.people.org, period.start, period.end, refOf(filters, null));
    const lines = linesFor(s);
    expect(lines[1]).toBe(`Shown: ${fmt(r.people)} people and ${fmt(r.messages.length)} messages (2 filters on).`);
    const top = refTop(r, 1)[0];
    expect(lines[2]).toContain(`: ${name(top.p)} (${fmt(top.n)} messages)`);
  });

  it("counts one person's network, one step out", () => {
    const person = refTop(referenceView(ref, ds.people.org, period.start, period.end), 9)[8].p;
    const focus: Focus = { person, steps: 1 };
    const s = stateFor({ focus });
    const r = referenceView(ref, ds.people.org, period.start, period.end, refOf(DEFAULT_FILTERS, focus));
    const lines = linesFor(s);
    expect(r.people).toBeLessThan(ds.people.count / 2);
    const shown = `Shown: ${fmt(r.people)} people and ${fmt(r.messages.length)} messages`;
    expect(lines[1]).toBe(`${shown} (only ${name(person)}'s network, 1 step out).`);
  });
});

describe("describeView on small datasets", () => {
  it("says when nothing is shown, and names no one", () => {
    const none = new Int32Array(3).fill(-1);
    const ready: CommunityState = {
      status: "ready",
      error: null,
      result: { community: none, count: 0, modularity: 0, colours: [], list: [], ms: 0 },
    };
    const later = { start: Date.UTC(2017, 0, 1), end: Date.UTC(2017, 0, 2) };
    const lines = tinyLines(tinyFile(3, [msg(0, 0, [1]), msg(3, 1, [2])]), later, ready);
    expect(lines).toEqual([
      "Period: 1 Jan 2017.",
      "No messages are shown in this period.",
      "No communities: nobody is connected in this view.",
    ]);
  });

  it("names no date when the dataset has no dated message", () => {
    const lines = tinyLines(tinyFile(2, [{ ...msg(0, 0, [1]), time: null }]));
    expect(lines.slice(0, 2)).toEqual(["No period: this dataset has no dated messages.", "No messages are shown."]);
  });

  it("counts a message to two people once for its sender", () => {
    const lines = tinyLines(tinyFile(3, [msg(0, 0, [1, 2]), msg(1, 1, [0]), msg(2, 2, [2])]));
    expect(lines[0]).toBe("Period: 1–3 Apr 2016, the whole corpus.");
    // The third message is to no one but its sender: not shown.
    expect(lines[1]).toBe("Shown: 3 people and 2 messages.");
    expect(lines[2]).toBe(
      "Most connected, by messages sent and received: " +
        "Person 0 (2 messages), Person 1 (2 messages) and Person 2 (1 message).",
    );
  });

  it("joins words as a list", () => {
    const lists = [[], ["a"], ["a", "b"], ["a", "b", "c"]].map(listWords);
    expect(lists).toEqual(["", "a", "a and b", "a, b and c"]);
  });
});
