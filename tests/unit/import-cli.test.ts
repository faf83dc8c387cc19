// The importer's command line, run as users run it (node bin/switchboard-import.mjs): bad inputs
// give one line naming the file and the problem, and a non-zero exit; a truncated mbox is imported
// up to the damage, reported, and exits 2.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDataset } from "../../src/data/validate";
import type { ImportReport } from "../../src/import/report";
import { lines, MBOX, writeFixtures, type FixtureDir } from "./import-fixtures";

const BIN = new URL("../../bin/switchboard-import.mjs", import.meta.url).pathname;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let fx: FixtureDir;
let out: string;
beforeAll(() => {
  fx = writeFixtures();
  out = join(fx.dir, "out.json");
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

describe("switchboard-import", () => {
  it("imports, writes a valid dataset and a JSON report, and prints the accounting", async () => {
    const report = join(fx.dir, "report.json");
    const r = await run([fx.mbox, fx.csv, "-o", out, "--report", report, "--title", "CLI test", "--no-layout"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = validateDataset(JSON.parse(readFileSync(out, "utf8")), out);
    expect(file.meta.title).toBe("CLI test");
    const json = JSON.parse(readFileSync(report, "utf8")) as ImportReport;
    expect(json.found).toBe(json.imported + json.duplicates.count + json.skipped.count);
    expect(file.messages.sender.length).toBe(json.imported);
    expect(r.stdout).toContain(`Messages found     ${String(json.found).padStart(9)}`);
    expect(r.stdout).toMatch(/Possibly the same person.*\n {2}Bob Jones: bob@fpnc\.example, bobby@home\.example/);
  });

  const bad: [string, (fx: FixtureDir) => string, RegExp][] = [
    ["a missing path", (f) => join(f.dir, "nope.mbox"), /nope\.mbox: no such file or folder$/],
    ["an empty file", (f) => put(f, "empty.mbox", ""), /empty\.mbox: empty file$/],
    ["a binary file", (f) => put(f, "photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1])), /photo\.jpg: binary file: not an mbox, an \.eml message or a CSV$/],
    ["a CSV without recognisable columns", (f) => put(f, "sheet.csv", lines("Name,Amount", "Bob,12")), /sheet\.csv: no sender column among "Name", "Amount"; name it with --from <column>$/],
    ["a CSV column that is not there", (f) => put(f, "x.csv", lines("From,To", "a@x,b@x")), /x\.csv: no column "Sent" \(given with --date\)/],
    ["a text file that is no mail export", (f) => put(f, "notes.md", lines("# Notes", "nothing here")), /notes\.md: not a recognised mail export/],
  ];
  it.each(bad)("rejects %s with one line naming the file, and exit 1", async (_what, make, message) => {
    const input = make(fx);
    const target = join(fx.dir, "never.json");
    const r = await run([input, "-o", target, ...(input.endsWith("x.csv") ? ["--date", "Sent"] : [])]);
    expect(r.code).toBe(1);
    const errLines = r.stderr.trim().split("\n");
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(message);
    expect(errLines[0]).toContain(input);
    expect(existsSync(target)).toBe(false);
  });

  it("imports a truncated mbox up to the damage, reports it, and exits 2", async () => {
    const whole = Buffer.concat(MBOX.map((m) => (typeof m === "string" ? Buffer.from(m) : m)));
    // Cut inside the last message's headers.
    const cut = whole.lastIndexOf("Subject: Weekend");
    const path = put(fx, "cut.mbox", whole.subarray(0, cut + 9));
    const report = join(fx.dir, "cut-report.json");
    const r = await run([path, "-o", out, "--report", report, "--no-layout"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^switchboard-import: .*cut\.mbox @ byte \d+: truncated mbox: the file ends in the middle of a message's headers$/);
    const json = JSON.parse(readFileSync(report, "utf8")) as ImportReport;
    expect(json.found).toBe(12);
    expect(json.skipped.reasons.find((s) => s.reason.startsWith("truncated"))?.count).toBe(1);
    expect(json.imported).toBe(8);
  });

  it("explains usage when the output is missing", async () => {
    const r = await run([fx.mbox]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^switchboard-import: missing -o <dataset\.json>\n\nUsage:/);
  });
});

function put(f: FixtureDir, name: string, data: string | Buffer): string {
  const path = join(f.dir, name);
  writeFileSync(path, data);
  return path;
}
