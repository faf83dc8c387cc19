// The bundled sample dataset as the browser tests read it: the raw file, its messages and
// organisations, and the people the tests pick from it, all computed here from the raw columns.
import { resolve } from "node:path";
import { messagesOf, orgsOf, readRaw } from "./truth";
import { hops, referenceView, type RefView } from "../reference";

export const SAMPLE = resolve(import.meta.dirname, "../../data/sample.json");
export const raw = readRaw(SAMPLE);
export const msgs = messagesOf(raw);
export const org = orgsOf(raw);
export const TITLE = raw.meta?.title ?? "";

/** A person as the app names them: the name, or the address when there is none. */
export const name = (p: number) => raw.people.name[p] || raw.people.address[p];

/** The whole corpus without filters, by the reference count. */
export const whole = referenceView(msgs, org, -Infinity, Infinity);

/** Messages each person sent and received in a view. */
export const activityIn = (view: RefView = whole) => raw.people.address.map((_, p) => view.sent(p) + view.received(p));

/** Everyone by messages sent and received in a view, most first (ties by index). */
export function ranked(view: RefView = whole): number[] {
  const activity = activityIn(view);
  return [...activity.keys()].sort((a, b) => activity[b] - activity[a] || a - b);
}

/** The busiest person of the whole corpus. */
export const busiest = ranked()[0];

/** The first person (by index) with mail who is three or more links from the busiest. */
export function farFromBusiest(): number {
  const activity = activityIn();
  return activity.findIndex((n, p) => n > 0 && hops(whole.pairs, busiest, p) >= 3);
}

/** The sample's time zone, and the months as the app abbreviates them. */
export const TZ = raw.meta?.timeZone ?? "America/New_York";
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
