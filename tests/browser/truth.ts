// Expected values computed straight from a dataset file's raw columns, without the app's decoder.
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import type { RefMessage } from "../reference";

export interface RawFile {
  meta?: { timeZone: string; title?: string };
  people: { address: string[]; name: string[]; org?: number[]; orgs?: string[] };
  messages: {
    time: number[];
    sender: number[];
    toCount: number[];
    to: number[];
    ccCount: number[];
    cc: number[];
    bccCount: number[];
    bcc: number[];
    subject?: number[];
    subjects?: string[];
  };
}

export type Message = RefMessage;

export function readRaw(path: string): RawFile {
  return JSON.parse(readFileSync(path, "utf8")) as RawFile;
}

/** Messages in file order (dated first, by time), with their recipients by role. */
export function messagesOf(f: RawFile): Message[] {
  const m = f.messages;
  const out: Message[] = [];
  const cur = { to: 0, cc: 0, bcc: 0 };
  let t = 0;
  for (let i = 0; i < m.sender.length; i++) {
    if (i < m.time.length) t += m.time[i];
    const take = (role: "to" | "cc" | "bcc") =>
      Array.from({ length: m[`${role}Count`][i] }, () => m[role][cur[role]++]);
    out.push({
      index: i,
      t: i < m.time.length ? t * 1000 : NaN,
      sender: m.sender[i],
      to: take("to"),
      cc: take("cc"),
      bcc: take("bcc"),
    });
  }
  return out;
}

/** Organisation (or e-mail domain) per person, as the file gives it. */
export function orgsOf(f: RawFile): string[] {
  return f.people.address.map((a, i) => {
    const k = f.people.org?.[i] ?? -1;
    return k >= 0 && f.people.orgs ? f.people.orgs[k] : a.slice(a.lastIndexOf("@") + 1).toLowerCase();
  });
}

/** The recipients other than the sender: a message without any draws no line and is not shown. */
export const others = (m: Message) => [...new Set([...m.to, ...m.cc, ...m.bcc])].filter((r) => r !== m.sender);

/** Shown messages and people in [start, end) without filters. */
export function countIn(msgs: Message[], start: number, end: number) {
  const inside = msgs.filter((m) => m.t >= start && m.t < end && others(m).length > 0);
  const people = new Set<number>();
  for (const m of inside) {
    people.add(m.sender);
    others(m).forEach((r) => people.add(r));
  }
  return { messages: inside.length, people: people.size, inside };
}

/** Every person's sent and received counts over these messages, in one pass (same rule as
 *  sentReceived: a message counts once per person it reached). */
export function everyoneSentReceived(inside: Message[], people: number): { sent: number; received: number }[] {
  const out = Array.from({ length: people }, () => ({ sent: 0, received: 0 }));
  for (const m of inside) {
    out[m.sender].sent++;
    for (const r of others(m)) out[r].received++;
  }
  return out;
}

export function sentReceived(inside: Message[], p: number) {
  return {
    sent: inside.filter((m) => m.sender === p).length,
    received: inside.filter((m) => others(m).includes(p)).length,
  };
}

export const fmt = (n: number) => n.toLocaleString("en-GB");

/** The end of the period summary for what a view shows: "· 1,234 messages · 56 people". */
export const shownTail = (messages: number, people: number) => `· ${fmt(messages)} messages · ${fmt(people)} people`;

/** Pixels of a PNG screenshot. */
export function pixels(png: Buffer): {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
} {
  const img = PNG.sync.read(png);
  return {
    width: img.width,
    height: img.height,
    at: (x, y) => {
      const i = (img.width * y + x) * 4;
      return [img.data[i], img.data[i + 1], img.data[i + 2]];
    },
  };
}

/** Share of pixels that are not (near) white, and how many of the given colours appear (within tolerance). */
export function inkStats(png: Buffer, colours: string[]) {
  const img = pixels(png);
  const rgb = colours.map((c) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)));
  const seen = new Array(colours.length).fill(0);
  let ink = 0;
  let dimmed = 0;
  for (let y = 0; y < img.height; y += 2)
    for (let x = 0; x < img.width; x += 2) {
      const [r, g, b] = img.at(x, y);
      if (r < 245 || g < 245 || b < 245) ink++;
      if (Math.abs(r - 0xe3) < 4 && Math.abs(g - 0xe3) < 4 && Math.abs(b - 0xe3) < 4) dimmed++;
      rgb.forEach(([cr, cg, cb], k) => {
        if (Math.abs(r - cr) < 10 && Math.abs(g - cg) < 10 && Math.abs(b - cb) < 10) seen[k]++;
      });
    }
  const total = Math.ceil(img.height / 2) * Math.ceil(img.width / 2);
  return { ink: ink / total, dimmed: dimmed / total, coloursSeen: seen.filter((n) => n > 20).length };
}

/** The person panel's "Sent"/"Received" text: "3 in period · 12 in all" (all: dated or not). */
export function panelCounts(msgs: Message[], period: { start: number; end: number }, p: number) {
  const inPeriod = sentReceived(countIn(msgs, period.start, period.end).inside, p);
  const all = sentReceived(
    msgs.filter((m) => others(m).length > 0),
    p,
  );
  return {
    sentText: `${fmt(inPeriod.sent)} in period · ${fmt(all.sent)} in all`,
    receivedText: `${fmt(inPeriod.received)} in period · ${fmt(all.received)} in all`,
    ...inPeriod,
  };
}

/** Share of pixels that differ (by more than `tolerance` in a channel) between two screenshots of
 *  the same size; 1 when the sizes differ. */
export function pixelDifference(a: Buffer, b: Buffer, tolerance = 24): number {
  const pa = pixels(a);
  const pb = pixels(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differ = 0;
  for (let y = 0; y < pa.height; y++)
    for (let x = 0; x < pa.width; x++) {
      const [r1, g1, b1] = pa.at(x, y);
      const [r2, g2, b2] = pb.at(x, y);
      if (Math.abs(r1 - r2) > tolerance || Math.abs(g1 - g2) > tolerance || Math.abs(b1 - b2) > tolerance) differ++;
    }
  return differ / (pa.width * pa.height);
}
