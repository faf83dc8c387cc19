// Header parsing and date reading for the importer: encoded words, folding, groups, names with
// commas and quotes, pipermail obfuscation, raw 8-bit bytes, and sloppy dates.
import { describe, expect, it } from "vitest";
import { addressParser, decodeWords } from "postal-mime";
import { simpleAddressList } from "../../src/import/address-fast";
import { parseRecipientCell } from "../../src/import/csv-columns";
import { parseMailDate } from "../../src/import/dates";
import { parseAddresses, parseHeaderBlock } from "../../src/import/headers";
import { nameKey, normaliseAddress, personKey } from "../../src/import/people";

const block = (text: string) => Buffer.from(text.replace(/\n/g, "\r\n"));

describe("parseHeaderBlock", () => {
  it("decodes encoded words in UTF-8, ISO-8859-1, ISO-8859-2 and Windows-1252", () => {
    const f = parseHeaderBlock(
      block(
        [
          "From: =?UTF-8?Q?Ren=C3=A9e_O'Brien?= <renee@press.example>",
          "To: =?ISO-8859-1?Q?Andr=E9s_Pe=F1a?= <andres@fpnc.example>, =?iso-8859-2?B?o29kem1pZXJ6?= <lodz@x.example>",
          "Subject: =?windows-1252?Q?=93Budget=94_caf=E9?= =?UTF-8?B?4oCTIGRyYWZ0?=",
          "",
        ].join("\n"),
      ),
    )!;
    expect(f.from).toEqual([{ name: "Renée O'Brien", address: "renee@press.example" }]);
    expect(f.to.map((a) => a.name)).toEqual(["Andrés Peña", "Łodzmierz"]);
    expect(f.subject).toBe("\u201cBudget\u201d café– draft");
  });

  it("unfolds folded headers and matches names in any case", () => {
    const f = parseHeaderBlock(
      block(
        "SUBJECT: a long\n  subject line\nfrom: a@x.example\nTO: b@x.example,\n\tc@x.example\ncC: d@x.example\nmessage-id: <one@x>\n\nbody: not a header\n",
      ),
    )!;
    expect(f.subject).toBe("a long subject line");
    expect(f.to.map((a) => a.address)).toEqual(["b@x.example", "c@x.example"]);
    expect(f.cc.map((a) => a.address)).toEqual(["d@x.example"]);
    expect(f.messageId).toBe("one@x");
  });

  it("flattens address groups and reads undisclosed-recipients:; as nobody", () => {
    expect(parseAddresses("undisclosed-recipients:;")).toEqual([]);
    expect(
      parseAddresses('Finance team: a@x.example, "Doe, Jane" <jane@x.example>;, z@y.example').map((a) => a.address),
    ).toEqual(["a@x.example", "jane@x.example", "z@y.example"]);
  });

  it("keeps display names with commas and escaped quotes", () => {
    expect(parseAddresses('"Walsh, Alice \\"Al\\"" <ALICE@FPNC.example>, \'Bob\' <bob@x.example>')).toEqual([
      { name: 'Walsh, Alice "Al"', address: "ALICE@FPNC.example" },
      { name: "'Bob'", address: "bob@x.example" },
    ]);
  });

  it("reads pipermail's `user at host (Name)` obfuscation", () => {
    expect(parseAddresses("jane.doe at lists.example.org (Jane Doe)")).toEqual([
      { name: "Jane Doe", address: "jane.doe@lists.example.org" },
    ]);
    expect(parseAddresses("bob at example.org")).toEqual([{ name: "", address: "bob@example.org" }]);
  });

  it("decodes raw 8-bit headers as UTF-8, or Windows-1252 when they are not UTF-8", () => {
    expect(parseHeaderBlock(Buffer.from("From: Zoë Müller <zoe@x.example>\r\n\r\n", "utf8"))!.from[0].name).toBe(
      "Zoë Müller",
    );
    expect(
      parseHeaderBlock(Buffer.from("From: Zo\xeb M\xfcller <zoe@x.example>\r\n\r\n", "latin1"))!.from[0].name,
    ).toBe("Zoë Müller");
  });

  it("keeps thread fields and returns null for a block without headers", () => {
    const f = parseHeaderBlock(block("From: a@x\nIn-Reply-To: <p@x>\nReferences: <r1@x>\n <p@x>\n"))!;
    expect([f.inReplyTo, f.references]).toEqual(["p@x", ["r1@x", "p@x"]]);
    expect(parseHeaderBlock(block("just some text\nwithout any header\n"))).toBeNull();
  });
});

describe("normaliseAddress and nameKey", () => {
  it("normalises case, whitespace, mailto: and angle brackets", () => {
    for (const raw of [
      " Alice@FPNC.Example ",
      "mailto:alice@fpnc.example",
      "<alice@fpnc.example>",
      "MAILTO:<Alice@fpnc.example>",
    ]) {
      expect(normaliseAddress(raw)).toBe("alice@fpnc.example");
    }
    // A name-only entry is known by its name, apart from every address.
    expect(personKey({ name: "Jane  Doe", address: "" })).toBe(personKey({ name: '"jane doe"', address: "" }));
    expect(personKey({ name: "Jane Doe", address: "" })).not.toBe("jane doe");
    expect(personKey({ name: "Clinton, Hillary", address: "" })).not.toBe(
      personKey({ name: "Clinton, Bill", address: "" }),
    );
  });
  it("compares names without accents, case, punctuation or order", () => {
    expect(nameKey("Walsh, Renée")).toBe(nameKey("renee WALSH"));
    expect(nameKey("Walsh, Renée")).not.toBe(nameKey("Renée Walters"));
  });
});

describe("parseMailDate", () => {
  const utc = (s: string) => Date.parse(s);
  it.each([
    ["Tue, 12 Apr 2016 09:14:03 -0400", "2016-04-12T13:14:03Z"],
    ["Tue, 12 Apr 2016 09:14:03 -0400 (EDT)", "2016-04-12T13:14:03Z"],
    ["12 Apr 2016 09:14 EDT", "2016-04-12T13:14:00Z"],
    ["Tue,12 Apr 16 9:14:03 +0200", "2016-04-12T07:14:03Z"],
    ["Tuesday, 12 April 2016 09:14:03 GMT", "2016-04-12T09:14:03Z"],
    ["Tue, 12 Apr 2016 09:14:03 GMT+02:00", "2016-04-12T07:14:03Z"],
    ["Tue Apr 12 09:14:03 2016", "2016-04-12T09:14:03Z"],
    ["2016-04-12T09:14:03-04:00", "2016-04-12T13:14:03Z"],
    ["2016-04-12 09:14:03", "2016-04-12T09:14:03Z"],
    ["4/12/2016 9:14 AM", "2016-04-12T09:14:00Z"],
    ["1460466843", "2016-04-12T13:14:03Z"],
  ])("reads %s", (raw, iso) => {
    expect(parseMailDate(raw)).toBe(utc(iso));
  });
  it("reads dates without a zone in the zone it is given", () => {
    expect(parseMailDate("2016-04-12 09:14:03", "America/New_York")).toBe(utc("2016-04-12T13:14:03Z"));
  });
  it.each(["", "sometime last week", "Tue, 45 Foo 2016 99:99:99", "0000-00-00 00:00:00"])(
    "returns null for %j",
    (raw) => {
      expect(parseMailDate(raw)).toBeNull();
    },
  );
});

describe("the fast address-list reader", () => {
  const decoded = (list: { name?: string; address?: string }[]) =>
    list.map((e) => ({ name: e.name ? decodeWords(e.name).trim() : "", address: e.address ?? "" }));
  const simple = [
    '"User 395" <user395@party25.example>, "User 593" <user593@party1.example>',
    "a@x.org",
    " a@x.org ,b@y.org ",
    "Bob Jones <bob@x.org>",
    "=?utf-8?Q?J=C3=B6rg_0?= <user1235@party14.example>",
    '"Walsh, Alice" <alice@x>',
    "<a@x.org>",
    '"  spaced  " <a@x.org>',
    "O'Brien <ob@x.org>",
    "Bob Jones<b@x.org>",
    '"" <a@x.org>',
    "x.y+z@sub.example.org",
    "Ann Lee <ann@x.org>, Bo <bo@y.org>, c@z.org",
  ];
  it.each(simple)("reads %s as postal-mime does", (value) => {
    const fast = simpleAddressList(value);
    expect(fast).not.toBeNull();
    expect(decoded(fast!)).toEqual(decoded(addressParser(value, { flatten: true })));
  });
  it.each([
    "Bob <a@x.org>,",
    "a@x.org, , b@y.org",
    "a@x.org b@y.org",
    "Jane <jane@x.org> (comment)",
    "Team: a@x.org;",
    '"a\\"b" <a@x.org>',
    "Bob  Jones <b@x.org>",
  ])("leaves %s to postal-mime", (value) => expect(simpleAddressList(value)).toBeNull());
});

describe("HTML-escaped headers (web archives)", () => {
  it("reads character references as text, and a ; ending one separates no one", () => {
    expect(parseRecipientCell("xuan&ndash;&ndash;uri@baldauf.org")).toEqual([
      { name: "", address: "xuan––uri@baldauf.org" },
    ]);
    expect(parseAddresses("Bob &lt;bob@x.org&gt;, AT&amp;T &lt;att@x.org&gt;")).toEqual([
      { name: "Bob", address: "bob@x.org" },
      { name: "AT&T", address: "att@x.org" },
    ]);
    expect(parseRecipientCell("AT&T; Verizon")).toEqual([
      { name: "AT&T", address: "" },
      { name: "Verizon", address: "" },
    ]);
    expect(parseRecipientCell("a@x.org;b@y.org").map((e) => e.address)).toEqual(["a@x.org", "b@y.org"]);
  });
});
