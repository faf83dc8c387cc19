// One benchmark run of the app at a URL in a fresh headless Chromium (bench.ts runs it A B A B):
// navigation to the first composited frame, the app's first frame, the main thread's longest task
// between that frame and the communities, the heap, the communities worker, brush moves,
// selecting people and typing in the search. Medians are bench.ts's business.
import type { Browser, Page } from "playwright-core";
import { launch } from "../tests/browser/harness";
import { firstCompositedFrame } from "./bench-first-frame";
import { brushMoves, type Legacy } from "./brush-moves";

const BRUSH_MOVES = 24;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

interface Span {
  start: number;
  duration: number;
}
/** What a watched page records: its long tasks, and the scripts that ran in long animation frames. */
interface Watched {
  __longTasks: Span[];
  __scripts: (Span & { what: string })[];
}

/** Two frames and a task later: the long animation frames so far have been reported. */
const settled = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));

/** A page at `url` that records its long tasks and their scripts (Watched), once it drew its first frame. */
async function openWatched(browser: Browser, url: string, timeout: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx names functions with an __name helper; give the page one so evaluated code runs as written.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__longTasks = [];
    w.__scripts = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: "longtask", buffered: true });
    // Long animation frames name the scripts that ran in them (those over 5 ms): the JS in a long
    // task, apart from the time the main thread waits for the (software) rasteriser.
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        for (const s of (
          e as unknown as {
            scripts: { startTime: number; duration: number; invoker: string; sourceFunctionName: string }[];
          }
        ).scripts)
          w.__scripts.push({
            start: s.startTime,
            duration: s.duration,
            what: `${s.invoker} ${s.sourceFunctionName}`.trim(),
          });
      }),
    ).observe({ type: "long-animation-frame", buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.switchboard?.firstFrameAt != null, undefined, { timeout, polling: 50 });
  return page;
}

export async function measure(url: string) {
  // The screencast in a browser of its own: a page's software-rasterised frames still queued in a
  // shared GPU process would slow the next page's first frame.
  const screencast = await launch();
  const composited = await firstCompositedFrame(screencast, url).finally(() => screencast.close());
  const browser = await launch();
  try {
    const page = await openWatched(browser, url, 300_000);
    const loadToFirstFrame = await page.evaluate(() => window.switchboard!.firstFrameAt!);
    const cdp = await page.context().newCDPSession(page);
    await page
      .waitForFunction(() => document.querySelector(".legend")?.getAttribute("data-state") === "ready", undefined, {
        timeout: 300_000,
        polling: 50,
      })
      .catch(async (e: Error) => {
        const legend = await page.evaluate(
          () =>
            `${document.querySelector(".legend")?.getAttribute("data-state")}: ${document.querySelector(".legend-status")?.textContent}`,
        );
        throw new Error(`${url}: communities never ready (${legend}): ${e.message}`);
      });
    // Long animation frames are reported after they end: two frames more, and the last is in.
    await page.evaluate(settled);
    // The page's longest task from its first frame until the communities were shown (the reader's
    // first seconds with the network), and its heap then.
    const afterFirstFrame = await page.evaluate(() => {
      const w = window as unknown as Watched;
      const from = window.switchboard!.firstFrameAt!;
      const after = (t: { start: number; duration: number }) => t.start + t.duration > from;
      const script = w.__scripts.filter(after).sort((a, b) => b.duration - a.duration)[0];
      return {
        task: Math.max(0, ...w.__longTasks.filter(after).map((t) => t.duration)),
        script: script?.duration ?? 0,
        scriptWhat: script?.what ?? "",
      };
    });
    await cdp.send("HeapProfiler.collectGarbage");
    // The JS heap and the typed arrays' backing stores (where the dataset and indexes live).
    const heap = (await cdp.send("Runtime.getHeapUsage")) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
      backingStorageSize?: number;
    };
    const heapMb = (heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0)) / 1e6;
    // Communities for the whole span, re-run while we watch the main thread.
    const comm = await page.evaluate(async () => {
      const sb = window.switchboard!;
      const w = window as unknown as Watched;
      // Long tasks (over 50 ms, from the Long Tasks API) from the request until the result has
      // been applied (colours, legend); 0 means none.
      const t0 = performance.now();
      sb.communities = null;
      sb.rerunCommunities();
      while (!sb.communities) await new Promise((r) => setTimeout(r, 5));
      const t1 = performance.now();
      const tasks = w.__longTasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1).map((t) => t.duration);
      return { workerMs: (sb.communities as { ms: number }).ms, longestTask: Math.max(0, ...tasks) };
    });
    // Brush moves (brush-moves.ts): main-thread JS and wall time per move.
    const brush = await page.evaluate(brushMoves, BRUSH_MOVES);
    // Selecting a person: the selectPerson action (person panel, highlight, sigma state) plus the render
    // of the next frame, for the 10 busiest people and 10 spread over the rest.
    await page.evaluate(() => {
      const sb = window.switchboard!;
      if (sb.actions) sb.actions.showWholePeriod(sb.full);
      else (sb as unknown as Legacy).store.set({ period: sb.full });
    });
    const selectMs = await page.evaluate(async () => {
      const sb = window.switchboard!;
      const s = sb.stats();
      const ids = Array.from(s.sent.keys()).filter((p) => s.sent[p] + s.received[p] > 0);
      ids.sort((a, b) => s.sent[b] + s.received[b] - (s.sent[a] + s.received[a]));
      const picks = [
        ...ids.slice(0, 10),
        ...Array.from({ length: 10 }, (_, k) => ids[Math.floor(((k + 1) * ids.length) / 11)]),
      ];
      const out: number[] = [];
      for (const p of picks) {
        performance.clearMeasures("sb:render");
        const t0 = performance.now();
        if (sb.actions) sb.actions.selectPerson(p);
        else (sb as unknown as Legacy).store.set({ selected: p, connection: null, chain: null, hovered: null });
        const sync = performance.now() - t0;
        await sb.nextFrame();
        out.push(sync + performance.getEntriesByName("sb:render").reduce((a, m) => a + m.duration, 0));
      }
      if (sb.actions) sb.actions.selectPerson(null);
      else (sb as unknown as Legacy).store.set({ selected: null });
      return out;
    });
    // Typing in the search box: the input handler (search and the result list), per keystroke.
    const searchMs = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>("[data-search=search] .search-input")!;
      const names = Array.from(document.querySelectorAll(".legend-top"))
        .flatMap((e) => (e.textContent ?? "").split(", "))
        .slice(0, 12);
      const out: number[] = [];
      for (const name of names) {
        for (let i = 1; i <= name.length; i++) {
          input.value = name.slice(0, i);
          const t0 = performance.now();
          input.dispatchEvent(new Event("input"));
          out.push(performance.now() - t0);
        }
      }
      input.value = "";
      input.dispatchEvent(new Event("input"));
      return out;
    });
    return {
      composited,
      loadToFirstFrame,
      afterFirstFrame,
      heapMb,
      brushP95: p95(brush.js),
      brushWallP95: p95(brush.wall),
      selectP95: p95(selectMs),
      selectMedian: median(selectMs),
      searchP95: p95(searchMs),
      ...comm,
    };
  } finally {
    await browser.close();
  }
}

/** A corpus with no layout in the file: navigation to the first frame (the layout, computed in a
 *  worker, included) and the main thread's longest task before it (loading, indexing, laying out). */
export async function measureLayout(
  url: string,
): Promise<{ firstFrame: number; longestTask: number; longestScript: number; longestScriptWhat: string }> {
  const browser = await launch();
  try {
    const page = await openWatched(browser, url, 600_000);
    await page.evaluate(settled);
    return await page.evaluate(() => {
      const firstFrame = window.switchboard!.firstFrameAt!;
      const w = window as unknown as Watched;
      const tasks = w.__longTasks;
      const before = <T extends Span>(xs: T[]) => xs.filter((t) => t.start < firstFrame);
      const script = before(w.__scripts).sort((a, b) => b.duration - a.duration)[0];
      return {
        firstFrame,
        longestTask: Math.max(0, ...before(tasks).map((t) => t.duration)),
        longestScript: script?.duration ?? 0,
        longestScriptWhat: script?.what ?? "",
      };
    });
  } finally {
    await browser.close();
  }
}
