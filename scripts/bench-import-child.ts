// One benchmark run of the importer in its own process, so its peak memory is its own.
// Prints JSON: read rate, whole-run time, peak RSS.
import { runImport } from "../src/import/run";

const file = process.argv[2];
let readMs = 0;
const t0 = performance.now();
let lastBytes = 0;
const { dataset, report } = await runImport({
  inputs: [file],
  onProgress: (bytes) => {
    lastBytes = bytes;
    readMs = performance.now() - t0;
  },
});
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({
  readMbPerSecond: lastBytes / 1e6 / (readMs / 1000),
  messagesPerSecond: report.found / (readMs / 1000),
  seconds,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  imported: report.imported,
  people: dataset.people.address.length,
}) + "\n");
