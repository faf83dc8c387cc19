// The importer's command line, run as users run it (node bin/switchboard-import.mjs): bad inputs
// give one line naming the file and the problem, and a non-zero exit; a truncated mbox is imported
// up to the damage, reported, and exits 2.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDataset } from "../../src/data/validate";
import type { ImportReport } from "../../src/import/report";
import { lines, MBOX, writeFixtures, type FixtureDir } from "./import-fixtures";

const BIN = new URL("../../bin/switchboard-import.mjs", import.meta.url).pathname;

function run(
  args: string[],
  as?: { uid: number; gid: number },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8", ...as }, (err, stdout, stderr) => {
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
    [
      "a binary file",
      (f) => put(f, "photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1])),
      /photo\.jpg: binary file: not an mbox, an \.eml message or a CSV$/,
    ],
    [
      "a CSV without recognisable columns",
      (f) => put(f, "sheet.csv", lines("Name,Amount", "Bob,12")),
      /sheet\.csv: no sender column among "Name", "Amount"; name it with --from <column>$/,
    ],
    [
      "a CSV column that is not there",
      (f) => put(f, "x.csv", lines("From,To", "a@x,b@x")),
      /x\.csv: no column "Sent" \(given with --date\)/,
    ],
    [
      "a text file that is no mail export",
      (f) => put(f, "notes.md", lines("# Notes", "nothing here")),
      /notes\.md: not a recognised mail export/,
    ],
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
    expect(r.stderr.trim()).toMatch(
      /^switchboard-import: .*cut\.mbox @ byte \d+: truncated mbox: the file ends in the middle of a message's headers$/,
    );
    const json = JSON.parse(readFileSync(report, "utf8")) as ImportReport;
    expect(json.found).toBe(12);
    expect(json.skipped.reasons.find((s) => s.reason.startsWith("truncated"))?.count).toBe(1);
    expect(json.imported).toBe(8);
  });

  it("refuses an output that is an input or the other output, before reading anything", async () => {
    const before = readFileSync(fx.mbox);
    const cases: [string[], RegExp][] = [
      [
        ["-o", fx.mbox],
        /corpus\.mbox: -o names an input \(.*corpus\.mbox\); writing there would destroy what the import reads/,
      ],
      [["-o", out, "--report", fx.mbox], /corpus\.mbox: --report names an input/],
      [
        ["-o", join(fx.dir, "a.json"), "--report", join(fx.dir, ".", "a.json")],
        /a\.json: --report and -o name the same file/,
      ],
      [["-o", join(fx.dir, "no-such-folder", "x.json")], /x\.json: -o: the folder .*no-such-folder does not exist$/],
      [["-o", fx.eml], /eml: -o names a folder; give a file name/],
    ];
    for (const [args, message] of cases) {
      const r = await run([fx.mbox, ...args, "--no-layout"]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    expect(readFileSync(fx.mbox).equals(before)).toBe(true);
    expect(existsSync(join(fx.dir, "a.json"))).toBe(false);
  });

  it("accepts every time zone the runtime knows", async () => {
    for (const zone of ["Europe/Kyiv", "America/Nuuk", "Etc/UTC", "GMT"]) {
      const r = await run([fx.csv, "-o", out, "--time-zone", zone, "--no-layout", "-q"]);
      expect(r.stderr).toBe("");
      expect((JSON.parse(readFileSync(out, "utf8")) as { meta: { timeZone: string } }).meta.timeZone).toBe(zone);
    }
    const r = await run([fx.csv, "-o", out, "--time-zone", "Mars/Olympus"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--time-zone "Mars\/Olympus" is not a time zone this runtime knows/);
  });

  it("names unreadable files and folders, imports the rest, and exits 2", async () => {
    const dir = join(fx.dir, "locked");
    mkdirSync(join(dir, "private"), { recursive: true });
    writeFileSync(join(dir, "ok.eml"), lines("From: a@x.example", "To: b@x.example", "Subject: Readable", "", "x"));
    writeFileSync(join(dir, "secret.eml"), lines("From: a@x.example", "To: c@x.example", "Subject: Secret", "", "x"));
    writeFileSync(
      join(dir, "private", "p.eml"),
      lines("From: a@x.example", "To: d@x.example", "Subject: Private", "", "x"),
    );
    chmodSync(join(dir, "secret.eml"), 0o000);
    chmodSync(join(dir, "private"), 0o000);
    // Root reads everything: run as nobody then, on fixtures nobody may otherwise read and write.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    if (as) for (const p of [fx.dir, dir]) chmodSync(p, 0o777);
    const target = join(fx.dir, "locked.json");
    const report = join(fx.dir, "locked-report.json");
    const r = await run([dir, "-o", target, "--report", report, "--no-layout", "-q"], as);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(r.stderr).toContain(`${join(dir, "secret.eml")}: cannot read the file: permission denied (EACCES)`);
    expect(r.stderr).toContain(`${join(dir, "private")}: folder not read: permission denied (EACCES)`);
    const json = JSON.parse(readFileSync(report, "utf8")) as ImportReport;
    expect(json.imported).toBe(1);
    expect(json.skipped.reasons).toEqual([
      { reason: "cannot read the file: permission denied (EACCES)", count: 1, examples: [join(dir, "secret.eml")] },
    ]);
    expect(json.filesSkipped.items).toEqual([
      { file: join(dir, "private"), reason: "folder not read: permission denied (EACCES)" },
    ]);
    chmodSync(join(dir, "private"), 0o755);
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
