// A sortable, paged table: a header button per column (aria-sort), one page of rows in the DOM,
// and a pager. Shared by the message lists and the table view.
import { formatNumber } from "./format";
import { h } from "./dom";

export interface Column<R> {
  /** Names the column's sort button (data-sort). */
  key: string;
  label: string;
  /** Right-aligned, shown as a formatted number, sorted most first on the first click. */
  numeric?: boolean;
  /** What the column sorts by (numbers numerically, text by locale, accents and case ignored). */
  value(row: R): string | number;
  /** The cell's content, when it is not the value itself. */
  cell?(row: R): Node | string;
  className?: string;
  /** Low priority: when the table is narrow (a phone) the column has no header of its own and its
   *  cells move under the first column's, labelled (see table-view.css). */
  lowPriority?: boolean;
}

export interface TableOptions<R> {
  caption: string;
  /** Caption for screen readers only. */
  quietCaption?: boolean;
  columns: Column<R>[];
  pageSize: number;
  sortBy: string;
  /** 1 ascending, -1 descending. */
  sortDir: 1 | -1;
  rowAttrs?(row: R): Record<string, string>;
}

export interface SortableTable<R> {
  el: HTMLElement;
  /** Shows these rows, back on the first page. */
  set(rows: R[]): void;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function sortableTable<R>(opts: TableOptions<R>): SortableTable<R> {
  const { columns, pageSize } = opts;
  let rows: R[] = [];
  let sort = {
    col: Math.max(
      0,
      columns.findIndex((c) => c.key === opts.sortBy),
    ),
    dir: opts.sortDir as number,
  };
  let page = 0;
  const low = columns.filter((c) => c.lowPriority).length;
  // With low-priority columns, the narrow layout needs to know how many columns follow the first.
  const table = h(
    "table",
    low
      ? { class: "data-table has-low", style: `--other-columns: ${columns.length - low - 1}` }
      : { class: "data-table" },
  );
  const classes = (col: Column<R>, ...more: string[]) =>
    [col.numeric ? "num" : "", col.lowPriority ? "low" : "", ...more].filter(Boolean).join(" ");
  const pager = h("div", { class: "pager" });
  const el = h("div", { class: "table-block" }, table, pager);

  const render = () => {
    const c = columns[sort.col];
    const keys = new Map(rows.map((r) => [r, c.value(r)]));
    const compare = (a: R, b: R) => {
      const va = keys.get(a) as string | number;
      const vb = keys.get(b) as string | number;
      return typeof va === "number" && typeof vb === "number" ? va - vb : collator.compare(String(va), String(vb));
    };
    const sorted = [...rows].sort((a, b) => sort.dir * compare(a, b));
    const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
    page = Math.min(page, pages - 1);
    const head = h(
      "tr",
      {},
      ...columns.map((col, i) => {
        const b = h("button", { type: "button", class: "sort", "data-sort": col.key }, col.label);
        b.addEventListener("click", () => {
          sort = { col: i, dir: sort.col === i ? -sort.dir : col.numeric ? -1 : 1 };
          page = 0;
          render();
        });
        return h(
          "th",
          {
            scope: "col",
            class: classes(col),
            "aria-sort": sort.col === i ? (sort.dir === 1 ? "ascending" : "descending") : "none",
          },
          b,
        );
      }),
    );
    const body = sorted.slice(page * pageSize, (page + 1) * pageSize).map((r) =>
      h(
        "tr",
        opts.rowAttrs?.(r) ?? {},
        ...columns.map((col) => {
          const v = col.value(r);
          const content = col.cell ? col.cell(r) : typeof v === "number" ? formatNumber(v) : v;
          const label = col.lowPriority ? col.label : undefined;
          return h("td", { class: classes(col, col.className ?? ""), "data-label": label }, content);
        }),
      ),
    );
    table.replaceChildren(
      h("caption", { class: opts.quietCaption ? "visually-hidden" : "" }, opts.caption),
      h("thead", {}, head),
      h("tbody", {}, ...body),
    );

    const prev = h(
      "button",
      { type: "button", class: "button small", "data-page": "prev", "aria-label": "Previous page" },
      "‹ Previous",
    );
    const next = h(
      "button",
      { type: "button", class: "button small", "data-page": "next", "aria-label": "Next page" },
      "Next ›",
    );
    prev.toggleAttribute("disabled", page === 0);
    next.toggleAttribute("disabled", page >= pages - 1);
    prev.addEventListener("click", () => {
      page--;
      render();
    });
    next.addEventListener("click", () => {
      page++;
      render();
    });
    const from = page * pageSize + 1;
    const to = Math.min(sorted.length, (page + 1) * pageSize);
    pager.replaceChildren(
      h(
        "span",
        { class: "pager-status" },
        `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(sorted.length)}`,
      ),
      prev,
      next,
    );
    pager.hidden = sorted.length === 0;
  };
  return {
    el,
    set(r) {
      rows = r;
      page = 0;
      render();
    },
  };
}
