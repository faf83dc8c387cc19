// switchboard-import: mail exports in, dataset JSON out. Argument parsing, progress on a TTY, the
// report, and exit codes: 0 done; 1 nothing written (bad input or usage); 2 written, but an input
// was damaged (e.g. a truncated mbox): see the report.
import { rm, rename, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { knownTimeZone, validateDataset } from "../data/validate";
import { CSV_FIELDS } from "./csv-columns";
import { DATE_FORMAT_HELP, dateStyleOf } from "./csv-dates";
import { checkOutputs } from "./outputs";
import { KINDS, type InputKind } from "./detect";
import { ImportError } from "./reader";
import { fsReason } from "./walk";
import { formatReport, type ImportReport } from "./report";
import { runImport } from "./run";

const USAGE = `Usage: switchboard-import <input>... -o <dataset.json> [options]

Inputs (detected; mixed kinds are merged into one dataset):
  an mbox file, a folder of .eml files (or one .eml), a Maildir folder, a CSV (one row per message),
  Outlook .msg files (alone or in folders), any of those files gzipped (.mbox.gz), or a ZIP of them
  (ZIPs inside it too)

Options:
  -o, --out <file>              dataset to write (required)
  --kind <mbox|eml|maildir|csv|zip|msg>
                                force the kind of every input
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
  --from, --to, --cc, --bcc, --date, --time, --subject, --id <column>
                                CSV columns (default: recognised from the header row; every
                                column of the chosen name is read; --time is a time of day kept
                                apart from the date)
  --date-format <style>         CSV dates: day-first, month-first, or a luxon format such as
                                "dd/MM/yyyy HH:mm" (default: decided from the column)
  -q, --quiet                   no progress and no report on the terminal
  -h, --help                    this text`;

const FIELDS = CSV_FIELDS;

/** Temporary files being written: removed on any failure, and on Ctrl-C or a kill signal. */
const partials = new Set<string>();
function removePartialsAndExit(signal: NodeJS.Signals): void {
  for (const tmp of partials) rmSync(tmp, { force: true });
  process.stderr.write(`\nswitchboard-import: stopped (${signal}); nothing was written\n`);
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/** Writes through a temporary file, so an interrupted write never leaves half a dataset; a failed
 *  write (a full disk) removes it and says what happened in one line. */
export async function writeWhole(path: string, text: string, write = writeFile): Promise<void> {
  const tmp = `${path}.${process.pid}.partial`;
  partials.add(tmp);
  try {
    await write(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new ImportError(path, `could not be written: ${writeReason(err)}`);
  } finally {
    partials.delete(tmp);
  }
}

function writeReason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === "ENOSPC") return "the disk is full (ENOSPC); free some space and import again";
  if (code === "EDQUOT") return "over the disk quota (EDQUOT)";
  return fsReason(err);
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
      process.stderr.write(
        `\r${mb.toFixed(0)} MB · ${messages.toLocaleString("en-US")} messages · ${(mb / ((now - start) / 1000)).toFixed(0)} MB/s   `,
      );
    },
    done() {
      if (enabled && last) process.stderr.write("\r\x1b[K");
    },
  };
}

/** Why a run imported nothing, from what it saw: nothing is written and the exit code is 1. */
export function nothingImported(r: ImportReport): string {
  const seen: string[] = [];
  if (r.found) seen.push(`${r.found} message${r.found === 1 ? "" : "s"} found, none imported`);
  for (const s of r.skipped.reasons.slice(0, 3)) seen.push(`${s.count} skipped: ${s.reason}`);
  if (r.duplicates.count) seen.push(`${r.duplicates.count} duplicate${r.duplicates.count === 1 ? "" : "s"}`);
  const files = r.filesSkipped.items;
  if (files.length) {
    const why = [...new Set(files.map((f) => f.reason))].slice(0, 3).join("; ");
    seen.push(`${files.length} file${files.length === 1 ? "" : "s"} not read as mail (${why})`);
  }
  if (!seen.length) seen.push("no messages at all");
  return `nothing to import, so nothing was written: ${seen.join(", ")}`;
}

/** Says what went wrong on stderr (with the usage, for a command line that does not parse) and
 *  gives the exit code for nothing written. */
function refuse(problem: string, withUsage = false): number {
  process.stderr.write(`switchboard-import: ${problem}\n${withUsage ? `\n${USAGE}\n` : ""}`);
  return 1;
}

/** What the command line asks for, checked. */
interface Request {
  inputs: string[];
  out: string;
  report: string | undefined;
  kind: InputKind | undefined;
  zone: string | undefined;
  dateFormat: string | undefined;
  quiet: boolean;
  /** A text option's value. */
  str(key: string): string | undefined;
  layout: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const request = readCommandLine(argv);
  if (typeof request === "number") return request;
  try {
    const { out, report } = request;
    const aliases = request.str("aliases");
    const reads = [
      ...request.inputs.map((path) => ({ what: "an input", path })),
      ...(aliases ? [{ what: "the aliases file", path: aliases }] : []),
    ];
    await checkOutputs(reads, [{ flag: "-o", path: out }, ...(report ? [{ flag: "--report", path: report }] : [])]);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    return refuse(err.message);
  }
  return importAndWrite(request);
}

/** The request, or the exit code when there is nothing to import (help, or a bad command line). */
function readCommandLine(argv: string[]): Request | number {
  let args: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    return refuse((err as Error).message, true);
  }
  const v = args.values as Record<string, string | boolean | undefined>;
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = str("out");
  if (!out || args.positionals.length === 0) return refuse(!out ? "missing -o <dataset.json>" : "no input given", true);
  const kind = str("kind");
  if (kind !== undefined && !KINDS.includes(kind as InputKind))
    return refuse(`--kind must be one of ${KINDS.join(", ")}, not "${kind}"`);
  const zone = str("time-zone");
  if (zone !== undefined && !knownTimeZone(zone)) {
    return refuse(
      `--time-zone "${zone}" is not a time zone this runtime knows (e.g. America/New_York, Europe/Kyiv, UTC)`,
    );
  }
  const dateFormat = str("date-format");
  if (dateFormat !== undefined && !dateFormat.trim()) return refuse(`--date-format needs a value: ${DATE_FORMAT_HELP}`);
  return {
    inputs: args.positionals,
    out,
    report: str("report"),
    kind: kind as InputKind | undefined,
    zone,
    dateFormat,
    quiet: v.quiet === true,
    str,
    layout: v["no-layout"] !== true,
  };
}

const OPTIONS = {
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
} as const;

/** Imports, checks and writes the dataset (and the report), and says what was done. Exit 0 when
 *  done, 1 when nothing was written, 2 when written with an input damaged. */
async function importAndWrite(r: Request): Promise<number> {
  const { str, out, quiet } = r;
  const bar = progress(!quiet && process.stderr.isTTY === true);
  try {
    const { dataset, report } = await runImport({
      inputs: r.inputs,
      kind: r.kind,
      columns: Object.fromEntries(FIELDS.filter((f) => str(f) !== undefined).map((f) => [f, str(f)])),
      aliases: str("aliases"),
      title: str("title"),
      description: str("description"),
      source: str("source"),
      sourceUrlTemplate: str("source-url-template"),
      licence: str("licence"),
      timeZone: r.zone,
      dateStyle: r.dateFormat ? dateStyleOf(r.dateFormat) : undefined,
      layout: r.layout,
      onProgress: bar.update,
    });
    bar.done();
    if (report.imported === 0) return refuse(nothingImported(report));
    validateDataset(dataset, out); // the app must be able to open what we write
    // `on`, not `once`: a second Ctrl-C must not find the default handler back in place.
    process.on("SIGINT", removePartialsAndExit).on("SIGTERM", removePartialsAndExit);
    await writeWhole(out, JSON.stringify(dataset));
    if (r.report) await writeWhole(r.report, JSON.stringify(report, null, 2));
    if (!quiet)
      process.stdout.write(
        `${formatReport(report)}\n\nWrote ${out}: ${report.imported.toLocaleString("en-US")} messages, ${report.people.toLocaleString("en-US")} people. Open it in Switchboard with "Open dataset…", or drag it onto the page.\n`,
      );
    for (const p of report.problems) process.stderr.write(`switchboard-import: ${p.where}: ${p.problem}\n`);
    return report.problems.length ? 2 : 0;
  } catch (err) {
    bar.done();
    if (err instanceof ImportError) return refuse(err.message);
    throw err;
  }
}
