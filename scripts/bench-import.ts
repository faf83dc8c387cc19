// npm run bench:import: writes a ~1 GB mbox with the sample generator (cached in bench-data/), then
// imports it 3 times, each in a fresh process, and prints one JSON object of medians: read rate
// (MB/s, one core), peak memory (RSS), and the whole run with the layout.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { makeCorpus } from "./sample/model";
import { writeMbox } from "./sample/mbox";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 125_000);
const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "bench-data");
mkdirSync(cache, { recursive: true });
const mbox = join(cache, `bench-import-${MESSAGES}.mbox`);

if (!existsSync(mbox)) {
  console.error(`writing ${mbox} (${MESSAGES} messages)…`);
  const { people, messages } = makeCorpus({ people: 20_000, messages: MESSAGES, seed: 11 });
  await writeMbox(mbox, people, messages, 11);
}
const size = statSync(mbox).size;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
interface Run { readMbPerSecond: number; messagesPerSecond: number; seconds: number; peakRssMb: number; imported: number; people: number }
const runs: Run[] = [];
for (let r = 0; r < RUNS; r++) {
  const out = execFileSync("npx", ["tsx", join(root, "scripts/bench-import-child.ts"), mbox], { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 });
  runs.push(JSON.parse(out) as Run);
  console.error(`run ${r + 1}: ${out.trim()}`);
}
const pick = (k: keyof Run) => Math.round(median(runs.map((x) => x[k])) * 10) / 10;
console.log(JSON.stringify({
  runs: RUNS,
  mbox_mb: Math.round(size / 1e6),
  messages: runs[0].imported,
  people: runs[0].people,
  read_mb_per_s: pick("readMbPerSecond"),
  read_messages_per_s: pick("messagesPerSecond"),
  total_s_with_layout: pick("seconds"),
  peak_rss_mb: pick("peakRssMb"),
}, null, 2));
