// Exports: CSV rows and counts against the brute-force reference on the bundled sample, quoting and
// formula defusing, the SVG as XML (shapes per item, hostile names escaped), the GEXF read back with
// graphology-gexf's parser, the page layout at phone and card sizes, and safe file names.
import { DOMImplementation, DOMParser } from "@xmldom/xmldom";
import { parse as parseCsv } from "csv-parse/sync";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/communities/describe";
import type { CommunityState } from "../../src/communities/runner";
import { decodeDataset } from "../../src/data/decode";
import type { DatasetFile } from "../../src/data/types";
import { connectionMessagesCsv, connectionsCsv, csvCell, peopleCsv, personMessagesCsv } from "../../src/publish/csv";
import { connectionBetween } from "../../src/graph/connection";
import { exportFileName, slug } from "../../src/ui/download";
import { frameFor } from "../../src/publish/frame-info";
import { layoutFrame } from "../../src/publish/layout-frame";
import { estimateWidth, wrapText } from "../../src/publish/text-fit";
import type { NetworkScene, SceneFrame } from "../../src/render/scene";
import { sceneToSvg } from "../../src/publish/svg";
import { buildAdjacency } from "../../src/graph/adjacency";
import { buildEdgeIndex } from "../../src/graph/edges";
import { allowedPeople, DEFAULT_FILTERS, type Filters } from "../../src/graph/filters";
import { computePeriodStats, type Focus } from "../../src/graph/period";
import { nodeColour } from "../../src/theme/theme";
import { messagesOf, orgsOf, readRaw } from "../browser/truth";
import { referenceView, type RefFilters } from "../reference";
import { msg, tinyFile } from "./fixtures";

// graphology-gexf/browser (which the app imports) builds its parser from the page's DOMParser.
Object.assign(globalThis, { DOMParser, Document: new DOMImplementation().createDocument(null, "x").constructor });
const { exportGraph, toGexf } = await import("../../src/publish/gexf");

const SAMPLE = new URL("../../data/sample.json", import.meta.url).pathname;
const raw = readRaw(SAMPLE);
const ds = decodeDataset(JSON.parse(JSON.stringify(raw)) as DatasetFile);
const edges = buildEdgeIndex(ds);
const adj = buildAdjacency(ds, edges);
const ref = messagesOf(raw);
const orgs = orgsOf(raw);
const byAddress = new Map(raw.people.address.map((a, i) => [a, i]));
// 1 Mar – 14 Apr 2016 in the corpus's time zone (New York: UTC-5, then UTC-4 from 13 Mar).
const start = Date.UTC(2016, 2, 1, 5);
const end = Date.UTC(2016, 3, 15, 4);

function view(f: Partial<Filters>, focus: Focus | null = null) {
  const filters = { ...DEFAULT_FILTERS, ...f };
  const stats = computePeriodStats(
    ds,
    edges,
    { start, end },
    { filters, allowed: allowedPeople(ds, filters), focus, adjacency: adj },
  );
  const r = referenceView(ref, orgs, start, end, {
    massLimit: filters.massMailing,
    minConnection: filters.minConnection,
    roles: filters.roles,
    minPerson: filters.minPersonMessages,
    focus: focus ?? undefined,
  } satisfies RefFilters);
  return { stats, r };
}

/** Three made-up communities over every person (p mod 3), with labels no name has. */
function communities(): CommunityState {
  const community = Int32Array.from({ length: ds.people.count }, (_, p) => p % 3);
  const list = [0, 1, 2].map((index) => ({
    index,
    size: community.filter((c) => c === index).length,
    label: `Group ${"ABC"[index]}`,
    member: index,
    domain: "",
    domainShare: 0,
    colour: PALETTE[index],
    top: [],
  }));
  return {
    status: "ready",
    error: null,
    result: { community, count: 3, modularity: 0.5, colours: PALETTE.slice(0, 3), list, ms: 1 },
  };
}

function busiestSender(): number {
  const { stats } = view({});
  return stats.sent.indexOf(Math.max(...stats.sent));
}

const rows = (csv: string): string[][] => parseCsv(csv, { relax_quotes: false }) as string[][];

describe("CSV of the people and connections shown", () => {
  const cases: [string, Partial<Filters>, Focus | null][] = [
    ["no filters", {}, null],
    ["mass mailings hidden, To and Cc, connections of 2+", { massMailing: 10, roles: "to-cc", minConnection: 2 }, null],
    ["two steps around the busiest sender", {}, { person: busiestSender(), steps: 2 }],
  ];
  it.each(cases)("%s: one row per person and connection, with the reference's counts", (_name, f, focus) => {
    const { stats, r } = view(f, focus);
    const people = rows(peopleCsv(ds, stats, communities()));
    expect(people[0]).toEqual(["Name", "Address", "Organisation", "Community", "Sent", "Received"]);
    expect(people.length - 1).toBe(r.people);
    expect(r.people).toBeGreaterThan(10);
    for (const [name, address, org, community, sent, received] of people.slice(1)) {
      const p = byAddress.get(address)!;
      expect(name).toBe(raw.people.name[p] || raw.people.address[p]);
      expect(org).toBe(orgs[p]);
      expect(community).toBe(`Group ${"ABC"[p % 3]}`);
      expect([Number(sent), Number(received)]).toEqual([r.sent(p), r.received(p)]);
    }
    const sents = people.slice(1).map((row) => Number(row[4]));
    expect(sents).toEqual([...sents].sort((a, b) => b - a));

    const links = rows(connectionsCsv(ds, edges, stats));
    expect(links[0]).toEqual(["From", "To", "Messages", "From address", "To address"]);
    expect(links.length - 1).toBe(r.pairs.size);
    for (const [, , messages, from, to] of links.slice(1)) {
      expect(Number(messages)).toBe(r.pairs.get(`${byAddress.get(from)}>${byAddress.get(to)}`));
    }
  });

  it("lists the open person's and the open connection's messages as the reference shows them", () => {
    const { stats, r } = view({ massMailing: 20 });
    const busiest = [...r.pairs]
      .sort((a, b) => b[1] - a[1])[0][0]
      .split(">")
      .map(Number);
    const [a, b] = busiest;
    const involving = (p: number) =>
      r.messages.filter((m) => m.sender === p || [...m.to, ...m.cc, ...m.bcc].includes(p));
    const mine = involving(a).filter((m) => r.shownFor(m, a));
    const person = rows(personMessagesCsv(ds, edges, adj, stats, a));
    expect(person[0]).toEqual([
      "Date",
      "Date (UTC)",
      "From",
      "From address",
      "To",
      "Cc",
      "Bcc",
      "Subject",
      "ID",
      "Link",
    ]);
    expect(person.slice(1).map((row) => Number(row[8]))).toEqual(mine.map((m) => m.index + 1));
    expect(person.slice(1).map((row) => row[1])).toEqual(mine.map((m) => new Date(m.t).toISOString()));
    expect(person.slice(1).map((row) => row[3])).toEqual(mine.map((m) => raw.people.address[m.sender]));
    expect(mine.length).toBeGreaterThan(5);

    const between = involving(a).filter(
      (m) => (m.sender === a && r.shownFor(m, b)) || (m.sender === b && r.shownFor(m, a)),
    );
    const conn = rows(connectionMessagesCsv(ds, connectionBetween(ds, edges, adj, stats, a, b)));
    expect(conn[0].slice(0, 2)).toEqual(["Direction", "Role"]);
    expect(conn.slice(1).map((row) => Number(row[10]))).toEqual(between.map((m) => m.index + 1));
    const name = (p: number) => raw.people.name[p] || raw.people.address[p];
    expect(conn.slice(1).map((row) => row[0])).toEqual(
      between.map((m) => (m.sender === a ? `${name(a)} → ${name(b)}` : `${name(b)} → ${name(a)}`)),
    );
  });
});

describe("CSV quoting and formula defusing", () => {
  it("quotes per RFC 4180 and defuses = + - @ at the start of text", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+44 20")).toBe("'+44 20");
    expect(csvCell("-- re: budget")).toBe("'-- re: budget");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("http://x.test","y")')).toBe(`"'=HYPERLINK(""http://x.test"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-3)).toBe("-3");
  });

  it("keeps hostile names in their cells, defused, when read back", () => {
    const names = ['=HYPERLINK("http://evil.test","click")', "Smith, John", 'Line\nbreak "quoted"', "@admin", "+1 555"];
    const file = tinyFile(
      6,
      names.map((_, i) => msg(0, i, [5], [], `=cmd|' /C calc'!A0 ${i}`)),
    );
    file.people.name = [...names, "-dash"];
    const tiny = decodeDataset(file);
    const tinyEdges = buildEdgeIndex(tiny);
    const s = computePeriodStats(tiny, tinyEdges, { start: 0, end: Date.UTC(2030, 0) });
    const people = rows(peopleCsv(tiny, s, { status: "waiting", result: null, error: null }));
    expect(people.length - 1).toBe(6);
    const defused = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
    expect(
      people
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...names, "-dash"].map(defused).sort());
    const messages = rows(personMessagesCsv(tiny, tinyEdges, buildAdjacency(tiny, tinyEdges), s, 5));
    expect(messages.length - 1).toBe(5);
    for (const row of messages.slice(1)) expect(row[7]).toMatch(/^'=cmd\|' \/C calc'!A0 \d$/);
  });
});

const hostile = "<script>alert(\"x\")</script> & 'Bob' \u0001";
function sampleScene(width: number, height: number, n: number): NetworkScene {
  const nodes = Array.from({ length: n }, (_, i) => ({
    person: i,
    x: (i * 37) % width,
    y: (i * 53) % height,
    r: 3 + (i % 4),
    fill: PALETTE[i % 9],
    stroke: i % 2 ? "#555" : null,
  }));
  return {
    width,
    height,
    nodes,
    edges: nodes.slice(1).map((b, i) => ({
      x1: nodes[i].x,
      y1: nodes[i].y,
      x2: b.x,
      y2: b.y,
      width: 1,
      colour: "rgba(96, 104, 112, 0.12)",
    })),
    labels: [hostile, "Zoë Ångström", "Plain Name"].map((text, i) => ({
      text,
      x: 10 + i * 30,
      y: 20 + i * 20,
      size: 13,
      bold: i === 0,
      colour: "#1a1a1a",
      halo: "#ffffff",
    })),
  };
}
const frame: SceneFrame = {
  title: `Leaked mailbox ${hostile} of the Federal Party National Committee, every message of its spring 2016 campaign`,
  subtitle: "1 Mar – 14 Apr 2016 · 4,210 messages · 812 people",
  legend: [
    ...PALETTE.map((colour, i) => ({
      colour,
      label: i === 0 ? `${hostile} (120)` : `Community person ${i} (${90 - i})`,
    })),
  ],
  credit: "Source: Generated by scripts/generate.ts · Licence: CC0 · Fictional data · Made with Switchboard",
  theme: "light",
  colours: { background: "#ffffff", text: "#1a1a1a", muted: "#555555" },
};

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => {}, error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
  }).parseFromString(text, "image/svg+xml");
  return { doc, errors };
}

describe("SVG export", () => {
  const layout = layoutFrame({ width: 1200, height: 675 }, frame);
  const network = sampleScene(layout.network.width, layout.network.height, 40);
  const svg = sceneToSvg(frame, layout, network);
  const { doc, errors } = parseXml(svg);
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  const group = (id: string) => all("g").find((g) => g.getAttribute("id") === id)!;

  it("parses as XML, with one circle per node and one line per edge", () => {
    expect(errors).toEqual([]);
    expect(doc.documentElement.getAttribute("width")).toBe("1200");
    expect(all("circle").length).toBe(40);
    expect(group("nodes").getElementsByTagName("circle").length).toBe(40);
    expect(group("edges").getElementsByTagName("line").length).toBe(39);
    expect(all("line")[0].getAttribute("stroke")).toBe("rgb(96,104,112)");
    expect(all("line")[0].getAttribute("stroke-opacity")).toBe("0.12");
  });

  it("writes every label and legend item as <text>, hostile text escaped, never markup", () => {
    const labels = Array.from(group("labels").getElementsByTagName("text")).map((t) => t.textContent);
    expect(labels).toEqual([hostile.replace("\u0001", ""), "Zoë Ångström", "Plain Name"]);
    const legend = Array.from(group("legend").getElementsByTagName("text")).map((t) => t.textContent);
    expect(legend.length).toBe(frame.legend.length);
    expect(legend[0]).toContain('<script>alert("x")</script>');
    expect(all("script").length).toBe(0);
    const title = Array.from(group("title").getElementsByTagName("text")).filter(
      (t) => t.getAttribute("font-weight") === "700",
    );
    expect(title.map((t) => t.textContent).join(" ")).toBe(frame.title.replace(/\s+/g, " ").replace("\u0001", ""));
    expect(svg).not.toContain("<script>");
  });
});

describe("GEXF export", () => {
  const { stats, r } = view({ minConnection: 2 });
  const layout = ds.layout!;
  const rawLayout = (raw as unknown as { layout: { x: number[]; y: number[] } }).layout;
  const c = communities();
  const gexf = toGexf({ ds, edges, stats, communities: c, layout, theme: "dark", highlight: null, description: "t" });
  const back = parseGexf(Graph, gexf);

  it("reads back with the shown people and connections, positions, colours and weights", () => {
    expect(back.order).toBe(r.people);
    expect(back.size).toBe(r.pairs.size);
    back.forEachNode((key, a) => {
      const p = Number(key);
      // Positions are stored as float32: the file keeps their 7 significant digits.
      expect(Math.abs(a.x - rawLayout.x[p])).toBeLessThanOrEqual(Math.abs(rawLayout.x[p]) * 1e-6);
      expect(Math.abs(a.y - rawLayout.y[p])).toBeLessThanOrEqual(Math.abs(rawLayout.y[p]) * 1e-6);
      expect(a.color).toBe(nodeColour(PALETTE[p % 3], "dark"));
      expect(a.community).toBe(p % 3);
      expect(a.community_label).toBe(`Group ${"ABC"[p % 3]}`);
      expect([a.sent, a.received]).toEqual([r.sent(p), r.received(p)]);
      expect(a.label).toBe(raw.people.name[p] || raw.people.address[p]);
    });
    back.forEachEdge((_e, a, s, t) => expect(a.weight).toBe(r.pairs.get(`${s}>${t}`)));
  });

  it("keeps hostile names as text a strict XML parser reads", () => {
    const file = tinyFile(2, [msg(0, 0, [1])]);
    file.people.name = ['<b a="1">&amp;</b> \u0001\u0008Eve', "Bob"];
    const tiny = decodeDataset(file);
    const tinyEdges = buildEdgeIndex(tiny);
    const s = computePeriodStats(tiny, tinyEdges, { start: 0, end: Date.UTC(2030, 0) });
    const text = toGexf({
      ds: tiny,
      edges: tinyEdges,
      stats: s,
      communities: { status: "waiting", result: null, error: null },
      layout: { x: new Float32Array([0, 1]), y: new Float32Array([0, 1]) },
      theme: "light",
      highlight: null,
      description: "d",
    });
    const { errors } = parseXml(text);
    expect(errors).toEqual([]);
    expect(text).not.toMatch(/[\u0000-\u0008]/);
    expect(parseGexf(Graph, text).getNodeAttribute("0", "label")).toBe('<b a="1">&amp;</b> Eve');
  });

  it("marks the highlighted people when something is lit", () => {
    const g = exportGraph({
      ds,
      edges,
      stats,
      communities: c,
      layout,
      theme: "light",
      highlight: { nodes: [0], edges: [], selected: [0] },
      description: "",
    });
    const lit = g.filterNodes((_k, a) => a.highlighted === true);
    expect(lit).toEqual(g.hasNode("0") ? ["0"] : []);
  });
});

describe("the export page layout", () => {
  const sizes = [
    [375, 667],
    [375, 480],
    [667, 375],
    [1080, 1080],
    [1200, 675],
    [1600, 900],
    [900, 560],
  ] as const;
  it.each(sizes)(
    "%i × %i: the network never overlaps the header or the footer, and no text is cut",
    (width, height) => {
      const l = layoutFrame({ width, height }, frame);
      expect(l.network.y).toBeGreaterThanOrEqual(l.header.y + l.header.height);
      expect(l.network.y + l.network.height).toBeLessThanOrEqual(l.footer.y);
      expect(l.network.height).toBeGreaterThan(height * 0.25);
      const inner = width - 2 * l.padding;
      for (const t of [...l.texts, ...l.legend.map((i) => i.label)]) {
        expect(estimateWidth(t.text, t.font)).toBeLessThanOrEqual(inner + 0.01);
        expect(t.x).toBeGreaterThanOrEqual(l.padding);
        const inHeader = t.role === "title" || t.role === "subtitle";
        const box = inHeader ? l.header : l.footer;
        expect(t.y - t.size).toBeGreaterThanOrEqual(box.y - 0.01);
        expect(t.y + t.size * 0.25).toBeLessThanOrEqual(box.y + box.height + 0.01);
      }
      const words = (role: string) =>
        l.texts
          .filter((t) => t.role === role)
          .map((t) => t.text)
          .join(" ");
      expect(words("title")).toBe(frame.title.replace(/\s+/g, " "));
      expect(words("subtitle")).toBe(frame.subtitle);
      expect(words("credit")).toBe(frame.credit);
      // Legend items that do not fit fold into a last "+N more".
      const more = l.legend.find((i) => /^\+\d+ more$/.test(i.label.text));
      expect(l.legend.length - (more ? 1 : 0) + Number(more?.label.text.slice(1, -5) ?? 0)).toBe(frame.legend.length);
      if (width >= 1080) expect(more).toBeUndefined();
    },
  );

  it("wraps the title at 375 px in legible sizes, and breaks a word too long for the line", () => {
    const l = layoutFrame({ width: 375, height: 667 }, frame);
    const title = l.texts.filter((t) => t.role === "title");
    expect(title.length).toBeGreaterThan(2);
    expect(Math.min(...l.texts.map((t) => t.size))).toBeGreaterThanOrEqual(11);
    const big = layoutFrame({ width: 1080, height: 1080 }, frame).texts.find((t) => t.role === "title")!;
    expect(big.size).toBeGreaterThan(title[0].size * 1.5);
    const long = "x".repeat(200);
    const lines = wrapText(`a ${long} b`, 300, "400 14px sans-serif", estimateWidth);
    expect(lines.join("").replace(/ /g, "")).toBe(`a${long}b`);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(estimateWidth(line, "400 14px sans-serif")).toBeLessThanOrEqual(300);
  });

  it("says the period and counts of the view, in the app's words", () => {
    const { stats, r } = view({}, null);
    const f = frameFor(ds, { stats, communities: communities(), focus: null }, "light");
    const fmt = (n: number) => n.toLocaleString("en-GB");
    expect(f.subtitle).toBe(`1 Mar – 14 Apr 2016 · ${fmt(r.messages.length)} messages · ${fmt(r.people)} people`);
    expect(f.legend.map((i) => i.label)).toEqual(
      ["A", "B", "C"].map((x, k) => `Group ${x} (${fmt(Math.ceil((ds.people.count - k) / 3))})`),
    );
    expect(f.title).toBe((raw as unknown as { meta: { title: string } }).meta.title);
  });
});

describe("file names", () => {
  it("are made of the title and the period in safe characters only", () => {
    const name = exportFileName(
      'Ünïcode: "leak" / ../../etc <x>',
      { start: Date.UTC(2016, 2, 19, 5), end: Date.UTC(2016, 3, 29, 4) },
      "America/New_York",
      "messages Zoë & Bob",
      "csv",
    );
    expect(name).toBe("unicode-leak-etc-x-2016-03-19-to-2016-04-28-messages-zoe-bob.csv");
    expect(slug("日本語")).toBe("switchboard");
  });
});
