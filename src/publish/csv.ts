// The CSV exports (pure): the people and connections shown (the table view's columns and values,
// in its default order), and the messages of the open person or connection (as their panels list
// them). RFC 4180 quoting, CRLF line ends, and spreadsheet formulas defused: a text cell starting
// with = + - @ (or a tab or carriage return) gets a leading apostrophe.
import type { CommunityState } from "../communities/runner";
import { addressLabel, displayName } from "../data/people";
import type { Dataset } from "../data/types";
import { formatDateTime } from "../ui/format";
import type { Adjacency } from "../graph/adjacency";
import type { Connection } from "../graph/connection";
import type { EdgeIndex } from "../graph/edges";
import type { PeriodStats } from "../graph/period";
import { personMessages } from "../graph/person";
import { communityOf } from "../ui/panel-context";
import { sourceUrl } from "../data/source-url";

export type Cell = string | number;

/** One cell: numbers as they are; text defused, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: Cell): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The people shown (a message sent or received in the view), most sent first, as the table lists them. */
export function shownPeople(stats: PeriodStats): number[] {
  const out: number[] = [];
  for (let p = 0; p < stats.sent.length; p++) if (stats.sent[p] + stats.received[p] > 0) out.push(p);
  return out.sort((a, b) => stats.sent[b] - stats.sent[a]);
}

/** The connections shown (messages in the view), most messages first. */
export function shownConnections(stats: PeriodStats): number[] {
  const out: number[] = [];
  for (let e = 0; e < stats.edgeWeight.length; e++) if (stats.edgeWeight[e] > 0) out.push(e);
  return out.sort((a, b) => stats.edgeWeight[b] - stats.edgeWeight[a]);
}

export const PEOPLE_COLUMNS = ["Name", "Address", "Organisation", "Community", "Sent", "Received"];
export const CONNECTION_COLUMNS = ["From", "To", "Messages", "From address", "To address"];

export function peopleCsv(ds: Dataset, stats: PeriodStats, communities: CommunityState): string {
  return toCsv(
    PEOPLE_COLUMNS,
    shownPeople(stats).map((p) => [
      displayName(ds.people, p),
      addressLabel(ds.people, p),
      ds.people.org[p],
      communityOf(communities, p)?.label ?? "",
      stats.sent[p],
      stats.received[p],
    ]),
  );
}

export function connectionsCsv(ds: Dataset, edges: EdgeIndex, stats: PeriodStats): string {
  return toCsv(
    CONNECTION_COLUMNS,
    shownConnections(stats).map((e) => {
      const [s, t] = [edges.source[e], edges.target[e]];
      const { address } = ds.people;
      return [displayName(ds.people, s), displayName(ds.people, t), stats.edgeWeight[e], address[s], address[t]];
    }),
  );
}

/** Names of message m's recipients in one role (0 To, 1 Cc, 2 Bcc), each once, "; " between. */
function recipients(ds: Dataset, m: number, role: number): string {
  const { rcptStart, rcpt, rcptRole } = ds.messages;
  const names = new Set<string>();
  for (let j = rcptStart[m]; j < rcptStart[m + 1]; j++)
    if (rcptRole[j] === role) names.add(displayName(ds.people, rcpt[j]));
  return [...names].join("; ");
}

const ROLE_LABELS = { to: "To", cc: "Cc", bcc: "Bcc" } as const;
const MESSAGE_COLUMNS = ["Date", "Date (UTC)", "From", "From address", "To", "Cc", "Bcc", "Subject", "ID", "Link"];

function messageCells(ds: Dataset, m: number): Cell[] {
  const t = ds.messages.time[m];
  const s = ds.messages.sender[m];
  return [
    formatDateTime(t, ds.meta.timeZone),
    Number.isNaN(t) ? "" : new Date(t).toISOString(),
    displayName(ds.people, s),
    ds.people.address[s],
    recipients(ds, m, 0),
    recipients(ds, m, 1),
    recipients(ds, m, 2),
    ds.messages.subjects[ds.messages.subject[m]] ?? "",
    ds.messages.id ? ds.messages.id[m] : m + 1,
    sourceUrl(ds, m) ?? "",
  ];
}

/** The person's shown messages in the period, in time order (the person panel's list). */
export function personMessagesCsv(
  ds: Dataset,
  edges: EdgeIndex,
  adj: Adjacency,
  stats: PeriodStats,
  p: number,
): string {
  return toCsv(
    MESSAGE_COLUMNS,
    personMessages(ds, edges, adj, stats, p).map((m) => messageCells(ds, m)),
  );
}

/** The messages of a connection (both ways, in the period), with the direction and the role: the
 *  connection panel's list. */
export function connectionMessagesCsv(ds: Dataset, conn: Connection): string {
  const [na, nb] = [displayName(ds.people, conn.a), displayName(ds.people, conn.b)];
  const rows = [...conn.messages]
    .sort((x, y) => x.message - y.message)
    .map((c) => [
      c.direction === 0 ? `${na} → ${nb}` : `${nb} → ${na}`,
      ROLE_LABELS[c.role],
      ...messageCells(ds, c.message),
    ]);
  return toCsv(["Direction", "Role", ...MESSAGE_COLUMNS], rows);
}
