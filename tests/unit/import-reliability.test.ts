// The importer never overwrites, drops or invents: outputs over inputs, copies that differ,
// aliases, dates, identities, encodings, line ends, files that are not mail, empty runs, failed
// writes and CSV damage. Each case writes its own small fixture and checks the dataset and the
// report against what the fixture holds; the command-line cases check the exit code, the one-line
// error and that no file was written or left behind.
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeDataset, encodeDataset } from "../../src/data/decode";
import { sourceUrl } from "../../src/data/source-url";
import type { Dataset } from "../../src/data/types";
import { validateDataset } from "../../src/data/validate";
import { writeWhole } from "../../src/import/cli";
import { resolveAliases, runImport, type ImportOptions } from "../../src/import/run";
import { startWatchdog } from "../../src/workers/watchdog";
import { lines, scratch } from "./import-fixtures";

const BIN = new URL("../../bin/switchboard-import.mjs", import.meta.url).pathname;
const { root, tree, file, remove } = scratch("switchboard-reliability-");
afterAll(remove);
async function load(inputs: string[], opts: Partial<ImportOptions> = {}) {
  const { dataset, report } = await runImport({ inputs, layout: false, ...opts });
  expect(report.found).toBe(report.imported + report.duplicates.count + report.skipped.count);
  return { ds: decodeDataset(validateDataset(dataset, "import")), report };
}
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
/** A refusal: exit 1, one line on stderr matching `message`, nothing written. */
async function refused(args: string[], message: RegExp, out: string): Promise<void> {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(message);
  expect(existsSync(out)).toBe(false);
}
const message = (headers: string[], body = "body") => lines(...headers, "", body);
/** A message from `from` to `to` on 12 April 2016 at `hour` o'clock UTC, with more headers. */
const mail = (from: string, to: string, hour = 9, ...more: string[]) =>
  message([
    `From: ${from}`,
    `To: ${to}`,
    `Date: Tue, 12 Apr 2016 ${String(hour).padStart(2, "0")}:00:00 +0000`,
    ...more,
  ]);
/** The people a message reached, by address, with their roles. */
function roles(ds: Dataset, m: number): string[] {
  const out: string[] = [];
  const { rcpt, rcptRole, rcptStart } = ds.messages;
  for (let k = rcptStart[m]; k < rcptStart[m + 1]; k++)
    out.push(`${["to", "cc", "bcc"][rcptRole[k]]}:${ds.people.address[rcpt[k]]}`);
  return out.sort();
}
const addressOf = (ds: Dataset, p: number) => ds.people.address[p];

describe("outputs never land on what the import reads", () => {
  it("refuses -o or --report equal to the aliases file, or inside an input folder, before reading", async () => {
    const dir = tree({
      "mail/a.eml": message(["From: a@x.example", "To: b@x.example", "Date: Tue, 12 Apr 2016 09:00:00 +0000"]),
      "box/cur/1.host": message(["From: a@x.example", "To: c@x.example", "Date: Tue, 12 Apr 2016 10:00:00 +0000"]),
      "box/new/.keep": "",
      "aliases.csv": "b@x.example,a@x.example\n",
    });
    symlinkSync(join(dir, "mail"), join(dir, "link-to-mail"));
    const aliases = join(dir, "aliases.csv");
    const before = readFileSync(aliases, "utf8");
    const eml = join(dir, "mail", "a.eml");
    const emlBefore = readFileSync(eml, "utf8");
    const mail = join(dir, "mail");
    const box = join(dir, "box");
    const cases: [string[], RegExp][] = [
      [[mail, "--aliases", aliases, "-o", aliases], /aliases\.csv: -o names the aliases file \(.*aliases\.csv\)/],
      [[mail, "--aliases", aliases, "-o", join(dir, "d.json"), "--report", aliases], /--report names the aliases file/],
      [
        [mail, "-o", eml],
        /a\.eml: -o lies inside an input \(.*mail\); writing there would destroy what the import reads/,
      ],
      [[mail, "-o", join(dir, "link-to-mail", "new.json")], /new\.json: -o lies inside an input/],
      [[box, "-o", join(box, "cur", "1.host")], /1\.host: -o lies inside an input \(.*box\)/],
    ];
    for (const [args, msg] of cases) await refused([...args, "--no-layout"], msg, join(dir, "d.json"));
    expect(readFileSync(aliases, "utf8")).toBe(before);
    expect(readFileSync(eml, "utf8")).toBe(emlBefore);
    expect(existsSync(join(mail, "new.json"))).toBe(false);
  });

  it("checks every option before reading: a folder name, an empty zone, a pipe", async () => {
    const dir = tree({ "a.eml": message(["From: a@x.example", "To: b@x.example"]) });
    const input = join(dir, "a.eml");
    await refused(
      [input, "-o", join(dir, "newdir") + "/"],
      /newdir\/: -o names a folder; give a file name/,
      join(dir, "newdir"),
    );
    await refused(
      [input, "-o", join(dir, "d.json"), "--time-zone", ""],
      /--time-zone "" is not a time zone/,
      join(dir, "d.json"),
    );
    execFileSync("mkfifo", [join(dir, "pipe")]);
    await refused(
      [input, "-o", join(dir, "pipe")],
      /pipe: -o names a device, pipe or socket, not a file/,
      join(dir, "x"),
    );
  });
});

describe("writing", () => {
  it("a failed write (a full disk) removes the partial file and says so in one line", async () => {
    const dir = tree({});
    const out = join(dir, "d.json");
    const full = async (path: unknown, text: unknown) => {
      writeFileSync(path as string, String(text).slice(0, 10)); // half written, then the disk is full
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    await expect(writeWhole(out, '{"a":1}'.repeat(100), full)).rejects.toThrow(
      `${out}: could not be written: the disk is full (ENOSPC); free some space and import again`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("Ctrl-C while the dataset is written leaves no partial file", async () => {
    const dir = tree({});
    const rows = Array.from(
      { length: 150_000 },
      (_, i) => `p${i % 5000}@x.example,q${i % 4000}@y.example,2016-04-12 09:00,s${i}`,
    );
    const csv = join(dir, "big.csv");
    writeFileSync(csv, `From,To,Date,Subject\n${rows.join("\n")}\n`);
    const out = join(dir, "d.json");
    const child = spawn(process.execPath, [BIN, csv, "-o", out, "--no-layout", "-q"], { stdio: "ignore" });
    // Interrupt the moment the temporary file appears, mid-write.
    let sent = false;
    const watcher = watch(dir, (_, name) => {
      if (!sent && String(name).endsWith(".partial")) sent = child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    watcher.close();
    expect(readdirSync(dir).filter((f) => f.endsWith(".partial"))).toEqual([]);
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("a run that imports nothing exits 1, writes nothing and says what it saw", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const dir = tree({ "one.msg": ole, "two.msg": ole, "three.bin": ole });
    const out = join(root, "nothing.json");
    await refused(
      [dir, "-o", out],
      /nothing to import, so nothing was written: 2 messages found, none imported, 2 skipped: not a readable Outlook message: damaged or cut short \(.+\), 1 file not read as mail \(an OLE file that is not a readable Outlook message \(.+\)\)$/,
      out,
    );
  });
});

describe("copies of one message", () => {
  const id = "Message-ID: <m1@x.example>";
  const head = ["From: Ann <ann@x.example>", "Date: Tue, 12 Apr 2016 09:00:00 +0000", "Subject: Plan", id];
  // A list's copy names only To; a received copy adds the Cc; the Sent copy adds the Bcc too.
  const inbox = message([...head, "To: bob@x.example"]);
  const extraCc = message([...head, "To: bob@x.example", "Cc: dee@x.example"]);
  const sent = message([...head, "To: bob@x.example", "Cc: dee@x.example", "Bcc: cy@x.example"]);

  it("merges the Sent copy's Bcc and a copy's extra Cc into one message, in any file order", async () => {
    const copies: [string, string[]][] = [
      [inbox, ["bob"]],
      [extraCc, ["bob", "dee"]],
      [sent, ["bob", "dee", "cy"]],
    ];
    for (const order of [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ]) {
      const dir = tree(Object.fromEntries(order.map((c, i) => [`${i}.eml`, copies[c][0]])));
      const { ds, report } = await load([dir]);
      expect(report.imported).toBe(1);
      expect(roles(ds, 0)).toEqual(["bcc:cy@x.example", "cc:dee@x.example", "to:bob@x.example"]);
      // A copy is merged when it lists someone the copies before it did not.
      const seen = new Set<string>();
      let merges = 0;
      order.forEach((c, i) => {
        if (i > 0 && copies[c][1].some((p) => !seen.has(p))) merges++;
        for (const p of copies[c][1]) seen.add(p);
      });
      expect([report.duplicates.count, report.duplicates.merged, report.conflicts.count]).toEqual([2, merges, 0]);
    }
  });

  it("keeps a mail merge (one Message-ID, sender and second, different recipients) as conflicts", async () => {
    const merge = ["bob", "cy", "dee"].map((who) => message([...head, `To: ${who}@x.example`]));
    const dir = tree(Object.fromEntries(merge.map((m, i) => [`${i}.eml`, m])));
    const { ds, report } = await load([dir]);
    expect(report.imported).toBe(3);
    expect(report.duplicates.count).toBe(0);
    expect(report.conflicts.count).toBe(2);
    expect([0, 1, 2].flatMap((m) => roles(ds, m)).sort()).toEqual([
      "to:bob@x.example",
      "to:cy@x.example",
      "to:dee@x.example",
    ]);
  });

  it("a copy with another subject is another message (a conflict), not a duplicate", async () => {
    const other = message([...head.map((h) => h.replace("Plan", "Other plan")), "To: bob@x.example"]);
    const { report } = await load([tree({ "a.eml": inbox, "b.eml": other })]);
    expect([report.imported, report.duplicates.count, report.conflicts.count]).toEqual([2, 0, 1]);
  });
});

describe("aliases", () => {
  it("resolve to a fixed point: a chain a→b, b→c is one person", async () => {
    const aliases = file("aliases.csv", lines("alias,canonical", "a@x.example,b@x.example", "b@x.example,c@x.example"));
    const mail = (from: string, i: number) =>
      message([`From: ${from}`, "To: z@x.example", `Date: Tue, 12 Apr 2016 0${i}:00:00 +0000`]);
    const dir = tree({
      "1.eml": mail("a@x.example", 1),
      "2.eml": mail("b@x.example", 2),
      "3.eml": mail("c@x.example", 3),
    });
    const { ds } = await load([dir], { aliases });
    expect(ds.people.address.filter((a) => a !== "z@x.example")).toEqual(["c@x.example"]);
    expect(Array.from(ds.messages.sender, (p) => addressOf(ds, p))).toEqual([
      "c@x.example",
      "c@x.example",
      "c@x.example",
    ]);
  });

  it("stop the import at a cycle, naming its addresses", () => {
    const cycle = new Map([
      ["a@x.example", "b@x.example"],
      ["b@x.example", "a@x.example"],
    ]);
    expect(() => resolveAliases(cycle, "aliases.csv")).toThrow(
      "aliases.csv: aliases form a cycle (a@x.example → b@x.example → a@x.example)",
    );
    expect(resolveAliases(new Map([["a@x.example", "a@x.example"]]), "f")).toEqual(new Map());
  });
});

describe("dates", () => {
  it("reads a date without a zone in --time-zone, and counts those", async () => {
    const dir = tree({
      "a.eml": message(["From: a@x.example", "To: b@x.example", "Date: Mon, 4 Jan 2016 10:00:00"]),
      "b.eml": message(["From: a@x.example", "To: c@x.example", "Date: Mon, 4 Jan 2016 10:00:00 -0800"]),
    });
    const { ds, report } = await load([dir], { timeZone: "America/New_York" });
    const times = Array.from({ length: 2 }, (_, m) => ds.messages.time[m]).sort();
    expect(times).toEqual([Date.UTC(2016, 0, 4, 15), Date.UTC(2016, 0, 4, 18)]);
    expect(report.undated.count).toBe(0);
    expect(report.zoneless.count).toBe(1);
    expect(report.zoneless.examples[0]).toMatch(/a\.eml$/);
  });

  it("refuses a --date-format that reads none of the column's dates, naming the column and a value", async () => {
    const csv = file("d.csv", lines("From,To,Sent", "a@x.example,b@x.example,2016-04-12 09:00"));
    await expect(load([csv], { dateStyle: { format: "dd/MM/yyyy HH:mm" } })).rejects.toThrow(
      /--date-format "dd\/MM\/yyyy HH:mm" reads none of column "Sent"'s dates \(e\.g\. line 2: "2016-04-12 09:00"\)/,
    );
  });

  it("reads a CSV's separate date and time columns together", async () => {
    const csv = file("dt.csv", lines("From,To,Date,Time", "a@x.example,b@x.example,2016-04-12,14:30:00"));
    const { ds } = await load([csv]);
    expect(ds.messages.time[0]).toBe(Date.UTC(2016, 3, 12, 14, 30));
  });
});

describe("identity", () => {
  it("keeps the first of two authors as the sender (the Sender header's, when it names one) and counts them", async () => {
    const dir = tree({
      "a.eml": mail("Ann <ann@x.example>, Bob <bob@x.example>", "cy@x.example", 9),
      "b.eml": mail("Ann <ann@x.example>, Bob <bob@x.example>", "dee@x.example", 10, "Sender: bob@x.example"),
    });
    const { ds, report } = await load([dir]);
    const senders = Array.from({ length: 2 }, (_, m) => `${addressOf(ds, ds.messages.sender[m])}>${roles(ds, m)}`);
    expect(senders.sort()).toEqual(["ann@x.example>to:cy@x.example", "bob@x.example>to:dee@x.example"]);
    expect(report.severalAuthors.count).toBe(2);
  });

  it("strips an obsolete source route: <@relay:bob@x.org> is bob@x.org", async () => {
    const dir = tree({
      "a.eml": mail("ann@x.example", "Bob <@relay.example:bob@x.example>", 9),
      "b.eml": mail("ann@x.example", "bob@x.example", 10),
    });
    const { ds } = await load([dir]);
    expect([...ds.people.address].sort()).toEqual(["ann@x.example", "bob@x.example"]);
  });
});

describe("encodings and line ends", () => {
  it("decodes header by header: one Latin-1 byte does not garble the UTF-8 of another", async () => {
    const bytes = Buffer.concat([
      Buffer.from("From: Zoë <zoe@x.example>\nTo: Ren", "utf8"),
      Buffer.from([0xe9]), // é in Latin-1
      Buffer.from(" <rene@x.example>\nDate: Tue, 12 Apr 2016 09:00:00 +0000\n\nbody\n", "utf8"),
    ]);
    const { ds } = await load([file("a.eml", bytes)]);
    expect([...ds.people.name].sort()).toEqual(["René", "Zoë"]);
  });

  it("reads CR-only and CRLF line ends as lines, in an .eml and an mbox", async () => {
    const msg = (to: string) => [
      "From: ann@x.example",
      `To: ${to}`,
      "Date: Mon, 4 Jan 2016 10:00:00 +0000",
      "Subject: Hi",
      "",
      "body",
      "",
    ];
    const sep = "From ann@x.example Mon Jan  4 10:00:00 2016";
    for (const eol of ["\r", "\r\n"]) {
      const dir = tree({
        "a.eml": msg("bob@x.example").join(eol),
        "box.mbox": [sep, ...msg("cy@x.example"), sep, ...msg("dee@x.example")].join(eol),
      });
      const { ds, report } = await load([join(dir, "a.eml"), join(dir, "box.mbox")]);
      expect(report.imported).toBe(3);
      expect(report.problems).toEqual([]);
      expect([...ds.people.address].sort()).toEqual([
        "ann@x.example",
        "bob@x.example",
        "cy@x.example",
        "dee@x.example",
      ]);
    }
  });

  it("reads a file whose name is not UTF-8, and names it", async () => {
    const dir = tree({});
    const name = Buffer.concat([Buffer.from(dir + "/caf"), Buffer.from([0xe9]), Buffer.from(".eml")]);
    writeFileSync(name, message(["From: ann@x.example", "To: bob@x.example", "Date: Mon, 4 Jan 2016 10:00:00 +0000"]));
    const { report } = await load([dir]);
    expect(report.imported).toBe(1);
    expect(report.filesSkipped.count).toBe(0);
  });
});

describe("source links", () => {
  it("a message without an id gets no link, never another document's", () => {
    const file = encodeDataset({
      meta: { title: "t", synthetic: false, timeZone: "UTC", messageUrlTemplate: "https://docs.example/{id}" },
      people: { address: ["a@x.example", "b@x.example"], name: ["", ""] },
      messages: [
        { time: 1, sender: 0, to: [1], cc: [], bcc: [], subject: "", id: "D7" },
        { time: 2, sender: 0, to: [1], cc: [], bcc: [], subject: "" },
      ],
    });
    const ds = decodeDataset(validateDataset(file, "t"));
    vi.stubGlobal("location", { href: "https://app.example/" });
    try {
      expect(sourceUrl(ds, 0)).toBe("https://docs.example/D7");
      expect(sourceUrl(ds, 1)).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("files that are not mail", () => {
  it("are listed as not read, so found counts messages only", async () => {
    const dir = tree({
      "Inbox.eml": message(["From: ann@x.example", "To: bob@x.example", "Date: Mon, 4 Jan 2016 10:00:00 +0000"]),
      "Inbox.msf": '// <!-- <mdb:mork:z v="1.4"/> -->\n< <(a=c)> // (f=iso-8859-1)\n',
      "README.txt": "Note: these are the exports we were given.\nSource: a tip.\n",
      "dataset.json": JSON.stringify({ version: 1, meta: { title: "old" } }),
      "__MACOSX/._Inbox.eml": Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]),
      "._Inbox.eml": Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]),
    });
    const { report } = await load([dir]);
    expect(report.found).toBe(1);
    expect(report.imported).toBe(1);
    expect(report.skipped.count).toBe(0);
    expect(report.withoutSender.count).toBe(0);
    expect(report.filesSkipped.items.map((f) => f.file.slice(dir.length + 1)).sort()).toEqual([
      "._Inbox.eml",
      "Inbox.msf",
      "README.txt",
      "__MACOSX/._Inbox.eml",
      "dataset.json",
    ]);
  });

  it("a leading blank line in a file read with --kind mbox makes no phantom message", async () => {
    const box = file(
      "box.txt",
      lines(
        "",
        "",
        "From ann@x.example Mon Jan  4 10:00:00 2016",
        "From: ann@x.example",
        "To: bob@x.example",
        "",
        "hi",
      ),
    );
    const { report } = await load([box], { kind: "mbox" });
    expect([report.found, report.imported, report.skipped.count]).toEqual([1, 1, 0]);
  });

  it("honours an mboxcl2 Content-Length: a quoted From line inside a body does not split it", async () => {
    const body = lines("Hello,", "", "From ann@x.example Mon Jan  4 10:00:00 2016", "is how mbox starts a message.");
    const box = file(
      "cl2.mbox",
      lines(
        "From ann@x.example Mon Jan  4 10:00:00 2016",
        "From: ann@x.example",
        "To: bob@x.example",
        "Subject: About mbox",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "",
      ) +
        body +
        lines(
          "From cy@x.example Tue Jan  5 10:00:00 2016",
          "From: cy@x.example",
          "To: dee@x.example",
          "Content-Length: 3",
          "",
          "ok",
        ),
    );
    const { report } = await load([box]);
    expect([report.found, report.imported, report.skipped.count]).toEqual([2, 2, 0]);
  });
});

describe("CSV damage", () => {
  it("honours Excel's sep=; line", async () => {
    const { ds } = await load([
      file("x.csv", lines("sep=;", "From;To;Date", "a@x.example;b@x.example;2016-04-12 09:00")),
    ]);
    expect([...ds.people.address].sort()).toEqual(["a@x.example", "b@x.example"]);
  });

  it("reads a cell with a NUL byte without it, and names the line", async () => {
    const csv = Buffer.from(
      lines("From,To,Subject", "a@x.example,b@x.example,ok", "a@x.example,c@x.example,bad\0cell"),
    );
    const { ds, report } = await load([file("nul.csv", csv)]);
    expect(report.imported).toBe(2);
    expect([...ds.messages.subjects].sort()).toContain("badcell");
    expect(report.problems).toEqual([
      {
        where: expect.stringMatching(/nul\.csv:3$/),
        problem: expect.stringMatching(/^NUL bytes .* removed from 1 cell/),
      },
    ]);
  });

  it("stops at a cell too long to be a message, naming the line, before it fills memory", async () => {
    const csv = file(
      "long.csv",
      lines("From,To,Subject", "a@x.example,b@x.example,ok", `a@x.example,b@x.example,"${"x".repeat(17 << 20)}"`),
    );
    await expect(load([csv])).rejects.toThrow(/long\.csv: line 3: a row longer than 16 million characters/);
  });
});

describe("the workers' watchdog", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fires after its budget of listening time", () => {
    const fired = vi.fn();
    startWatchdog(1000, fired);
    vi.advanceTimersByTime(999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it("does not count the page's own stall (a 48 s task) against the worker", () => {
    const fired = vi.fn();
    startWatchdog(1000, fired);
    vi.advanceTimersByTime(200);
    vi.setSystemTime(Date.now() + 48_000); // the main thread was busy: no timer could run
    vi.advanceTimersByTime(50);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(fired).toHaveBeenCalledOnce();
  });
});
