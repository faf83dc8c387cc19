// Columnar file -> typed arrays (pure). Also the inverse, used by the generator and importer.
import { FORMAT_NAME, FORMAT_VERSION, ROLE_BCC, ROLE_CC, ROLE_TO, type Dataset, type DatasetFile } from "./types";

const ROLES = [
  ["to", "toCount", ROLE_TO],
  ["cc", "ccCount", ROLE_CC],
  ["bcc", "bccCount", ROLE_BCC],
] as const;

export function decodeDataset(file: DatasetFile): Dataset {
  const m = file.messages;
  const n = m.sender.length;
  const time = new Float64Array(n).fill(NaN);
  let t = 0;
  for (let i = 0; i < m.time.length; i++) {
    t += m.time[i];
    time[i] = t * 1000;
  }
  // Merge the three role lists into one CSR, To first, then Cc, then Bcc.
  const rcptStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rcptStart[i + 1] = rcptStart[i] + m.toCount[i] + m.ccCount[i] + m.bccCount[i];
  const rcpt = new Int32Array(rcptStart[n]);
  const rcptRole = new Uint8Array(rcptStart[n]);
  const cursor = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    let w = rcptStart[i];
    ROLES.forEach(([key, countKey, role], r) => {
      const k = m[countKey][i];
      const list = m[key];
      for (let j = 0; j < k; j++, w++) {
        rcpt[w] = list[cursor[r]++];
        rcptRole[w] = role;
      }
    });
  }
  const p = file.people.address.length;
  const orgs = file.people.orgs ?? [];
  const orgOf = file.people.org;
  return {
    meta: file.meta,
    people: {
      count: p,
      address: file.people.address,
      name: file.people.name,
      org: Array.from({ length: p }, (_, i) =>
        orgOf && orgOf[i] >= 0 ? orgs[orgOf[i]] : domainOf(file.people.address[i]),
      ),
    },
    messages: {
      count: n,
      datedCount: m.time.length,
      time,
      sender: Int32Array.from(m.sender),
      rcptStart,
      rcpt,
      rcptRole,
      subject: Int32Array.from(m.subject),
      subjects: m.subjects,
      id: m.id ?? null,
    },
    annotations: (file.annotations ?? []).map((a) => ({ time: Date.parse(a.date), label: a.label })),
    layout: file.layout ? { x: Float32Array.from(file.layout.x), y: Float32Array.from(file.layout.y) } : null,
  };
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at >= 0 ? address.slice(at + 1).toLowerCase() : "";
}

/** One message as the encoder takes it. Undated messages have time null. */
export interface PlainMessage {
  time: number | null; // UTC ms
  sender: number;
  to: number[];
  cc: number[];
  bcc: number[];
  subject: string;
  id?: string | number;
}

/** Messages by index, for corpora too big to hold as one object per message (the importer).
 *  `at` may return the same object each call; the encoder copies what it needs at once. */
export interface MessageTable {
  count: number;
  time(i: number): number | null;
  at(i: number): PlainMessage;
}

/** `into.push(...items)` without spreading: a message can name 100,000+ recipients, past the
 *  engine's argument limit. */
function append(into: number[], items: ArrayLike<number>): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}

/** Encodes messages (any order) into format v1. Dated messages are sorted first, by time. */
export function encodeDataset(input: {
  meta: DatasetFile["meta"];
  people: { address: string[]; name: string[]; org?: string[] };
  messages: PlainMessage[] | MessageTable;
  annotations?: DatasetFile["annotations"];
  layout?: DatasetFile["layout"];
}): DatasetFile {
  const list = input.messages;
  const table: MessageTable = Array.isArray(list)
    ? { count: list.length, time: (i) => list[i].time, at: (i) => list[i] }
    : list;
  const times = Float64Array.from({ length: table.count }, (_, i) => table.time(i) ?? Infinity);
  const order = Uint32Array.from({ length: table.count }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const subjects: string[] = [""];
  const subjectIndex = new Map<string, number>([["", 0]]);
  const out: DatasetFile["messages"] = {
    time: [],
    sender: [],
    toCount: [],
    to: [],
    ccCount: [],
    cc: [],
    bccCount: [],
    bcc: [],
    subject: [],
    subjects,
  };
  let prev = 0;
  let withId = false;
  const ids: (string | number)[] = [];
  for (const i of order) {
    const msg = table.at(i);
    if (msg.time !== null) {
      const s = Math.floor(msg.time / 1000);
      out.time.push(s - prev);
      prev = s;
    }
    out.sender.push(msg.sender);
    out.toCount.push(msg.to.length);
    append(out.to, msg.to);
    out.ccCount.push(msg.cc.length);
    append(out.cc, msg.cc);
    out.bccCount.push(msg.bcc.length);
    append(out.bcc, msg.bcc);
    let si = subjectIndex.get(msg.subject);
    if (si === undefined) {
      si = subjects.length;
      subjects.push(msg.subject);
      subjectIndex.set(msg.subject, si);
    }
    out.subject.push(si);
    if (msg.id !== undefined) withId = true;
    ids.push(msg.id ?? ""); // no id: no link to a source document (never another message's)
  }
  if (withId) out.id = ids;
  let people: DatasetFile["people"] = { address: input.people.address, name: input.people.name };
  if (input.people.org) {
    const orgs: string[] = [];
    const idx = new Map<string, number>();
    const org = input.people.org.map((o) => {
      if (!o) return -1;
      let k = idx.get(o);
      if (k === undefined) {
        k = orgs.length;
        orgs.push(o);
        idx.set(o, k);
      }
      return k;
    });
    people = { ...people, org, orgs };
  }
  const file: DatasetFile = { format: FORMAT_NAME, version: FORMAT_VERSION, meta: input.meta, people, messages: out };
  if (input.annotations) file.annotations = input.annotations;
  if (input.layout) file.layout = input.layout;
  return file;
}
