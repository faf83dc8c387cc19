// Outlook .msg files (tests/unit/msg-fixture.ts writes them from the specification): read alone,
// in folders and in ZIPs; SMTP addresses over Exchange ones, Bcc from the recipient table, the
// transport headers first when the message kept them; Exchange-only people kept by name and
// counted; Outlook items that are not messages, and Office files that are not Outlook's, named.
import * as CFB from "cfb";
import { BlobWriter, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { afterAll, describe, expect, it } from "vitest";
import { decodeDataset } from "../../src/data/decode";
import type { Dataset } from "../../src/data/types";
import { runImport } from "../../src/import/run";
import { EML, scratch } from "./import-fixtures";
import { buildMsg, type MsgSpec } from "./msg-fixture";

const tmp = scratch("switchboard-msg-");
afterAll(() => tmp.remove());

const alice = { name: "Alice Walsh", smtp: "alice@fpnc.example" };
const bob = { name: "Bob Jones", smtp: "bob@fpnc.example" };
const carolEx = { name: "Carol King", smtp: "" }; // Exchange only
const dave = { name: "Dave", smtp: "dave@fpnc.example" };

/** Same message as EML["a.eml"] (Message-ID m1), as Alice's Sent copy: with a Cc and a Bcc. */
const BUDGET: MsgSpec = {
  subject: "Budget",
  from: alice,
  to: [bob],
  cc: [carolEx],
  bcc: [dave],
  sent: Date.UTC(2016, 3, 12, 13, 14, 3),
  messageId: "<m1@fpnc.example>",
};
const WITH_HEADERS: MsgSpec = {
  subject: "ignored: the headers say",
  from: { name: "Wrong", smtp: "wrong@elsewhere.example" },
  to: [],
  bcc: [bob],
  sent: 0,
  headers: [
    "Message-ID: <h1@fpnc.example>",
    "From: Dave <dave@fpnc.example>",
    "To: alice@fpnc.example",
    'Cc: "King, Carol" <carol@fpnc.example>',
    "Date: Wed, 13 Apr 2016 10:00:00 +0200",
    "Subject: From the headers",
  ].join("\r\n"),
};
const EX_SENDER: MsgSpec = { subject: "Exchange only", from: carolEx, to: [alice], sent: Date.UTC(2016, 3, 14) };

/** Each message as "sender > to | cc | bcc @ ISO time: subject" (addresses, or names without one). */
function described(ds: Dataset): string[] {
  const who = (p: number) => ds.people.address[p] || ds.people.name[p];
  const m = ds.messages;
  return Array.from({ length: m.count }, (_, i) => {
    const roles: string[][] = [[], [], []];
    for (let j = m.rcptStart[i]; j < m.rcptStart[i + 1]; j++) roles[m.rcptRole[j]].push(who(m.rcpt[j]));
    const when = Number.isNaN(m.time[i]) ? "undated" : new Date(m.time[i]).toISOString();
    return `${who(m.sender[i])} > ${roles.map((r) => r.join(",")).join(" | ")} @ ${when}: ${m.subjects[m.subject[i]]}`;
  }).sort();
}

describe("Outlook .msg", () => {
  it("reads a folder of them: SMTP addresses, Bcc from the table, the headers first, Exchange-only people by name", async () => {
    const wordish = CFB.utils.cfb_new();
    CFB.utils.cfb_add(wordish, "/WordDocument", Buffer.alloc(64, 1));
    const dir = tmp.tree({
      "budget.msg": buildMsg(BUDGET),
      "sub/headers.msg": buildMsg(WITH_HEADERS),
      "exchange.msg": buildMsg(EX_SENDER),
      "card.msg": buildMsg({ ...EX_SENDER, messageClass: "IPM.Contact" }),
      "letter.doc": Buffer.from(CFB.write(wordish, { type: "buffer" }) as Uint8Array),
    });
    const { dataset, report } = await runImport({ inputs: [dir], layout: false });
    expect(described(decodeDataset(dataset))).toEqual([
      "Carol King > alice@fpnc.example |  |  @ 2016-04-14T00:00:00.000Z: Exchange only",
      "alice@fpnc.example > bob@fpnc.example | Carol King | dave@fpnc.example @ 2016-04-12T13:14:03.000Z: Budget",
      "dave@fpnc.example > alice@fpnc.example | carol@fpnc.example | bob@fpnc.example @ 2016-04-13T08:00:00.000Z: From the headers",
    ]);
    expect(report.found).toBe(3);
    expect(report.exchangeOnly.count).toBe(2); // Carol, in budget.msg and exchange.msg
    const skipped = Object.fromEntries(report.filesSkipped.items.map((f) => [f.file.slice(dir.length + 1), f.reason]));
    expect(skipped).toEqual({
      "card.msg": "an Outlook IPM.Contact item, not a message",
      "letter.doc": "an Office document (OLE), not an Outlook message",
    });
  });

  it("is one message with its .eml copy: the .msg's Cc and Bcc join the kept copy", async () => {
    const eml = tmp.file("a.eml", EML["a.eml"]);
    const msg = tmp.file("budget.msg", buildMsg(BUDGET));
    const { dataset, report } = await runImport({ inputs: [eml, msg], layout: false });
    expect({ found: report.found, duplicates: report.duplicates.count, imported: report.imported }).toEqual({
      found: 2,
      duplicates: 1,
      imported: 1,
    });
    expect(described(decodeDataset(dataset))).toEqual([
      "alice@fpnc.example > bob@fpnc.example | Carol King | dave@fpnc.example @ 2016-04-12T13:14:03.000Z: Budget",
    ]);
    expect(report.files.map((f) => f.kind)).toEqual(["eml", "msg"]);
  });

  it("reads them inside a ZIP, and says a damaged one cannot be read", async () => {
    const zip = new ZipWriter(new BlobWriter("application/zip"));
    await zip.add("mail/budget.msg", new Uint8ArrayReader(buildMsg(BUDGET)));
    await zip.add("mail/cut.msg", new Uint8ArrayReader(buildMsg(EX_SENDER).subarray(0, 700)));
    const path = tmp.file("outlook.zip", Buffer.from(await (await zip.close()).arrayBuffer()));
    const { report } = await runImport({ inputs: [path], layout: false });
    expect(report.files[0].entries).toEqual([
      { path: `${path}/mail/budget.msg`, messages: 1 },
      { path: `${path}/mail/cut.msg`, messages: 1 },
    ]);
    expect(report.imported).toBe(1);
    expect(report.skipped.count).toBe(1);
    expect(JSON.stringify(report.skipped)).toContain("not a readable Outlook message");
  });
});
