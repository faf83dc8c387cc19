// Keyboard stepping of the timeline's period (src/timeline/steps.ts), in New York time.
import { describe, expect, it } from "vitest";
import { formatPeriod } from "../../src/ui/format";
import type { Period } from "../../src/graph/period";
import { chooseUnit } from "../../src/time/bins";
import { firstPeriod, stepPeriod, type StepKey } from "../../src/time/steps";

const NY = "America/New_York";
const D = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Local days a period covers, from its first and last local dates as Intl gives them (not from
 *  the code under test): 13 Feb – 25 May 2016 is 103 days. */
function days(p: Period, timeZone = NY): number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
  const ymd = (t: number) => {
    const o = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(o.year, o.month - 1, o.day);
  };
  return (ymd(p.end - 1) - ymd(p.start)) / DAY + 1;
}

/** Whether t is a local midnight in the zone. */
function isMidnight(t: number, timeZone = NY): boolean {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return f.format(new Date(t)) === "00:00:00";
}

// The fixture corpus: first message 1 Sep 2013 09:00 EDT, last 25 May 2016 14:00 EDT.
const full: Period = { start: D(2013, 9, 1, 13), end: D(2016, 5, 25, 18) + 1 };
const unit = chooseUnit(full);
// "13 Feb – 25 May 2016": from local midnight on 13 Feb (EST, UTC-5), clamped at the last message.
const P0: Period = { start: D(2016, 2, 13, 5), end: full.end };
const step = (p: Period, key: StepKey, shift = false, u = unit, f = full) => stepPeriod(p, f, u, key, shift, NY);
const words = (p: Period) => formatPeriod(p, NY);

describe("keyboard steps on the timeline", () => {
  it("uses the fixture the brief describes", () => {
    expect(unit).toBe("week");
    expect(words(P0)).toBe("13 Feb – 25 May 2016");
    expect(days(P0)).toBe(103);
  });

  it("ArrowLeft moves the period one week back at the same length, ArrowRight brings it back", () => {
    const left = step(P0, "left");
    expect(words(left)).toBe("6 Feb – 18 May 2016");
    expect(days(left)).toBe(103);
    expect(isMidnight(left.start) && isMidnight(left.end)).toBe(true);
    const back = step(left, "right");
    expect(words(back)).toBe("13 Feb – 25 May 2016");
    expect(back).toEqual(P0);
  });

  it("ArrowRight at the data's end changes nothing", () => {
    expect(step(P0, "right")).toEqual(P0);
    expect(step(step(P0, "right"), "right")).toEqual(P0);
  });

  it("a step that would pass the edge moves only as far as the edge, keeping the length", () => {
    // Three days short of the end: a week's step moves three days.
    const near = { start: D(2016, 2, 10, 5), end: D(2016, 5, 23, 4) };
    expect(words(near)).toBe("10 Feb – 22 May 2016");
    const moved = step(near, "right");
    expect(words(moved)).toBe("13 Feb – 25 May 2016");
    expect(moved).toEqual(P0);
  });

  it("ArrowLeft again and again never changes the length, and stops at the start", () => {
    let p = P0;
    const seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      const next = step(p, "left");
      expect(days(next)).toBe(103);
      if (next.start === p.start && next.end === p.end) break;
      expect(next.start).toBeLessThan(p.start);
      // Whole weeks, except the last step, which only reaches the first day.
      if (next.start > full.start) expect(days({ start: next.start, end: p.start })).toBe(7);
      seen.push(words(next));
      p = next;
    }
    expect(seen.length).toBe(128);
    expect(p.start).toBe(full.start);
    expect(words(p)).toBe("1 Sep – 12 Dec 2013");
    expect(step(p, "left")).toEqual(p);
    // ... and Right as many times comes back to where it began.
    for (let i = 0; i < seen.length; i++) p = step(p, "right");
    expect(p).toEqual(P0);
  });

  it("Shift+ArrowLeft shortens the end by one bar, never below one day; Shift+ArrowRight lengthens it up to the data's end", () => {
    const shorter = step(P0, "left", true);
    expect(words(shorter)).toBe("13 Feb – 18 May 2016");
    expect(shorter.start).toBe(P0.start);
    expect(days(shorter)).toBe(96);
    expect(words(step(shorter, "right", true))).toBe("13 Feb – 25 May 2016");
    expect(step(shorter, "right", true)).toEqual(P0);
    expect(step(P0, "right", true)).toEqual(P0);
    let p = P0;
    for (let i = 0; i < 20; i++) p = step(p, "left", true);
    expect(words(p)).toBe("13 Feb 2016");
    expect(days(p)).toBe(1);
    expect(words(step(p, "right", true))).toBe("13–20 Feb 2016");
  });

  it("keeps the length across the DST changes (13 Mar and 1 Nov)", () => {
    // Weekly: 6–12 Mar 2016 is 7 days of 24 h; 13–19 Mar has a 23-hour day.
    const march = step({ start: D(2016, 3, 6, 5), end: D(2016, 3, 13, 5) }, "right");
    expect(words(march)).toBe("13–19 Mar 2016");
    expect(days(march)).toBe(7);
    expect(march).toEqual({ start: D(2016, 3, 13, 5), end: D(2016, 3, 20, 4) });
    expect(march.end - march.start).toBe(7 * DAY - HOUR);
    expect(words(step(march, "left"))).toBe("6–12 Mar 2016");
    // 1 Nov 2015 has 25 hours.
    const november = step({ start: D(2015, 10, 25, 4), end: D(2015, 11, 1, 4) }, "right");
    expect(words(november)).toBe("1–7 Nov 2015");
    expect(november.end - november.start).toBe(7 * DAY + HOUR);
    // Daily bars, one day at a time through the change: always three local days.
    const span = { start: D(2016, 3, 1, 14), end: D(2016, 4, 20, 20) };
    let p: Period = { start: D(2016, 3, 10, 5), end: D(2016, 3, 13, 5) };
    const seen = [words(p)];
    for (let i = 0; i < 4; i++) {
      p = step(p, "right", false, "day", span);
      expect(days(p)).toBe(3);
      expect(isMidnight(p.start) && isMidnight(p.end)).toBe(true);
      seen.push(words(p));
    }
    expect(seen).toEqual(["10–12 Mar 2016", "11–13 Mar 2016", "12–14 Mar 2016", "13–15 Mar 2016", "14–16 Mar 2016"]);
  });

  it("Home and End move the same-length period to the data's start and end", () => {
    const home = step(P0, "home");
    expect(words(home)).toBe("1 Sep – 12 Dec 2013");
    expect(home.start).toBe(full.start);
    expect(days(home)).toBe(103);
    const end = step(home, "end");
    expect(end).toEqual(P0);
    expect(words(end)).toBe("13 Feb – 25 May 2016");
    expect(step(step(P0, "left"), "end")).toEqual(P0);
  });

  it("monthly bars step by calendar months, keeping the length in days", () => {
    const span = { start: D(1996, 1, 3, 15), end: D(2004, 1, 1, 3) };
    expect(chooseUnit(span)).toBe("month");
    const march = { start: D(2000, 3, 1, 5), end: D(2000, 4, 1, 5) };
    expect(words(march)).toBe("1–31 Mar 2000");
    const april = step(march, "right", false, "month", span);
    expect(words(april)).toBe("1 Apr – 1 May 2000");
    expect(days(april)).toBe(31);
    expect(step(april, "left", false, "month", span)).toEqual(march);
    // The 31st steps to the last day of a shorter month.
    expect(words(step({ start: D(2000, 1, 31, 5), end: D(2000, 2, 2, 5) }, "right", false, "month", span))).toBe(
      "29 Feb – 1 Mar 2000",
    );
    // Shift moves the end by a calendar month.
    expect(words(step(march, "right", true, "month", span))).toBe("1 Mar – 30 Apr 2000");
  });

  it("takes an unclamped brushed period (whole days past the data) as clamped", () => {
    // A brush from the chart's left edge (Sunday 25 Aug 2013) to 10 Sep 2013.
    const brushed = { start: D(2013, 8, 25, 4), end: D(2013, 9, 11, 4) };
    expect(step(brushed, "left")).toEqual({ start: full.start, end: D(2013, 9, 11, 4) });
    // Clamped, it is 1–10 Sep: ten days, which a week's step keeps.
    const right = step(brushed, "right");
    expect(words(right)).toBe("8–17 Sep 2013");
    expect(days(right)).toBe(10);
  });

  it("the first press, with no period yet, chooses the last tenth of the bars (Home: the first)", () => {
    const edges = Float64Array.from({ length: 21 }, (_, i) => D(2016, 1, 3) + i * 7 * DAY); // 20 weeks
    const f = { start: D(2016, 1, 4, 15), end: D(2016, 5, 19, 18) + 1 };
    const last = firstPeriod(edges, f, "left", NY);
    expect(last.end).toBe(f.end);
    // The bars are UTC weeks: the 8 May 00:00 UTC edge is 7 May in New York, and the period
    // takes that whole local day (as the timeline always has).
    expect(words(last)).toBe("7–19 May 2016");
    expect(firstPeriod(edges, f, "end", NY)).toEqual(last);
    const first = firstPeriod(edges, f, "home", NY);
    expect(first.start).toBe(f.start);
    expect(words(first)).toBe("4–16 Jan 2016");
  });
});
