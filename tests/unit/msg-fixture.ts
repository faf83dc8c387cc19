// Outlook .msg files made for the tests, as MS-OXMSG lays them out (an OLE compound document
// written with the cfb package): string properties as UTF-16LE streams, fixed-size ones (the
// submit time, each recipient's type) in the property streams, one storage per recipient. Built
// here from the specification, so no real mailbox is needed; each is a few kilobytes.
import * as CFB from "cfb";

export interface MsgPerson {
  name: string;
  /** The SMTP address, or "" for someone Exchange names only by its X.500 address. */
  smtp: string;
}
export interface MsgSpec {
  messageClass?: string;
  subject: string;
  from: MsgPerson;
  to: MsgPerson[];
  cc?: MsgPerson[];
  bcc?: MsgPerson[];
  /** UTC milliseconds: PidTagClientSubmitTime. */
  sent: number;
  messageId?: string;
  /** PidTagTransportMessageHeaders, when the message kept them. */
  headers?: string;
}

const PT_LONG = 0x0003;
const PT_SYSTIME = 0x0040;
const utf16 = (s: string) => Buffer.from(s, "utf16le");
const stream = (id: number) => `__substg1.0_${id.toString(16).toUpperCase().padStart(4, "0")}001F`;

/** A property stream: `header` bytes, then 16-byte entries (tag, flags, 8 bytes of value). */
function properties(header: number, entries: { id: number; type: number; value: Buffer }[]): Buffer {
  const out = Buffer.alloc(header + 16 * entries.length);
  entries.forEach((e, i) => {
    const at = header + 16 * i;
    out.writeUInt32LE(((e.id << 16) | e.type) >>> 0, at);
    out.writeUInt32LE(6, at + 4); // readable, writable
    e.value.copy(out, at + 8);
  });
  return out;
}

function fileTime(ms: number): Buffer {
  const ticks = BigInt(ms + 11_644_473_600_000) * 10_000n;
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(ticks);
  return b;
}

const X500 = (name: string) =>
  `/O=FPNC/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=${name.replace(/\W/g, "").toUpperCase()}`;

export function buildMsg(spec: MsgSpec): Buffer {
  const cfb = CFB.utils.cfb_new();
  const add = (path: string, data: Buffer) => CFB.utils.cfb_add(cfb, `/${path}`, data);
  add(stream(0x001a), utf16(spec.messageClass ?? "IPM.Note"));
  add(stream(0x0037), utf16(spec.subject));
  add(stream(0x0c1a), utf16(spec.from.name));
  add(stream(0x0c1e), utf16(spec.from.smtp ? "SMTP" : "EX"));
  add(stream(0x0c1f), utf16(spec.from.smtp || X500(spec.from.name)));
  if (spec.from.smtp) add(stream(0x5d01), utf16(spec.from.smtp));
  if (spec.messageId) add(stream(0x1035), utf16(spec.messageId));
  if (spec.headers) add(stream(0x007d), utf16(spec.headers));
  const recipients = [
    ...spec.to.map((p) => ({ p, type: 1 })),
    ...(spec.cc ?? []).map((p) => ({ p, type: 2 })),
    ...(spec.bcc ?? []).map((p) => ({ p, type: 3 })),
  ];
  recipients.forEach(({ p, type }, i) => {
    const dir = `__recip_version1.0_#${i.toString(16).toUpperCase().padStart(8, "0")}`;
    const kind = Buffer.alloc(8);
    kind.writeUInt32LE(type);
    add(`${dir}/__properties_version1.0`, properties(8, [{ id: 0x0c15, type: PT_LONG, value: kind }]));
    add(`${dir}/${stream(0x3001)}`, utf16(p.name));
    add(`${dir}/${stream(0x3002)}`, utf16(p.smtp ? "SMTP" : "EX"));
    add(`${dir}/${stream(0x3003)}`, utf16(p.smtp || X500(p.name)));
    if (p.smtp) add(`${dir}/${stream(0x39fe)}`, utf16(p.smtp));
  });
  const header = Buffer.alloc(32);
  header.writeUInt32LE(recipients.length, 8); // next recipient id
  header.writeUInt32LE(recipients.length, 16); // recipient count
  const root = properties(32, [{ id: 0x0039, type: PT_SYSTIME, value: fileTime(spec.sent) }]);
  header.copy(root, 0);
  add("__properties_version1.0", root);
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}
