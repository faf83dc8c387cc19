// Expected values computed straight from a dataset file's raw columns, without the app's decoder.
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";

export interface RawFile {
  people: { address: string[]; name: string[] };
  messages: { time: number[]; sender: number[]; toCount: number[]; to: number[]; ccCount: number[]; cc: number[]; bccCount: number[]; bcc: number[] };
}

export interface Message { t: number; sender: number; rcpt: number[] }

export function readRaw(path: string): RawFile {
  return JSON.parse(readFileSync(path, "utf8")) as RawFile;
}

export function messagesOf(f: RawFile): Message[] {
  const m = f.messages;
  const out: Message[] = [];
  const cur = { to: 0, cc: 0, bcc: 0 };
  let t = 0;
  for (let i = 0; i < m.sender.length; i++) {
    if (i < m.time.length) t += m.time[i];
    const rcpt: number[] = [];
    for (const role of ["to", "cc", "bcc"] as const) for (let k = 0; k < m[`${role}Count`][i]; k++) rcpt.push(m[role][cur[role]++]);
    out.push({ t: i < m.time.length ? t * 1000 : NaN, sender: m.sender[i], rcpt });
  }
  return out;
}

export function countIn(msgs: Message[], start: number, end: number) {
  const inside = msgs.filter((m) => m.t >= start && m.t < end);
  const people = new Set<number>();
  for (const m of inside) {
    people.add(m.sender);
    m.rcpt.forEach((r) => people.add(r));
  }
  return { messages: inside.length, people: people.size, inside };
}

export function sentReceived(inside: Message[], p: number) {
  return {
    sent: inside.filter((m) => m.sender === p).length,
    received: inside.filter((m) => m.sender !== p && m.rcpt.includes(p)).length,
  };
}

export const fmt = (n: number) => n.toLocaleString("en-GB");

/** Pixels of a PNG screenshot. */
export function pixels(png: Buffer): { width: number; height: number; at(x: number, y: number): [number, number, number] } {
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
