// Find a person by name or address as you type (MiniSearch: prefix and typo-tolerant, accents and
// case ignored). `/` focuses the box from anywhere; arrows move through the results; Enter or a
// click picks one; Escape clears.
import MiniSearch from "minisearch";
import type { Dataset } from "../data/types";
import { foldText } from "../data/text";
import { h } from "./dom";

const LIMIT = 8;

export function mountSearch(el: HTMLElement, ds: Dataset, onPick: (person: number) => void): () => void {
  const index = new MiniSearch<{ id: number; name: string; address: string }>({
    fields: ["name", "address"],
    tokenize: (text) => text.split(/[\s@._\-,'’]+/).filter(Boolean),
    processTerm: (term) => foldText(term),
    searchOptions: { prefix: true, fuzzy: 0.25, boost: { name: 2 }, combineWith: "AND" },
  });
  index.addAll(Array.from({ length: ds.people.count }, (_, id) => ({ id, name: ds.people.name[id], address: ds.people.address[id] })));

  const input = h("input", { type: "search", class: "search-input", placeholder: "Find a person (press /)", "aria-label": "Find a person by name or address", role: "combobox", "aria-expanded": "false", "aria-controls": "search-results", "aria-autocomplete": "list", autocomplete: "off", spellcheck: "false" });
  const list = h("ul", { class: "search-results", id: "search-results", role: "listbox", "aria-label": "People found", hidden: "" });
  const box = h("div", { class: "search" }, input, list);
  el.append(box);

  let results: number[] = [];
  let active = -1;
  const render = () => {
    list.replaceChildren(
      ...results.map((p, i) =>
        h("li", { role: "option", id: `search-option-${i}`, class: "search-option", "aria-selected": String(i === active), "data-person": String(p) },
          h("span", { class: "search-name" }, ds.people.name[p] || ds.people.address[p]),
          h("span", { class: "search-address" }, ds.people.address[p]),
        ),
      ),
    );
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(results.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const clear = () => {
    results = [];
    active = -1;
    render();
  };
  const pick = (i: number) => {
    const p = results[i];
    if (p === undefined) return;
    input.value = ds.people.name[p] || ds.people.address[p];
    clear();
    onPick(p);
  };

  const onInput = () => {
    const q = input.value.trim();
    results = q ? index.search(q).slice(0, LIMIT).map((r) => r.id as number) : [];
    active = results.length ? 0 : -1;
    render();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!results.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(active);
    } else if (e.key === "Escape") {
      input.value = "";
      clear();
    }
  };
  const onClick = (e: MouseEvent) => {
    const li = (e.target as HTMLElement).closest("li");
    if (li) pick(results.indexOf(Number(li.dataset.person)));
  };
  const onSlash = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || target.closest("input, textarea, select, [contenteditable]")) return;
    e.preventDefault();
    input.focus();
    input.select();
  };
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKey);
  list.addEventListener("click", onClick);
  document.addEventListener("keydown", onSlash);
  return () => {
    document.removeEventListener("keydown", onSlash);
    box.remove();
  };
}
