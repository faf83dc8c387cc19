// The timeline on the sample: an overview strip with the brush and a detail chart of the chosen
// period in finer bars (summing to the messages in the period, counted from the raw file), the keys,
// the bar-scale toggle, annotation labels that are all present and never overlap, and play.
import { describe, expect, it } from "vitest";
import { brush } from "./gestures";
import { screenshot } from "./harness";
import { msgs, raw } from "./sample";
import { countIn } from "./truth";
import { useApp } from "./use-browser";

const rawAnnotations = (raw as unknown as { annotations: { date: string; label: string }[] }).annotations;

const app = useApp("", { width: 1920, height: 1080 });

type Box = { left: number; right: number; top: number; bottom: number };
const period = () => app.page.evaluate(() => window.switchboard!.state().period);
const detailBarCount = (sel = ".detail-bars rect") => app.page.locator(sel).evaluateAll((rs) => rs.length);
/** The detail chart's bars read back as message counts from their <title>s ("…: 1,234 messages"). */
async function detailCounts(): Promise<number[]> {
  return app.page
    .locator(".detail-hits title")
    .evaluateAll((ts) =>
      ts.map((t) => Number((t.textContent ?? "").match(/: ([\d,]+) message/)![1].replace(/,/g, ""))),
    );
}
async function barHeights(sel: string): Promise<number[]> {
  return app.page.locator(sel).evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("height"))));
}
async function boxes(sel: string): Promise<(Box & { text: string })[]> {
  return app.page.locator(sel).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.getAttribute("aria-label") ?? "" };
    }),
  );
}
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("timeline overview and detail", () => {
  it("shows the whole span in the detail, then the brushed period in finer bars summing to its messages", async () => {
    const whole = await detailCounts();
    expect(whole.reduce((a, b) => a + b, 0)).toBe(countIn(msgs, -Infinity, Infinity).messages);
    await screenshot(app.page, "timeline-whole");
    expect(await detailBarCount()).toBeGreaterThan(0);
  });
});

describe("timeline keys, scale, annotations", () => {
  it("brushing the overview shows the period in day bars that sum to its messages", async () => {
    await brush(app.page, 0.93, 0.97);
    const p = await period();
    const days = Math.round((p.end - p.start) / 86_400_000);
    expect(days).toBeGreaterThan(20);
    await app.page.waitForFunction((n) => document.querySelectorAll(".detail-hits rect").length === n, days, {
      polling: 50,
    });
    const counts = await detailCounts();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(countIn(msgs, p.start, p.end).messages);
    // Each day bar holds that local day's messages (New York is UTC-4 in April and May).
    const firstDay = countIn(msgs, p.start, p.start + 86_400_000).messages;
    expect(counts[0]).toBe(firstDay);
    await screenshot(app.page, "timeline-brushed");
  });

  it("a drag faster than the frames sets the period once per frame, where the brush is by then", async () => {
    const seen = await app.page.evaluate(async () => {
      const overlay = document.querySelector(".brush .overlay")!.getBoundingClientRect();
      const y = overlay.top + overlay.height / 2;
      const at = (f: number) => ({
        clientX: overlay.left + overlay.width * f,
        clientY: y,
        bubbles: true,
        view: window,
      });
      const period = () => JSON.stringify(window.switchboard!.state().period);
      const before = period();
      // Twenty pointer moves in one task: no frame can come between them.
      document.querySelector(".brush .overlay")!.dispatchEvent(new MouseEvent("mousedown", at(0.2)));
      for (let i = 1; i <= 20; i++) window.dispatchEvent(new MouseEvent("mousemove", at(0.2 + 0.01 * i)));
      const sameTask = period();
      // Our frame callback was asked for first, so it has run when this one does.
      await new Promise((r) => requestAnimationFrame(r));
      const nextFrame = period();
      window.dispatchEvent(new MouseEvent("mouseup", at(0.4)));
      return { before, sameTask, nextFrame, ended: period() };
    });
    expect(seen.sameTask).toBe(seen.before);
    expect(seen.nextFrame).not.toBe(seen.before);
    // The frame's period is the last move's: the drag ends there, and mouseup changes nothing.
    expect(seen.ended).toBe(seen.nextFrame);
    const p = JSON.parse(seen.ended) as { start: number; end: number };
    const full = await app.page.evaluate(() => window.switchboard!.full);
    const share = (t: number) => (t - full.start) / (full.end - full.start);
    expect(share(p.start)).toBeCloseTo(0.2, 1);
    expect(share(p.end)).toBeCloseTo(0.4, 1);
  });

  it("the keys on the overview still move the period, and the detail follows", async () => {
    await app.page.locator(".timeline-svg").focus();
    await app.page.keyboard.press("End");
    const full = await app.page.evaluate(() => window.switchboard!.full);
    const atEnd = await period();
    expect(atEnd.end).toBe(full.end);
    await app.page.keyboard.press("ArrowLeft");
    const moved = await period();
    expect(Math.round((atEnd.start - moved.start) / 86_400_000)).toBe(7);
    await app.page.waitForFunction(() => document.querySelector(".timeline-svg") === document.activeElement);
    const counts = await detailCounts();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(countIn(msgs, moved.start, moved.end).messages);
    await app.page.keyboard.press("Delete");
    await app.page.waitForFunction(
      () => window.switchboard!.state().period.start === window.switchboard!.full.start,
      undefined,
      { polling: 50 },
    );
  });

  it("the square-root scale lifts quiet bars: heights follow √count instead of count", async () => {
    const linear = await barHeights(".detail-bars rect");
    const counts = await detailCounts();
    const top = counts.indexOf(Math.max(...counts));
    const quiet = counts.findIndex((c) => c > 0 && c < counts[top] / 50);
    expect(quiet).toBeGreaterThanOrEqual(0);
    expect(linear[quiet] / linear[top]).toBeCloseTo(counts[quiet] / counts[top], 1);
    await app.page.locator("select.timeline-scale").selectOption("sqrt");
    await app.page.waitForFunction(() => location.hash.includes("f.tlscale=sqrt"), undefined, { polling: 50 });
    const sqrt = await barHeights(".detail-bars rect");
    expect(sqrt[quiet] / sqrt[top]).toBeCloseTo(Math.sqrt(counts[quiet] / counts[top]), 1);
    const tiny = (hs: number[]) => hs.filter((hgt, b) => counts[b] > 0 && hgt < 2).length;
    expect(tiny(linear)).toBeGreaterThan(20);
    // Only bars of a message or two stay under 2 px (√(2 / 2,000) of a 77-px plot is 2.4 px).
    expect(tiny(sqrt)).toBeLessThanOrEqual(counts.filter((c) => c > 0 && c <= 2).length);
    expect(tiny(sqrt)).toBeLessThan(tiny(linear) / 5);
    // The overview strip follows the same scale.
    const strip = await barHeights(".bars rect");
    expect(strip.filter((hgt) => hgt >= 1).length).toBeGreaterThan(counts.filter((c) => c > 0).length * 0.9);
    await screenshot(app.page, "timeline-sqrt");
    await app.page.locator("select.timeline-scale").selectOption("linear");
  });

  it("shows every annotation, none overlapping another, with the full text on focus", async () => {
    const labels = await boxes(".timeline-annotations .annotation:not([hidden])");
    expect(labels.map((l) => l.text.replace(/^.*?: /, "")).sort()).toEqual(rawAnnotations.map((a) => a.label).sort());
    const viewport = app.page.viewportSize()!;
    for (const l of labels) {
      expect(l.right - l.left, l.text).toBeGreaterThan(30);
      expect(l.left).toBeGreaterThanOrEqual(0);
      expect(l.right).toBeLessThanOrEqual(viewport.width);
    }
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        expect(overlap(labels[i], labels[j]), `${labels[i].text} / ${labels[j].text}`).toBe(false);
      }
    // A shortened label shows its whole text when focused.
    const shortened = app.page.locator(".timeline-annotations .annotation").filter({ hasText: "Network intrusion" });
    await shortened.focus();
    const full = await shortened.evaluate((e) => ({
      shown: e.clientWidth,
      needed: e.scrollWidth,
      title: e.getAttribute("title"),
    }));
    expect(full.shown).toBeGreaterThanOrEqual(full.needed);
    expect(full.title).toBe("19 Apr 2016: Network intrusion detected (fictional)");
  });
});

/** Resolves after n animation frames in the app.page. */
const frames = (n: number) =>
  app.page.evaluate(
    (k) =>
      new Promise<void>((done) => {
        const step = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
        step(k);
      }),
    n,
  );

describe("play", () => {
  it("moves a one-week window through time over several frames and stops on any key, swallowing it", async () => {
    const full = await app.page.evaluate(() => window.switchboard!.full);
    await app.page.locator("select.timeline-play-length").selectOption("1w");
    await app.page.evaluate(() => performance.clearMeasures("sb:play-frame"));
    // Every period shown, recorded in the page frame by frame (the test's own round trips are slower
    // than play on a loaded machine).
    await app.page.evaluate(() => {
      const w = window as unknown as { seen: { start: number; end: number }[] };
      w.seen = [];
      const record = () => {
        const p = window.switchboard!.state().period;
        const last = w.seen.at(-1);
        if (!last || last.start !== p.start || last.end !== p.end) w.seen.push({ start: p.start, end: p.end });
        if (w.seen.length < 7) requestAnimationFrame(record);
      };
      record();
    });
    await app.page.locator("button.timeline-play").click();
    expect(await app.page.locator("button.timeline-play").textContent()).toBe("Stop");
    // Several windows, each a week long, later and later, from the start of the data.
    await app.page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length >= 7, undefined, {
      polling: 100,
    });
    const seen = (
      await app.page.evaluate(() => (window as unknown as { seen: { start: number; end: number }[] }).seen)
    ).slice(1);
    expect(seen[0].start).toBe(full.start);
    for (let i = 1; i < seen.length; i++) expect(seen[i].start).toBeGreaterThan(seen[i - 1].start);
    for (const p of seen.slice(1)) expect(Math.round((p.end - p.start) / 86_400_000)).toBe(7);
    // The brush moved with it (silently), over the window shown.
    const sel = await app.page.locator(".brush .selection").evaluate((r) => Number(r.getAttribute("width")));
    expect(sel).toBeGreaterThan(0);
    await app.page.keyboard.press("/"); // would focus the search box were it not swallowed
    const stopped = await period();
    await frames(20);
    expect(await period()).toEqual(stopped);
    expect(await app.page.locator("button.timeline-play").textContent()).toBe("Play");
    expect(await app.page.evaluate(() => document.activeElement?.matches(".search-input") ?? false)).toBe(false);
    const ms = await app.page.evaluate(() => performance.getEntriesByName("sb:play-frame").map((e) => e.duration));
    ms.sort((a, b) => a - b);
    console.log(
      `play frames: ${ms.length}, median ${ms[ms.length >> 1].toFixed(1)} ms, max ${ms[ms.length - 1].toFixed(1)} ms`,
    );
    expect(ms.length).toBeGreaterThanOrEqual(5);
    expect(app.errors).toEqual([]);
  });

  it("played from a period near the end, stops by itself at the data's end", async () => {
    const full = await app.page.evaluate(() => window.switchboard!.full);
    await app.page.evaluate((p) => window.switchboard!.actions.setPeriod(p), {
      start: full.end - 40 * 86_400_000,
      end: full.end - 30 * 86_400_000,
    });
    await app.page.locator("select.timeline-play-length").selectOption("2w");
    await app.page.evaluate(() => performance.clearMeasures("sb:play-frame"));
    const t0 = Date.now();
    await app.page.locator("button.timeline-play").click();
    await app.page.waitForFunction(
      () => document.querySelector("button.timeline-play")?.textContent === "Play",
      undefined,
      { polling: 100, timeout: 20_000 },
    );
    const starts = await app.page.evaluate(() =>
      performance.getEntriesByName("sb:play-frame").map((e) => Math.round(e.startTime)),
    );
    console.log(`step starts: ${starts.map((t) => t - starts[0]).join(" ")}`);
    const busy = await app.page.evaluate(() => performance.getEntriesByName("sb:play-frame").map((e) => e.duration));
    busy.sort((a, b) => a - b);
    console.log(
      `busy play: ${busy.length} frames in ${Date.now() - t0} ms, median ${busy[busy.length >> 1].toFixed(1)} ms, max ${busy[busy.length - 1].toFixed(1)} ms`,
    );
    const last = await period();
    expect(last.end).toBe(full.end);
    expect(Math.round((last.end - last.start) / 86_400_000)).toBeGreaterThanOrEqual(13);
    await app.page.locator(".reset-period").click();
  });
});

describe("projector mode", () => {
  it("draws axis text at 18 px or more and annotations at 20 px or more, nothing clipped", async () => {
    const { page: big } = await app.env.open("#f.present=1", { width: 1920, height: 1080 });
    await big.waitForFunction(() => document.documentElement.hasAttribute("data-present"), undefined, { polling: 100 });
    await big.waitForFunction(
      () => parseFloat(getComputedStyle(document.querySelector(".timeline-svg .x-axis text")!).fontSize) >= 18,
      undefined,
      { polling: 100 },
    );
    const sizes = await big.evaluate(() => ({
      axis: [...document.querySelectorAll(".timeline :is(.x-axis, .y-axis) text")].map((t) =>
        parseFloat(getComputedStyle(t).fontSize),
      ),
      ann: [...document.querySelectorAll(".timeline-annotations .annotation:not([hidden])")].map((t) =>
        parseFloat(getComputedStyle(t).fontSize),
      ),
    }));
    expect(sizes.axis.length).toBeGreaterThan(10);
    expect(Math.min(...sizes.axis)).toBeGreaterThanOrEqual(18);
    expect(sizes.ann.length).toBe(rawAnnotations.length);
    expect(Math.min(...sizes.ann)).toBeGreaterThanOrEqual(20);
    // Every axis label lies inside its chart's box (the margins grew with the text).
    const clipped = await big.evaluate(() =>
      [...document.querySelectorAll(".timeline :is(.x-axis, .y-axis) text")]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          const s = t.closest("svg")!.getBoundingClientRect();
          return (
            r.width > 0 &&
            (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5)
          );
        })
        .map((t) => t.textContent),
    );
    expect(clipped).toEqual([]);
    await screenshot(big, "timeline-present");
    await big.close();
  });
});
