// npm run bench: builds the app, opens it in headless Chromium on the sample and on generated
// corpora of 100,000 and 500,000 messages (with a layout in the file), and prints one JSON object
// of medians (bench-page.ts measures a run). Not a test: numbers, not verdicts.
// BENCH_BASELINE=<another build's dist/> alternates that build and this one (A B A B) on the same
// machine in the same run and adds the ratio of their medians, so a noisy machine still compares.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serveDist, DIST } from "../tests/browser/harness";
import { measure, measureLayout, median, p95 } from "./bench-page";
import { benchSearch } from "./bench-search";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
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

const served = await serveDist();
const baseline = process.env.BENCH_BASELINE ? await serveDist(process.env.BENCH_BASELINE) : null;
// BENCH_SCALES=sample (or "sample,100k") measures only those; all three by default.
const scales = (process.env.BENCH_SCALES ?? "sample,100k,500k").split(",");
const datasets: Record<string, string> = {
  ...(scales.includes("sample") ? { sample: join(root, "data/sample.json") } : {}),
  ...(scales.includes("100k") ? { "100k": generated("bench-100k.json", 8000, 100_000, true) } : {}),
  ...(scales.includes("500k") ? { "500k": generated("bench-500k.json", 80_000, 500_000, true) } : {}),
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
/** The run whose `by` is the median (the lower middle of an even count). */
const medianRun = <T>(runs: T[], by: (r: T) => number): T =>
  [...runs].sort((a, b) => by(a) - by(b))[Math.floor((runs.length - 1) / 2)];
const summarise = (runs: Run[], file: string) => ({
  navigation_to_composited_network_ms: round(median(runs.map((x) => x.composited))),
  load_to_first_frame_ms: round(median(runs.map((x) => x.loadToFirstFrame))),
  longest_task_first_frame_to_communities_ms: round(median(runs.map((x) => x.afterFirstFrame.task))),
  // The JS part: the longest script run in that time (long animation frames' attribution), and what
  // it was in the median run; the rest of a long task is waiting for the rasteriser.
  longest_script_first_frame_to_communities_ms: round(median(runs.map((x) => x.afterFirstFrame.script))),
  longest_script_was: medianRun(runs, (x) => x.afterFirstFrame.script).afterFirstFrame.scriptWhat,
  heap_mb: round(median(runs.map((x) => x.heapMb))),
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
  // As each scale ends, in case a later one fails.
  console.error(`${name}: ${JSON.stringify(result[name])}`);
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
// BENCH_SCALES=…,500k-nolayout: the 500k corpus without a layout, laid out in the page (once).
if (scales.includes("500k-nolayout")) {
  served.extra.set("/fixtures/500k-nolayout.json", readFileSync(big, "utf8"));
  result["500k_nolayout"] = await measureLayout(`${served.url}/app/?data=../fixtures/500k-nolayout.json`).then(
    (r) => ({
      navigation_to_first_frame_ms: round(r.firstFrame),
      longest_task_before_first_frame_ms: round(r.longestTask),
      longest_script_before_first_frame_ms: round(r.longestScript),
      longest_script_was: r.longestScriptWhat,
    }),
    (e: Error) => ({ failed: e.message.split("\n")[0] }),
  );
}
await served.close();
await baseline?.close();
console.log(JSON.stringify(result, null, 2));
