// Inputs built to make the importer lose data: names without addresses, look-alike duplicates,
// folders that hide mail, oversized or malformed headers, odd CSV encodings and date orders.
// Each case states what a reporter must get, computed from the fixture it writes.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import type { Dataset } from "../../src/data/types";
import { validateDataset } from "../../src/data/validate";
import { runImport, type ImportOptions } from "../../src/import/run";
import { lines, scratch } from "./import-fixtures";

const { tree, file, remove } = scratch("switchboard-cases-");
afterAll(remove);
async function load(inputs: string[], opts: Partial<ImportOptions> = {}) {
  const { dataset, report } = await runImport({ inputs, layout: false, ...opts });
  expect(report.found).toBe(report.imported + report.duplicates.count + report.skipped.count);
  return { ds: decodeDataset(validateDataset(dataset, "import")), report, dataset };
}
const eml = (from: string, to: string, subject: string, extra: string[] = []) =>
  lines(
    `From: ${from}`,
    `To: ${to}`,
    "Date: Tue, 12 Apr 2016 09:00:00 +0000",
    `Subject: ${subject}`,
    ...extra,
    "",
    "body",
  );
/** Everyone a message reached, by display name or address. */
function recipientsOf(ds: Dataset, m: number): string[] {
  return Array.from(
    ds.messages.rcpt.subarray(ds.messages.rcptStart[m], ds.messages.rcptStart[m + 1]),
    (p) => ds.people.address[p] || ds.people.name[p],
  );
}
const bySubject = (ds: Dataset, subject: string) => ds.messages.subject.indexOf(ds.messages.subjects.indexOf(subject));

describe("people known only by a name", () => {
  const csv = lines(
    "DocID,Date,From,To,Subject",
    'C1,2016-04-12 09:00,Hillary Clinton,"Mills, Cheryl; Abedin, Huma",Schedule',
    "C2,2016-04-12 09:00,H,Hillary Clinton,Schedule",
    'C3,2016-04-12 09:00,"Clinton, Hillary",H,Schedule',
    'C4,2016-04-12 09:00,"Clinton, Bill","Clinton, Hillary",Schedule',
    "C5,2016-04-13 10:00,hillary  CLINTON,cmills@state.example,Note",
  );
  it("each name is one person, named as written, never merged with another name", async () => {
    const { ds, report } = await load([file("foia.csv", csv)]);
    // Five messages from four different people on one day with one subject: none is a duplicate.
    expect(report.duplicates.count).toBe(0);
    expect(report.imported).toBe(5);
    const names = ds.people.name.filter((_, p) => ds.people.address[p] === "").sort();
    expect(names).toEqual([
      "Abedin, Huma",
      "Clinton, Bill",
      "Clinton, Hillary",
      "H",
      "Hillary Clinton",
      "Mills, Cheryl",
    ]);
    expect(report.peopleWithoutAddress).toBe(6);
    expect(recipientsOf(ds, bySubject(ds, "Schedule"))).toEqual(["Mills, Cheryl", "Abedin, Huma"]);
    // The same name in other case and spacing is the same person.
    const hillary = ds.people.name.indexOf("Hillary Clinton");
    expect(ds.messages.sender.filter((s) => s === hillary)).toHaveLength(2);
    expect(ds.people.address).toContain("cmills@state.example");
  });

  it("names-only senders in mail headers keep their name, and different ones stay apart", async () => {
    const dir = tree({
      "a.eml": eml("Hillary Clinton", "Huma Abedin", "Same"),
      "b.eml": eml("Bill Clinton", "Huma Abedin", "Same"),
    });
    const { ds, report } = await load([dir]);
    expect(report.imported).toBe(2);
    expect(report.duplicates.count).toBe(0);
    expect([...ds.people.name].sort()).toEqual(["Bill Clinton", "Hillary Clinton", "Huma Abedin"]);
  });
});

describe("duplicates are the same message, and every one is listed", () => {
  const msg = (from: string, date: string, id: string, subject = "Budget") =>
    lines(
      `From ${from.replace(/.*</, "").replace(">", "")} Tue Apr 12 09:00:00 2016`,
      `From: ${from}`,
      "To: bob@x.example",
      `Date: ${date}`,
      `Message-ID: <${id}>`,
      `Subject: ${subject}`,
      "",
      "body",
      "",
    );
  const parts = [
    msg("alice@x.example", "Tue, 12 Apr 2016 09:00:00 +0000", "one@x"), // kept
    msg("alice@x.example", "Tue, 12 Apr 2016 05:00:00 -0400", "one@x"), // duplicate: same id, sender, instant
    msg("carol@x.example", "Tue, 12 Apr 2016 09:00:00 +0000", "one@x"), // conflict: same id, other sender
    msg("alice@x.example", "Wed, 13 Apr 2016 09:00:00 +0000", "one@x"), // conflict: same id, other date
  ];
  it("same Message-ID, sender and date is a duplicate of the first; other content is a kept conflict", async () => {
    const path = file("box.mbox", parts.join(""));
    const offsets = parts.map((_, i) => parts.slice(0, i).join("").length);
    const { report } = await load([path]);
    expect(report.imported).toBe(3);
    expect(report.duplicates.items).toEqual([
      { where: `${path} @ byte ${offsets[1]}`, earlier: `${path} @ byte ${offsets[0]}` },
    ]);
    expect(report.conflicts.items).toEqual([
      { where: `${path} @ byte ${offsets[2]}`, earlier: `${path} @ byte ${offsets[0]}` },
      { where: `${path} @ byte ${offsets[3]}`, earlier: `${path} @ byte ${offsets[0]}` },
    ]);
  });

  it("rows differing only by document id are different messages; identical rows are duplicates by line", async () => {
    const csv = lines(
      "Bates,Date,From,To,Subject",
      "B-1,2016-04-12 09:00,a@x.example,b@x.example,Hi",
      "B-2,2016-04-12 09:00,a@x.example,b@x.example,Hi",
      "B-2,2016-04-12 09:00,a@x.example,b@x.example,Hi",
    );
    const path = file("rows.csv", csv);
    const { report } = await load([path]);
    expect(report.imported).toBe(2);
    expect(report.duplicates.items).toEqual([{ where: `${path}:4`, earlier: `${path}:3` }]);
  });
});

describe("folders: every file is read or named", () => {
  const mbox = lines(
    "From a@x.example Tue Apr 12 09:00:00 2016",
    "From: a@x.example",
    "To: b@x.example",
    "Subject: In an mbox one",
    "",
    "x",
    "From a@x.example Tue Apr 12 10:00:00 2016",
    "From: a@x.example",
    "To: c@x.example",
    "Subject: In an mbox two",
    "",
    "x",
  );
  it("a folder named new deep in an .eml tree drops nothing; odd names are judged by content", async () => {
    const dir = tree({
      "a.eml": eml("a@x.example", "b@x.example", "Top"),
      "deep/new/b.eml": eml("a@x.example", "b@x.example", "In new"),
      "deep/cur/c.eml": eml("a@x.example", "b@x.example", "In cur"),
      "notes/d.txt": eml("a@x.example", "b@x.example", "Txt mail"),
      "noext/12345": eml("a@x.example", "b@x.example", "No extension"),
      ".hidden.eml": eml("a@x.example", "b@x.example", "Hidden"),
      "saved.eml": mbox,
      "archive/list.mbox": mbox.replace(/In an mbox/g, "Archived"),
      ".DS_Store": Buffer.from([0, 0, 0, 1, 66, 117, 100, 49, 0, 0]),
      "readme.txt": "These are the exports we got.\n",
    });
    symlinkSync(join(dir, "a.eml"), join(dir, "z-link.eml"));
    const { ds, report } = await load([dir]);
    expect(report.files[0].kind).toBe("eml");
    const subjects = [...ds.messages.subjects].filter(Boolean).sort();
    expect(subjects).toEqual([
      "Archived one",
      "Archived two",
      "Hidden",
      "In an mbox one",
      "In an mbox two",
      "In cur",
      "In new",
      "No extension",
      "Top",
      "Txt mail",
    ]);
    expect(report.duplicates.items).toEqual([{ where: join(dir, "z-link.eml"), earlier: join(dir, "a.eml") }]);
    expect(report.filesSkipped.items).toEqual([
      { file: join(dir, ".DS_Store"), reason: "folder metadata, not mail" },
      { file: join(dir, "readme.txt"), reason: "not a mail message: its first line is not a mail header" },
    ]);
  });

  it("a Maildir (cur/ and new/ at the top) names what it does not read", async () => {
    const dir = tree({
      "cur/1.host:2,S": eml("a@x.example", "b@x.example", "Cur"),
      "new/2.host": eml("a@x.example", "b@x.example", "New"),
      "tmp/3.host": eml("a@x.example", "b@x.example", "Tmp"),
      ".Sent/cur/4.host:2,S": eml("a@x.example", "b@x.example", "Sent"),
      "dovecot-uidlist": "3 V1 N5\n",
    });
    const { ds, report } = await load([dir]);
    expect(report.files[0].kind).toBe("maildir");
    expect([...ds.messages.subjects].filter(Boolean).sort()).toEqual(["Cur", "New", "Sent"]);
    expect(report.filesSkipped.items.map((f) => [f.file.slice(dir.length + 1), f.reason])).toEqual([
      ["dovecot-uidlist", "not in a Maildir cur/ or new/ folder"],
      ["tmp/3.host", "in a Maildir tmp/ folder: mail still being delivered"],
    ]);
  });
});

describe("headers and dates", () => {
  const many = (count: number, domain: string) => Array.from({ length: count }, (_, i) => `p${i}@${domain}`).join(", ");
  it("a header block over the limit is skipped with a reason, never cut", async () => {
    const big = eml("a@x.example", many(250_000, "big.example"), "Too big", ["Cc: cc@x.example"]);
    expect(big.length).toBeGreaterThan(4 << 20);
    const dir = tree({ "big.eml": big, "ok.eml": eml("a@x.example", "b@x.example", "Fine") });
    const mboxPath = file("big.mbox", `From a@x.example Tue Apr 12 09:00:00 2016\n${big}\n`);
    const { report, ds } = await load([dir, mboxPath]);
    expect(report.imported).toBe(1);
    expect(ds.people.count).toBe(2);
    expect(report.skipped.reasons).toEqual([
      { reason: "headers longer than 4 MB", count: 2, examples: [join(dir, "big.eml"), `${mboxPath} @ byte 0`] },
    ]);
  });

  it("130,000 recipients import whole", async () => {
    const { ds } = await load([file("wide.eml", eml("a@x.example", many(130_000, "w.example"), "Everyone"))]);
    expect(ds.messages.rcptStart[1] - ds.messages.rcptStart[0]).toBe(130_000);
  });

  it("an unbalanced ( in a display name loses no address", async () => {
    const { ds } = await load([
      file(
        "paren.eml",
        eml("a@x.example", "John (Sales <john@x.org>, mary@x.org", "Paren", ["Cc: Ann (Ops <ann@x.org>"]),
      ),
    ]);
    expect(recipientsOf(ds, 0)).toEqual(["john@x.org", "mary@x.org", "ann@x.org"]);
  });

  const csvDates = (...dates: string[]) =>
    lines("Date,From,To", ...dates.map((d, i) => `${d},a@x.example,p${i}@x.example`));
  it("a day-first date column is read day-first throughout", async () => {
    const { ds } = await load([file("dmy.csv", csvDates("04/05/2016 10:00", "13/05/2016 10:00"))]);
    expect(Array.from(ds.messages.time)).toEqual([
      Date.parse("2016-05-04T10:00:00Z"),
      Date.parse("2016-05-13T10:00:00Z"),
    ]);
  });
  it("a column that reads either way, or both ways, stops and asks for --date-format", async () => {
    await expect(load([file("amb.csv", csvDates("04/05/2016", "01/02/2016"))])).rejects.toThrow(
      /amb\.csv: column "Date": every date reads both day-first and month-first \(e\.g\. line 2: "04\/05\/2016"\); say which with --date-format/,
    );
    await expect(load([file("mix.csv", csvDates("13/05/2016", "05/13/2016"))])).rejects.toThrow(
      /mix\.csv: column "Date" mixes day-first \(line 2: "13\/05\/2016"\) and month-first \(line 3: "05\/13\/2016"\)/,
    );
    const { ds } = await load([file("amb2.csv", csvDates("04/05/2016", "01/02/2016"))], {
      dateStyle: { order: "dmy" },
    });
    expect(Array.from(ds.messages.time)).toEqual([
      Date.parse("2016-02-01T00:00:00Z"),
      Date.parse("2016-05-04T00:00:00Z"),
    ]);
  });

  it("two columns of one name are both read", async () => {
    const { ds } = await load([
      file("two.csv", lines("From,To,To,Cc", "a@x.example,b@x.example,c@x.example,d@x.example")),
    ]);
    expect(recipientsOf(ds, 0)).toEqual(["b@x.example", "c@x.example", "d@x.example"]);
  });
});

describe("encodings, damage and --kind", () => {
  const rows = ["From,To,Subject", "ren\u00e9e@x.example,b@x.example,Caf\u00e9 \u201cmenu\u201d"];
  it("a Windows-1252 CSV is decoded as such, a UTF-16 one by its BOM", async () => {
    const cp1252 = Buffer.from(
      lines(...rows)
        .replace("\u201c", "\x93")
        .replace("\u201d", "\x94"),
      "latin1",
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines(...rows), "utf16le")]);
    for (const path of [file("latin.csv", cp1252), file("wide.csv", utf16)]) {
      const { ds } = await load([path]);
      expect(ds.people.address[ds.messages.sender[0]]).toBe("ren\u00e9e@x.example");
      expect(ds.messages.subjects).toContain("Caf\u00e9 \u201cmenu\u201d");
    }
  });

  it("an unclosed quote is reported at the row where it opens", async () => {
    const path = file(
      "quote.csv",
      lines(
        "From,To,Subject",
        "a@x.example,b@x.example,ok",
        'a@x.example,b@x.example,"never closed',
        "a@x.example,b@x.example,later",
      ),
    );
    await expect(load([path])).rejects.toThrow(`${path}: line 3: a quote opens in this row and is never closed`);
  });

  it("a NUL byte in an mbox body does not refuse the mailbox", async () => {
    const body = Buffer.concat([
      Buffer.from(
        lines(
          "From a@x.example Tue Apr 12 09:00:00 2016",
          "From: a@x.example",
          "To: b@x.example",
          "Subject: Nul",
          "",
          "bin",
        ),
      ),
      Buffer.from([0, 1, 2, 10]),
    ]);
    const { report } = await load([file("nul.mbox", body)]);
    expect(report.imported).toBe(1);
  });

  it("--kind overrides detection", async () => {
    const headersFirst = lines(
      "From: a@x.example",
      "To: b@x.example",
      "Subject: No separator",
      "",
      "x",
      "From a@x.example Tue Apr 12 09:00:00 2016",
      "From: a@x.example",
      "To: c@x.example",
      "Subject: Second",
      "",
      "x",
    );
    const { report, ds } = await load([file("export.txt", headersFirst)], { kind: "mbox" });
    expect(report.files[0].kind).toBe("mbox");
    expect([...ds.messages.subjects].filter(Boolean).sort()).toEqual(["No separator", "Second"]);
    const csvAsMbox = await load([file("rows.mbox", lines("From,To", "a@x.example,b@x.example"))], { kind: "csv" });
    expect(csvAsMbox.report.imported).toBe(1);
  });

  it("an mbox cut exactly at a header line end is reported as truncated", async () => {
    const path = file(
      "cut.mbox",
      lines(
        "From a@x.example Tue Apr 12 09:00:00 2016",
        "From: a@x.example",
        "To: b@x.example",
        "",
        "x",
        "From a@x.example Tue Apr 12 10:00:00 2016",
        "From: a@x.example",
        "To: c@x.example",
      ),
    );
    const { report } = await load([path]);
    expect(report.problems).toEqual([
      {
        where: expect.stringContaining(path) as string,
        problem: expect.stringMatching(
          /^truncated mbox: the file ends inside the headers of its last message/,
        ) as string,
      },
    ]);
    expect(report.imported).toBe(2);
  });
});
