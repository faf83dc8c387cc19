// Mail exports written by the importer's tests: an mbox, a folder of .eml files, a Maildir and a
// CSV, covering the cases the importer must handle. Each message's fate is stated beside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const lines = (...l: string[]) => l.join("\n") + "\n";

/** A message without a Message-ID, to an address group: it appears twice in the mbox. */
const NUMBERS = lines(
  "From bob@fpnc.example Thu Apr 14 08:00:00 2016",
  "From: bob@fpnc.example",
  "To: Finance: carol@fpnc.example, dave@fpnc.example;",
  "Date: Thu, 14 Apr 2016 08:00:00 +0000",
  "Subject: Numbers",
  "",
  "x",
  "",
);

/** mbox messages, in file order. */
export const MBOX: (string | Buffer)[] = [
  // 1. imported: plain message, mixed-case and mailto: addresses, a body with From-lines that are not separators
  lines(
    "From alice@fpnc.example Tue Apr 12 13:14:03 2016",
    'From: "Walsh, Alice" <Alice@FPNC.example>',
    "To: Bob Jones <bob@fpnc.example>, carol@fpnc.example",
    "Cc: <mailto:dave@fpnc.example>",
    "Date: Tue, 12 Apr 2016 09:14:03 -0400",
    "Subject: Budget",
    "Message-ID: <m1@fpnc.example>",
    "",
    "Hello,",
    "From the desk of Alice",
    ">From the archive",
    "",
  ),
  // 2. imported: non-ASCII byte in the separator, encoded words, folded To
  Buffer.concat([
    Buffer.from("From ren\xe9e@press.example Wed Apr 13 14:00:00 2016\n", "latin1"),
    Buffer.from(
      lines(
        "From: =?UTF-8?Q?Ren=C3=A9e_O'Brien?= <renee@press.example>",
        'To: "Walsh, Alice" <alice@fpnc.example>,',
        " =?ISO-8859-1?Q?Andr=E9s_Pe=F1a?= <andres@fpnc.example>",
        "Subject: =?UTF-8?B?UXVlc3Rpb24gYWJvdXQgdGhlIGdhbGEg4oCT?= tickets",
        "Date: 13 Apr 2016 10:00 EDT",
        "Message-ID: <m2@press.example>",
        "",
        "Body",
        "",
      ),
    ),
  ]),
  // 3. imported: no Message-ID, an address group
  NUMBERS,
  // 4. duplicate of 3 (same sender, date, recipients, subject; no Message-ID)
  NUMBERS,
  // 5. imported without recipients
  lines(
    "From bob@fpnc.example Thu Apr 14 09:00:00 2016",
    "From: Bob Jones <bob@fpnc.example>",
    "To: undisclosed-recipients:;",
    "Date: Thu, 14 Apr 2016 09:00:00 +0000",
    "Message-ID: <m5@fpnc.example>",
    "Subject: Reminder",
    "",
    "",
  ),
  // 6. imported, undated: no Date header
  lines(
    "From carol@fpnc.example Thu Apr 14 10:00:00 2016",
    "From: carol@fpnc.example",
    "To: alice@fpnc.example",
    "Message-ID: <m6@fpnc.example>",
    "Subject: No date",
    "",
    "x",
    "",
  ),
  // 7. imported, undated: unparsable date
  lines(
    "From carol@fpnc.example Thu Apr 14 10:00:00 2016",
    "From: carol@fpnc.example",
    "To: bob@fpnc.example",
    "Date: sometime last week",
    "Message-ID: <m7@fpnc.example>",
    "Subject: Bad date",
    "",
    "x",
    "",
  ),
  // 8. skipped: no sender
  lines(
    "From MAILER-DAEMON Thu Apr 14 11:00:00 2016",
    "To: alice@fpnc.example",
    "Date: Thu, 14 Apr 2016 11:00:00 +0000",
    "Message-ID: <m8@fpnc.example>",
    "Subject: Bounce",
    "",
    "x",
    "",
  ),
  // 9. skipped: no headers after the separator
  lines("From nobody Thu Apr 14 12:00:00 2016", "this is not a header", "nor is this", "", "x", ""),
  // 10. imported: pipermail obfuscation in the separator and the From header
  lines(
    "From jane at lists.example.org  Fri Apr 15 11:00:00 2016",
    "From: jane at lists.example.org (Jane Doe)",
    "To: list@lists.example.org",
    "Date: Fri, 15 Apr 2016 11:00:00 +0000",
    "Message-ID: <m10@lists.example.org>",
    "Subject: [list] Hello",
    "",
    "x",
    "",
  ),
  // 11. imported: an alias of Alice (merged by the aliases file)
  lines(
    "From awalsh@gmail.example Sat Apr 16 12:00:00 2016",
    "From: Alice Walsh <awalsh@gmail.example>",
    "To: bob@fpnc.example",
    "Date: Sat, 16 Apr 2016 12:00:00 +0000",
    "Message-ID: <m11@gmail.example>",
    "Subject: From home",
    "",
    "x",
    "",
  ),
  // 12. imported, CRLF line endings; Bob Jones at another address (suggested, not merged)
  lines(
    "From bobby@home.example Sun Apr 17 12:00:00 2016",
    "From: Bob Jones <bobby@home.example>",
    "To: alice@fpnc.example",
    "Date: Sun, 17 Apr 2016 12:00:00 +0000",
    "Message-ID: <m12@home.example>",
    "Subject: Weekend",
    "",
    "x",
    "",
  ).replace(/\n/g, "\r\n"),
];

export const EML: Record<string, string> = {
  // imported alone; with the mbox, a duplicate of its message 1 (same Message-ID: a copy in another mailbox)
  "a.eml": lines(
    "Message-ID: <m1@fpnc.example>",
    "From: alice@fpnc.example",
    "To: bob@fpnc.example",
    "Date: Tue, 12 Apr 2016 09:14:03 -0400",
    "Subject: Budget",
    "",
    "body",
  ),
  // imported
  "b.eml": lines(
    "From: carol@fpnc.example",
    "To: alice@fpnc.example",
    "Date: Mon, 18 Apr 2016 12:00:00 +0000",
    "Subject: From an eml",
    "",
    "body",
  ).replace(/\n/g, "\r\n"),
  // skipped: empty file
  "c.eml": "",
  // imported, in a subfolder
  "sub/d.eml": lines(
    "From: dave@fpnc.example",
    "To: carol@fpnc.example",
    "Date: Tue, 19 Apr 2016 12:00:00 +0000",
    "Message-ID: <d@fpnc.example>",
    "Subject: Nested",
    "",
    "body",
  ),
};

export const MAILDIR: Record<string, string> = {
  "cur/1461000000.M1P1.host:2,S": lines(
    "From: dave@fpnc.example",
    "To: alice@fpnc.example",
    "Date: Wed, 20 Apr 2016 12:00:00 +0000",
    "Message-ID: <md1@fpnc.example>",
    "Subject: Maildir one",
    "",
    "b",
  ),
  "new/1461000001.M2P1.host": lines(
    "From: alice@fpnc.example",
    "To: dave@fpnc.example",
    "Date: Wed, 20 Apr 2016 13:00:00 +0000",
    "Message-ID: <md2@fpnc.example>",
    "Subject: Maildir two",
    "",
    "b",
  ),
  // not read: tmp/ holds mail still being delivered
  "tmp/1461000002.M3P1.host": lines(
    "From: eve@fpnc.example",
    "To: alice@fpnc.example",
    "Date: Wed, 20 Apr 2016 14:00:00 +0000",
    "Subject: In delivery",
    "",
    "b",
  ),
};

export const CSV = lines(
  "DocID,Sent,Sender,Recipients,CC,Subject",
  '101,2016-04-21 09:00:00,"""Doe, Jane"" <jane@lists.example.org>",alice@fpnc.example; bob@fpnc.example,,From the CSV',
  '102,4/22/2016 10:30 AM,carol@fpnc.example,"""Walsh, Alice"" <alice@fpnc.example>",dave@fpnc.example,Second',
  "103,2016-04-23 09:00:00,,bob@fpnc.example,,No sender",
);

export const ALIASES = lines("address,canonical", "awalsh@gmail.example,alice@fpnc.example");

/** What the fixtures hold, counted by hand from the comments above. */
export const EXPECTED = {
  mbox: { found: 12, duplicates: 1, skipped: 2, imported: 9 },
  eml: { found: 4, duplicates: 0, skipped: 1, imported: 3 },
  maildir: { found: 2, duplicates: 0, skipped: 0, imported: 2 },
  csv: { found: 3, duplicates: 0, skipped: 1, imported: 2 },
};

export interface FixtureDir {
  dir: string;
  mbox: string;
  eml: string;
  maildir: string;
  csv: string;
  aliases: string;
}

export function writeFixtures(): FixtureDir {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-import-"));
  const put = (rel: string, data: string | Buffer) => {
    const path = join(dir, rel);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, data);
    return path;
  };
  const mbox = put("corpus.mbox", Buffer.concat(MBOX.map((m) => (typeof m === "string" ? Buffer.from(m, "utf8") : m))));
  for (const [rel, text] of Object.entries(EML)) put(`eml/${rel}`, text);
  for (const [rel, text] of Object.entries(MAILDIR)) put(`Maildir/${rel}`, text);
  return {
    dir,
    mbox,
    eml: join(dir, "eml"),
    maildir: join(dir, "Maildir"),
    csv: put("export.csv", CSV),
    aliases: put("aliases.csv", ALIASES),
  };
}

/** A scratch folder for one test file: `tree` writes files (path -> content) under a fresh
 *  subfolder and returns it; `file` writes one and returns its path; `remove` deletes them all. */
export function scratch(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  const tree = (files: Record<string, string | Buffer>): string => {
    const dir = join(root, `t${n++}`);
    mkdirSync(dir, { recursive: true });
    for (const [rel, data] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), data);
    }
    return dir;
  };
  const file = (name: string, data: string | Buffer) => join(tree({ [name]: data }), name);
  return { root, tree, file, remove: () => rmSync(root, { recursive: true, force: true }) };
}
