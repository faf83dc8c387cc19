// A sortable, paged table of messages: date, from, to, subject and, when the dataset links to
// its sources, a link to each message. Only the current page is in the DOM.
import type { Dataset } from "../data/types";
import { formatDateTime, formatNumber } from "../timeline/format";
import { h } from "./dom";

export const PAGE_SIZE = 20;

type Column = "date" | "from" | "to" | "subject";
const COLUMNS: { key: Column; label: string }[] = [
  { key: "date", label: "Date" },
  { key: "from", label: "From" },
  { key: "to", label: "To" },
  { key: "subject", label: "Subject" },
];

export const personName = (ds: Dataset, p: number) => ds.people.name[p] || ds.people.address[p];

/** The message's link to its source document, only when it is http(s). */
export function sourceUrl(ds: Dataset, m: number): string | null {
  const template = ds.meta.messageUrlTemplate;
  if (!template) return null;
  const id = ds.messages.id ? ds.messages.id[m] : m + 1;
  try {
    const url = new URL(template.replace("{id}", encodeURIComponent(String(id))), location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Recipients as read: first two names, then "and N more". */
export function recipientsText(ds: Dataset, m: number): string {
  const { rcptStart, rcpt } = ds.messages;
  const seen = [...new Set(rcpt.subarray(rcptStart[m], rcptStart[m + 1]))];
  if (!seen.length) return "(no recipients)";
  const names = seen.slice(0, 2).map((p) => personName(ds, p));
  return seen.length > 2 ? `${names.join(", ")} and ${seen.length - 2} more` : names.join(", ");
}

export interface MessageTableView {
  /** Shows these messages (any order), back on the first page. */
  set(messages: ArrayLike<number>): void;
  dispose(): void;
}

export function mountMessageTable(el: HTMLElement, ds: Dataset, caption: string): MessageTableView {
  let rows: number[] = [];
  let sort: { key: Column; dir: 1 | -1 } = { key: "date", dir: 1 };
  let page = 0;
  const table = h("table", { class: "messages" });
  const pager = h("div", { class: "pager" });
  const wrap = h("div", { class: "messages-wrap" }, table, pager);
  el.append(wrap);

  const text = (m: number, key: Column): string =>
    key === "from" ? personName(ds, ds.messages.sender[m]) : key === "to" ? recipientsText(ds, m) : ds.messages.subjects[ds.messages.subject[m]];
  const sorted = () => {
    if (sort.key === "date") return sort.dir === 1 ? rows : [...rows].reverse();
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
    const keys = new Map(rows.map((m) => [m, text(m, sort.key)]));
    return [...rows].sort((a, b) => sort.dir * collator.compare(keys.get(a) ?? "", keys.get(b) ?? "") || a - b);
  };

  const render = () => {
    const list = sorted();
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const head = h("tr", {}, ...COLUMNS.map((c) => {
      const button = h("button", { type: "button", class: "sort", "data-sort": c.key }, c.label);
      button.addEventListener("click", () => {
        sort = { key: c.key, dir: sort.key === c.key ? (-sort.dir as 1 | -1) : 1 };
        page = 0;
        render();
      });
      return h("th", { scope: "col", "aria-sort": sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none" }, button);
    }));
    const body = list.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((m) => {
      const url = sourceUrl(ds, m);
      const subject = text(m, "subject") || "(no subject)";
      return h("tr", { "data-message": String(m) },
        h("td", { class: "date" }, formatDateTime(ds.messages.time[m], ds.meta.timeZone)),
        h("td", {}, text(m, "from")),
        h("td", {}, text(m, "to")),
        h("td", { class: "subject" }, url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, subject) : subject),
      );
    });
    table.replaceChildren(h("caption", { class: "visually-hidden" }, caption), h("thead", {}, head), h("tbody", {}, ...body));
    const from = list.length ? page * PAGE_SIZE + 1 : 0;
    const to = Math.min(list.length, (page + 1) * PAGE_SIZE);
    const prev = h("button", { type: "button", class: "button small", "data-page": "prev", "aria-label": "Previous page" }, "‹ Previous");
    const next = h("button", { type: "button", class: "button small", "data-page": "next", "aria-label": "Next page" }, "Next ›");
    prev.toggleAttribute("disabled", page === 0);
    next.toggleAttribute("disabled", page >= pages - 1);
    prev.addEventListener("click", () => { page--; render(); });
    next.addEventListener("click", () => { page++; render(); });
    pager.replaceChildren(h("span", { class: "pager-status" }, list.length ? `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(list.length)}` : "No messages"), prev, next);
    pager.hidden = list.length === 0;
  };

  return {
    set(messages) {
      rows = Array.from(messages).sort((a, b) => a - b);
      page = 0;
      render();
    },
    dispose() {
      wrap.remove();
    },
  };
}
