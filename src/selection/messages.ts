// A message list: date, from, to and subject (linked to the source document when the dataset
// has a template), sortable and paged.
import type { Dataset } from "../data/types";
import { displayName } from "../data/people";
import { formatDateTime } from "../ui/format";
import { h } from "../ui/dom";
import { sortableTable } from "../ui/sortable-table";
import { sourceUrl } from "../data/source-url";

const PAGE_SIZE = 20;

/** Recipients as read: first two names, then "and N more". */
export function recipientsText(ds: Dataset, m: number): string {
  const { rcptStart, rcpt } = ds.messages;
  const seen = [...new Set(rcpt.subarray(rcptStart[m], rcptStart[m + 1]))];
  if (!seen.length) return "(no recipients)";
  const names = seen.slice(0, 2).map((p) => displayName(ds.people, p));
  return seen.length > 2 ? `${names.join(", ")} and ${seen.length - 2} more` : names.join(", ");
}

export interface MessageTableView {
  /** Shows these messages (any order), in time order, back on the first page. */
  set(messages: ArrayLike<number>): void;
  dispose(): void;
}

export function mountMessageTable(el: HTMLElement, ds: Dataset, caption: string): MessageTableView {
  const subject = (m: number) => ds.messages.subjects[ds.messages.subject[m]] || "(no subject)";
  const table = sortableTable<number>({
    caption,
    quietCaption: true,
    pageSize: PAGE_SIZE,
    sortBy: "date",
    sortDir: 1,
    rowAttrs: (m) => ({ "data-message": String(m) }),
    columns: [
      // Dated messages come first, in time order, so the index sorts by date.
      {
        key: "date",
        label: "Date",
        value: (m) => m,
        cell: (m) => formatDateTime(ds.messages.time[m], ds.meta.timeZone),
        className: "date",
      },
      { key: "from", label: "From", value: (m) => displayName(ds.people, ds.messages.sender[m]) },
      { key: "to", label: "To", value: (m) => recipientsText(ds, m) },
      {
        key: "subject",
        label: "Subject",
        className: "subject",
        value: subject,
        cell: (m) => {
          const url = sourceUrl(ds, m);
          return url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, subject(m)) : subject(m);
        },
      },
    ],
  });
  table.el.classList.add("messages");
  el.append(table.el);
  return {
    set: (messages) => table.set(Array.from(messages).sort((a, b) => a - b)),
    dispose: () => table.el.remove(),
  };
}
