// npm run bench:layout: times the layout (src/graph/layout.ts) on two graphs and prints one JSON
// object of medians. BENCH_RUNS=n (default 3).
//   5k:  the importer's reading of ../shared/bench/gen_mbox.py's 300 MB mbox (5,000 people)
//   20k: the sample generator at 20,000 people and 125,000 messages
// Datasets are cached in bench-data/. Each run is a fresh process that reads a prepared edge
// list and lays it out, so its peak RSS is the layout's own plus Node's; `baseline_rss_mb` is
// the same process without the layout.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeDataset } from "../src/data/decode";
import { validateDataset } from "../src/data/validate";
import { buildEdgeIndex } from "../src/graph/edges";
import { computeLayout } from "../src/graph/layout";
import { SEED } from "../src/graph/random";

const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "bench-data");
const tsx = join(root, "node_modules/.bin/tsx");

interface ChildResult {
  ms: number;
  peakRssMb: number;
}

/** Child: lay out the edge list in `file` (or only read it) and report time and peak RSS. */
function child(file: string, layout: boolean): void {
  const buf = readFileSync(file);
  const head = new Int32Array(buf.buffer, buf.byteOffset, 2);
  const [n, m] = [head[0], head[1]];
  const at = (k: number) => buf.byteOffset + 8 + 4 * k * m;
  const source = new Int32Array(buf.buffer.slice(at(0), at(1)));
  const target = new Int32Array(buf.buffer.slice(at(1), at(2)));
  const weight = new Float32Array(buf.buffer.slice(at(2), at(3)));
  const t = performance.now();
  if (layout) computeLayout({ nodeCount: n, source, target, weight, seed: SEED });
  const ms = performance.now() - t;
  const result: ChildResult = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(result));
}

/** The edge list of a dataset file, as the importer and the app lay it out. */
function prepare(dataset: string, out: string): { people: number; edges: number } {
  const ds = decodeDataset(validateDataset(JSON.parse(readFileSync(dataset, "utf8")), dataset));
  const e = buildEdgeIndex(ds);
  const head = Int32Array.of(ds.people.count, e.count);
  const parts = [head, e.source, e.target, e.strength].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  writeFileSync(out, Buffer.concat(parts));
  return { people: ds.people.count, edges: e.count };
}

function dataset5k(): string | null {
  const json = join(cache, "layout-5k.json");
  if (existsSync(json)) return json;
  const mbox = join(cache, "gen-300.mbox");
  const gen = join(root, "../shared/bench/gen_mbox.py");
  if (!existsSync(mbox)) {
    if (!existsSync(gen) || spawnSync("python3", ["--version"]).status !== 0) return null;
    console.error(`writing ${mbox} with gen_mbox.py…`);
    execFileSync("python3", [gen, mbox, "300"], { stdio: "inherit" });
  }
  console.error(`importing ${mbox} without layout…`);
  const args = [join(root, "bin/switchboard-import.mjs"), mbox, "-o", json, "--no-layout", "-q"];
  execFileSync("node", args, { stdio: "inherit" });
  return json;
}

function dataset20k(): string {
  const json = join(cache, "layout-20k.json");
  if (!existsSync(json)) {
    const args = ["scripts/generate.ts", "--people", "20000", "--messages", "125000", "--no-layout", "--out", json];
    execFileSync(tsx, args, { cwd: root, stdio: "inherit" });
  }
  return json;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

function main(): void {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  mkdirSync(cache, { recursive: true });
  const graphs: [string, string | null][] = [
    ["5k", dataset5k()],
    ["20k", dataset20k()],
  ];
  const result: Record<string, unknown> = { runs, seed: SEED };
  const run = (bin: string, ...flags: string[]): ChildResult => {
    const args = [join(root, "scripts/bench-layout.ts"), "--child", bin, ...flags];
    const out = execFileSync(tsx, args, { encoding: "utf8" });
    return JSON.parse(out) as ChildResult;
  };
  for (const [name, json] of graphs) {
    if (!json) {
      result[name] = "skipped: no bench-data/gen-300.mbox and no ../shared/bench/gen_mbox.py to write it";
      continue;
    }
    const bin = join(cache, `layout-${name}.bin`);
    const size = prepare(json, bin);
    const base = run(bin, "--read-only");
    const times: number[] = [];
    const rss: number[] = [];
    for (let r = 0; r < runs; r++) {
      const c = run(bin);
      times.push(c.ms / 1000);
      rss.push(c.peakRssMb);
      console.error(`${name} run ${r + 1}: ${(c.ms / 1000).toFixed(2)} s, peak RSS ${r1(c.peakRssMb)} MB`);
    }
    result[name] = {
      ...size,
      layout_s_median: Math.round(median(times) * 100) / 100,
      layout_s_runs: times.map((t) => Math.round(t * 100) / 100),
      peak_rss_mb_median: r1(median(rss)),
      baseline_rss_mb: r1(base.peakRssMb),
    };
  }
  console.log(JSON.stringify(result, null, 2));
}

const at = process.argv.indexOf("--child");
if (at >= 0) child(process.argv[at + 1], !process.argv.includes("--read-only"));
else main();
