// The importer as a function: inputs -> dataset + report. Detects every input first (so a bad path
// fails before anything is read), reads them in turn into one collector, then encodes the dataset
// with a ready layout.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { encodeDataset } from "../data/decode";
import type { DatasetFile } from "../data/types";
import { layoutForFile } from "../graph/file-layout";
import { Collector } from "./collect";
import { readCsv, type CsvColumns } from "./csv";
import type { DateStyle } from "./dates";
import { detectInput, type DetectedInput, type InputKind } from "./detect";
import { readEmlFolder, readMaildir } from "./files";
import { readMbox } from "./mbox";
import { readMsgFile } from "./msg";
import { readZip } from "./zip";
import { fileSource, gunzipped, type ByteSource } from "./source";
import { collectGarbage } from "./memory";
import { ImportError, type ReaderItem } from "./reader";
import { buildReport, type ImportReport, type InnerFile } from "./report";

export interface ImportOptions {
  inputs: string[];
  kind?: InputKind;
  columns?: CsvColumns;
  /** CSV of `address,canonical address` rows. */
  aliases?: string;
  title?: string;
  description?: string;
  source?: string;
  sourceUrlTemplate?: string;
  licence?: string;
  /** IANA zone: shown dates, and dates written without a zone. */
  timeZone?: string;
  /** --date-format: how CSV date columns are written (otherwise decided per column). */
  dateStyle?: DateStyle;
  layout?: boolean;
  /** Progress: bytes and messages so far. */
  onProgress?: (bytes: number, messages: number) => void;
}

export interface ImportResult {
  dataset: DatasetFile;
  report: ImportReport;
}

/** Aliases file: one `address,canonical` row per alias; a header row is allowed. */
export async function readAliases(path: string): Promise<Map<string, string>> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new ImportError(path, "cannot read the aliases file");
  });
  const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const map = new Map<string, string>();
  rows.forEach((row, i) => {
    const [alias, canonical] = row.map((s) =>
      s
        .toLowerCase()
        .replace(/^mailto:/, "")
        .replace(/^<|>$/g, ""),
    );
    if (i === 0 && !alias.includes("@")) return; // header row
    if (!alias || !canonical?.includes("@"))
      throw new ImportError(path, `line ${i + 1}: expected "address,canonical address", found "${row.join(",")}"`);
    map.set(alias, canonical);
  });
  return resolveAliases(map, path);
}

/** Every alias to the address its chain ends at (a→b and b→c: a and b both stand for c). A cycle
 *  (a→b, b→a) means no one: the import stops, naming its addresses. */
export function resolveAliases(map: Map<string, string>, file: string): Map<string, string> {
  // An address listed as its own alias changes nothing.
  const next = (a: string) => {
    const b = map.get(a);
    return b === undefined || b === a ? null : b;
  };
  const out = new Map<string, string>();
  for (const start of map.keys()) {
    const chain = [start];
    for (let at = next(start); at !== null; at = next(at)) {
      if (chain.includes(at)) {
        const loop = [...chain.slice(chain.indexOf(at)), at];
        throw new ImportError(
          file,
          `aliases form a cycle (${loop.join(" → ")}): say which address is the person's own and list only the others as its aliases`,
        );
      }
      chain.push(at);
    }
    if (chain.length > 1) out.set(start, chain[chain.length - 1]);
  }
  return out;
}

/** An input file's bytes, gunzipped when it is gzipped. */
function inputSource(input: DetectedInput): ByteSource {
  const file = fileSource(input.path, input.bytes);
  return input.gzip ? gunzipped(file) : file;
}

function reader(input: DetectedInput, opts: ImportOptions, onBytes: (n: number) => void): AsyncGenerator<ReaderItem> {
  switch (input.kind) {
    case "mbox":
      return readMbox(inputSource(input), { onBytes });
    case "eml":
      return readEmlFolder(input.path, { onBytes });
    case "maildir":
      return readMaildir(input.path, { onBytes }, opts.kind === "maildir");
    case "csv":
      return readCsv(inputSource(input), input.csv ?? { encoding: "utf-8", firstLine: "" }, opts.columns ?? {}, {
        onBytes,
        dateStyle: opts.dateStyle,
      });
    case "msg":
      return readMsgFile(inputSource(input), true, { onBytes });
    case "zip":
      return readZip(input.path, { onBytes, columns: opts.columns ?? {}, dateStyle: opts.dateStyle });
  }
}

/** Reads every input into one collector and encodes the result. The collector stays local, so
 *  its working sets (de-duplication keys, columns) are freed before the layout runs. */
async function readAll(inputs: DetectedInput[], opts: ImportOptions, started: number) {
  const aliases = opts.aliases ? await readAliases(opts.aliases) : new Map<string, string>();
  const zone = opts.timeZone ?? "UTC";
  const collector = new Collector(aliases, zone, opts.sourceUrlTemplate !== undefined);
  let bytes = 0;
  const files: ImportReport["files"] = [];
  for (const input of inputs) {
    const before = collector.counts.found;
    const bytesBefore = bytes;
    const entries: InnerFile[] = [];
    let entryFrom = before;
    const closeEntry = () => {
      const last = entries.at(-1);
      if (last) last.messages = collector.counts.found - entryFrom;
      entryFrom = collector.counts.found;
    };
    for await (const item of reader(input, opts, (n) => (bytes += n))) {
      if (item.kind === "entry") {
        closeEntry();
        entries.push({ path: item.where.file, messages: 0 });
        continue;
      }
      collector.add(item);
      if ((collector.counts.found & 1023) === 0) opts.onProgress?.(bytes, collector.counts.found);
      if ((collector.counts.found & 32767) === 0) collectGarbage(); // what parsing leaves behind
    }
    closeEntry();
    files.push({
      path: input.path,
      kind: input.kind,
      bytes: bytes - bytesBefore,
      messages: collector.counts.found - before,
      ...(input.gzip ? { gzip: true } : {}),
      ...(input.kind === "zip" ? { entries } : {}),
    });
  }
  opts.onProgress?.(bytes, collector.counts.found);
  const readMs = performance.now() - started;

  const dataset = encodeDataset({
    meta: {
      title:
        opts.title ??
        (inputs.length === 1 ? basename(inputs[0].path).replace(/\.[^.]+$/, "") : `${inputs.length} mail exports`),
      description:
        opts.description ?? `Imported from ${inputs.map((i) => basename(i.path)).join(", ")} by switchboard-import.`,
      ...(opts.source ? { source: opts.source } : {}),
      ...(opts.licence ? { licence: opts.licence } : {}),
      ...(opts.sourceUrlTemplate ? { messageUrlTemplate: opts.sourceUrlTemplate } : {}),
      synthetic: false,
      timeZone: zone,
    },
    people: { address: collector.people.address, name: collector.people.displayNames() },
    messages: collector.messages(),
  });
  const report = buildReport(collector, files, { bytes, readMs, totalMs: performance.now() - started, zone });
  return { dataset, report };
}

export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  if (opts.inputs.length === 0)
    throw new ImportError("(no input)", "give at least one mbox, .eml folder, Maildir, CSV or ZIP of them");
  const started = performance.now();
  const inputs: DetectedInput[] = [];
  for (const path of opts.inputs) inputs.push(await detectInput(path, opts.kind, opts.columns ?? {}));
  const { dataset, report } = await readAll(inputs, opts, started);
  if (opts.layout !== false && report.people > 0) {
    const layoutStart = performance.now();
    collectGarbage();
    dataset.layout = layoutForFile(dataset);
    report.layoutSeconds = Math.round(performance.now() - layoutStart) / 1000;
  }
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return { dataset, report };
}
