// Filters (pure): what a reporter can leave out of the network, and the per-person masks they imply.
import type { Dataset } from "../data/types";

/** Which recipient roles make a connection: To only, To and Cc, or every role (Bcc too). */
export type RoleFilter = "to" | "to-cc" | "all";

export interface Filters {
  /** Organisation/domain labels to exclude, or, in "include" mode, the only ones kept. */
  orgs: string[];
  orgMode: "exclude" | "include";
  /** Messages with more than this many recipients are left out; null keeps every message. */
  massMailing: number | null;
  /** Connections with fewer messages than this in the period are hidden. */
  minConnection: number;
  roles: RoleFilter;
  /** People with fewer messages than this in the period (sent + received, counted before this
   *  filter) are hidden, with their connections. */
  minPersonMessages: number;
}

/** A mass mailing is a message to more than this many people, unless the reporter says otherwise. */
export const DEFAULT_MASS_LIMIT = 20;

export const DEFAULT_FILTERS: Filters = {
  orgs: [],
  orgMode: "exclude",
  massMailing: null,
  minConnection: 1,
  roles: "all",
  minPersonMessages: 0,
};

/** Bits of EdgeIndex.msgEdgeRoles a role filter accepts. */
export function roleMask(roles: RoleFilter): number {
  return roles === "to" ? 0b001 : roles === "to-cc" ? 0b011 : 0b111;
}

/** How many filters differ from the defaults (for the "3 filters on" badge). */
export function activeCount(f: Filters): number {
  return (
    (f.orgs.length ? 1 : 0) +
    (f.massMailing !== null ? 1 : 0) +
    (f.minConnection > 1 ? 1 : 0) +
    (f.roles !== "all" ? 1 : 0) +
    (f.minPersonMessages > 1 ? 1 : 0)
  );
}

/** Organisations/domains with their number of people, largest first. */
export function listOrgs(ds: Dataset): { org: string; people: number }[] {
  const count = new Map<string, number>();
  for (const o of ds.people.org) count.set(o, (count.get(o) ?? 0) + 1);
  return [...count]
    .map(([org, people]) => ({ org, people }))
    .sort((a, b) => b.people - a.people || a.org.localeCompare(b.org));
}

/** 1 for each person the organisation filter keeps. */
export function allowedPeople(ds: Dataset, f: Filters): Uint8Array {
  const out = new Uint8Array(ds.people.count);
  const set = new Set(f.orgs);
  const keep = f.orgMode === "include" && set.size ? (o: string) => set.has(o) : (o: string) => !set.has(o);
  for (let i = 0; i < out.length; i++) out[i] = keep(ds.people.org[i]) ? 1 : 0;
  return out;
}
