// Writes a generated corpus as an mbox file (seeded), for the importer's benchmark and tests:
// realistic headers (Received chains, encoded names, folded recipient lists, Eastern-time dates),
// text bodies of 1–4 KB, and a base64 attachment of 10–80 KB on one message in ten.
import { createWriteStream } from "node:fs";
import type { PlainMessage } from "../../src/data/decode";
import { seededRng } from "../../src/graph/random";
import type { Person } from "./model";

const WORDS =
  "the we that for meeting draft press call budget statement schedule tomorrow today please review attached numbers update team chair event donor list vendor contract thanks see below confirm".split(
    " ",
  );
const encodeName = (name: string) =>
  /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/["\\]/g, "\\$&")}"`
    : `=?UTF-8?B?${Buffer.from(name).toString("base64")}?=`;
const mailbox = (p: Person) => `${encodeName(p.name)} <${p.address}>`;

/** Folds a recipient list at 76 columns, as mail clients do. */
function fold(name: string, list: string[]): string {
  let line = `${name}: `;
  const lines: string[] = [];
  list.forEach((item, i) => {
    const piece = item + (i < list.length - 1 ? "," : "");
    if (line.length + piece.length > 76 && line.trim().length > name.length + 1) {
      lines.push(line.trimEnd());
      line = " ";
    }
    line += piece + " ";
  });
  lines.push(line.trimEnd());
  return lines.join("\n");
}

function rfc2822(ms: number): string {
  // Eastern time, written with its offset, as the mail servers of a US committee would.
  const d = new Date(ms - 4 * 3600e3);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${day}, ${d.getUTCDate()} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} -0400`;
}

export async function writeMbox(
  path: string,
  people: Person[],
  messages: PlainMessage[],
  seed: number,
): Promise<number> {
  const rng = seededRng(seed);
  const out = createWriteStream(path);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(" ");
  let bytes = 0;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const from = people[m.sender];
    const id = `<${(i + 1).toString(36)}.${Math.floor(rng() * 1e9).toString(36)}@${from.address.split("@")[1]}>`;
    const headers = [
      `From ${from.address} ${new Date(m.time ?? 0).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, "$1 $3 $2 $5 $4")}`,
      `Return-Path: <${from.address}>`,
      `Received: from mail.${from.address.split("@")[1]} (mail.${from.address.split("@")[1]} [10.0.${i % 250}.${(i >> 8) % 250}])\n\tby mx.fpnc.example with ESMTPS id ${i.toString(16)}\n\tfor <${people[m.to[0] ?? m.bcc[0] ?? m.sender].address}>; ${rfc2822(m.time ?? 0)}`,
      `Message-ID: ${id}`,
      `Date: ${rfc2822(m.time ?? 0)}`,
      `From: ${mailbox(from)}`,
      m.to.length
        ? fold(
            "To",
            m.to.map((r) => mailbox(people[r])),
          )
        : "To: undisclosed-recipients:;",
      ...(m.cc.length
        ? [
            fold(
              "Cc",
              m.cc.map((r) => mailbox(people[r])),
            ),
          ]
        : []),
      `Subject: ${/^[\x20-\x7e]*$/.test(m.subject) ? m.subject : `=?UTF-8?Q?${Buffer.from(m.subject).toString("hex").replace(/(..)/g, "=$1")}?=`}`,
      `MIME-Version: 1.0`,
      `X-Mailer: Microsoft Outlook 14.0`,
    ];
    const text = Array.from({ length: 10 + Math.floor(rng() * 40) }, () => words(8 + Math.floor(rng() * 6))).join("\n");
    let body: string;
    if (rng() < 0.1) {
      const boundary = `b${i.toString(36)}`;
      const att = Buffer.alloc(10_000 + Math.floor(rng() * 70_000), i & 0xff)
        .toString("base64")
        .replace(/(.{76})/g, "$1\n");
      headers.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
      body = `--${boundary}\nContent-Type: text/plain; charset=utf-8\n\n${text}\nFrom the desk of ${from.name}\n\n--${boundary}\nContent-Type: application/pdf; name="memo.pdf"\nContent-Transfer-Encoding: base64\n\n${att}\n--${boundary}--\n`;
    } else {
      headers.push("Content-Type: text/plain; charset=utf-8");
      body = `${text}\n>From the archive: see below\n`;
    }
    const chunk = `${headers.join("\n")}\n\n${body}\n`;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}
