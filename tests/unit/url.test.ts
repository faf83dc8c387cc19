// The URL codec: every setting round-trips, the readable form is exact, each bad value is named and
// leaves the rest of the link applied, and hostile hashes never throw.
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/types";
import { DEFAULT_FILTERS } from "../../src/graph/filters";
import { decodeView, encodeView, type LinkContext } from "../../src/state/url";
import { initialView, type ViewState } from "../../src/state/view-state";
import { localDay, snapToDays, startOfLocalDay } from "../../src/time/zone";

/** UTC instant from a calendar month 1–12. */
const D = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

function makePeople(rows: [string, string, string][]): Dataset["people"] {
  const column = (k: number) => rows.map((r) => r[k]);
  return { count: rows.length, address: column(0), name: column(1), org: column(2) };
}
const people = makePeople([
  ["jane@dnc.org", "Jane Doe", "dnc.org"], // 0
  ["bob@dnc.org", "Bob", "dnc.org"], // 1
  ["", "Clinton, Hillary & Co", ""], // 2: known by name only, with a comma and '&'
  ["zoë+news@exämple.org", "Zoë", "exämple.org"], // 3: '+' and unicode
  ["", "H", ""], // 4
  ["Mixed@Case.org", "Mixed", "R&D, Inc."], // 5: upper case; an organisation with '&' and ','
  ["", `Ann "A#1" =50% 'x' ?/;`, ""], // 6: every separator
  ["carol@rnc.org", "Carol", "rnc.org"], // 7
]);
// New York: EST (UTC-5) until 13 Mar 2016, EDT (UTC-4) until 6 Nov 2016.
const full = { start: D(2016, 2, 29, 17, 3), end: D(2016, 11, 20, 15, 30) + 1 };
const ctx: LinkContext = { people, timeZone: "America/New_York", full };
const base = initialView(full);
const view = (over: Partial<ViewState>): ViewState => ({ ...base, ...over });
const filters = (over: Partial<typeof DEFAULT_FILTERS>) => ({ ...DEFAULT_FILTERS, ...over });

const roundTrip = (s: ViewState, c: LinkContext = ctx) => decodeView(encodeView(s, c), c, s.data);
/** A hand-written hash read with no ?data=. */
const read = (hash: string) => decodeView(hash, ctx, null);
const notes = (hash: string) => read(hash).ignored;

const everything: ViewState = view({
  data: "big.json",
  period: { start: D(2016, 3, 10, 5), end: D(2016, 3, 21, 4) },
  filters: filters({
    orgs: ["dnc.org", "R&D, Inc."],
    orgMode: "include",
    massMailing: 20,
    minConnection: 3,
    roles: "to-cc",
    minPersonMessages: 5,
  }),
  focus: { person: 2, steps: 2 },
  selected: 3,
  connection: { a: 5, b: 6 },
  chain: { a: 3, b: 2 },
  community: 4,
  resolution: 1.4,
  view: "table",
  camera: { x: 0.123456, y: -12.5, ratio: 0.0523 },
  flags: { theme: "dark & stormy, #1 = 100%", projector: "1" },
});

describe("local days in the corpus zone", () => {
  it("names the local day of an instant and finds its midnight, across DST", () => {
    expect(localDay(D(2016, 3, 13, 4, 59), "America/New_York")).toBe("2016-03-12");
    expect(localDay(D(2016, 3, 13, 5), "America/New_York")).toBe("2016-03-13");
    expect(startOfLocalDay(2016, 3, 13, "America/New_York")).toBe(D(2016, 3, 13, 5));
    expect(startOfLocalDay(2016, 3, 14, "America/New_York")).toBe(D(2016, 3, 14, 4));
    expect(startOfLocalDay(2016, 11, 7, "America/New_York")).toBe(D(2016, 11, 7, 5));
    expect(startOfLocalDay(2016, 3, 32, "America/New_York")).toBe(D(2016, 4, 1, 4));
    expect(startOfLocalDay(2016, 4, 3, "Australia/Sydney")).toBe(D(2016, 4, 2, 13));
    expect(startOfLocalDay(2016, 4, 4, "Australia/Sydney")).toBe(D(2016, 4, 3, 14));
  });
});

describe("encodeView / decodeView round trip", () => {
  const cases: [string, Partial<ViewState>][] = [
    ["a period across the spring DST change", { period: { start: D(2016, 3, 10, 5), end: D(2016, 3, 21, 4) } }],
    ["the DST day alone", { period: { start: D(2016, 3, 13, 5), end: D(2016, 3, 14, 4) } }],
    ["the autumn DST day alone", { period: { start: D(2016, 11, 6, 4), end: D(2016, 11, 7, 5) } }],
    ["a period ending at the data's end", { period: { start: D(2016, 4, 1, 4), end: full.end } }],
    ["a period starting at the data's start", { period: { start: full.start, end: D(2016, 4, 15, 4) } }],
    ["the first day, clamped", { period: { start: full.start, end: D(2016, 3, 1, 5) } }],
    ["the last day, clamped", { period: { start: D(2016, 11, 20, 5), end: full.end } }],
    ["a person by address", { selected: 0 }],
    ["a person known by name only", { selected: 2 }],
    ["a person with '+' and unicode", { selected: 3 }],
    ["a person with upper case", { selected: 5 }],
    ["a name with every separator", { selected: 6 }],
    ["a connection", { connection: { a: 2, b: 6 } }],
    ["a connection from the selected person", { selected: 6, connection: { a: 6, b: 3 } }],
    ["a connection to the selected person", { selected: 6, connection: { a: 3, b: 6 } }],
    ["a chain", { chain: { a: 0, b: 1 } }],
    ["a chain from the selected person", { selected: 0, chain: { a: 0, b: 2 } }],
    ["focus, one step", { focus: { person: 4, steps: 1 } }],
    ["focus, two steps", { focus: { person: 6, steps: 2 } }],
    ["community", { community: 2 }],
    ["mass mailings", { filters: filters({ massMailing: 20 }) }],
    ["fewest messages a connection needs", { filters: filters({ minConnection: 3 }) }],
    ["fewest messages a person needs", { filters: filters({ minPersonMessages: 5 }) }],
    ["roles: To", { filters: filters({ roles: "to" }) }],
    ["roles: To and Cc", { filters: filters({ roles: "to-cc" }) }],
    ["organisations excluded", { filters: filters({ orgs: ["rnc.org", "R&D, Inc.", "exämple.org"] }) }],
    ["organisations included", { filters: filters({ orgs: ["dnc.org"], orgMode: "include" }) }],
    ["include mode alone", { filters: filters({ orgMode: "include" }) }],
    ["resolution", { resolution: 1.4 }],
    ["lowest resolution", { resolution: 0.2 }],
    ["highest resolution", { resolution: 3 }],
    ["table view", { view: "table" }],
    ["camera", { camera: { x: 0.123456, y: -12.5, ratio: 0.0523 } }],
    ["camera at the limits", { camera: { x: -100, y: 100, ratio: 4 } }],
    ["flags", { flags: { theme: "dark & stormy, #1 = 100%", "embed-2": "" } }],
    ["the data address", { data: "data/other.json" }],
  ];
  for (const [what, over] of cases) {
    it(what, () => {
      const s = view(over);
      expect(encodeView(s, ctx) === "").toBe(what === "the data address"); // data travels in ?data=, not the hash
      expect(roundTrip(s)).toEqual({ view: s, ignored: [] });
    });
  }

  it("every setting at once", () => {
    expect(roundTrip(everything)).toEqual({ view: everything, ignored: [] });
  });

  it("the default view is an empty hash", () => {
    expect(encodeView(base, ctx)).toBe("");
    expect(decodeView("", ctx, null)).toEqual({ view: base, ignored: [] });
    expect(decodeView("#", ctx, "x.json")).toEqual({ view: { ...base, data: "x.json" }, ignored: [] });
  });

  it("brushed periods round-trip in zones on both sides of UTC", () => {
    const brushes: [number, number][] = [
      [D(2016, 3, 12, 12), D(2016, 3, 13, 12)],
      [D(2016, 4, 2, 1), D(2016, 4, 3, 20)],
      [D(2016, 1, 1), D(2016, 12, 31)],
    ];
    for (const timeZone of ["America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]) {
      const c = { ...ctx, timeZone };
      for (const [a, b] of brushes) {
        const snapped = snapToDays(a, b, timeZone);
        const period = { start: Math.max(full.start, snapped.start), end: Math.min(full.end, snapped.end) };
        expect(roundTrip(view({ period }), c)).toEqual({ view: view({ period }), ignored: [] });
      }
    }
  });

  it("restores any camera to within a pixel", () => {
    const camera = { x: 0.123456789, y: -98.7654321, ratio: 0.0123456789 * 10 };
    const got = roundTrip(view({ camera })).view.camera!;
    expect(Math.abs(got.x - camera.x)).toBeLessThanOrEqual(5e-7);
    expect(Math.abs(got.y - camera.y)).toBeLessThanOrEqual(5e-7);
    expect(Math.abs(got.ratio / camera.ratio - 1)).toBeLessThanOrEqual(5e-6);
  });
});

describe("the readable form", () => {
  it("writes a typical link plainly", () => {
    const s = view({
      period: { start: D(2016, 4, 1, 4), end: D(2016, 5, 26, 4) },
      selected: 0,
      chain: { a: 0, b: 1 },
      filters: filters({ massMailing: 20 }),
    });
    expect(encodeView(s, ctx)).toBe("from=2016-04-01&to=2016-05-25&person=jane@dnc.org&chain=bob@dnc.org&mass=20");
  });

  it("escapes separators inside values and keeps '@' and ':' readable", () => {
    expect(encodeView(view({ connection: { a: 2, b: 3 } }), ctx)).toBe(
      "conn=Clinton%2C%20Hillary%20%26%20Co,zo%C3%AB%2Bnews@ex%C3%A4mple.org",
    );
    expect(encodeView(view({ selected: 6 }), ctx)).toBe("person=Ann%20%22A%231%22%20%3D50%25%20'x'%20%3F%2F%3B");
    const orgs = filters({ orgs: ["R&D, Inc.", "dnc.org"] });
    expect(encodeView(view({ filters: orgs }), ctx)).toBe("orgs=R%26D%2C%20Inc.,dnc.org");
    expect(encodeView(view({ flags: { b: "a:b@c", a: "1" } }), ctx)).toBe("f.a=1&f.b=a:b@c");
  });

  it("writes every setting in a fixed order", () => {
    expect(encodeView(everything, ctx)).toBe(
      "from=2016-03-10&to=2016-03-20&person=zo%C3%AB%2Bnews@ex%C3%A4mple.org&conn=Mixed@Case.org," +
        "Ann%20%22A%231%22%20%3D50%25%20'x'%20%3F%2F%3B&chain=Clinton%2C%20Hillary%20%26%20Co" +
        "&focus=Clinton%2C%20Hillary%20%26%20Co&steps=2&community=H&mass=20&minconn=3&minperson=5&roles=to-cc" +
        "&orgs=dnc.org,R%26D%2C%20Inc.&orgmode=include&res=1.4&view=table&cam=0.123456,-12.5,0.0523" +
        "&f.projector=1&f.theme=dark%20%26%20stormy%2C%20%231%20%3D%20100%25",
    );
  });

  it("reads hand-written links: any case of address, a missing v, a '#'", () => {
    const expected = view({ selected: 0, connection: { a: 4, b: 1 } });
    expect(read("#v=1&person=JANE@DNC.ORG&conn=h,bob@dnc.org")).toEqual({ view: expected, ignored: [] });
    const { view: v, ignored } = read("person=mixed@case.org&orgs=r%26d%2C%20inc.");
    expect([v.selected, ignored]).toEqual([5, ['orgs "r&d, inc." (not in this dataset)']]);
  });
});

describe("bad values", () => {
  /** The link of `s` with `bad` added reads back as `expected` (s by default), with these notes. */
  const check = (s: ViewState, bad: string, notes: string[], expected: ViewState = s) => {
    const hash = [encodeView(s, ctx), bad].filter(Boolean).join("&");
    expect(decodeView(hash, ctx, s.data)).toEqual({ view: expected, ignored: notes });
  };
  const noPeriod = { ...everything, period: full };
  const noPeople = { ...everything, selected: null, connection: null, chain: null, focus: null, community: null };

  it("periods", () => {
    check(noPeriod, "from=2031-01-01", ['from "2031-01-01" (outside the data)']);
    check(noPeriod, "to=2001-01-01", ['to "2001-01-01" (outside the data)']);
    check(noPeriod, "from=2031-01-01&to=2031-02-01", [
      'from "2031-01-01" (outside the data)',
      'to "2031-02-01" (outside the data)',
    ]);
    check(noPeriod, "from=2016-02-30", ['from "2016-02-30" (not a day: write YYYY-MM-DD)']);
    check(noPeriod, "to=yesterday", ['to "yesterday" (not a day: write YYYY-MM-DD)']);
    check(noPeriod, "from=2016-05-01&to=2016-04-01", ['from "2016-05-01" (after to "2016-04-01")']);
    // One bad bound: the other still applies, and a bound before the data is clamped.
    const within = (start: number, end: number) => ({ ...noPeriod, period: { start, end } });
    const notDay = 'from "2016-4-1" (not a day: write YYYY-MM-DD)';
    check(noPeriod, "from=2016-4-1&to=2016-04-30", [notDay], within(full.start, D(2016, 5, 1, 4)));
    check(noPeriod, "from=1999-01-01&to=2016-03-01", [], within(full.start, D(2016, 3, 2, 5)));
    check(noPeriod, "to=2099-01-01&from=2016-11-20", [], within(D(2016, 11, 20, 5), full.end));
  });

  it("people", () => {
    check(noPeople, "person=x@y.org", ['person "x@y.org" (not in this dataset)']);
    check(noPeople, "person=", ['person "" (empty)']);
    check(noPeople, "person=Jane%20Doe", ['person "Jane Doe" (not in this dataset)']);
    check(noPeople, "conn=jane@dnc.org,JANE@dnc.org", ['conn "jane@dnc.org,JANE@dnc.org" (the same person twice)']);
    const unknown = 'conn "jane@dnc.org,nobody@x.org" ("nobody@x.org" not in this dataset)';
    check(noPeople, "conn=jane@dnc.org,nobody@x.org", [unknown]);
    check(noPeople, "chain=bob@dnc.org", ['chain "bob@dnc.org" (one person, but no person= to start from)']);
    const three = 'chain "h,bob@dnc.org,jane@dnc.org" (not one or two people, separated by a comma)';
    check(noPeople, "chain=h,bob@dnc.org,jane@dnc.org", [three]);
    const twice = 'chain "bob@dnc.org" (the same person twice)';
    check(noPeople, "person=bob@dnc.org&chain=bob@dnc.org", [twice], { ...noPeople, selected: 1 });
    check(noPeople, "focus=nobody", ['focus "nobody" (not in this dataset)']);
    check(noPeople, "focus=h&steps=3", ['steps "3" (must be 1 or 2)'], { ...noPeople, focus: { person: 4, steps: 1 } });
    check(noPeople, "steps=2", ['steps "2" (no focus person)']);
    check(noPeople, "community=zz", ['community "zz" (not in this dataset)']);
  });

  it("filters", () => {
    const s = { ...everything, filters: filters({ orgs: ["rnc.org"] }) };
    check(s, "mass=lots", ['mass "lots" (not a whole number)']);
    check(s, "mass=2.5", ['mass "2.5" (not a whole number)']);
    check(s, "mass=1e3", ['mass "1e3" (not a whole number)']);
    check(s, "mass=0", ['mass "0" (must be 1 to 1,000,000,000)']);
    check(s, "minconn=0", ['minconn "0" (must be 1 to 1,000,000,000)']);
    check(s, "minperson=-1", ['minperson "-1" (must be 0 to 1,000,000,000)']);
    check(s, "minperson=1000000001", ['minperson "1000000001" (must be 0 to 1,000,000,000)']);
    check(s, "roles=bcc", ['roles "bcc" (must be to, to-cc or all)']);
    check(s, "orgmode=only", ['orgmode "only" (must be include or exclude)']);
    const kept = { ...s, filters: filters({ orgs: ["dnc.org"] }) };
    const none = { ...s, filters: DEFAULT_FILTERS };
    check(none, "orgs=dnc.org,nowhere.org", ['orgs "nowhere.org" (not in this dataset)'], kept);
    check(none, "orgs=,dnc.org,,dnc.org", [], kept);
    expect(read("roles=all&orgmode=exclude&mass=1000000000").view.filters).toEqual(filters({ massMailing: 1e9 }));
  });

  it("resolution, view, camera", () => {
    const s = { ...everything, resolution: 1, view: "network" as const, camera: null };
    for (const bad of ["1.45", "5", "0.1", "abc", ".5", "1."]) {
      check(s, `res=${bad}`, [`res "${bad}" (must be 0.2 to 3, one decimal)`]);
    }
    check(s, "view=map", ['view "map" (must be network or table)']);
    check(s, "cam=1,2", ['cam "1,2" (must be three numbers x,y,ratio)']);
    check(s, "cam=NaN,0,1", ['cam "NaN,0,1" (must be three numbers x,y,ratio)']);
    check(s, "cam=Infinity,0,1", ['cam "Infinity,0,1" (must be three numbers x,y,ratio)']);
    check(s, "cam=0x10,0,1", ['cam "0x10,0,1" (must be three numbers x,y,ratio)']);
    check(s, "cam=200,0,1", ['cam "200,0,1" (x and y must be -100 to 100)']);
    check(s, "cam=0,0,10", ['cam "0,0,10" (ratio must be 0.05 to 4)']);
    check(s, "cam=0,0,0.04", ['cam "0,0,0.04" (ratio must be 0.05 to 4)']);
    const expected = view({ resolution: 0.2, camera: { x: 10, y: -0.5, ratio: 4 } });
    expect(read("res=0.2&view=network&cam=1e1,-.5,4").view).toEqual(expected);
  });

  it("unknown, repeated, overlong settings and versions", () => {
    check(everything, "zoom=2", ['unknown setting "zoom"']);
    check(everything, "f.Bad_Name=1", ['unknown setting "f.bad_name"']);
    check(everything, "person=bob@dnc.org", ['repeated setting "person" (the first is used)']);
    check(everything, "v=2", ['v "2" (not a version this app knows; read as version 1)']);
    check(noPeople, `person=${"a".repeat(501)}`, [`person "${"a".repeat(40)}…" (longer than 500 characters)`]);
    check(noPeople, `person=${"a".repeat(500)}`, [`person "${"a".repeat(40)}…" (not in this dataset)`]);
    check(everything, "=foo", ['a setting with no name ("=foo")']);
  });

  it("reads only the first 8,000 characters of a long hash", () => {
    const hash = `person=jane@dnc.org${"&".repeat(8000)}&view=table`;
    const ignored = ["the link is longer than 8,000 characters: only its start was read"];
    expect(read(hash)).toEqual({ view: view({ selected: 0 }), ignored });
  });
});

describe("hostile hashes", () => {
  it("treat markup, broken escapes and hostile names as plain text", () => {
    const img = "<img src=x onerror=alert(1)>";
    expect(notes(`person=${encodeURIComponent(img)}`)).toEqual([`person "${img}" (not in this dataset)`]);
    expect(notes(`person=${img}`)).toEqual([`person "${img}" (not in this dataset)`]);
    const broken = ['person "%zz" (a broken %-escape)'];
    expect(read("person=%zz&view=table")).toEqual({ view: view({ view: "table" }), ignored: broken });
    expect(notes("conn=%E2%82,%AC")).toEqual(['conn "%E2%82,%AC" (a broken %-escape)']);
    expect(notes("%zz=1&%=2")).toEqual(['unknown setting "%zz"', 'unknown setting "%"']);
    expect(read("&&&")).toEqual({ view: base, ignored: [] });
    expect(notes("#person=jane@dnc.org#x")).toEqual(['person "jane@dnc.org#x" (not in this dataset)']);
    expect(notes("##person=jane@dnc.org")).toEqual(['unknown setting "#person"']);
    expect(notes(`person=${"é".repeat(10_000)}`)).toEqual([
      "the link is longer than 8,000 characters: only its start was read",
      `person "${"é".repeat(40)}…" (longer than 500 characters)`,
    ]);
    expect(read(`view=table&f.x=${"%41".repeat(2000)}`)).toEqual({
      view: view({ view: "table" }),
      ignored: [`f.x "${"A".repeat(40)}…" (longer than 500 characters)`],
    });
  });

  it("do not pollute prototypes", () => {
    const { view: v, ignored } = read("__proto__=1&constructor=2&f.constructor=x&f.__proto__=y&prototype=3");
    expect(ignored).toEqual([
      'unknown setting "__proto__"',
      'unknown setting "constructor"',
      'unknown setting "f.__proto__"',
      'unknown setting "prototype"',
    ]);
    expect(Object.keys(v.flags)).toEqual(["constructor"]);
    expect(v.flags.constructor).toBe("x");
    expect(Object.getPrototypeOf(v.flags)).toBe(null);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.prototype).not.toHaveProperty("1");
  });

  it("never throw on random input", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const bits = [
      "&",
      "=",
      ",",
      "#",
      "%",
      "%2",
      "%zz",
      "%E2%82",
      "f.",
      "person",
      "conn",
      "from",
      "to",
      "cam",
      "res",
      "mass",
      "2016-03-13",
      "é",
      "\uD800",
      "h",
      "jane@dnc.org",
      "1",
      "-",
      ".",
    ];
    for (let i = 0; i < 3000; i++) {
      const hash = Array.from({ length: rand(12) }, () => bits[rand(bits.length)]).join("");
      const { view: v, ignored } = decodeView(hash, ctx, null);
      expect(Array.isArray(ignored)).toBe(true);
      expect(v.period.start).toBeGreaterThanOrEqual(full.start);
      expect(v.period.end).toBeLessThanOrEqual(full.end);
      expect(v.period.end).toBeGreaterThan(v.period.start);
    }
  });
});

describe("person lookup", () => {
  it("is built once per people table of 80,000 people and reused", () => {
    const n = 80_000;
    type Row = [string, string, string];
    const row = (i: number): Row => (i % 10 ? [`p${i}@x.org`, `P ${i}`, "x.org"] : ["", `Name ${i}`, ""]);
    const big = makePeople(Array.from({ length: n }, (_, i) => row(i)));
    const c = { ...ctx, people: big };
    const { view: v } = decodeView("person=p79999@x.org&conn=Name%2070000,p1@x.org", c, null);
    expect([v.selected, v.connection]).toEqual([79_999, { a: 70_000, b: 1 }]);
    big.address[1] = "changed@x.org"; // the cached lookup still knows the old address
    // Found through the lookup built once (a fresh scan would no longer find the old address).
    for (let i = 0; i < 3; i++) expect(decodeView("person=p1@x.org", c, null).view.selected).toBe(1);
  });

  it("skips people it cannot name", () => {
    const odd = makePeople([
      ["", "", ""],
      ["a@b.c", "A", ""],
    ]);
    const c = { ...ctx, people: odd };
    expect(encodeView(view({ selected: 0, community: 7, chain: { a: 1, b: 0 } }), c)).toBe("");
    expect(roundTrip(view({ selected: 1 }), c)).toEqual({ view: view({ selected: 1 }), ignored: [] });
  });
});
