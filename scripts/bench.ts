// npm run bench: builds the app, opens it in headless Chromium on the sample and on a generated
// 100,000-message corpus, and prints one JSON object of medians. Not a test: numbers, not verdicts.
// BENCH_BASELINE=<another build's dist/> alternates that build and this one (A B A B) on the same
// machine in the same run and adds the ratio of their medians, so a noisy machine still compares.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch, serveDist, DIST } from "../tests/browser/harness";
import { firstCompositedFrame } from "./bench-first-frame";
import { brushMoves, type Legacy } from "./brush-moves";
import { benchSearch } from "./bench-search";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BRUSH_MOVES = 24;
const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "bench-data");
mkdirSync(cache, { recursive: true });

function generated(name: string, people: number, messages: number, layout: boolean): string {
  const file = join(cache, name);
  if (!existsSync(file)) {
    console.error(`generating ${name} (${messages} messages, ${people} people)…`);
    execFileSync(
      "npx",
      [
        "tsx",
        "scripts/generate.ts",
        "--people",
        String(people),
        "--messages",
        String(messages),
        "--seed",
        "7",
        "--out",
        file,
        ...(layout ? [] : ["--no-layout"]),
      ],
      { cwd: root, stdio: "inherit" },
    );
  }
  return file;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x: number) => Math.round(x * 10) / 10;

function bytesPerMessage(file: string): number {
  const text = readFileSync(file);
  const messages = (JSON.parse(text.toString()) as { messages: { sender: number[] } }).messages.sender.length;
  return round(gzipSync(text, { level: 9 }).length / messages);
}

function bundleGzipKb(): number {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return round(initial.reduce((s, f) => s + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0) / 1024);
}

async function measure(url: string) {
  const browser = await launch();
  try {
    const composited = await firstCompositedFrame(browser, url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx names functions with an __name helper; give the page one so evaluated code runs as written.
    await page.addInitScript("globalThis.__name = (f) => f;");
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration })),
      ).observe({ type: "longtask", buffered: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.switchboard?.firstFrameAt != null, undefined, {
      timeout: 300_000,
      polling: 50,
    });
    const loadToFirstFrame = await page.evaluate(() => window.switchboard!.firstFrameAt!);
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
    // Communities for the whole span, re-run while we watch the main thread.
    const comm = await page.evaluate(async () => {
      const sb = window.switchboard!;
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
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

const served = await serveDist();
const baseline = process.env.BENCH_BASELINE ? await serveDist(process.env.BENCH_BASELINE) : null;
// BENCH_SCALES=sample (or "sample,100k") measures only those; both by default.
const scales = (process.env.BENCH_SCALES ?? "sample,100k").split(",");
const datasets: Record<string, string> = {
  ...(scales.includes("sample") ? { sample: join(root, "data/sample.json") } : {}),
  ...(scales.includes("100k") ? { "100k": generated("bench-100k.json", 8000, 100_000, true) } : {}),
};
for (const s of [served, baseline])
  for (const [name, file] of Object.entries(datasets))
    s?.extra.set(`/fixtures/${name}.json`, readFileSync(file, "utf8"));
const big = generated("bench-500k-nolayout.json", 80_000, 500_000, false);

const result: Record<string, unknown> = {
  runs: RUNS,
  bundle_gzip_kb: bundleGzipKb(),
  dataset_gzip_bytes_per_message_500k: bytesPerMessage(big),
};
// Search on the 500k corpus's 80,000 people, in Node (the same code the page runs).
{
  const s = benchSearch(big);
  result.search_80k_people = {
    people: s.people,
    index_build_ms: round(s.buildMs),
    query_median_ms: round(median(s.times)),
    query_p95_ms: round(p95(s.times)),
    query_max_ms: round(Math.max(...s.times)),
    queries: s.times.length,
  };
}
type Run = Awaited<ReturnType<typeof measure>>;
const summarise = (runs: Run[], file: string) => ({
  navigation_to_composited_network_ms: round(median(runs.map((x) => x.composited))),
  load_to_first_frame_ms: round(median(runs.map((x) => x.loadToFirstFrame))),
  brush_update_p95_ms: round(median(runs.map((x) => x.brushP95))),
  brush_to_frame_wall_p95_ms: round(median(runs.map((x) => x.brushWallP95))),
  communities_worker_ms: round(median(runs.map((x) => x.workerMs))),
  main_thread_longest_task_ms: round(median(runs.map((x) => x.longestTask))),
  select_person_median_ms: round(median(runs.map((x) => x.selectMedian))),
  select_person_p95_ms: round(median(runs.map((x) => x.selectP95))),
  search_keystroke_p95_ms: round(median(runs.map((x) => x.searchP95))),
  dataset_gzip_bytes_per_message: bytesPerMessage(file),
});
for (const [name, file] of Object.entries(datasets)) {
  const path = `/app/${name === "sample" ? "" : `?data=../fixtures/${name}.json`}`;
  const runs: Run[] = [];
  const base: Run[] = [];
  for (let r = 0; r < RUNS; r++) {
    if (baseline) base.push(await measure(`${baseline.url}${path}`));
    runs.push(await measure(`${served.url}${path}`));
  }
  result[name] = summarise(runs, file);
  if (baseline) {
    const b = summarise(base, file);
    const now = result[name] as ReturnType<typeof summarise>;
    result[`${name}_baseline`] = b;
    result[`${name}_ratio_to_baseline`] = {
      brush_update_p95: round((now.brush_update_p95_ms / b.brush_update_p95_ms) * 100) / 100,
      select_person_p95: round((now.select_person_p95_ms / b.select_person_p95_ms) * 100) / 100,
      load_to_first_frame: round((now.load_to_first_frame_ms / b.load_to_first_frame_ms) * 100) / 100,
      navigation_to_composited_network:
        round((now.navigation_to_composited_network_ms / b.navigation_to_composited_network_ms) * 100) / 100,
    };
  }
}
await served.close();
await baseline?.close();
console.log(JSON.stringify(result, null, 2));
