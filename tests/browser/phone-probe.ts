// Runs in the page for phone.test.ts: where pieces of text fall (Range.getClientRects), to tell a
// word, number or date kept on one line from one broken inside, and the boxes of a table's cells.
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}
export interface Cell extends Box {
  text: string;
  person: string | null;
  brokenWords: string[];
}
export interface Probe {
  /** Each column of a table: its key (data-sort), header box and the boxes of its cells. */
  tableCells(selector: string): { columns: { key: string; header: Box; cells: Cell[] }[] };
  /** How many lines an exact piece of an element's text takes, and the top of its first. */
  linesOfText(selector: string, text: string): { count: number; top: number };
  /** The numbers in the elements' text that are not on one line (and how many were checked). */
  brokenNumbers(selector: string): { checked: number; broken: string[] };
  /** The words in the elements' text that are not on one line. */
  brokenWords(selector: string): string[];
}
declare global {
  interface Window {
    phoneProbe?: Probe;
  }
}

/** Runs in the page: measures where pieces of text fall with Range.getClientRects. */
export function installProbe(): void {
  const rangeOf = (el: Node, start: number, end: number) => {
    const r = document.createRange();
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let pos = 0;
    while (walk.nextNode()) {
      const t = walk.currentNode as Text;
      if (start >= pos && start < pos + t.length) r.setStart(t, start - pos);
      if (end > pos && end <= pos + t.length) r.setEnd(t, end - pos);
      pos += t.length;
    }
    return r;
  };
  /** Lines a range takes: rects whose tops differ by more than a few pixels are on other lines. */
  const lines = (r: Range) => {
    const tops = [...r.getClientRects()]
      .filter((x) => x.width > 0)
      .map((x) => x.top)
      .sort((a, b) => a - b);
    let count = 0;
    let last = -Infinity;
    for (const t of tops)
      if (t > last + 4) {
        count++;
        last = t;
      }
    return { count, top: Math.round(tops[0] ?? 0) };
  };
  const scan = (el: Element, pattern: RegExp) => {
    const text = el.textContent ?? "";
    return [...text.matchAll(pattern)]
      .map((m) => ({ text: m[0], lines: lines(rangeOf(el, m.index, m.index + m[0].length)).count }))
      .filter((m) => m.lines > 0); // not rendered (display: none)
  };
  const box = (el: Element): Box => {
    const { left, right, top, bottom, width } = el.getBoundingClientRect();
    return { left, right, top, bottom, width };
  };
  const NUMBER = /\d[\d,.]*\d|\d/g;
  window.phoneProbe = {
    tableCells(selector) {
      const table = document.querySelector(selector)!;
      const rows = [...table.querySelectorAll("tbody tr")];
      return {
        columns: [...table.querySelectorAll("thead th")].map((th, i) => ({
          key: th.querySelector<HTMLElement>("[data-sort]")?.dataset.sort ?? "",
          header: box(th),
          cells: rows.map((tr) => {
            const td = tr.children[i];
            const name = td.querySelector("button[data-person]");
            return {
              ...box(td),
              text: td.textContent ?? "",
              person: name?.getAttribute("data-person") ?? null,
              brokenWords: name
                ? scan(name, /\S+/g)
                    .filter((w) => w.lines > 1)
                    .map((w) => w.text)
                : [],
            };
          }),
        })),
      };
    },
    linesOfText(selector, text) {
      const el = document.querySelector(selector)!;
      const at = (el.textContent ?? "").indexOf(text);
      return at < 0 ? { count: 0, top: 0 } : lines(rangeOf(el, at, at + text.length));
    },
    brokenNumbers(selector) {
      const found = [...document.querySelectorAll(selector)].flatMap((el) => scan(el, NUMBER));
      return { checked: found.length, broken: found.filter((n) => n.lines > 1).map((n) => n.text) };
    },
    brokenWords(selector) {
      return [...document.querySelectorAll(selector)]
        .flatMap((el) => scan(el, /\S+/g))
        .filter((w) => w.lines > 1)
        .map((w) => w.text);
    },
  };
}
