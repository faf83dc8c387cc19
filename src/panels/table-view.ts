// The table view: the people and connections the network currently shows, as sortable, paged
// tables (an alternative to the canvas for screen readers and for reading exact numbers).
// A person's name selects them.
import type { PeriodStats } from "../graph/period";
import { formatNumber } from "../timeline/format";
import type { PanelContext } from "./context";
import { h } from "./dom";
import { personName } from "./messages";

const PAGE = 50;

interface Column<R> {
  label: string;
  numeric?: boolean;
  value(row: R): string | number;
  /** A person to select from this cell. */
  person?(row: R): number;
}

interface SortableTable<R> {
  el: HTMLElement;
  set(rows: R[]): void;
}

function sortableTable<R>(caption: string, columns: Column<R>[], initial: number, onPerson: (p: number) => void): SortableTable<R> {
  let rows: R[] = [];
  let sort = { col: initial, dir: columns[initial].numeric ? -1 : 1 };
  let page = 0;
  const table = h("table", { class: "data-table" });
  const pager = h("div", { class: "pager" });
  const el = h("div", { class: "table-block" }, table, pager);
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const render = () => {
    const c = columns[sort.col];
    const sorted = [...rows].sort((a, b) => {
      const va = c.value(a);
      const vb = c.value(b);
      return sort.dir * (typeof va === "number" && typeof vb === "number" ? va - vb : collator.compare(String(va), String(vb)));
    });
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
    page = Math.min(page, pages - 1);
    const head = h("tr", {}, ...columns.map((col, i) => {
      const b = h("button", { type: "button", class: "sort" }, col.label);
      b.addEventListener("click", () => {
        sort = { col: i, dir: sort.col === i ? -sort.dir : col.numeric ? -1 : 1 };
        page = 0;
        render();
      });
      return h("th", { scope: "col", class: col.numeric ? "num" : "", "aria-sort": sort.col === i ? (sort.dir === 1 ? "ascending" : "descending") : "none" }, b);
    }));
    const body = sorted.slice(page * PAGE, (page + 1) * PAGE).map((r) =>
      h("tr", {}, ...columns.map((col) => {
        const v = col.value(r);
        const text = typeof v === "number" ? formatNumber(v) : v;
        if (!col.person) return h("td", { class: col.numeric ? "num" : "" }, text);
        const p = col.person(r);
        const b = h("button", { type: "button", class: "link", "data-person": String(p) }, text);
        b.addEventListener("click", () => onPerson(p));
        return h("td", {}, b);
      })),
    );
    table.replaceChildren(h("caption", {}, caption), h("thead", {}, head), h("tbody", {}, ...body));
    const prev = h("button", { type: "button", class: "button small", "aria-label": "Previous page" }, "‹ Previous");
    const next = h("button", { type: "button", class: "button small", "aria-label": "Next page" }, "Next ›");
    prev.toggleAttribute("disabled", page === 0);
    next.toggleAttribute("disabled", page >= pages - 1);
    prev.addEventListener("click", () => { page--; render(); });
    next.addEventListener("click", () => { page++; render(); });
    const from = sorted.length ? page * PAGE + 1 : 0;
    pager.replaceChildren(h("span", { class: "pager-status" }, `${formatNumber(from)}–${formatNumber(Math.min(sorted.length, (page + 1) * PAGE))} of ${formatNumber(sorted.length)}`), prev, next);
  };
  return { el, set: (r) => { rows = r; render(); } };
}

export interface TableView {
  show(stats: PeriodStats): void;
  dispose(): void;
}

export function mountTableView(el: HTMLElement, ctx: PanelContext): TableView {
  const { ds, edges, store } = ctx;
  const select = (p: number) => store.set({ selected: p, connection: null, chain: null, hovered: null });
  const people = sortableTable<number>("People shown", [
    { label: "Name", value: (p) => personName(ds, p), person: (p) => p },
    { label: "Address", value: (p) => ds.people.address[p] },
    { label: "Organisation", value: (p) => ds.people.org[p] },
    { label: "Community", value: (p) => ctx.communityOf(p)?.label ?? "" },
    { label: "Sent", numeric: true, value: (p) => stats?.sent[p] ?? 0 },
    { label: "Received", numeric: true, value: (p) => stats?.received[p] ?? 0 },
  ], 4, select);
  const links = sortableTable<number>("Connections shown", [
    { label: "From", value: (e) => personName(ds, edges.source[e]), person: (e) => edges.source[e] },
    { label: "To", value: (e) => personName(ds, edges.target[e]), person: (e) => edges.target[e] },
    { label: "Messages", numeric: true, value: (e) => stats?.edgeWeight[e] ?? 0 },
  ], 2, select);
  let stats: PeriodStats | null = null;
  const section = h("section", { class: "table-view", "aria-label": "People and connections shown, as tables" }, people.el, links.el);
  el.append(section);
  return {
    show(s) {
      stats = s;
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
