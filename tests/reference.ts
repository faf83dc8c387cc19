// A brute-force reference for what the network shows (docs/architecture.md, "What counts as a
// message"), written plainly over message objects, for unit and browser tests to check the app's
// indexed computation against.

export interface RefMessage {
  index: number;
  /** UTC ms; NaN when undated. */
  t: number;
  sender: number;
  to: number[];
  cc: number[];
  bcc: number[];
}

export interface RefFilters {
  hideOrgs?: string[];
  onlyOrgs?: string[];
  massLimit?: number | null;
  minConnection?: number;
  roles?: "to" | "to-cc" | "all";
  minPerson?: number;
  focus?: { person: number; steps: 1 | 2 };
}

export interface RefView {
  messages: RefMessage[];
  people: number;
  sent: (p: number) => number;
  received: (p: number) => number;
  /** Shown messages per "sender>recipient". */
  pairs: Map<string, number>;
  /** Whether message m is shown for person p (sent it, or received it on a shown line). */
  shownFor(m: RefMessage, p: number): boolean;
}

const uniq = (xs: number[]) => [...new Set(xs)];

/** Recipients that count in message m under the message-level filters (not thresholds). */
export function countedRecipients(m: RefMessage, org: string[], f: RefFilters): number[] {
  const kept = (p: number) => (f.onlyOrgs?.length ? f.onlyOrgs.includes(org[p]) : !(f.hideOrgs ?? []).includes(org[p]));
  const all = uniq([...m.to, ...m.cc, ...m.bcc]).filter((r) => r !== m.sender);
  if (f.massLimit != null && all.length > f.massLimit) return [];
  if (!kept(m.sender)) return [];
  const roles = f.roles ?? "all";
  const inRole = uniq(roles === "to" ? m.to : roles === "to-cc" ? [...m.to, ...m.cc] : [...m.to, ...m.cc, ...m.bcc]);
  return inRole.filter((r) => r !== m.sender && kept(r));
}

export function referenceView(all: RefMessage[], org: string[], start: number, end: number, f: RefFilters = {}): RefView {
  const inside = all.filter((m) => m.t >= start && m.t < end);
  const counted = new Map(inside.map((m) => [m, countedRecipients(m, org, f)]));
  let pairs = new Map<string, number>();
  for (const [m, rs] of counted) for (const r of rs) pairs.set(`${m.sender}>${r}`, (pairs.get(`${m.sender}>${r}`) ?? 0) + 1);
  pairs = new Map([...pairs].filter(([, n]) => n >= (f.minConnection ?? 1)));

  const tally = () => {
    const sent = new Map<number, number>();
    const received = new Map<number, number>();
    const shown: RefMessage[] = [];
    for (const [m, rs] of counted) {
      const drawn = rs.filter((r) => pairs.has(`${m.sender}>${r}`));
      if (!drawn.length) continue;
      shown.push(m);
      sent.set(m.sender, (sent.get(m.sender) ?? 0) + 1);
      for (const r of drawn) received.set(r, (received.get(r) ?? 0) + 1);
    }
    return { sent, received, shown };
  };
  let t = tally();
  const keepOnly = (keep: (p: number) => boolean) => {
    pairs = new Map([...pairs].filter(([k]) => k.split(">").map(Number).every(keep)));
    t = tally();
  };
  if ((f.minPerson ?? 0) > 1) {
    const { sent, received } = t;
    keepOnly((p) => (sent.get(p) ?? 0) + (received.get(p) ?? 0) >= (f.minPerson ?? 0));
  }
  if (f.focus) {
    const near = new Set([f.focus.person]);
    for (let step = 0; step < f.focus.steps; step++) {
      const add: number[] = [];
      for (const k of pairs.keys()) {
        const [a, b] = k.split(">").map(Number);
        if (near.has(a)) add.push(b);
        if (near.has(b)) add.push(a);
      }
      add.forEach((p) => near.add(p));
    }
    keepOnly((p) => near.has(p));
  }
  const people = new Set([...t.sent.keys(), ...t.received.keys()]);
  return {
    messages: t.shown,
    people: people.size,
    sent: (p) => t.sent.get(p) ?? 0,
    received: (p) => t.received.get(p) ?? 0,
    pairs,
    shownFor: (m, p) => t.shown.includes(m) && (m.sender === p || (counted.get(m) ?? []).some((r) => r === p && pairs.has(`${m.sender}>${p}`))),
  };
}
