// The filters panel: organisations/domains in or out, mass mailings, connection and person
// thresholds, recipient roles. Every change is a setFilters action; counts update live. The
// controls follow the state when it changes elsewhere (a link, Back, "Clear filters").
import type { Dataset } from "../data/types";
import { activeCount, DEFAULT_MASS_LIMIT, listOrgs, type Filters, type RoleFilter } from "../graph/filters";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { formatNumber } from "../ui/format";
import { button, h } from "../ui/dom";

/** Organisations offered as checkboxes: the largest ones. */
const ORG_CHOICES = 12;

/** The organisations fieldset: the largest ones as checkboxes, and whether checked means hidden
 *  or the only ones shown. */
function orgChoices(ds: Dataset, actions: BoundActions): Part {
  const orgs = listOrgs(ds)
    .filter((o) => o.org)
    .slice(0, ORG_CHOICES);
  const boxes = orgs.map((o) => h("input", { type: "checkbox", value: o.org, "data-org": o.org }));
  const mode = h(
    "select",
    { "aria-label": "What to do with the checked organisations", "data-filter": "org-mode" },
    h("option", { value: "exclude" }, "Hide the checked"),
    h("option", { value: "include" }, "Show only the checked"),
  );
  const offered = orgs.map((o) => o.org);
  const read = () =>
    actions.chooseOrgs(
      offered,
      boxes.filter((b) => b.checked).map((b) => b.value),
      mode.value as Filters["orgMode"],
    );
  for (const b of boxes) b.addEventListener("change", read);
  mode.addEventListener("change", read);
  const labels = boxes.map((box, i) =>
    h(
      "label",
      { class: "check" },
      box,
      h("span", { class: "org-name" }, orgs[i].org),
      h("span", { class: "muted" }, formatNumber(orgs[i].people)),
    ),
  );
  return {
    el: h("fieldset", {}, h("legend", {}, "Organisations"), mode, h("div", { class: "org-list" }, ...labels)),
    show(f: Filters) {
      for (const box of boxes) box.checked = f.orgs.includes(box.value);
      mode.value = f.orgMode;
    },
  };
}

/** One fieldset of the form: its element, and how it follows the filters. */
interface Part {
  el: HTMLElement;
  show(f: Filters): void;
}
type SetFilters = (patch: Partial<Filters>) => void;

/** A whole number read from a field, at least `min` (an empty or half-typed field reads as min). */
const num = (value: string, min: number) => Math.max(min, Math.floor(Number(value)) || min);

/** A number field; `show` leaves alone a number being typed that means the same. */
function numberField(props: Record<string, string>, min: number, read: (n: number) => void) {
  const input = h("input", { type: "number", min: String(min), step: "1", class: "small-number", ...props });
  input.addEventListener("input", () => read(num(input.value, min)));
  return {
    input,
    show(n: number) {
      if (num(input.value, min) !== n) input.value = String(n);
    },
  };
}

/** "Hide messages to more than N recipients". */
function massPart(set: SetFilters): Part {
  const on = h("input", { type: "checkbox", "data-filter": "mass" });
  const read = () => set({ massMailing: on.checked ? num(limit.input.value, 1) : null });
  const limit = numberField(
    {
      value: String(DEFAULT_MASS_LIMIT),
      "aria-label": "Most recipients a message may have",
      "data-filter": "mass-limit",
    },
    1,
    () => on.checked && read(),
  );
  on.addEventListener("change", read);
  return {
    el: h(
      "fieldset",
      {},
      h("legend", {}, "Mass mailings"),
      h("label", { class: "check" }, on, "Hide messages to more than"),
      h("span", { class: "inline-field" }, limit.input, " recipients"),
    ),
    show(f) {
      on.checked = f.massMailing !== null;
      if (f.massMailing !== null) limit.show(f.massMailing);
    },
  };
}

const ROLE_CHOICES: [RoleFilter, string][] = [
  ["all", "To, Cc and Bcc"],
  ["to-cc", "To and Cc"],
  ["to", "To only"],
];

/** Which recipient roles count: one radio button each. */
function rolesPart(set: SetFilters): Part {
  const radios = ROLE_CHOICES.map(([value]) => {
    const radio = h("input", { type: "radio", name: "filter-roles", value, "data-role": value });
    radio.addEventListener("change", () => radio.checked && set({ roles: value }));
    return radio;
  });
  const labels = radios.map((r, i) => h("label", { class: "check" }, r, ROLE_CHOICES[i][1]));
  return {
    el: h("fieldset", {}, h("legend", {}, "Recipients"), ...labels),
    show(f) {
      for (const r of radios) r.checked = r.value === f.roles;
    },
  };
}

/** The fewest messages a connection, and a person, must have to be drawn. */
function thresholdsPart(set: SetFilters): Part {
  const conn = numberField({ value: "1", "data-filter": "min-connection", id: "filter-min-connection" }, 1, (n) =>
    set({ minConnection: n }),
  );
  const person = numberField({ value: "0", "data-filter": "min-person", id: "filter-min-person" }, 0, (n) =>
    set({ minPersonMessages: n }),
  );
  const field = (id: string, text: string, input: HTMLInputElement) =>
    h("label", { class: "field", for: id }, h("span", {}, text), input);
  return {
    el: h(
      "fieldset",
      {},
      h("legend", {}, "Thresholds"),
      field("filter-min-connection", "Fewest messages per connection", conn.input),
      field("filter-min-person", "Hide people with fewer messages than", person.input),
    ),
    show(f) {
      conn.show(f.minConnection);
      person.show(f.minPersonMessages);
    },
  };
}

export function mountFilters(el: HTMLElement, ds: Dataset, actions: BoundActions): View {
  const set: SetFilters = (patch) => actions.setFilters(patch);
  const parts = [orgChoices(ds, actions), massPart(set), rolesPart(set), thresholdsPart(set)];
  const badge = h("span", { class: "filter-badge" });
  const reset = button({ class: "button small", "data-filter": "reset" }, "Clear filters");
  reset.addEventListener("click", () => actions.clearFilters());
  const form = h("form", { class: "filters-form" }, ...parts.map((p) => p.el), reset);
  form.addEventListener("submit", (e) => e.preventDefault());
  const details = h("details", { class: "filters" }, h("summary", {}, h("h2", {}, "Filters"), badge), form);
  el.append(details);

  /** Puts the controls in line with the filters (a link, Back, "Clear filters"). */
  const showFilters = (f: Filters) => {
    for (const p of parts) p.show(f);
    const n = activeCount(f);
    badge.textContent = n ? `${n} on` : "";
    badge.hidden = n === 0;
  };
  return {
    update({ state }, prev) {
      if (!prev || prev.state.filters !== state.filters) showFilters(state.filters);
    },
    dispose() {
      details.remove();
    },
  };
}
