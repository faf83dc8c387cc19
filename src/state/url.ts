// The view state as a URL hash and back (pure, no DOM), readable and compact:
//   from=2016-04-01&to=2016-05-25&person=jane@dnc.org&chain=bob@dnc.org&mass=20
// People are named by address (by name when they have none); periods by local days in the corpus's
// zone, `to` inclusive; settings equal to the defaults are left out. Decoding never throws: what a
// link gets wrong is left at its default and named in `ignored`.
import type { Dataset } from "../data/types";
import type { Filters } from "../graph/filters";
import type { Period } from "../graph/period";
import { localDay, startOfLocalDay } from "../time/zone";
import { initialView, VIEW_VERSION, type Camera, type Pair, type ViewState } from "./view-state";
import {
  decimal,
  escapeValue,
  FLAG_NAME,
  findPerson,
  isOrg,
  isWhy,
  parseDay,
  personRef,
  quote,
  readFields,
  splitList,
  why,
  wholeNumber,
  type Field,
  type Why,
} from "./url-fields";

export interface LinkContext {
  people: Dataset["people"];
  /** IANA zone of the corpus; periods are written as its local days. */
  timeZone: string;
  /** Whole span of dated messages (start inclusive, end exclusive, UTC ms). */
  full: Period;
}

const KEYS = new Set([
  "v",
  "from",
  "to",
  "person",
  "conn",
  "chain",
  "focus",
  "steps",
  "community",
  "mass",
  "minconn",
  "minperson",
  "roles",
  "orgs",
  "orgmode",
  "res",
  "view",
  "cam",
]);
const isKnown = (key: string) => KEYS.has(key) || (key.startsWith("f.") && FLAG_NAME.test(key.slice(2)));
const LIMIT = 1e9;
const ROLES: readonly Filters["roles"][] = ["to", "to-cc", "all"];

/** The view as a URL hash body (no leading '#'); values equal to the defaults are left out. */
export function encodeView(s: ViewState, ctx: LinkContext): string {
  const out: string[] = [];
  const put = (key: string, value: string | null) => void (value !== null && out.push(`${key}=${value}`));
  const ref = (p: number | null) => {
    const r = p === null ? null : personRef(ctx.people, p);
    return r === null ? null : escapeValue(r);
  };
  /** A pair starting at the selected person is written as its other end only. */
  const pair = (p: Pair | null) => {
    const b = p && ref(p.b);
    if (!p || b === null) return null;
    const a = ref(p.a);
    return p.a === s.selected ? b : a === null ? null : `${a},${b}`;
  };
  const { period, filters: f, camera } = s;
  if (period.start !== ctx.full.start) put("from", localDay(period.start, ctx.timeZone));
  if (period.end !== ctx.full.end) put("to", localDay(period.end - 1, ctx.timeZone));
  put("person", ref(s.selected));
  put("conn", pair(s.connection));
  put("chain", pair(s.chain));
  if (s.focus && ref(s.focus.person) !== null) {
    put("focus", ref(s.focus.person));
    if (s.focus.steps === 2) put("steps", "2");
  }
  put("community", ref(s.community));
  if (f.massMailing !== null) put("mass", String(f.massMailing));
  if (f.minConnection !== 1) put("minconn", String(f.minConnection));
  if (f.minPersonMessages !== 0) put("minperson", String(f.minPersonMessages));
  if (f.roles !== "all") put("roles", f.roles);
  const orgs = f.orgs.filter((o) => o !== "");
  if (orgs.length) put("orgs", orgs.map(escapeValue).join(","));
  if (f.orgMode === "include") put("orgmode", "include");
  if (s.resolution !== 1) put("res", String(Math.round(s.resolution * 10) / 10));
  if (s.view === "table") put("view", "table");
  if (camera && [camera.x, camera.y, camera.ratio].every(Number.isFinite)) {
    const fixed = (v: number) => String(Number(v.toFixed(6)));
    put("cam", `${fixed(camera.x)},${fixed(camera.y)},${String(Number(camera.ratio.toPrecision(6)))}`);
  }
  for (const name of Object.keys(s.flags)
    .filter((k) => FLAG_NAME.test(k))
    .sort()) {
    const value = s.flags[name];
    if (typeof value === "string") put(`f.${name}`, escapeValue(value));
  }
  return out.join("&");
}

/** A hash (with or without '#') back to a whole view; what cannot be used is left at its default and
 *  named in `ignored` (short sentences). `data` is copied into the view. */
export function decodeView(
  hash: string,
  ctx: LinkContext,
  data: string | null,
): { view: ViewState; ignored: string[] } {
  const ignored: string[] = [];
  const note = (s: string) => void ignored.push(s);
  const fields = readFields(typeof hash === "string" ? hash : "", isKnown, note);
  const field = (key: string) => fields.get(key);
  /** The value, or undefined with a note when check gives a reason instead. */
  const read = <T>(key: string, check: (text: string) => T | Why): T | undefined => {
    const f = field(key);
    if (!f) return undefined;
    const v = check(f.text);
    if (isWhy(v)) return void note(`${key} ${quote(f.text)} (${v.why})`);
    return v;
  };
  const person = (text: string) => (text ? (findPerson(ctx.people, text) ?? why("not in this dataset")) : why("empty"));

  const view = initialView(ctx.full, data);
  const v = field("v");
  if (v && v.text !== String(VIEW_VERSION)) {
    note(`v ${quote(v.text)} (not a version this app knows; read as version ${VIEW_VERSION})`);
  }
  view.period = readPeriod(field("from"), field("to"), ctx, note);
  view.selected = read("person", person) ?? null;
  view.connection = readPair("conn", field("conn"), view.selected, ctx, note);
  view.chain = readPair("chain", field("chain"), view.selected, ctx, note);
  const focus = read("focus", person);
  const steps = read("steps", (t) => (t === "1" ? 1 : t === "2" ? 2 : why("must be 1 or 2")));
  if (focus !== undefined) view.focus = { person: focus, steps: steps ?? 1 };
  else if (steps !== undefined && !field("focus")) note(`steps ${quote(String(steps))} (no focus person)`);
  view.community = read("community", person) ?? null;

  const filters: Filters = { ...view.filters, orgs: [] };
  filters.massMailing = read("mass", (t) => wholeNumber(t, 1, LIMIT)) ?? null;
  filters.minConnection = read("minconn", (t) => wholeNumber(t, 1, LIMIT)) ?? filters.minConnection;
  filters.minPersonMessages = read("minperson", (t) => wholeNumber(t, 0, LIMIT)) ?? filters.minPersonMessages;
  const roles = (t: string) => ROLES.find((r) => r === t) ?? why("must be to, to-cc or all");
  filters.roles = read("roles", roles) ?? filters.roles;
  const orgMode = (t: string) => (t === "include" || t === "exclude" ? t : why("must be include or exclude"));
  filters.orgMode = read("orgmode", orgMode) ?? filters.orgMode;
  const orgs = field("orgs");
  for (const org of orgs ? splitList(orgs) : []) {
    if (!org || filters.orgs.includes(org)) continue;
    if (isOrg(ctx.people, org)) filters.orgs.push(org);
    else note(`orgs ${quote(org)} (not in this dataset)`);
  }
  view.filters = filters;

  view.resolution = read("res", readResolution) ?? view.resolution;
  const mode = (t: string) => (t === "table" || t === "network" ? t : why("must be network or table"));
  view.view = read("view", mode) ?? view.view;
  view.camera = read("cam", readCamera) ?? null;
  view.flags = flagsOf(fields);
  return { view, ignored };
}

function flagsOf(fields: Map<string, Field>): Record<string, string> {
  const flags: Record<string, string> = Object.create(null);
  for (const [key, f] of fields) if (key.startsWith("f.")) flags[key.slice(2)] = f.text;
  return flags;
}

/** Only the presentation flags (f.embed, f.present, f.theme…) of a hash, read as decodeView reads
 *  them: what the page needs before the dataset that the rest of the link refers to has loaded. */
export function decodeFlags(hash: string): Record<string, string> {
  return flagsOf(readFields(hash, isKnown, () => {}));
}

type Note = (s: string) => void;

/** from/to as local days, clamped to the data; a bad bound defaults to the data's edge. */
function readPeriod(from: Field | undefined, to: Field | undefined, ctx: LinkContext, note: Note): Period {
  const { full, timeZone } = ctx;
  const day = (key: string, f: Field | undefined) => {
    const d = f ? parseDay(f.text) : null;
    if (f && !d) note(`${key} ${quote(f.text)} (not a day: write YYYY-MM-DD)`);
    return d;
  };
  const a = day("from", from);
  const b = day("to", to);
  if (a && b && from!.text > to!.text) {
    note(`from ${quote(from!.text)} (after to ${quote(to!.text)})`);
    return full;
  }
  const start = Math.max(full.start, a ? startOfLocalDay(a.y, a.m, a.d, timeZone) : full.start);
  const end = Math.min(full.end, b ? startOfLocalDay(b.y, b.m, b.d + 1, timeZone) : full.end);
  if (end > start) return { start, end };
  // Empty: both bounds given lie on the same side of the data.
  if (a) note(`from ${quote(from!.text)} (outside the data)`);
  if (b) note(`to ${quote(to!.text)} (outside the data)`);
  return full;
}

/** Two people, or one: the other end of a pair starting at the selected person. */
function readPair(key: string, f: Field | undefined, selected: number | null, ctx: LinkContext, note: Note) {
  if (!f) return null;
  const fail = (reason: string): Pair | null => {
    note(`${key} ${quote(f.text)} (${reason})`);
    return null;
  };
  const parts = splitList(f);
  if (parts.length > 2 || parts.some((p) => !p)) return fail("not one or two people, separated by a comma");
  const found = parts.map((p) => findPerson(ctx.people, p));
  const unknown = parts.filter((_, i) => found[i] === null);
  if (unknown.length) return fail(`${unknown.map(quote).join(" and ")} not in this dataset`);
  const [a, b] = found.length === 2 ? found : [selected, found[0]];
  if (a === null || b === null) return fail("one person, but no person= to start from");
  if (a === b) return fail("the same person twice");
  return { a, b };
}

function readResolution(text: string): number | Why {
  const r = /^\d(\.\d)?$/.test(text) ? Number(text) : NaN;
  return r >= 0.2 && r <= 3 ? r : why("must be 0.2 to 3, one decimal");
}

function readCamera(text: string): Camera | Why {
  const n = text.split(",").map(decimal);
  if (n.length !== 3 || !n.every(Number.isFinite)) return why("must be three numbers x,y,ratio");
  const [x, y, ratio] = n;
  if (Math.abs(x) > 100 || Math.abs(y) > 100) return why("x and y must be -100 to 100");
  return ratio >= 0.05 && ratio <= 4 ? { x, y, ratio } : why("ratio must be 0.05 to 4");
}
