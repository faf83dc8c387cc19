// The fictional corpus model: people in departments and outside organisations, hubs, mass
// mailings, Cc, and a timeline that peaks in April–May 2016. Seeded: same scale, same corpus.
import type { PlainMessage } from "../../src/data/decode";
import { seededRng, type Rng } from "../../src/graph/random";
import { DEPARTMENTS, FIRST, INTERNAL_DOMAIN, INTERNAL_SHARE, LAST, MASS_SUBJECTS, OUTSIDE } from "./vocabulary";

export interface Scale {
  people: number;
  messages: number;
  seed: number;
}

export interface Person {
  address: string;
  name: string;
  org: string;
  group: number;
  activity: number;
}

const START = Date.UTC(2013, 8, 1);
const PEAK = Date.UTC(2016, 3, 1);
const END = Date.UTC(2016, 4, 26);

/** Weighted sampler over a list of weights (cumulative sums + binary search). */
function sampler(weights: number[], rng: Rng): () => number {
  const cum = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => (cum[i] = s += w));
  return () => {
    const r = rng() * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

export function makePeople(scale: Scale, rng: Rng): { people: Person[]; groups: string[]; groupDept: number[] } {
  const groups = [...DEPARTMENTS.map((d) => d.name), ...OUTSIDE.map((o) => o.org)];
  const deptIndex = (name: string) => DEPARTMENTS.findIndex((d) => d.name === name);
  const groupDept = [...DEPARTMENTS.map((_, i) => i), ...OUTSIDE.map((o) => deptIndex(o.dept))];
  const shares = [
    ...DEPARTMENTS.map((d) => d.share * INTERNAL_SHARE),
    ...OUTSIDE.map((o) => (o.share * (1 - INTERNAL_SHARE)) / 0.66),
  ];
  const pickGroup = sampler(shares, rng);
  const used = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < scale.people; i++) {
    // Every group gets at least one person; the rest are drawn by share.
    const group = i < groups.length ? i : pickGroup();
    const first = FIRST[Math.floor(rng() * FIRST.length)];
    const last = LAST[Math.floor(rng() * LAST.length)];
    const internal = group < DEPARTMENTS.length;
    const domain = internal ? INTERNAL_DOMAIN : OUTSIDE[group - DEPARTMENTS.length].domain;
    const base = internal || rng() < 0.5 ? `${slug(first)[0]}${slug(last)}` : `${slug(first)}.${slug(last)}`;
    let local = base;
    for (let k = 2; used.has(`${local}@${domain}`); k++) local = `${base}${k}`;
    used.add(`${local}@${domain}`);
    // Pareto activity: a few hubs write most of the mail. Department heads (first of each group) are hubs.
    const activity = (i < groups.length ? 40 : 1) * Math.pow(1 - rng(), -1 / 1.2);
    people.push({
      address: `${local}@${domain}`,
      name: `${first} ${last}`,
      org: internal ? `FPNC ${groups[group]}` : groups[group],
      group,
      activity: Math.min(activity, 400),
    });
  }
  return { people, groups, groupDept };
}

function messageTime(rng: Rng): number {
  const peak = rng() < 0.78;
  for (;;) {
    const t = peak ? PEAK + rng() * (END - PEAK) : START + Math.pow(rng(), 0.6) * (PEAK - START);
    const d = new Date(t - 4 * 3600e3); // Eastern time, roughly
    const day = d.getUTCDay();
    const hour = d.getUTCHours();
    const weekend = day === 0 || day === 6;
    const night = hour < 7 || hour > 21;
    if (rng() < (weekend ? 0.25 : 1) * (night ? 0.15 : 1)) return Math.floor(t / 1000) * 1000;
  }
}

export function makeMessages(scale: Scale, people: Person[], groupDept: number[], rng: Rng): PlainMessage[] {
  const groupCount = groupDept.length;
  const byGroup: number[][] = Array.from({ length: groupCount }, () => []);
  people.forEach((p, i) => byGroup[p.group].push(i));
  const pickIn = byGroup.map((list) => {
    const s = sampler(
      list.map((i) => people[i].activity),
      rng,
    );
    return () => list[s()];
  });
  const internal = people.map((p, i) => (p.address.endsWith(INTERNAL_DOMAIN) ? i : -1)).filter((i) => i >= 0);
  const pickSender = sampler(
    people.map((p) => p.activity * (p.address.endsWith(INTERNAL_DOMAIN) ? 2.5 : 1)),
    rng,
  );
  const pickAny = sampler(
    people.map((p) => p.activity),
    rng,
  );
  const pickGroup = (from: number): number => {
    const r = rng();
    const dept = groupDept[from];
    if (r < 0.62) return from;
    if (r < 0.85) {
      // The linked department, or an outside group linked to this department.
      const linked = groupDept.map((d, g) => (d === dept && g !== from ? g : -1)).filter((g) => g >= 0);
      return linked.length ? linked[Math.floor(rng() * linked.length)] : dept;
    }
    return -1;
  };
  const messages: PlainMessage[] = [];
  for (let m = 0; m < scale.messages; m++) {
    const sender = pickSender();
    const g = people[sender].group;
    const time = messageTime(rng);
    if (rng() < 0.012 && people[sender].address.endsWith(INTERNAL_DOMAIN)) {
      const k = 50 + Math.floor(rng() * Math.min(250, internal.length - 50));
      const to = new Set<number>();
      while (to.size < Math.min(k, internal.length - 1)) {
        const r = internal[Math.floor(rng() * internal.length)];
        if (r !== sender) to.add(r);
      }
      const subject = MASS_SUBJECTS[Math.floor(rng() * MASS_SUBJECTS.length)];
      messages.push({
        time,
        sender,
        to: [],
        cc: [],
        bcc: [...to],
        subject:
          subject === "Daily press clips" ? `${subject} – ${new Date(time).toISOString().slice(0, 10)}` : subject,
      });
      continue;
    }
    const pick = () => {
      const tg = pickGroup(g);
      return tg < 0 ? pickAny() : pickIn[tg]();
    };
    const taken = new Set<number>([sender]);
    const draw = (k: number) => {
      const out: number[] = [];
      for (let tries = 0; out.length < k && tries < k * 6; tries++) {
        const r = pick();
        if (!taken.has(r)) {
          taken.add(r);
          out.push(r);
        }
      }
      return out;
    };
    const to = draw(rng() < 0.7 ? 1 : 1 + Math.floor(rng() * 4));
    if (to.length === 0) to.push(pickAny() === sender ? (sender + 1) % people.length : pickAny());
    const cc = rng() < 0.3 ? draw(1 + Math.floor(rng() * 3)) : [];
    const dept = DEPARTMENTS[groupDept[g]];
    const topic = dept.topics[Math.floor(rng() * dept.topics.length)];
    const r = rng();
    const subject = (r < 0.4 ? "Re: " : r < 0.5 ? "FW: " : "") + topic.charAt(0).toUpperCase() + topic.slice(1);
    messages.push({ time, sender, to, cc, bcc: [], subject });
  }
  return messages;
}

export function makeCorpus(scale: Scale) {
  const rng = seededRng(scale.seed);
  const { people, groupDept } = makePeople(scale, rng);
  const messages = makeMessages(scale, people, groupDept, rng);
  return { people, messages, start: START, end: END };
}
