// npm run bench:import: the importer against Python's mailbox on the same file, alternating, and
// on a ~1 GB mbox with attachments. Each run is a fresh process (its peak memory is its own).
// Prints one JSON object of medians and ratios. BENCH_RUNS=n (default 3).
//   1. ../shared/bench/gen_mbox.py's 300 MB mbox (98,637 small messages): importer --no-layout
//      and python_mbox_baseline.py alternate, A B A B; the ratio of medians is the speed-up.
//      Then the whole import with its layout, against Python's header read alone.
//      (Skipped, and said so, when python3 or the shared bench folder is absent.)
//   2. The sample generator's 1.1 GB mbox (125,000 messages, 20,000 people): read rate, layout
//      and peak RSS of the whole run.
//   3. Archives: a 100 MB mbox read plain, gzipped and inside a ZIP, alternating; the ratios of
//      the gzipped and zipped reads to the plain one.
// BENCH_IMPORT=archives (or "python,big,archives") runs only those parts.
import { execFileSync, spawnSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openAsBlob,
  statSync,
  writeFileSync,
} from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { BlobReader, BlobWriter, configure, ZipWriter } from "@zip.js/zip.js";
import { join } from "node:path";
import { makeCorpus } from "./sample/model";
import { writeMbox } from "./sample/mbox";

configure({ useWebWorkers: false });
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 125_000);
const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "bench-data");
const shared = join(root, "../shared/bench");
mkdirSync(cache, { recursive: true });

interface Run {
  readSeconds: number;
  readMbPerSecond: number;
  messagesPerSecond: number;
  layoutSeconds: number;
  seconds: number;
  peakRssMb: number;
  imported: number;
  people: number;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
/** One run; `wall` is the whole process as a user waits for it (start-up and writing included). */
const importer = (file: string, ...flags: string[]): Run & { wall: number } => {
  const t = performance.now();
  const tsx = join(root, "node_modules/.bin/tsx");
  const out = execFileSync(tsx, [join(root, "scripts/bench-import-child.ts"), file, ...flags], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return { ...(JSON.parse(out) as Run), wall: (performance.now() - t) / 1000 };
};
/** Python's wall time for the whole script, as a user waits for it. */
const python = (file: string): number => {
  const t = performance.now();
  const r = spawnSync("python3", [join(shared, "python_mbox_baseline.py"), file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python baseline failed: ${r.stderr}`);
  return (performance.now() - t) / 1000;
};
const pick = (runs: Run[], k: keyof Run) => median(runs.map((x) => x[k]));
const result: Record<string, unknown> = { runs: RUNS };

const parts = (process.env.BENCH_IMPORT ?? "python,big,archives").split(",");
const hasPython = spawnSync("python3", ["--version"]).status === 0 && existsSync(join(shared, "gen_mbox.py"));
if (parts.includes("python") && hasPython) {
  const small = join(cache, "gen-300.mbox");
  if (!existsSync(small)) {
    console.error(`writing ${small} with gen_mbox.py…`);
    execFileSync("python3", [join(shared, "gen_mbox.py"), small, "300"], { stdio: "inherit" });
  }
  const ours: (Run & { wall: number })[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    ours.push(importer(small, "--no-layout"));
    theirs.push(python(small));
    console.error(
      `gen-300 run ${r + 1}: importer ${r2(ours[r].wall)} s (read ${r2(ours[r].readSeconds)} s), python ${r2(theirs[r])} s`,
    );
  }
  const whole: (Run & { wall: number })[] = [];
  for (let r = 0; r < RUNS; r++) {
    whole.push(importer(small));
    console.error(
      `gen-300 with layout run ${r + 1}: ${r2(whole[r].wall)} s (layout ${r2(whole[r].layoutSeconds)} s), ${r1(whole[r].peakRssMb)} MB`,
    );
  }
  const py = median(theirs);
  result.gen300 = {
    messages: ours[0].imported,
    people: ours[0].people,
    importer_no_layout_s: r2(median(ours.map((x) => x.wall))),
    importer_read_s: r2(pick(ours, "readSeconds")),
    importer_messages_per_s: Math.round(pick(ours, "messagesPerSecond")),
    python_s: r2(py),
    speedup_vs_python: r2(py / median(ours.map((x) => x.wall))),
    with_layout_s: r2(median(whole.map((x) => x.wall))),
    layout_s: r2(pick(whole, "layoutSeconds")),
    with_layout_over_python: r2(median(whole.map((x) => x.wall)) / py),
    peak_rss_mb_no_layout: r1(pick(ours, "peakRssMb")),
    peak_rss_mb_with_layout: r1(pick(whole, "peakRssMb")),
  };
} else if (parts.includes("python")) {
  console.error("python3 or ../shared/bench not found: the comparison with Python's mailbox is skipped");
  result.gen300 = "skipped: python3 or ../shared/bench/gen_mbox.py not found";
}

if (parts.includes("big")) await benchBig();
if (parts.includes("archives")) result.archives = await benchArchives();
console.log(JSON.stringify(result, null, 2));

async function benchBig() {
  const big = join(cache, `bench-import-${MESSAGES}.mbox`);
  if (!existsSync(big)) {
    console.error(`writing ${big} (${MESSAGES} messages)…`);
    const { people, messages } = makeCorpus({ people: 20_000, messages: MESSAGES, seed: 11 });
    await writeMbox(big, people, messages, 11);
  }
  const runs: (Run & { wall: number })[] = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(importer(big));
    console.error(`1.1 GB run ${r + 1}: ${JSON.stringify(runs[r])}`);
  }
  result.big = {
    mbox_mb: Math.round(statSync(big).size / 1e6),
    messages: runs[0].imported,
    people: runs[0].people,
    read_mb_per_s: r1(pick(runs, "readMbPerSecond")),
    read_messages_per_s: Math.round(pick(runs, "messagesPerSecond")),
    layout_s: r2(pick(runs, "layoutSeconds")),
    total_s_with_layout: r2(median(runs.map((x) => x.wall))),
    peak_rss_mb: r1(pick(runs, "peakRssMb")),
  };
}

/** The same mbox plain, gzipped and in a ZIP (each written once into bench-data/). */
async function benchArchives() {
  const plain = join(cache, "archive-100.mbox");
  if (!existsSync(plain)) {
    const { people, messages } = makeCorpus({ people: 5_000, messages: 11_000, seed: 13 });
    await writeMbox(plain, people, messages, 13);
  }
  const gz = `${plain}.gz`;
  if (!existsSync(gz)) await pipeline(createReadStream(plain), createGzip(), createWriteStream(gz));
  const zip = join(cache, "archive-100.zip");
  if (!existsSync(zip)) {
    const writer = new ZipWriter(new BlobWriter("application/zip"));
    await writer.add("mail/archive-100.mbox", new BlobReader(await openAsBlob(plain)));
    writeFileSync(zip, new Uint8Array(await (await writer.close()).arrayBuffer()));
  }
  const kinds = { plain, gz, zip };
  const runs: Record<string, number[]> = { plain: [], gz: [], zip: [] };
  for (let r = 0; r < RUNS; r++)
    for (const [k, file] of Object.entries(kinds)) {
      runs[k].push(importer(file, "--no-layout").readSeconds);
      console.error(`archives run ${r + 1} ${k}: read ${r2(runs[k].at(-1)!)} s`);
    }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  return {
    mbox_mb: Math.round(statSync(plain).size / 1e6),
    gz_mb: Math.round(statSync(gz).size / 1e6),
    zip_mb: Math.round(statSync(zip).size / 1e6),
    read_s: { plain: r2(m.plain), gz: r2(m.gz), zip: r2(m.zip) },
    gz_over_plain: r2(m.gz / m.plain),
    zip_over_plain: r2(m.zip / m.plain),
  };
}
