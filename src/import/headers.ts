// A message's header block (raw bytes up to the first empty line) to the fields the dataset needs.
// Encoded words and address lists go through postal-mime; this module only frames the block:
// unfolds continuation lines, matches names in any case, and decodes raw 8-bit bytes.
import { addressParser, decodeWords } from "postal-mime";
import { simpleAddressList } from "./address-fast";
import { fixC1 } from "./cp1252";
import { decodeEntities, parseNames } from "./name-lists";
import { ownCopy } from "./strings";
import type { MailAddress } from "./address";

export type { MailAddress } from "./address";

export interface MessageFields {
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  date: string;
  subject: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");
const WANTED = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "date",
  "subject",
  "message-id",
  "in-reply-to",
  "references",
  "sender",
]);

/** One line's text: UTF-8 when valid, else Windows-1252 (a superset of Latin-1). */
function decodeLine(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return fixC1(cp1252.decode(bytes));
  }
}

/** Header text from raw bytes, line by line: one Latin-1 byte in one header does not garble the
 *  UTF-8 of the others ("Zoë" stays "Zoë"). */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  let high = false;
  for (let i = 0; i < bytes.length && !high; i++) high = bytes[i] > 0x7f;
  if (!high) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  try {
    return utf8.decode(bytes);
  } catch {
    const lines: string[] = [];
    for (let from = 0; from <= bytes.length; ) {
      let nl = bytes.indexOf(10, from);
      if (nl < 0) nl = bytes.length;
      lines.push(decodeLine(bytes.subarray(from, nl)));
      from = nl + 1;
    }
    return lines.join("\n");
  }
}

/** Headers that only mail has: a block needs one to be a message (a README's "Note:" line or a
 *  JSON file's first line is not mail). */
const MAIL_HEADERS = new Set([
  ...WANTED,
  "received",
  "return-path",
  "mime-version",
  "delivered-to",
  "reply-to",
  "x-mailer",
  "content-type",
]);

/** Unfolded headers by lower-case name (several To lines are joined with commas); only the ones
 *  we use are kept. Returns null when no line of the block is a mail header. */
export function unfoldHeaders(text: string): Map<string, string> | null {
  const headers = new Map<string, string>();
  let name = "";
  let seen = false;
  for (const line of text.split(/\r?\n/)) {
    if (line === "") break;
    if (line[0] === " " || line[0] === "\t") {
      if (name) headers.set(name, headers.get(name) + " " + line.trim());
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) {
      name = "";
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    if (MAIL_HEADERS.has(key)) seen = true;
    name = WANTED.has(key) ? key : "";
    if (!name) continue;
    const value = line.slice(colon + 1).trim();
    const prev = headers.get(name);
    if (prev === undefined) headers.set(name, value);
    else if (name === "to" || name === "cc" || name === "bcc") headers.set(name, prev ? `${prev}, ${value}` : value);
  }
  return seen ? headers : null;
}

/** Whether a line can open a header block: a field name (printable ASCII, no colon) and a colon. */
export function isHeaderLine(line: string): boolean {
  return /^[\x21-\x39\x3b-\x7e]+:/.test(line);
}

/** Pipermail writes `jane at example.org (Jane Doe)`; turn it back into an address. */
function deobfuscate(value: string): string {
  const m = /^\s*([^\s@<>"(),]+) at ([^\s@<>"(),]+\.[^\s@<>"(),]+)\s*(?:\((.*)\))?\s*$/.exec(value);
  if (!m) return value;
  const name = (m[3] ?? "").replace(/["\\]/g, "");
  return name ? `"${name}" <${m[1]}@${m[2]}>` : `${m[1]}@${m[2]}`;
}

/** Does the value open more parentheses (comments) outside quotes than it closes? */
function unbalancedParens(value: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

// Encoded display names repeat with their senders: each is decoded once (the cache is bounded).
const decodedNames = new Map<string, string>();
function decodedName(raw: string): string {
  if (!raw.includes("=?")) return fixC1(raw).trim();
  let name = decodedNames.get(raw);
  if (name === undefined) {
    if (decodedNames.size >= 20_000) decodedNames.clear();
    name = ownCopy(fixC1(decodeWords(raw)).trim());
    decodedNames.set(ownCopy(raw), name);
  }
  return name;
}

/** Address list of a header, groups flattened (`undisclosed-recipients:;` gives none). */
export function parseAddresses(value: string | undefined): MailAddress[] {
  if (!value) return [];
  let text = deobfuscate(value.includes("&") ? decodeEntities(value) : value);
  if (!text.includes("@")) {
    // A group of names only (`undisclosed-recipients:;`, `Board: Smith, John;`) gives its members.
    const group = /^[^":;,]*:(.*?);?\s*$/.exec(text);
    return parseNames(group ? group[1] : text);
  }
  // An obsolete source route (`<@relay.net:bob@x.org>`, RFC 5322 §4.4) names the mailbox after it.
  if (text.includes("<@")) text = text.replace(/<@[^<>:"]*:/g, "<");
  // An unclosed comment (`John (Sales <john@x.org>`) would swallow the rest of the list.
  if (text.includes("(") && unbalancedParens(text)) text = text.replace(/[()]/g, " ");
  const out: MailAddress[] = [];
  const entries = simpleAddressList(text) ?? addressParser(text, { flatten: true });
  let pendingName = ""; // a one-word name-only entry right before a named address: "Last, First <a@x>"
  for (const a of entries) {
    const address = a.address ?? "";
    let name = a.name ? decodedName(a.name) : "";
    if (!address) {
      if (pendingName) out.push({ name: pendingName, address: "" });
      pendingName = name;
      continue;
    }
    if (pendingName && name && !/\s/.test(pendingName)) name = `${pendingName}, ${name}`;
    else if (pendingName) out.push({ name: pendingName, address: "" });
    pendingName = "";
    out.push({ name, address });
  }
  if (pendingName) out.push({ name: pendingName, address: "" });
  return out;
}

/** The authors in From (or Sender when there is no From). With several authors, the one the
 *  Sender header names comes first (RFC 5322: it is who sent the message), else the first listed. */
function authors(headers: Map<string, string>): MailAddress[] {
  const from = parseAddresses(headers.get("from") ?? headers.get("sender"));
  if (from.length < 2 || !headers.has("sender")) return from;
  const sender = parseAddresses(headers.get("sender"))[0]?.address.toLowerCase();
  const i = from.findIndex((a) => a.address.toLowerCase() === sender);
  return i > 0 ? [from[i], ...from.slice(0, i), ...from.slice(i + 1)] : from;
}

function ids(value: string | undefined): string[] {
  return value ? (value.match(/<[^<>\s]+>/g) ?? []).map((s) => s.slice(1, -1)) : [];
}

/** The fields of one message from its header block; null when the block holds no header at all. */
export function parseHeaderBlock(bytes: Uint8Array): MessageFields | null {
  const headers = unfoldHeaders(decodeHeaderBytes(bytes));
  if (!headers) return null;
  const rawId = headers.get("message-id") ?? "";
  return {
    from: authors(headers),
    to: parseAddresses(headers.get("to")),
    cc: parseAddresses(headers.get("cc")),
    bcc: parseAddresses(headers.get("bcc")),
    date: headers.get("date") ?? "",
    subject: fixC1(decodeWords(headers.get("subject") ?? ""))
      .replace(/\s+/g, " ")
      .trim(),
    messageId: ids(rawId)[0] ?? rawId.trim(),
    inReplyTo: ids(headers.get("in-reply-to"))[0] ?? "",
    references: ids(headers.get("references")),
  };
}
