// The URL codec's pieces (pure): escaping values, reading a hash into fields, notes, numbers, days,
// and the person lookup (address or, for people known only by a name, their name), cached per dataset.
import type { Dataset } from "../data/types";

/** Only this much of a hash is read. */
export const MAX_HASH = 8000;
/** Longer values are ignored. */
export const MAX_VALUE = 500;
/** Notes quote at most this many characters of a value. */
const QUOTED = 40;
/** Flag names, written as f.<name>. */
export const FLAG_NAME = /^[a-z0-9-]+$/;

type People = Dataset["people"];

/** A setting as written: the raw (escaped) value, for splitting lists, and its unescaped text. */
export interface Field {
  raw: string;
  text: string;
}

/** Lone surrogates cannot be written in a URL: they become U+FFFD (and are looked up that way). */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Escapes every separator ('&', '=', ',', '#', '%', '+', spaces, quotes, non-ASCII); '@' and ':' stay readable. */
export function escapeValue(s: string): string {
  return encodeURIComponent(wellFormed(s)).replace(/%40/g, "@").replace(/%3A/g, ":");
}

/** The text of an escaped value, or null when an escape is broken (`%zz`, a cut UTF-8 sequence). */
export function unescapeValue(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** A value as a note quotes it: in double quotes, cut after 40 characters. */
export function quote(s: string): string {
  const chars = Array.from(s.length > 4 * QUOTED ? s.slice(0, 4 * QUOTED) : s);
  return `"${chars.length > QUOTED ? `${chars.slice(0, QUOTED).join("")}…` : s}"`;
}

/** Splits a hash into settings: the first of each name wins; unknown, repeated, broken and
 *  overlong ones are noted and left out. Never throws. */
export function readFields(hash: string, isKnown: (key: string) => boolean, note: (s: string) => void) {
  let body = hash.startsWith("#") ? hash.slice(1) : hash;
  if (body.length > MAX_HASH) {
    note(`the link is longer than ${MAX_HASH.toLocaleString("en-US")} characters: only its start was read`);
    body = body.slice(0, MAX_HASH);
  }
  const fields = new Map<string, Field>();
  const seen = new Set<string>();
  for (const segment of body.split("&")) {
    if (!segment) continue;
    const eq = segment.indexOf("=");
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const raw = eq < 0 ? "" : segment.slice(eq + 1);
    const key = (unescapeValue(rawKey) ?? rawKey).toLowerCase();
    if (!key) {
      note(`a setting with no name (${quote(segment)})`);
      continue;
    }
    if (!isKnown(key)) {
      note(`unknown setting ${quote(key)}`);
      continue;
    }
    if (seen.has(key)) {
      note(`repeated setting ${quote(key)} (the first is used)`);
      continue;
    }
    seen.add(key);
    const text = unescapeValue(raw);
    if (text === null) note(`${key} ${quote(raw)} (a broken %-escape)`);
    else if (text.length > MAX_VALUE) note(`${key} ${quote(text)} (longer than ${MAX_VALUE} characters)`);
    else fields.set(key, { raw, text });
  }
  return fields;
}

/** The parts of a comma-separated value, each unescaped (a comma inside a part is escaped). */
export function splitList(f: Field): string[] {
  return f.raw.split(",").map((part) => unescapeValue(part) ?? part);
}

/** Why a value cannot be used (kept apart from string values). */
export interface Why {
  why: string;
}
export const why = (reason: string): Why => ({ why: reason });
export function isWhy(v: unknown): v is Why {
  return typeof v === "object" && v !== null && "why" in v;
}

/** A whole number from min to max, or why it is not. */
export function wholeNumber(text: string, min: number, max: number): number | Why {
  if (!/^[+-]?\d{1,12}$/.test(text)) return why("not a whole number");
  const n = Number(text);
  return n >= min && n <= max ? n : why(`must be ${min} to ${max.toLocaleString("en-US")}`);
}

/** A plain decimal number (no hex, no Infinity), or NaN. */
export function decimal(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}

/** A calendar day written YYYY-MM-DD that exists, or null. */
export function parseDay(text: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? { y, m, d } : null;
}

interface Lookup {
  /** Lower-cased address → person. */
  address: Map<string, number>;
  /** Name → person, for people without an address; and lower-cased, for names typed by hand. */
  name: Map<string, number>;
  nameLower: Map<string, number>;
  orgs: Set<string>;
}

const lookups = new WeakMap<People, Lookup>();

function lookupFor(people: People): Lookup {
  let l = lookups.get(people);
  if (l) return l;
  l = { address: new Map(), name: new Map(), nameLower: new Map(), orgs: new Set(people.org) };
  for (let p = 0; p < people.count; p++) {
    const address = people.address[p];
    const put = (m: Map<string, number>, k: string) => void (m.has(k) || m.set(k, p));
    if (address) put(l.address, wellFormed(address.toLowerCase()));
    else if (people.name[p]) {
      put(l.name, wellFormed(people.name[p]));
      put(l.nameLower, wellFormed(people.name[p].toLowerCase()));
    }
  }
  lookups.set(people, l);
  return l;
}

/** The person a link names (address, any case; else the name of someone without an address), or null. */
export function findPerson(people: People, text: string): number | null {
  const l = lookupFor(people);
  const lower = text.toLowerCase();
  return l.address.get(lower) ?? l.name.get(text) ?? l.nameLower.get(lower) ?? null;
}

/** How a link names person p (their address, else their name), or null for no such person. */
export function personRef(people: People, p: number): string | null {
  if (!Number.isInteger(p) || p < 0 || p >= people.count) return null;
  return people.address[p] || people.name[p] || null;
}

export function isOrg(people: People, org: string): boolean {
  return lookupFor(people).orgs.has(org);
}
