import { describe, expect, it } from "vitest";
import { binMessages, chooseUnit } from "../../src/time/bins";
import { formatPeriod, formatSummary } from "../../src/ui/format";
import { choosePeriod } from "../../src/state/actions";

const D = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe("time bins", () => {
  it("picks day, week or month from the span", () => {
    expect(chooseUnit({ start: D(2016, 4, 1), end: D(2016, 5, 25) })).toBe("day");
    expect(chooseUnit({ start: D(2013, 9, 1), end: D(2016, 5, 25) })).toBe("week");
    expect(chooseUnit({ start: D(1996, 1, 1), end: D(2004, 1, 1) })).toBe("month");
  });

  it("counts every dated message in the bin that contains it", () => {
    const times = [
      D(2016, 4, 1, 9),
      D(2016, 4, 1, 23),
      D(2016, 4, 3, 0),
      D(2016, 4, 3, 12),
      D(2016, 4, 3, 13),
      D(2016, 4, 9, 8),
    ];
    const time = Float64Array.from([...times, NaN]);
    const bins = binMessages(time, times.length, { start: times[0], end: times[times.length - 1] + 1 });
    expect(bins.unit).toBe("day");
    expect(bins.edges[0]).toBe(D(2016, 4, 1));
    expect(bins.counts.length).toBe(9);
    expect(Array.from(bins.counts)).toEqual([2, 0, 3, 0, 0, 0, 0, 0, 1]);
    expect(bins.edges[bins.edges.length - 1]).toBe(D(2016, 4, 10));
  });

  it("uses weeks starting on Sunday and months starting on the 1st", () => {
    const times = [D(2015, 1, 7), D(2015, 6, 30), D(2016, 5, 1)];
    const w = binMessages(Float64Array.from(times), 3, { start: times[0], end: times[2] + 1 }, "week");
    expect(new Date(w.edges[0]).getUTCDay()).toBe(0);
    expect(w.counts.reduce((a, b) => a + b, 0)).toBe(3);
    const m = binMessages(Float64Array.from(times), 3, { start: times[0], end: times[2] + 1 }, "month");
    expect(m.counts.length).toBe(17);
    expect(m.counts[5]).toBe(1);
  });
});

describe("no dated messages", () => {
  it("gives zero bins: one edge, no counts, and nothing downstream divides by a bin count", async () => {
    const { decodeDataset } = await import("../../src/data/decode");
    const { buildEdgeIndex } = await import("../../src/graph/edges");
    const { buildAdjacency } = await import("../../src/graph/adjacency");
    const { allowedPeople, DEFAULT_FILTERS } = await import("../../src/graph/filters");
    const { fullPeriod, messageRule } = await import("../../src/graph/period");
    const { activity } = await import("../../src/graph/person");
    const { binShown } = await import("../../src/time/bins");
    const { tinyFile } = await import("./fixtures");
    const undated = (sender: number, to: number) => ({
      time: null,
      sender,
      to: [to],
      cc: [],
      bcc: [],
      subject: "Undated",
    });
    const ds = decodeDataset(tinyFile(3, [undated(0, 1), undated(1, 2)]));
    expect(ds.messages.datedCount).toBe(0);
    const full = fullPeriod(ds);
    expect(full).toEqual({ start: 0, end: 1 });
    for (const unit of [undefined, "day", "week", "month"] as const) {
      const bins = binMessages(ds.messages.time, ds.messages.datedCount, full, unit);
      expect(bins.counts.length).toBe(0);
      expect(Array.from(bins.edges)).toEqual([0]);
    }
    const bins = binMessages(ds.messages.time, 0, full);
    const edges = buildEdgeIndex(ds);
    const rule = messageRule(DEFAULT_FILTERS, allowedPeople(ds, DEFAULT_FILTERS));
    expect(binShown(ds, edges, rule, bins.edges).length).toBe(0);
    expect(activity(ds, edges, buildAdjacency(ds, edges), rule, 0, bins.edges).length).toBe(0);
    // Dated messages still get bins as before.
    expect(
      binMessages(Float64Array.of(D(2016, 4, 1, 9)), 1, { start: D(2016, 4, 1, 9), end: D(2016, 4, 1, 9) + 1 }).counts,
    ).toEqual(Int32Array.of(1));
  });
});

describe("period words", () => {
  it("formats periods in the corpus time zone, end exclusive", () => {
    expect(formatPeriod({ start: D(2016, 4, 12), end: D(2016, 5, 26) }, "UTC")).toBe("12 Apr – 25 May 2016");
    expect(formatPeriod({ start: D(2015, 12, 30), end: D(2016, 1, 3) }, "UTC")).toBe("30 Dec 2015 – 2 Jan 2016");
    expect(formatPeriod({ start: D(2016, 4, 2), end: D(2016, 4, 9) }, "UTC")).toBe("2–8 Apr 2016");
    // 02:00 UTC on 1 Sep is still 31 Aug in New York.
    expect(formatPeriod({ start: D(2013, 9, 1, 2), end: D(2013, 9, 10) }, "America/New_York")).toBe(
      "31 Aug – 9 Sep 2013",
    );
  });

  it("writes the summary line", () => {
    expect(formatSummary({ start: D(2016, 4, 12), end: D(2016, 5, 26) }, "UTC", 14210, 1204)).toBe(
      "12 Apr – 25 May 2016 · 14,210 messages · 1,204 people",
    );
    expect(formatSummary({ start: D(2016, 4, 12), end: D(2016, 4, 13) }, "UTC", 1, 1)).toBe(
      "12 Apr 2016 · 1 message · 1 person",
    );
  });

  it("clamps a brushed period to the corpus and treats an empty brush as everything", () => {
    const full = { start: 100, end: 1000 };
    expect(choosePeriod(full, null)).toEqual(full);
    expect(choosePeriod(full, { start: 50, end: 500 })).toEqual({ start: 100, end: 500 });
    expect(choosePeriod(full, { start: 600, end: 400 })).toEqual({ start: 400, end: 600 });
  });
});

describe("local days", () => {
  it("snaps a brushed period outwards to whole days in the corpus time zone", async () => {
    const { snapToDays, startOfDay } = await import("../../src/time/zone");
    // New York is UTC-4 in April (EDT) and UTC-5 in January (EST).
    expect(startOfDay(D(2016, 4, 12, 15), "America/New_York")).toBe(D(2016, 4, 12, 4));
    expect(startOfDay(D(2016, 4, 12, 2), "America/New_York")).toBe(D(2016, 4, 11, 4));
    expect(startOfDay(D(2016, 1, 12, 15), "America/New_York")).toBe(D(2016, 1, 12, 5));
    expect(snapToDays(D(2016, 4, 12, 15), D(2016, 5, 25, 13), "America/New_York")).toEqual({
      start: D(2016, 4, 12, 4),
      end: D(2016, 5, 26, 4),
    });
    // Across the spring DST change (13 Mar 2016): 12 Mar starts at 05:00 UTC, 14 Mar at 04:00 UTC.
    expect(snapToDays(D(2016, 3, 12, 12), D(2016, 3, 13, 12), "America/New_York")).toEqual({
      start: D(2016, 3, 12, 5),
      end: D(2016, 3, 14, 4),
    });
    expect(snapToDays(D(2016, 4, 12, 15), D(2016, 4, 12, 16), "UTC")).toEqual({
      start: D(2016, 4, 12),
      end: D(2016, 4, 13),
    });
  });
});
