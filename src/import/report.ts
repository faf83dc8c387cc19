// The import report: what was read and what became of every message, as JSON (--report) and as
// text for the terminal. Its accounting always holds: found = imported + duplicates + skipped.
import type { Collector, MessageTallies, Pair, Tally } from "./collect";
import type { InputKind } from "./detect";
import type { AliasSuggestion } from "./people";

export interface ImportReport extends MessageTallies {
  /** Each input: its kind, bytes read (after gunzipping) and messages found; a ZIP's inner files. */
  files: { path: string; kind: InputKind; bytes: number; messages: number; gzip?: boolean; entries?: InnerFile[] }[];
  found: number;
  imported: number;
  /** Every duplicate (not imported), each with the earlier copy it repeats; `merged` of them
   *  listed people the kept copy did not (a Sent copy's Bcc), who were added to it. */
  duplicates: { count: number; merged: number; items: Pair[] };
  /** Imported messages sharing a Message-ID with an earlier, different message (both kept). */
  conflicts: { count: number; items: Pair[] };
  skipped: { count: number; reasons: ({ reason: string } & Tally)[] };
  /** Files in input folders not read as mail (not messages, so not in `found`), each named. */
  filesSkipped: { count: number; items: { file: string; reason: string }[] };
  /** Whole-file problems (e.g. a truncated mbox): the rest of the file was imported. */
  problems: { where: string; problem: string }[];
  people: number;
  /** People known only by a name (no address in the source). */
  peopleWithoutAddress: number;
  aliasSuggestions: AliasSuggestion[];
  timeZone: { used: string; commonestOffset: string | null };
  bytes: number;
  readMbPerSecond: number;
  /** Reading (detect, split, parse, de-duplicate), then the layout, then the whole run. */
  readSeconds: number;
  layoutSeconds: number;
  seconds: number;
}

export function buildReport(
  c: Collector,
  files: ImportReport["files"],
  t: { bytes: number; readMs: number; totalMs: number; zone: string },
): ImportReport {
  const reasons = Object.entries(c.counts.skipped)
    .map(([reason, tally]) => ({ reason, ...tally }))
    .sort((a, b) => b.count - a.count);
  const offsets = [...c.counts.offsets].sort((a, b) => b[1] - a[1]);
  return {
    files,
    found: c.counts.found,
    imported: c.counts.imported,
    duplicates: {
      count: c.counts.duplicates.length,
      merged: c.counts.duplicates.filter((d) => d.merged !== undefined).length,
      items: c.counts.duplicates,
    },
    conflicts: { count: c.counts.conflicts.length, items: c.counts.conflicts },
    skipped: { count: c.skippedCount(), reasons },
    filesSkipped: { count: c.counts.filesSkipped.length, items: c.counts.filesSkipped },
    undated: c.counts.undated,
    zoneless: c.counts.zoneless,
    severalAuthors: c.counts.severalAuthors,
    exchangeOnly: c.counts.exchangeOnly,
    withoutSender: c.counts.withoutSender,
    withoutRecipients: c.counts.withoutRecipients,
    problems: c.counts.problems,
    people: c.people.count,
    peopleWithoutAddress: c.people.withoutAddress,
    aliasSuggestions: c.people.suggestions(),
    timeZone: { used: t.zone, commonestOffset: offsets[0]?.[0] ?? null },
    bytes: t.bytes,
    readMbPerSecond: Math.round((t.bytes / 1e6 / Math.max(t.readMs / 1000, 1e-3)) * 10) / 10,
    readSeconds: Math.round(t.readMs) / 1000,
    layoutSeconds: 0,
    seconds: Math.round(t.totalMs / 100) / 10,
  };
}

const n = (x: number) => x.toLocaleString("en-US");
const size = (bytes: number) => (bytes >= 1e6 ? `${n(Math.round(bytes / 1e6))} MB` : `${n(Math.ceil(bytes / 1e3))} KB`);
const examples = (t: Tally) => (t.examples.length ? `\n      e.g. ${t.examples.join("\n           ")}` : "");
const SHOWN = 5;
/** The first few items as indented lines, and how many more the JSON report lists. */
function listed(items: string[], indent: string): string {
  const more = items.length > SHOWN ? `\n${indent}… ${n(items.length - SHOWN)} more in the JSON report (--report)` : "";
  return (
    items
      .slice(0, SHOWN)
      .map((s) => `\n${indent}${s}`)
      .join("") + more
  );
}

/** A file inside an archive (`archive.zip/inner/path`) and the messages found in it. */
export interface InnerFile {
  path: string;
  messages: number;
}

const INNER_LISTED = 20;

/** The report as text for the terminal. */
export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  lines.push(
    `Read ${r.files.length} input${r.files.length === 1 ? "" : "s"} (${size(r.bytes)}${r.bytes >= 1e7 ? `, read at ${r.readMbPerSecond} MB/s` : ""}; ${r.seconds} s in all):`,
  );
  const messages = (k: number) => `${n(k)} message${k === 1 ? "" : "s"}`;
  for (const f of r.files) {
    lines.push(`  ${f.path} (${f.gzip ? `gzipped ${f.kind}` : f.kind}): ${messages(f.messages)}`);
    // The first inner files by name; all of them are in the JSON report.
    const entries = f.entries ?? [];
    for (const e of entries.slice(0, INNER_LISTED)) lines.push(`    ${e.path}: ${messages(e.messages)}`);
    if (entries.length > INNER_LISTED)
      lines.push(`    and ${n(entries.length - INNER_LISTED)} more files inside (each in the JSON report)`);
  }
  lines.push("");
  lines.push(`Messages found     ${n(r.found).padStart(9)}`);
  lines.push(`  imported         ${n(r.imported).padStart(9)}`);
  lines.push(
    `  duplicates       ${n(r.duplicates.count).padStart(9)}  (same Message-ID, sender, date and subject, one listing everyone the other does; without a Message-ID, same sender, date, recipients, subject and document id)${listed(
      r.duplicates.items.map((d) =>
        d.merged !== undefined
          ? `${d.where} repeats ${d.earlier}, adding ${n(d.merged)} recipient${d.merged === 1 ? "" : "s"} to it`
          : `${d.where} repeats ${d.earlier}`,
      ),
      "      ",
    )}`,
  );
  if (r.duplicates.merged)
    lines.push(
      `    of which ${n(r.duplicates.merged)} listed people the kept copy did not (a Sent copy's Bcc): merged into it`,
    );
  lines.push(`  skipped          ${n(r.skipped.count).padStart(9)}`);
  for (const s of r.skipped.reasons) lines.push(`    ${s.reason}: ${n(s.count)}${examples(s)}`);
  lines.push(`Of those imported:`);
  lines.push(
    `  undated          ${n(r.undated.count).padStart(9)}  (kept, shown outside the timeline)${examples(r.undated)}`,
  );
  lines.push(`  no recipients    ${n(r.withoutRecipients.count).padStart(9)}${examples(r.withoutRecipients)}`);
  if (r.zoneless.count)
    lines.push(
      `  no time zone     ${n(r.zoneless.count).padStart(9)}  (dates read in ${r.timeZone.used}; --time-zone sets it)${examples(r.zoneless)}`,
    );
  if (r.severalAuthors.count)
    lines.push(
      `  several authors  ${n(r.severalAuthors.count).padStart(9)}  (From names more than one: the first, or the one Sender names, is the sender)${examples(r.severalAuthors)}`,
    );
  if (r.exchangeOnly.count)
    lines.push(
      `  Exchange names   ${n(r.exchangeOnly.count).padStart(9)}  (someone named by an Exchange address only, no mail address: kept by name)${examples(r.exchangeOnly)}`,
    );
  if (r.conflicts.count)
    lines.push(
      `  Message-ID reused ${n(r.conflicts.count).padStart(8)}  (different messages with one Message-ID: both kept)${listed(
        r.conflicts.items.map((d) => `${d.where} shares it with ${d.earlier}`),
        "      ",
      )}`,
    );
  lines.push(
    `People             ${n(r.people).padStart(9)}${r.peopleWithoutAddress ? `  (${n(r.peopleWithoutAddress)} known only by a name)` : ""}`,
  );
  if (r.filesSkipped.count)
    lines.push(
      `Files not read as mail ${n(r.filesSkipped.count).padStart(5)}${listed(
        r.filesSkipped.items.map((f) => `${f.file}: ${f.reason}`),
        "  ",
      )}`,
    );
  if (r.aliasSuggestions.length) {
    lines.push("");
    lines.push(`Possibly the same person (not merged; list them in --aliases to merge):`);
    for (const s of r.aliasSuggestions.slice(0, 10)) lines.push(`  ${s.name}: ${s.addresses.join(", ")}`);
    if (r.aliasSuggestions.length > 10) lines.push(`  … ${r.aliasSuggestions.length - 10} more in the JSON report`);
  }
  if (r.timeZone.commonestOffset && r.timeZone.used === "UTC" && r.timeZone.commonestOffset !== "+0000") {
    lines.push("");
    lines.push(
      `Dates are shown in UTC; most messages were written at ${r.timeZone.commonestOffset}. Pass --time-zone (e.g. America/New_York) to show them in the corpus's zone.`,
    );
  }
  for (const p of r.problems) lines.push(`Problem: ${p.where}: ${p.problem}`);
  return lines.join("\n");
}
