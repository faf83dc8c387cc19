// The pure parts of the timeline's detail chart, labels and play control: finer bins in local days
// and their filtered counts (checked against binShown on an EdgeIndex), label rows with no overlap
// and nothing dropped, and the sequence of play windows.
import { describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import { buildEdgeIndex } from "../../src/graph/edges";
import { DEFAULT_FILTERS } from "../../src/graph/filters";
import { messageRule } from "../../src/graph/period";
import { placeLabels, rowCount, type LabelWant } from "../../src/timeline/annotation-rows";
import { binShown } from "../../src/time/bins";
import { detailEdges, detailUnit } from "../../src/time/fine-bins";
import { countedRecipients, type RefFilters, type RefMessage } from "../reference";
import { playWindows, stepDays } from "../../src/time/play";
import { msg, tinyFile } from "./fixtures";

const NY = "America/New_York";
const DAY = 86_400_000;
const isMidnight = (t: number) =>
  new Intl.DateTimeFormat("en-US", { timeZone: NY, hourCycle: "h23", hour: "numeric", minute: "numeric" }).format(
    new Date(t),
  ) === "00:00";

describe("detail bins", () => {
  it("picks the finest unit whose bars are at least 3 px wide", () => {
    const p = (days: number) => ({ start: 0, end: days * DAY });
    expect(detailUnit(p(60), 1200)).toBe("day");
    expect(detailUnit(p(975), 1200)).toBe("week");
    expect(detailUnit(p(975), 3000)).toBe("day");
    expect(detailUnit(p(365 * 20), 1200)).toBe("month");
  });

  it("steps whole local days from the period's first midnight, across the DST change, ending on its end", () => {
    // 10–20 Mar 2016 in New York: clocks go forward on the 13th, so that day is 23 hours long.
    const start = Date.UTC(2016, 2, 10, 5);
    const end = Date.UTC(2016, 2, 21, 4);
    const edges = Array.from(detailEdges({ start, end }, "day", NY));
    expect(edges.length).toBe(12);
    expect(edges[0]).toBe(start);
    expect(edges.at(-1)).toBe(end);
    expect(edges.every(isMidnight)).toBe(true);
    expect(edges[4] - edges[3]).toBe(23 * 3_600_000);
    const weeks = Array.from(detailEdges({ start, end }, "week", NY));
    expect(weeks).toEqual([edges[0], edges[7], edges[11]]); // a shorter last bin, clipped at the end
  });

  it("the detail chart's counts (binShown) match the reference rule on every bin, under every rule", () => {
    const plain = [
      msg(0, 0, [1, 2]),
      msg(0.5, 1, [1]),
      msg(1, 2, [3], [4]),
      msg(1.2, 3, [], [5]),
      msg(2, 0, [1, 2, 3, 4]),
      msg(3, 4, [0, 0]),
      msg(3.5, 5, [5, 1], [1]),
      msg(9, 1, [2]),
    ];
    const ds = decodeDataset(tinyFile(6, plain));
    const index = buildEdgeIndex(ds);
    const edges = Float64Array.from([0, 1, 2, 3, 4, 10].map((d) => ds.messages.time[0] + d * DAY));
    const everyone = new Uint8Array(6).fill(1);
    const noThree = Uint8Array.from([1, 1, 1, 0, 1, 1]);
    const org = ["a", "a", "a", "x", "a", "a"];
    const cases: [ReturnType<typeof messageRule>, RefFilters][] = [
      [messageRule(DEFAULT_FILTERS, everyone), {}],
      [messageRule({ ...DEFAULT_FILTERS, roles: "to" }, everyone), { roles: "to" }],
      [messageRule({ ...DEFAULT_FILTERS, massMailing: 1 }, everyone), { massLimit: 1 }],
      [
        messageRule({ ...DEFAULT_FILTERS, massMailing: 2, roles: "to-cc" }, noThree),
        { massLimit: 2, roles: "to-cc", hideOrgs: ["x"] },
      ],
    ];
    const ref: RefMessage[] = plain.map((m, index) => ({
      index,
      t: m.time ?? NaN,
      sender: m.sender,
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
    }));
    for (const [rule, f] of cases) {
      const expected = Array.from(
        edges.subarray(1),
        (end, b) => ref.filter((m) => m.t >= edges[b] && m.t < end && countedRecipients(m, org, f).length > 0).length,
      );
      expect(Array.from(binShown(ds, index, rule, edges))).toEqual(expected);
    }
    // By hand, every role, everyone: day 0 one (1→1 is to itself only), day 1 two, day 2 one,
    // day 3 two (4→0; 5→1), then one.
    expect(Array.from(binShown(ds, index, cases[0][0], edges))).toEqual([1, 2, 1, 2, 1]);
  });
});

describe("annotation rows", () => {
  const opts = { plotWidth: 600, rows: 2, minWidth: 40, gap: 6 };
  const overlaps = (wants: LabelWant[]) => {
    const places = placeLabels(wants, opts);
    const bad: string[] = [];
    places.forEach((a, i) =>
      places.forEach((b, j) => {
        if (
          i < j &&
          a.row === b.row &&
          a.left < b.left + b.width + opts.gap - 0.01 &&
          b.left < a.left + a.width + opts.gap - 0.01
        )
          bad.push(`${i}/${j}`);
      }),
    );
    return { places, bad };
  };

  it("staggers close labels into a second row and keeps each at its tick", () => {
    const { places, bad } = overlaps([
      { px: 100, width: 120 },
      { px: 150, width: 90 },
      { px: 400, width: 80 },
    ]);
    expect(bad).toEqual([]);
    expect(places.map((p) => p.row)).toEqual([0, 1, 0]);
    expect(places.map((p) => p.width)).toEqual([120, 90, 80]);
    expect(places.map((p) => p.left)).toEqual([100, 150, 400]);
  });

  it("reads leftwards at the right edge, shortens when the rows are full, never drops a label", () => {
    const wants = [
      { px: 500, width: 200 },
      { px: 520, width: 230 },
      { px: 560, width: 190 },
      { px: 590, width: 180 },
    ];
    const { places, bad } = overlaps(wants);
    expect(bad).toEqual([]);
    expect(places.length).toBe(4);
    for (const [k, p] of places.entries()) {
      expect(p.width).toBeGreaterThan(0);
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.left + p.width).toBeLessThanOrEqual(opts.plotWidth);
      expect(p.flip ? p.left + p.width : p.left).toBeCloseTo(wants[k].px); // starts or ends at its tick
    }
    expect(places[0].flip).toBe(true);
    expect(places.some((p, k) => p.width < wants[k].width)).toBe(true);
  });

  it("keeps every label apart for many random labels", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 50; trial++) {
      const wants = Array.from({ length: 12 }, () => ({ px: rand() * 600, width: 30 + rand() * 200 })).sort(
        (a, b) => a.px - b.px,
      );
      const { places, bad } = overlaps(wants);
      expect(bad).toEqual([]);
      expect(places.every((p) => p.width > 0 || p.row >= rowCount(places) - 1)).toBe(true);
    }
  });
});

describe("play windows", () => {
  // 1 Mar – 30 Apr 2016 in New York (first message 09:00 on 1 Mar, last 14:00 on 30 Apr).
  const full = { start: Date.UTC(2016, 2, 1, 14), end: Date.UTC(2016, 3, 30, 18) + 1 };

  it("moves a week-long window by the step, in whole local days across DST, to the data's end", () => {
    const w = playWindows(full, full.start, "1w", 3, NY);
    expect(w[0]).toEqual({ start: full.start, end: Date.UTC(2016, 2, 8, 5) });
    for (const p of w.slice(1, -1)) {
      expect(isMidnight(p.start) && isMidnight(p.end)).toBe(true);
      expect(Math.round((p.end - p.start) / DAY)).toBe(7);
    }
    for (let k = 1; k < w.length; k++) expect(w[k].start).toBeGreaterThan(w[k - 1].start);
    expect(Math.round((w[2].start - w[1].start) / DAY)).toBe(3);
    expect(w.at(-1)!.end).toBe(full.end);
    expect(Math.round((w.at(-1)!.end - w.at(-1)!.start) / DAY)).toBe(7);
  });

  it("starts from a given day, and a month window is a calendar month", () => {
    const w = playWindows(full, Date.UTC(2016, 2, 20, 15), "1m", 5, NY);
    expect(w[0]).toEqual({ start: Date.UTC(2016, 2, 20, 4), end: Date.UTC(2016, 3, 20, 4) });
    // 20, 25 and 30 Mar, then the last whole month before the end (1 Apr – 1 May, cut at the data).
    expect(w.map((p) => new Date(p.start).getUTCDate())).toEqual([20, 25, 30, 1]);
    expect(w.at(-1)!.start).toBe(Date.UTC(2016, 3, 1, 4));
    expect(w.at(-1)!.end).toBe(full.end);
  });

  it("sizes the step so the span takes about the given number of frames", () => {
    expect(stepDays(full, 250, NY)).toBe(1);
    expect(stepDays({ start: Date.UTC(2013, 8, 9), end: Date.UTC(2016, 4, 26) }, 250, NY)).toBe(4);
  });
});
