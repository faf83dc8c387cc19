// The table view: the people and connections the network currently shows, as sortable, paged
// tables (an alternative to the canvas for screen readers and for reading exact numbers).
// A person's name selects them. Drawn while the view is "table". On a narrow screen the people
// table keeps Name, Sent and Received as columns and lists address, organisation and community
// under the name (table-view.css).
import { addressLabel, displayName } from "../data/people";
import type { PeriodStats } from "../graph/period";
import type { CommunityState } from "../communities/runner";
import type { View } from "../state/coordinator";
import { communityOf, type PanelContext } from "../ui/panel-context";
import { h } from "../ui/dom";
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

export function mountTableView(el: HTMLElement, ctx: PanelContext): View {
  const { ds, edges, actions } = ctx;
  let stats: PeriodStats | null = null;
  let communities: CommunityState | null = null;
  const name = (p: number) => displayName(ds.people, p);
  /** A column of people whose names select them. */
  const personColumn = <R>(key: string, label: string, person: (row: R) => number): Column<R> => ({
    key,
    label,
    value: (r) => name(person(r)),
    cell: (r) => {
      const p = person(r);
      const b = h("button", { type: "button", class: "link", "data-person": String(p) }, name(p));
      b.addEventListener("click", () => actions.selectPerson(p));
      return b;
    },
  });
  const people = sortableTable<number>({
    caption: "People shown",
    pageSize: PAGE,
    sortBy: "sent",
    sortDir: -1,
    columns: [
      personColumn("name", "Name", (p) => p),
      {
        key: "address",
        label: "Address",
        lowPriority: true,
        value: (p) => addressLabel(ds.people, p),
        cell: (p) => breakableAddress(addressLabel(ds.people, p)),
      },
      { key: "org", label: "Organisation", lowPriority: true, value: (p) => ds.people.org[p] },
      {
        key: "community",
        label: "Community",
        lowPriority: true,
        value: (p) => (communities ? (communityOf(communities, p)?.label ?? "") : ""),
      },
      { key: "sent", label: "Sent", numeric: true, value: (p) => stats?.sent[p] ?? 0 },
      { key: "received", label: "Received", numeric: true, value: (p) => stats?.received[p] ?? 0 },
    ],
  });
  const links = sortableTable<number>({
    caption: "Connections shown",
    pageSize: PAGE,
    sortBy: "messages",
    sortDir: -1,
    columns: [
      personColumn("from", "From", (e) => edges.source[e]),
      personColumn("to", "To", (e) => edges.target[e]),
      { key: "messages", label: "Messages", numeric: true, value: (e) => stats?.edgeWeight[e] ?? 0 },
    ],
  });
  const section = h(
    "section",
    { class: "table-view", "aria-label": "People and connections shown, as tables" },
    people.el,
    links.el,
  );
  el.append(section);
  return {
    update({ state, derived }, prev) {
      el.hidden = state.view !== "table";
      if (state.view !== "table") return;
      const ask = state.keyboardFocus;
      // The skip link asked for the table: keyboard focus goes on into it (its first control).
      if (prev && ask !== prev.state.keyboardFocus && ask?.to === "table")
        queueMicrotask(() => section.querySelector<HTMLElement>("button")?.focus());
      if (
        prev &&
        prev.state.view === "table" &&
        prev.derived.stats === derived.stats &&
        prev.derived.communities.result === derived.communities.result
      )
        return;
      const s = derived.stats;
      stats = s;
      communities = derived.communities;
      const shownPeople: number[] = [];
      for (let p = 0; p < ds.people.count; p++) if (s.sent[p] + s.received[p] > 0) shownPeople.push(p);
      const shownLinks: number[] = [];
      for (let e = 0; e < edges.count; e++) if (s.edgeWeight[e] > 0) shownLinks.push(e);
      people.set(shownPeople);
      links.set(shownLinks);
    },
    dispose() {
      section.remove();
    },
  };
}
