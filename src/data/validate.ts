// Runtime validation of a parsed dataset file. Throws a DatasetError naming the field and record.
import { DatasetError } from "./errors";
import { FORMAT_NAME, FORMAT_VERSION, type DatasetFile } from "./types";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return `${typeof v} ${typeof v === "object" ? "" : String(v)}`.trim();
}

/** Message times and annotation dates must fall in 1970-01-01 … 2100-01-01 (UTC seconds, inclusive). */
export const MIN_TIME_S = 0;
export const MAX_TIME_S = 4_102_444_800;
/** Layout positions are stored as Float32: larger magnitudes overflow to Infinity. */
export const MAX_COORD = 3.4e38;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "31 Dec 33658" for UTC ms `t`, or words when t is past the dates JavaScript can hold. */
function utcDay(t: number): string {
  const d = new Date(t);
  if (Number.isNaN(d.getTime()))
    return t < 0 ? "a date before any JavaScript can show" : "a date past any JavaScript can show";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Whether this runtime's Intl knows the zone, by any of its names (Europe/Kyiv, Etc/UTC, GMT); it
 *  throws RangeError otherwise. */
export function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
}

class Checker {
  constructor(private readonly source: string) {}

  fail(field: string, problem: string): never {
    throw new DatasetError(field, problem, this.source);
  }

  obj(v: unknown, field: string): Obj {
    if (!isObj(v)) this.fail(field, `expected an object, found ${describe(v)}`);
    return v;
  }

  str(v: unknown, field: string): string {
    if (typeof v !== "string") this.fail(field, `expected text, found ${describe(v)}`);
    return v;
  }

  optStr(v: unknown, field: string): void {
    if (v !== undefined) this.str(v, field);
  }

  strings(v: unknown, field: string, length?: number): string[] {
    if (!Array.isArray(v)) this.fail(field, `expected an array of text, found ${describe(v)}`);
    if (length !== undefined && v.length !== length) this.fail(field, `has ${v.length} entries, expected ${length}`);
    for (let i = 0; i < v.length; i++)
      if (typeof v[i] !== "string") this.fail(`${field}[${i}]`, `expected text, found ${describe(v[i])}`);
    return v as string[];
  }

  /** An array of integers in [min, max]. */
  ints(v: unknown, field: string, min: number, max: number, length?: number, what = ""): number[] {
    if (!Array.isArray(v)) this.fail(field, `expected an array of integers, found ${describe(v)}`);
    if (length !== undefined && v.length !== length)
      this.fail(field, `has ${v.length} entries, expected ${length} (one per message)`);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x !== "number" || !Number.isInteger(x))
        this.fail(`${field}[${i}]`, `expected an integer, found ${describe(x)}`);
      if (x < min || x > max)
        this.fail(`${field}[${i}]`, `${x} is out of range${what ? ` (${what})` : ` [${min}, ${max}]`}`);
    }
    return v as number[];
  }
}

/** Checks `value` against format v1; returns it typed, or throws DatasetError (on the first
 *  problem, in the order of the format: header, meta, people, messages, annotations, layout). */
export function validateDataset(value: unknown, source = "dataset"): DatasetFile {
  const c: Checker = new Checker(source);
  const root = c.obj(value, "(root)");
  if (root.format !== FORMAT_NAME)
    c.fail("format", `expected "${FORMAT_NAME}", found ${describe(root.format)}: is this a Switchboard dataset?`);
  if (root.version !== FORMAT_VERSION)
    c.fail("version", `version ${describe(root.version)} is not supported (this app reads version ${FORMAT_VERSION})`);
  checkMeta(c, root.meta);
  const people = checkPeople(c, root.people);
  checkMessages(c, root.messages, people);
  if (root.annotations !== undefined) checkAnnotations(c, root.annotations);
  if (root.layout !== undefined) checkLayout(c, root.layout, people);
  return root as unknown as DatasetFile;
}

function checkMeta(c: Checker, value: unknown): void {
  const meta = c.obj(value, "meta");
  c.str(meta.title, "meta.title");
  if (typeof meta.synthetic !== "boolean")
    c.fail("meta.synthetic", `expected true or false, found ${describe(meta.synthetic)}`);
  const timeZone = c.str(meta.timeZone, "meta.timeZone");
  if (!knownTimeZone(timeZone))
    c.fail(
      "meta.timeZone",
      `${JSON.stringify(timeZone)} is not a time zone this browser knows (use an IANA name such as "America/New_York")`,
    );
  for (const k of ["description", "source", "sourceUrl", "licence", "messageUrlTemplate"])
    c.optStr(meta[k], `meta.${k}`);
}

/** Checks the people; returns how many there are. */
function checkPeople(c: Checker, value: unknown): number {
  const people = c.obj(value, "people");
  const address = c.strings(people.address, "people.address");
  const p = address.length;
  const name = c.strings(people.name, "people.name", p);
  // A person known only by a name (printed mail, FOIA spreadsheets) has no address.
  address.forEach((a, i) => {
    if (a.trim() === "" && name[i].trim() === "")
      c.fail(`people.address[${i}]`, "is empty, and so is people.name: a person needs one");
  });
  if (people.org !== undefined || people.orgs !== undefined) {
    const orgs = c.strings(people.orgs, "people.orgs");
    c.ints(
      people.org,
      "people.org",
      -1,
      orgs.length - 1,
      p,
      `no organisation ${"with that index"}; people.orgs has ${orgs.length}`,
    );
  }
  return p;
}

/** Checks the messages of a dataset of `p` people. */
function checkMessages(c: Checker, value: unknown, p: number): void {
  const m = c.obj(value, "messages");
  const sender = c.ints(m.sender, "messages.sender", 0, p - 1, undefined, `dataset has ${p} people`);
  const n = sender.length;
  checkTimes(c, m.time, n);
  for (const role of ["to", "cc", "bcc"] as const) {
    const counts = c.ints(m[`${role}Count`], `messages.${role}Count`, 0, p, n);
    const ids = c.ints(m[role], `messages.${role}`, 0, p - 1, undefined, `dataset has ${p} people`);
    let total = 0;
    for (const k of counts) total += k;
    if (total !== ids.length)
      c.fail(`messages.${role}`, `has ${ids.length} entries but messages.${role}Count adds up to ${total}`);
  }
  const subjects = c.strings(m.subjects, "messages.subjects");
  c.ints(
    m.subject,
    "messages.subject",
    0,
    Math.max(0, subjects.length - 1),
    n,
    `messages.subjects has ${subjects.length}`,
  );
  if (m.id !== undefined) {
    const ids: unknown = m.id;
    if (!Array.isArray(ids) || ids.length !== n)
      c.fail("messages.id", `expected an array with one id per message (${n})`);
    ids.forEach((x: unknown, i: number) => {
      if (typeof x !== "string" && typeof x !== "number")
        c.fail(`messages.id[${i}]`, `expected text or a number, found ${describe(x)}`);
    });
  }
}

/** The times of `n` messages. One pass: every entry an integer, every delta not negative, and the
 *  running absolute time (the first entry, plus each delta) inside the years the app can draw. */
function checkTimes(c: Checker, time: unknown, n: number): void {
  if (!Array.isArray(time)) c.fail("messages.time", `expected an array of integers, found ${describe(time)}`);
  if (time.length > n) c.fail("messages.time", `has ${time.length} entries but there are only ${n} messages`);
  let at = 0;
  for (let i = 0; i < time.length; i++) {
    const d: unknown = time[i];
    if (typeof d !== "number" || !Number.isInteger(d))
      c.fail(`messages.time[${i}]`, `expected an integer, found ${describe(d)}`);
    if (i > 0 && d < 0) c.fail(`messages.time[${i}]`, `negative delta ${d}: times must be in ascending order`);
    at += d;
    if (at < MIN_TIME_S || at > MAX_TIME_S)
      c.fail(
        `messages.time[${i}]`,
        `puts message ${i} at ${utcDay(at * 1000)} (seconds ${at}): times must fall between 1970 and 2100`,
      );
  }
}

function checkAnnotations(c: Checker, annotations: unknown): void {
  if (!Array.isArray(annotations)) c.fail("annotations", `expected an array, found ${describe(annotations)}`);
  annotations.forEach((a: unknown, i: number) => {
    const o = c.obj(a, `annotations[${i}]`);
    const d = c.str(o.date, `annotations[${i}].date`);
    const t = Date.parse(d);
    if (Number.isNaN(t)) c.fail(`annotations[${i}].date`, `"${d}" is not an ISO 8601 date`);
    if (t < MIN_TIME_S * 1000 || t > MAX_TIME_S * 1000)
      c.fail(`annotations[${i}].date`, `"${d}" is ${utcDay(t)}: annotation dates must fall between 1970 and 2100`);
    c.str(o.label, `annotations[${i}].label`);
  });
}

/** Positions of `p` people: finite numbers a Float32 holds. */
function checkLayout(c: Checker, value: unknown, p: number): void {
  const l = c.obj(value, "layout");
  for (const axis of ["x", "y"] as const) {
    const arr: unknown = l[axis];
    if (!Array.isArray(arr) || arr.length !== p) c.fail(`layout.${axis}`, `expected one number per person (${p})`);
    arr.forEach((x: unknown, i: number) => {
      if (typeof x !== "number" || !Number.isFinite(x))
        c.fail(`layout.${axis}[${i}]`, `expected a number, found ${describe(x)}`);
      if (Math.abs(x) > MAX_COORD)
        c.fail(
          `layout.${axis}[${i}]`,
          `${x} is too large: positions are stored as 32-bit floats, so they must lie between -3.4e38 and 3.4e38`,
        );
    });
  }
}
