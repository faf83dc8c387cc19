// switchboard-import: mail exports in, dataset JSON out. Argument parsing, progress on a TTY, the
// report, and exit codes: 0 done; 1 nothing written (bad input or usage); 2 written, but an input
// was damaged (e.g. a truncated mbox): see the report.
import { rename, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { validateDataset } from "../data/validate";
import { CSV_FIELDS } from "./csv-columns";
import { DATE_FORMAT_HELP, dateStyleOf } from "./csv-dates";
import { checkOutputs } from "./outputs";
import { KINDS, type InputKind } from "./detect";
import { ImportError } from "./reader";
import { formatReport } from "./report";
import { runImport } from "./run";

const USAGE = `Usage: switchboard-import <input>... -o <dataset.json> [options]

Inputs (detected; mixed kinds are merged into one dataset):
  an mbox file, a folder of .eml files (or one .eml), a Maildir folder, a CSV (one row per message)

Options:
  -o, --out <file>              dataset to write (required)
  --kind <mbox|eml|maildir|csv> force the kind of every input
  --title <text>                dataset title (default: the input's name)
  --description <text>          one or two sentences about the corpus
  --source <text>               where the corpus comes from
  --source-url-template <url>   link to each message's source; {id} is the file name (.eml),
                                Message-ID (mbox) or --id column (CSV)
  --licence <text>              licence or terms of the source
  --time-zone <zone>            IANA zone the corpus was written in (default UTC); also used for
                                dates written without a zone
  --aliases <file.csv>          merge addresses: rows of "address,canonical address"
  --report <file.json>          also write the report as JSON
  --no-layout                   skip the layout (the app then lays the network out when it opens)
  --from, --to, --cc, --bcc, --date, --subject, --id <column>
                                CSV columns (default: recognised from the header row; every
                                column of the chosen name is read)
  --date-format <style>         CSV dates: day-first, month-first, or a luxon format such as
                                "dd/MM/yyyy HH:mm" (default: decided from the column)
  -q, --quiet                   no progress and no report on the terminal
  -h, --help                    this text`;

const FIELDS = CSV_FIELDS;

/** Any zone the runtime knows, by any of its names (Europe/Kyiv, America/Nuuk, Etc/UTC, GMT). */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Writes through a temporary file, so an interrupted write never leaves half a dataset. */
async function writeWhole(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.partial`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

function progress(enabled: boolean) {
  let last = 0;
  const start = performance.now();
  return {
    update(bytes: number, messages: number) {
      const now = performance.now();
      if (!enabled || now - last < 250) return;
      last = now;
      const mb = bytes / 1e6;
      process.stderr.write(`\r${mb.toFixed(0)} MB · ${messages.toLocaleString("en-US")} messages · ${(mb / ((now - start) / 1000)).toFixed(0)} MB/s   `);
    },
    done() {
      if (enabled && last) process.stderr.write("\r\x1b[K");
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        kind: { type: "string" },
        title: { type: "string" },
        description: { type: "string" },
        source: { type: "string" },
        "source-url-template": { type: "string" },
        licence: { type: "string" },
        "time-zone": { type: "string" },
        aliases: { type: "string" },
        report: { type: "string" },
        "no-layout": { type: "boolean" },
        "date-format": { type: "string" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(FIELDS.map((f) => [f, { type: "string" as const }])),
      },
    });
  } catch (err) {
    process.stderr.write(`switchboard-import: ${(err as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  const v = args.values as Record<string, string | boolean | undefined>;
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = str("out");
  if (!out || args.positionals.length === 0) {
    process.stderr.write(`switchboard-import: ${!out ? "missing -o <dataset.json>" : "no input given"}\n\n${USAGE}\n`);
    return 1;
  }
  const kind = str("kind");
  if (kind !== undefined && !KINDS.includes(kind as InputKind)) {
    process.stderr.write(`switchboard-import: --kind must be one of ${KINDS.join(", ")}, not "${kind}"\n`);
    return 1;
  }
  const zone = str("time-zone");
  if (zone && !knownZone(zone)) {
    process.stderr.write(`switchboard-import: --time-zone "${zone}" is not a time zone this runtime knows (e.g. America/New_York, Europe/Kyiv, UTC)\n`);
    return 1;
  }
  const dateFormat = str("date-format");
  if (dateFormat !== undefined && !dateFormat.trim()) {
    process.stderr.write(`switchboard-import: --date-format needs a value: ${DATE_FORMAT_HELP}\n`);
    return 1;
  }
  const quiet = v.quiet === true;
  const bar = progress(!quiet && process.stderr.isTTY === true);
  try {
    const report = str("report");
    await checkOutputs(args.positionals, [{ flag: "-o", path: out }, ...(report ? [{ flag: "--report", path: report }] : [])]);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    process.stderr.write(`switchboard-import: ${err.message}\n`);
    return 1;
  }
  try {
    const { dataset, report } = await runImport({
      inputs: args.positionals,
      kind: kind as InputKind | undefined,
      columns: Object.fromEntries(FIELDS.filter((f) => str(f) !== undefined).map((f) => [f, str(f)])),
      aliases: str("aliases"),
      title: str("title"),
      description: str("description"),
      source: str("source"),
      sourceUrlTemplate: str("source-url-template"),
      licence: str("licence"),
      timeZone: zone,
      dateStyle: dateFormat ? dateStyleOf(dateFormat) : undefined,
      layout: v["no-layout"] !== true,
      onProgress: bar.update,
    });
    bar.done();
    validateDataset(dataset, out); // the app must be able to open what we write
    await writeWhole(out, JSON.stringify(dataset));
    if (str("report")) await writeWhole(str("report")!, JSON.stringify(report, null, 2));
    if (!quiet) process.stdout.write(`${formatReport(report)}\n\nWrote ${out}: ${report.imported.toLocaleString("en-US")} messages, ${report.people.toLocaleString("en-US")} people. Open it in Switchboard with "Open dataset…", or drag it onto the page.\n`);
    for (const p of report.problems) process.stderr.write(`switchboard-import: ${p.where}: ${p.problem}\n`);
    return report.problems.length ? 2 : 0;
  } catch (err) {
    bar.done();
    if (err instanceof ImportError) {
      process.stderr.write(`switchboard-import: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
