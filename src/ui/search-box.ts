// A box that finds a person by name or address as you type (see people-index.ts). Arrows move
// through the results; Enter or a click picks one; Escape clears. The main box is focused by `/`
// from anywhere.
import { addressLabel, displayName } from "../data/people";
import type { Dataset } from "../data/types";
import { h } from "./dom";
import { onKeys } from "./keys";
import type { PeopleIndex } from "../data/people-index";

const LIMIT = 8;

export interface SearchOptions {
  /** Unique in the page: prefixes the ids of the listbox and its options. */
  id: string;
  label: string;
  placeholder: string;
  /** `/` focuses this box. */
  slash: boolean;
}

/** The input (a combobox) and its listbox of results. */
function searchBox(opts: SearchOptions) {
  const input = h("input", {
    type: "search",
    class: "search-input",
    placeholder: opts.placeholder,
    "aria-label": opts.label,
    role: "combobox",
    "aria-expanded": "false",
    "aria-controls": `${opts.id}-results`,
    "aria-autocomplete": "list",
    autocomplete: "off",
    spellcheck: "false",
  });
  const listProps = { class: "search-results", id: `${opts.id}-results`, role: "listbox", hidden: "" };
  const list = h("ul", { ...listProps, "aria-label": "People found" });
  return { input, list, box: h("div", { class: "search", "data-search": opts.id }, input, list) };
}

/** One option per person found, the active one selected. */
function resultOptions(ds: Dataset, id: string, results: number[], active: number): HTMLElement[] {
  return results.map((p, i) =>
    h(
      "li",
      {
        role: "option",
        id: `${id}-option-${i}`,
        class: "search-option",
        "aria-selected": String(i === active),
        "data-person": String(p),
      },
      h("span", { class: "search-name" }, displayName(ds.people, p)),
      h("span", { class: "search-address" }, addressLabel(ds.people, p)),
    ),
  );
}

/** `/` from anywhere focuses the box and selects what it holds. */
function focusOnSlash(input: HTMLInputElement): () => void {
  return onKeys("page", (e) => {
    if (e.key !== "/") return false;
    input.focus();
    input.select();
    return true;
  });
}

export function mountSearch(
  el: HTMLElement,
  ds: Dataset,
  index: PeopleIndex,
  onPick: (person: number) => void,
  opts: SearchOptions,
): () => void {
  const { input, list, box } = searchBox(opts);
  el.append(box);

  let results: number[] = [];
  let active = -1;
  const render = () => {
    list.replaceChildren(...resultOptions(ds, opts.id, results, active));
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(results.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${opts.id}-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const show = (found: number[]) => {
    results = found;
    active = found.length ? 0 : -1;
    render();
  };
  const pick = (i: number) => {
    const p = results[i];
    if (p === undefined) return;
    input.value = displayName(ds.people, p);
    show([]);
    onPick(p);
  };

  const onInput = () => show(index.search(input.value, LIMIT));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!results.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(active);
    } else if (e.key === "Escape" && (input.value || results.length)) {
      // The first Escape clears the box; the next one reaches the page (closes panels).
      e.stopPropagation();
      input.value = "";
      show([]);
    }
  };
  // A large cast is still being indexed when the page opens: answer again once it is done.
  void index.ready.then(() => input.value && document.activeElement === input && onInput());
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKey);
  list.addEventListener("click", (e) => {
    const li = (e.target as HTMLElement).closest("li");
    if (li) pick(results.indexOf(Number(li.dataset.person)));
  });
  const removeSlash = opts.slash ? focusOnSlash(input) : () => {};
  return () => {
    removeSlash();
    box.remove();
  };
}
