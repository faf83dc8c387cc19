// A sortable, paged table: a header button per column (aria-sort), one page of rows in the DOM,
// and a pager. Shared by the message lists and the table view.
import { formatNumber } from "./format";
import { button, h } from "./dom";

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

interface Sort {
  col: number;
  /** 1 ascending, -1 descending. */
  dir: number;
}

/** The rows in the column's order (numbers numerically, text by locale), each value read once. */
function sortRows<R>(rows: R[], column: Column<R>, dir: number): R[] {
  const keys = new Map(rows.map((r) => [r, column.value(r)]));
  const compare = (a: R, b: R) => {
    const va = keys.get(a) as string | number;
    const vb = keys.get(b) as string | number;
    return typeof va === "number" && typeof vb === "number" ? va - vb : collator.compare(String(va), String(vb));
  };
  return [...rows].sort((a, b) => dir * compare(a, b));
}

const classes = <R>(col: Column<R>, ...more: string[]) =>
  [col.numeric ? "num" : "", col.lowPriority ? "low" : "", ...more].filter(Boolean).join(" ");

/** The header row: a sort button per column, the sorted one marked with aria-sort. */
function headerRow<R>(columns: Column<R>[], sort: Sort, onSort: (col: number) => void): HTMLElement {
  const ariaSort = (i: number) => (sort.col === i ? (sort.dir === 1 ? "ascending" : "descending") : "none");
  const cells = columns.map((col, i) => {
    const b = button({ class: "sort", "data-sort": col.key }, col.label);
    b.addEventListener("click", () => onSort(i));
    return h("th", { scope: "col", class: classes(col), "aria-sort": ariaSort(i) }, b);
  });
  return h("tr", {}, ...cells);
}

/** A row of cells; a low-priority cell carries its column's label for the narrow layout. */
function bodyRow<R>(opts: TableOptions<R>, r: R): HTMLElement {
  const cells = opts.columns.map((col) => {
    const v = col.value(r);
    const content = col.cell ? col.cell(r) : typeof v === "number" ? formatNumber(v) : v;
    const label = col.lowPriority ? col.label : undefined;
    return h("td", { class: classes(col, col.className ?? ""), "data-label": label }, content);
  });
  return h("tr", opts.rowAttrs?.(r) ?? {}, ...cells);
}

/** "1–50 of 120" with Previous and Next. */
function pagerParts(page: number, pageSize: number, total: number, go: (page: number) => void): HTMLElement[] {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const prev = button({ class: "button small", "data-page": "prev", "aria-label": "Previous page" }, "‹ Previous");
  const next = button({ class: "button small", "data-page": "next", "aria-label": "Next page" }, "Next ›");
  prev.toggleAttribute("disabled", page === 0);
  next.toggleAttribute("disabled", page >= pages - 1);
  prev.addEventListener("click", () => go(page - 1));
  next.addEventListener("click", () => go(page + 1));
  const [from, to] = [page * pageSize + 1, Math.min(total, (page + 1) * pageSize)];
  const status = `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`;
  return [h("span", { class: "pager-status" }, status), prev, next];
}

export function sortableTable<R>(opts: TableOptions<R>): SortableTable<R> {
  const { columns, pageSize } = opts;
  let rows: R[] = [];
  let sort: Sort = {
    col: Math.max(
      0,
      columns.findIndex((c) => c.key === opts.sortBy),
    ),
    dir: opts.sortDir,
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
  const pager = h("div", { class: "pager" });
  const el = h("div", { class: "table-block" }, table, pager);

  const onSort = (i: number) => {
    sort = { col: i, dir: sort.col === i ? -sort.dir : columns[i].numeric ? -1 : 1 };
    page = 0;
    render();
  };
  const go = (p: number) => {
    page = p;
    render();
  };
  const render = () => {
    const sorted = sortRows(rows, columns[sort.col], sort.dir);
    page = Math.min(page, Math.max(1, Math.ceil(sorted.length / pageSize)) - 1);
    const body = sorted.slice(page * pageSize, (page + 1) * pageSize).map((r) => bodyRow(opts, r));
    table.replaceChildren(
      h("caption", { class: opts.quietCaption ? "visually-hidden" : "" }, opts.caption),
      h("thead", {}, headerRow(columns, sort, onSort)),
      h("tbody", {}, ...body),
    );
    pager.replaceChildren(...pagerParts(page, pageSize, sorted.length, go));
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
