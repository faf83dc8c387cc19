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

export function referenceView(
  all: RefMessage[],
  org: string[],
  start: number,
  end: number,
  f: RefFilters = {},
): RefView {
  const inside = all.filter((m) => m.t >= start && m.t < end);
  const counted = new Map(inside.map((m) => [m, countedRecipients(m, org, f)]));
  let pairs = new Map<string, number>();
  for (const [m, rs] of counted)
    for (const r of rs) pairs.set(`${m.sender}>${r}`, (pairs.get(`${m.sender}>${r}`) ?? 0) + 1);
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
    shownFor: (m, p) =>
      t.shown.includes(m) &&
      (m.sender === p || (counted.get(m) ?? []).some((r) => r === p && pairs.has(`${m.sender}>${p}`))),
  };
}

/** Messages both ways per unordered pair "a-b" (a < b), from a view's pairs. */
export function undirected(pairs: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of pairs) {
    const [a, b] = k.split(">").map(Number);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

/** Least total 1 / (messages both ways) over chains from a to b (plain O(V²) Dijkstra); Infinity if none. */
export function strongestCost(pairs: Map<string, number>, a: number, b: number): number {
  const links = new Map<number, Map<number, number>>();
  for (const [k, n] of undirected(pairs)) {
    const [x, y] = k.split("-").map(Number);
    if (!links.has(x)) links.set(x, new Map());
    if (!links.has(y)) links.set(y, new Map());
    links.get(x)!.set(y, n);
    links.get(y)!.set(x, n);
  }
  const dist = new Map<number, number>([[a, 0]]);
  const done = new Set<number>();
  for (;;) {
    let q = -1;
    for (const [p, d] of dist) if (!done.has(p) && (q < 0 || d < dist.get(q)!)) q = p;
    if (q < 0) return Infinity;
    if (q === b) return dist.get(q)!;
    done.add(q);
    for (const [o, n] of links.get(q) ?? []) {
      const d = dist.get(q)! + 1 / n;
      if (d < (dist.get(o) ?? Infinity)) dist.set(o, d);
    }
  }
}

/** Fewest links between a and b over the pairs (breadth first); Infinity if none. */
export function hops(pairs: Map<string, number>, a: number, b: number): number {
  const next = new Map<number, number[]>();
  for (const k of pairs.keys()) {
    const [x, y] = k.split(">").map(Number);
    next.set(x, [...(next.get(x) ?? []), y]);
    next.set(y, [...(next.get(y) ?? []), x]);
  }
  const seen = new Map([[a, 0]]);
  const queue = [a];
  while (queue.length) {
    const q = queue.shift()!;
    if (q === b) return seen.get(q)!;
    for (const o of next.get(q) ?? []) if (!seen.has(o)) seen.set(o, seen.get(q)! + 1), queue.push(o);
  }
  return Infinity;
}
