// The importer end to end on fixtures it writes itself: every input kind, merging, duplicates,
// undated and broken messages, aliases, and a report whose accounting adds up.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import { validateDataset } from "../../src/data/validate";
import { runImport, type ImportResult } from "../../src/import/run";
import { EXPECTED, writeFixtures, type FixtureDir } from "./import-fixtures";

let fx: FixtureDir;
beforeAll(() => {
  fx = writeFixtures();
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

const accounting = (r: ImportResult["report"]) => ({
  found: r.found,
  duplicates: r.duplicates.count,
  skipped: r.skipped.count,
  imported: r.imported,
});

describe("each input kind on its own", () => {
  it.each(["mbox", "eml", "maildir", "csv"] as const)("%s: detected, and every message accounted for", async (kind) => {
    const { report, dataset } = await runImport({ inputs: [fx[kind]], layout: false });
    expect(report.files.map((f) => f.kind)).toEqual([kind]);
    expect(accounting(report)).toEqual(EXPECTED[kind]);
    expect(report.found).toBe(report.imported + report.duplicates.count + report.skipped.count);
    expect(dataset.messages.sender.length).toBe(EXPECTED[kind].imported);
  });

  it("mbox: reads names, encoded words, groups, dates and reasons as written", async () => {
    const { report, dataset } = await runImport({ inputs: [fx.mbox], layout: false });
    const ds = decodeDataset(dataset);
    const person = (address: string) => ds.people.address.indexOf(address);
    // Mixed case and mailto: are one person; the display name is the one used.
    expect(person("alice@fpnc.example")).toBeGreaterThanOrEqual(0);
    expect(ds.people.name[person("alice@fpnc.example")]).toBe("Walsh, Alice");
    expect(ds.people.name[person("renee@press.example")]).toBe("Renée O'Brien");
    expect(ds.people.name[person("andres@fpnc.example")]).toBe("Andrés Peña");
    expect(ds.people.name[person("jane@lists.example.org")]).toBe("Jane Doe");
    expect(person("dave@fpnc.example")).toBeGreaterThanOrEqual(0);
    expect(ds.messages.subjects).toContain("Question about the gala – tickets");
    // Dated messages first, in time order; the two undated ones last.
    expect(ds.messages.datedCount).toBe(7);
    expect(ds.messages.time[0]).toBe(Date.parse("2016-04-12T13:14:03Z"));
    expect(ds.messages.time[1]).toBe(Date.parse("2016-04-13T14:00:00Z"));
    // The group's members are recipients of "Numbers".
    const numbers = ds.messages.subjects.indexOf("Numbers");
    const m = ds.messages.subject.indexOf(numbers);
    const rcpt = Array.from(
      ds.messages.rcpt.subarray(ds.messages.rcptStart[m], ds.messages.rcptStart[m + 1]),
      (p) => ds.people.address[p],
    );
    expect(rcpt).toEqual(["carol@fpnc.example", "dave@fpnc.example"]);
    expect(report.undated.count).toBe(2);
    expect(report.withoutRecipients.count).toBe(1);
    expect(report.withoutSender.count).toBe(1);
    expect(report.skipped.reasons.map((r) => r.reason).sort()).toEqual([
      "no mail headers after the From line",
      "no sender",
    ]);
    // Examples name the file and byte offset of the message.
    expect(report.skipped.reasons.find((r) => r.reason === "no sender")!.examples[0]).toMatch(
      /corpus\.mbox @ byte \d+$/,
    );
    expect(report.problems).toEqual([]);
  });
});

describe("several inputs merged", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await runImport({
      inputs: [fx.mbox, fx.eml, fx.maildir, fx.csv],
      aliases: fx.aliases,
      title: "Merged",
      source: "Test fixtures",
      sourceUrlTemplate: "https://example.org/doc/{id}",
    });
  });

  it("accounts for every message: found = imported + duplicates + skipped", () => {
    const sum = (k: keyof (typeof EXPECTED)["mbox"]) => Object.values(EXPECTED).reduce((s, e) => s + e[k], 0);
    // eml/a.eml repeats the mbox's first message: a duplicate once both are read.
    expect(accounting(result.report)).toEqual({
      found: sum("found"),
      duplicates: sum("duplicates") + 1,
      skipped: sum("skipped"),
      imported: sum("imported") - 1,
    });
    expect(result.report.files.map((f) => f.messages)).toEqual([
      EXPECTED.mbox.found,
      EXPECTED.eml.found,
      EXPECTED.maildir.found,
      EXPECTED.csv.found,
    ]);
    expect(result.report.skipped.reasons.find((r) => r.reason === "empty file")?.examples).toEqual([
      expect.stringMatching(/eml\/c\.eml$/),
    ]);
  });

  it("merges aliases, and only suggests same-name addresses", () => {
    const ds = decodeDataset(validateDataset(result.dataset, "merged"));
    expect(ds.people.address).not.toContain("awalsh@gmail.example");
    const alice = ds.people.address.indexOf("alice@fpnc.example");
    const fromAlice = Array.from(ds.messages.sender).filter((s) => s === alice).length;
    expect(fromAlice).toBe(3); // mbox 1, mbox 11 (alias), Maildir two
    expect(ds.people.address).toContain("bobby@home.example");
    expect(result.report.aliasSuggestions).toContainEqual({
      name: "Bob Jones",
      addresses: ["bob@fpnc.example", "bobby@home.example"],
    });
  });

  it("fills metadata, source ids for links, and a layout", () => {
    const file = result.dataset;
    expect(file.meta).toMatchObject({
      title: "Merged",
      source: "Test fixtures",
      messageUrlTemplate: "https://example.org/doc/{id}",
      synthetic: false,
      timeZone: "UTC",
    });
    const ds = decodeDataset(file);
    const csvRow = ds.messages.subject.indexOf(ds.messages.subjects.indexOf("From the CSV"));
    expect(ds.messages.id![csvRow]).toBe("101");
    const eml = ds.messages.subject.indexOf(ds.messages.subjects.indexOf("Nested"));
    expect(ds.messages.id![eml]).toBe("d");
    expect(file.layout!.x).toHaveLength(ds.people.count);
    expect(file.layout!.x.every(Number.isFinite)).toBe(true);
  });

  it("reads CSV dates without a zone in the corpus's zone", async () => {
    const { dataset } = await runImport({ inputs: [fx.csv], timeZone: "America/New_York", layout: false });
    const ds = decodeDataset(dataset);
    expect(ds.messages.time[0]).toBe(Date.parse("2016-04-21T13:00:00Z"));
    expect(ds.messages.time[1]).toBe(Date.parse("2016-04-22T14:30:00Z"));
  });
});
