// Outlook .msg files (an OLE compound document per message), through @kenjiuno/msgreader. The
// transport headers, when the message kept them, are read as other mail's headers are (From, To,
// Cc, Date, Message-ID, threading); the recipient table adds what headers never carry (Bcc) and
// stands in for them when they are missing. Exchange-only addresses (X.500 `/O=…/CN=…`, no SMTP
// address beside them) are not addresses: such people are kept by name, and counted.
import MsgReaderModule, { type FieldsData } from "@kenjiuno/msgreader";
import { basename } from "node:path";
import { concatBytes } from "../data/bytes";
import type { MailAddress } from "./address";
import { parseHeaderBlock, type MessageFields } from "./headers";
import type { ReaderItem, ReadOptions } from "./reader";
import type { ByteSource } from "./source";

/** An OLE compound document's signature: Outlook .msg (and Word, Excel …) files begin with it. */
export const isOle = (head: Uint8Array) =>
  head.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b);

/** A message is read whole (its parts are found by offset); one larger than this is skipped. */
export const MAX_MSG_BYTES = 256 << 20;

// A CommonJS module: Node's import gives its exports object, a bundler its default.
const MsgReader = (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;

/** Outlook items that are not messages between people. */
const NOT_MESSAGES = /^IPM\.(Contact|DistList|Task|StickyNote|Activity|Appointment)\b/i;

async function wholeOf(src: ByteSource): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let got = 0;
  for await (const chunk of src.chunks()) {
    got += chunk.byteLength;
    if (got > MAX_MSG_BYTES) return null;
    parts.push(chunk);
  }
  return concatBytes(parts);
}

/** An Exchange X.500 address (`/O=ORG/OU=…/CN=RECIPIENTS/CN=JSMITH`) is no mail address. */
const isX500 = (s: string | undefined) => !!s && s.startsWith("/");

/** Someone's SMTP address: the one the item names as such, else theirs unless it is Exchange's. */
function smtpOf(smtp: string | undefined, address: string | undefined, type: string | undefined): string {
  if (smtp && !isX500(smtp)) return smtp;
  if (!address || isX500(address) || (type && type.toUpperCase() === "EX")) return "";
  return address;
}

interface Built {
  fields: MessageFields;
  /** People named by an Exchange address only (kept by name). */
  unresolved: number;
}

/** The message's people and dates from msgreader's fields, with its transport headers first. */
export function msgFields(data: FieldsData): Built {
  let unresolved = 0;
  const person = (name: string | undefined, address: string): MailAddress => {
    if (!address) unresolved++;
    return { name: name ?? "", address };
  };
  const table = { to: [] as MailAddress[], cc: [] as MailAddress[], bcc: [] as MailAddress[] };
  for (const r of data.recipients ?? []) {
    const address = smtpOf(r.smtpAddress, r.email, r.addressType);
    if (!address && !r.name) continue;
    table[r.recipType ?? "to"].push(person(r.name, address));
  }
  const fromHeaders = data.headers ? parseHeaderBlock(new TextEncoder().encode(`${data.headers.trimEnd()}\n\n`)) : null;
  if (fromHeaders && fromHeaders.from.length > 0) {
    // Headers never list Bcc: the sender's copy has them in its recipient table.
    const bcc = fromHeaders.bcc.length ? fromHeaders.bcc : table.bcc;
    return { fields: { ...fromHeaders, bcc }, unresolved: fromHeaders.bcc.length ? 0 : unresolved };
  }
  const sender = smtpOf(
    data.senderSmtpAddress ?? data.sentRepresentingSmtpAddress,
    data.senderEmail,
    data.senderAddressType,
  );
  const from = sender || data.senderName ? [person(data.senderName, sender)] : [];
  return {
    fields: {
      from,
      ...table,
      date: data.clientSubmitTime ?? data.messageDeliveryTime ?? "",
      subject: (data.subject ?? "").replace(/\s+/g, " ").trim(),
      messageId: (data.messageId ?? "").trim().replace(/^<|>$/g, ""),
      inReplyTo: "",
      references: [],
    },
    unresolved,
  };
}

/** One .msg file: a message, or a reason it is not one. `claimed`: named .msg (or given as one),
 *  so a file that cannot be read is a message lost, not a file that is not mail. */
export async function* readMsgFile(
  src: ByteSource,
  claimed: boolean,
  opts: ReadOptions = {},
): AsyncGenerator<ReaderItem> {
  const where = { file: src.name };
  const unreadable = (detail: string): ReaderItem =>
    claimed
      ? { kind: "broken", where, reason: `not a readable Outlook message: damaged or cut short (${detail})` }
      : { kind: "file-skipped", where, reason: `an OLE file that is not a readable Outlook message (${detail})` };
  const bytes = await wholeOf(src);
  opts.onBytes?.(bytes?.byteLength ?? src.size ?? 0);
  if (!bytes) return yield { kind: "broken", where, reason: `an Outlook message over ${MAX_MSG_BYTES >> 20} MB` };
  let data: FieldsData;
  try {
    data = new MsgReader(bytes.buffer as ArrayBuffer).getFileData();
  } catch (err) {
    return yield unreadable((err as Error).message);
  }
  if (data.error) return yield unreadable(data.error);
  if (!data.messageClass?.toUpperCase().startsWith("IPM"))
    return yield { kind: "file-skipped", where, reason: "an Office document (OLE), not an Outlook message" };
  if (NOT_MESSAGES.test(data.messageClass))
    return yield { kind: "file-skipped", where, reason: `an Outlook ${data.messageClass} item, not a message` };
  const { fields, unresolved } = msgFields(data);
  yield {
    kind: "message",
    where,
    fields,
    sourceId: basename(src.name).replace(/\.msg$/i, ""),
    ...(unresolved ? { unresolved } : {}),
  };
}
