// Archives as leaks arrive: a gzipped mbox reads as the mbox itself, and a ZIP (with a ZIP and
// gzipped files inside it) gives the same dataset as its files imported one by one, accounting for
// every inner file: encrypted, damaged and non-mail entries are named, and the rest go on.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BlobWriter, configure, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../src/import/run";
import { CSV, EML, EXPECTED, MAILDIR, scratch, writeFixtures, type FixtureDir } from "./import-fixtures";

configure({ useWebWorkers: false });

type Entry = [name: string, data: string | Uint8Array, options?: { password?: string; level?: number }];
async function zipOf(entries: Entry[]): Promise<Buffer> {
  const zip = new ZipWriter(new BlobWriter("application/zip"));
  for (const [name, data, options] of entries) {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    await zip.add(name, new Uint8ArrayReader(bytes), options);
  }
  return Buffer.from(await (await zip.close()).arrayBuffer());
}

let fx: FixtureDir;
const tmp = scratch("switchboard-archives-");
beforeAll(() => {
  fx = writeFixtures();
});
afterAll(() => tmp.remove());

/** A dataset's people and messages, without its title and description (which name the inputs). */
const content = (d: { people: unknown; messages: unknown }) => ({ people: d.people, messages: d.messages });

describe("gzip", () => {
  it("reads a gzipped mbox as the mbox, and says it was gzipped", async () => {
    const gz = tmp.file("corpus.mbox.gz", gzipSync(readFileSync(fx.mbox)));
    const plain = await runImport({ inputs: [fx.mbox], layout: false });
    const zipped = await runImport({ inputs: [gz], layout: false });
    expect(content(zipped.dataset)).toEqual(content(plain.dataset));
    const { found, imported, skipped } = zipped.report;
    expect({ found, imported, skipped: skipped.count }).toEqual({
      found: EXPECTED.mbox.found,
      imported: EXPECTED.mbox.imported,
      skipped: EXPECTED.mbox.skipped,
    });
    expect(zipped.report.files).toMatchObject([{ kind: "mbox", gzip: true, messages: EXPECTED.mbox.found }]);
  });

  it("reads gzipped files in a folder by their content", async () => {
    const dir = tmp.tree({
      "a.eml.gz": gzipSync(EML["a.eml"]),
      "box/corpus.mbox.gz": gzipSync(readFileSync(fx.mbox)),
    });
    const { report } = await runImport({ inputs: [dir], layout: false });
    expect(report.found).toBe(1 + EXPECTED.mbox.found);
    expect(report.filesSkipped.count).toBe(0);
  });

  it("stops at a gzip that cannot be decompressed, naming the file", async () => {
    const whole = gzipSync(readFileSync(fx.mbox));
    const cut = tmp.file("cut.mbox.gz", Buffer.concat([whole.subarray(0, 10), Buffer.alloc(40, 0xff)]));
    await expect(runImport({ inputs: [cut], layout: false })).rejects.toThrow(
      /cut\.mbox\.gz: starts as gzip but cannot be decompressed/,
    );
  });
});

describe("zip", () => {
  let archive: string;
  beforeAll(async () => {
    const nested = await zipOf([
      ["cur/1.eml.gz", gzipSync(Object.values(MAILDIR)[0])],
      ["new/2", Object.values(MAILDIR)[1]],
    ]);
    archive = tmp.file(
      "production.zip",
      await zipOf([
        ["corpus.mbox", readFileSync(fx.mbox)],
        ...Object.entries(EML).map(([rel, text]): Entry => [`eml/${rel}`, text]),
        ["export.csv", CSV],
        ["nested.zip", nested],
        ["__MACOSX/._corpus.mbox", "\0\u0005\u0016\u0007"],
        ["notes.txt", "Read me first.\n"],
        ["secret.eml", EML["a.eml"], { password: "hunter2" }],
      ]),
    );
  });

  it("gives the dataset its files give imported one by one", async () => {
    const one = await runImport({ inputs: [fx.mbox, fx.eml, fx.csv], layout: false });
    const cur = tmp.file("cur.eml", Object.values(MAILDIR)[0]);
    const next = tmp.file("new.eml", Object.values(MAILDIR)[1]);
    const all = await runImport({ inputs: [fx.mbox, fx.eml, fx.csv, cur, next], layout: false });
    const zipped = await runImport({ inputs: [archive], layout: false });
    expect(content(zipped.dataset)).toEqual(content(all.dataset));
    expect(zipped.report.found).toBe(one.report.found + 2);
    expect(zipped.report.imported).toBe(all.report.imported);
  });

  it("counts every inner file's messages, and names the files it did not read and why", async () => {
    const { report } = await runImport({ inputs: [archive], layout: false });
    expect(report.files).toHaveLength(1);
    expect(report.files[0].kind).toBe("zip");
    const counts = Object.fromEntries(
      (report.files[0].entries ?? []).map((e) => [e.path.replace(`${archive}/`, ""), e.messages]),
    );
    expect(counts).toEqual({
      "corpus.mbox": EXPECTED.mbox.found,
      "eml/a.eml": 1,
      "eml/b.eml": 1,
      "eml/c.eml": 1, // empty: found, and skipped as a broken message
      "eml/sub/d.eml": 1,
      "export.csv": EXPECTED.csv.found,
      "nested.zip": 0,
      "nested.zip/cur/1.eml.gz": 1,
      "nested.zip/new/2": 1,
      "__MACOSX/._corpus.mbox": 0,
      "notes.txt": 0,
      "secret.eml": 0,
    });
    const skipped = Object.fromEntries(
      report.filesSkipped.items.map((f) => [f.file.replace(`${archive}/`, ""), f.reason]),
    );
    expect(Object.keys(skipped).sort()).toEqual(["__MACOSX/._corpus.mbox", "notes.txt", "secret.eml"]);
    expect(skipped["secret.eml"]).toMatch(/^encrypted \(password-protected\): extract the archive with its password/);
    expect(skipped["notes.txt"]).toMatch(/not a mail message/);
    expect(report.files[0].messages).toBe(report.found);
  });

  it("names an entry damaged inside the archive, and reads the others", async () => {
    const bytes = await zipOf([
      ["a.eml", EML["a.eml"], { level: 0 }],
      ["b.eml", EML["b.eml"], { level: 0 }],
    ]);
    // Stored, not compressed: change one letter of a.eml's subject, so its CRC no longer matches.
    const at = Buffer.from(bytes).indexOf("Subject: Budget");
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] ^= 0x20;
    const path = tmp.file("damaged.zip", bytes);
    const { report } = await runImport({ inputs: [path], layout: false });
    expect(report.problems.map((p) => p.where)).toEqual([`${path}/a.eml`]);
    expect(report.problems[0].problem).toMatch(/could not be read from the archive/);
    expect(report.imported).toBe(1); // b.eml
  });

  it("stops at a file that starts as a ZIP but is not one, naming it", async () => {
    const path = join(tmp.root, "fake.zip");
    writeFileSync(path, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
    await expect(runImport({ inputs: [path], layout: false })).rejects.toThrow(/fake\.zip: not a readable ZIP archive/);
  });
});
