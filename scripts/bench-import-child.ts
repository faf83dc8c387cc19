// One benchmark run of the importer's command line in its own process, so its peak memory is its
// own. Usage: tsx scripts/bench-import-child.ts <mbox> [--no-layout]. Writes the dataset and report
// to bench-data/ as a user's run would, then prints JSON: read and layout times, read rate,
// whole-run time, peak RSS.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/import/cli";
import type { ImportReport } from "../src/import/report";

const [file, ...flags] = process.argv.slice(2);
const cache = new URL("../bench-data/", import.meta.url).pathname;
const out = join(cache, "bench-out.json");
const reportPath = join(cache, "bench-out.report.json");
const t0 = performance.now();
const code = await main([file, "-o", out, "--report", reportPath, "-q", ...flags]);
const seconds = (performance.now() - t0) / 1000;
if (code !== 0) throw new Error(`import exited ${code}`);
const report = JSON.parse(readFileSync(reportPath, "utf8")) as ImportReport;
process.stdout.write(
  JSON.stringify({
    readSeconds: report.readSeconds,
    readMbPerSecond: report.bytes / 1e6 / report.readSeconds,
    messagesPerSecond: report.found / report.readSeconds,
    layoutSeconds: report.layoutSeconds,
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    imported: report.imported,
    people: report.people,
  }) + "\n",
);
