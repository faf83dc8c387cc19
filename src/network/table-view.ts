// The table view: the people and connections the network currently shows, as sortable, paged
// tables (an alternative to the canvas for screen readers and for reading exact numbers).
// A person's name selects them. Drawn while the view is "table". On a narrow screen the people
// table keeps Name, Sent and Received as columns and lists address, organisation and community
// under the name (table-view.css).
import { addressLabel, displayName } from "../data/people";
import type { PeriodStats } from "../graph/period";
import type { CommunityState } from "../communities/runner";
import { changed, type Reads, type View } from "../state/coordinator";
import { communityOf, type PanelContext } from "../ui/panel-context";
import { button, h } from "../ui/dom";
import { sortableTable, type Column } from "../ui/sortable-table";
import "./table-view.css";

const PAGE = 50;

/** An address that may wrap after its "@" and before its dots (never elsewhere inside it). */
function breakableAddress(address: string): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const piece of address.split(/(?<=@)|(?=\.)/)) {
    if (out.childNodes.length) out.append(document.createElement("wbr"));
    out.append(piece);
  }
  return out;
}

/** A person the network shows, with the numbers the table sorts by. */
interface PersonRow {
  p: number;
  sent: number;
  received: number;
  community: string;
}
/** A connection the network shows. */
interface LinkRow {
  e: number;
  messages: number;
}

/** The people and connections with messages in the period, under the filters. */
function shownRows(
  ctx: Pick<PanelContext, "ds" | "edges">,
  stats: PeriodStats,
  communities: CommunityState,
): { people: PersonRow[]; links: LinkRow[] } {
  const people: PersonRow[] = [];
  for (let p = 0; p < ctx.ds.people.count; p++) {
    const [sent, received] = [stats.sent[p], stats.received[p]];
    if (sent + received > 0) people.push({ p, sent, received, community: communityOf(communities, p)?.label ?? "" });
  }
  const links: LinkRow[] = [];
  for (let e = 0; e < ctx.edges.count; e++)
    if (stats.edgeWeight[e] > 0) links.push({ e, messages: stats.edgeWeight[e] });
  return { people, links };
}

/** The two tables: people, and connections, each name a button that selects the person. */
function tables(ctx: PanelContext) {
  const { ds, edges, actions } = ctx;
  const name = (p: number) => displayName(ds.people, p);
  const personColumn = <R>(key: string, label: string, person: (row: R) => number): Column<R> => ({
    key,
    label,
    value: (r) => name(person(r)),
    cell: (r) => {
      const p = person(r);
      const b = button({ class: "link", "data-person": String(p) }, name(p));
      b.addEventListener("click", () => actions.selectPerson(p));
      return b;
    },
  });
  const people = sortableTable<PersonRow>({
    caption: "People shown",
    pageSize: PAGE,
    sortBy: "sent",
    sortDir: -1,
    columns: [
      personColumn("name", "Name", (r) => r.p),
      {
        key: "address",
        label: "Address",
        lowPriority: true,
        value: (r) => addressLabel(ds.people, r.p),
        cell: (r) => breakableAddress(addressLabel(ds.people, r.p)),
      },
      { key: "org", label: "Organisation", lowPriority: true, value: (r) => ds.people.org[r.p] },
      { key: "community", label: "Community", lowPriority: true, value: (r) => r.community },
      { key: "sent", label: "Sent", numeric: true, value: (r) => r.sent },
      { key: "received", label: "Received", numeric: true, value: (r) => r.received },
    ],
  });
  const links = sortableTable<LinkRow>({
    caption: "Connections shown",
    pageSize: PAGE,
    sortBy: "messages",
    sortDir: -1,
    columns: [
      personColumn("from", "From", (r) => edges.source[r.e]),
      personColumn("to", "To", (r) => edges.target[r.e]),
      { key: "messages", label: "Messages", numeric: true, value: (r) => r.messages },
    ],
  });
  return { people, links };
}

export function mountTableView(el: HTMLElement, ctx: PanelContext): View {
  const { people, links } = tables(ctx);
  const section = h(
    "section",
    { class: "table-view", "aria-label": "People and connections shown, as tables" },
    people.el,
    links.el,
  );
  el.append(section);
  const reads: Reads = (f) => [f.state.view, f.derived.stats, f.derived.communities.result];
  return {
    update(frame, prev) {
      const { state, derived } = frame;
      el.hidden = state.view !== "table";
      if (state.view !== "table") return;
      const ask = state.keyboardFocus;
      // The skip link asked for the table: keyboard focus goes on into it (its first control).
      if (prev && ask !== prev.state.keyboardFocus && ask?.to === "table")
        queueMicrotask(() => section.querySelector<HTMLElement>("button")?.focus());
      if (!changed(reads, frame, prev)) return;
      const rows = shownRows(ctx, derived.stats, derived.communities);
      people.set(rows.people);
      links.set(rows.links);
    },
    dispose() {
      section.remove();
    },
  };
}
