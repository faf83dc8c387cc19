// The filters panel: organisations/domains in or out, mass mailings, connection and person
// thresholds, recipient roles. Every change is a setFilters action; counts update live. The
// controls follow the state when it changes elsewhere (a link, Back, "Clear filters").
import type { Dataset } from "../data/types";
import { activeCount, DEFAULT_MASS_LIMIT, listOrgs, type Filters, type RoleFilter } from "../graph/filters";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { formatNumber } from "../ui/format";
import { h } from "../ui/dom";

/** Organisations offered as checkboxes: the largest ones. */
const ORG_CHOICES = 12;

/** The organisations fieldset: the largest ones as checkboxes, and whether checked means hidden
 *  or the only ones shown. */
function orgChoices(ds: Dataset, actions: BoundActions) {
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

export function mountFilters(el: HTMLElement, ds: Dataset, actions: BoundActions): View {
  const set = (patch: Partial<Filters>) => actions.setFilters(patch);
  const num = (value: string, min: number) => Math.max(min, Math.floor(Number(value)) || min);
  const orgs = orgChoices(ds, actions);

  const massOn = h("input", { type: "checkbox", "data-filter": "mass" });
  const massN = h("input", {
    type: "number",
    min: "1",
    step: "1",
    value: String(DEFAULT_MASS_LIMIT),
    class: "small-number",
    "aria-label": "Most recipients a message may have",
    "data-filter": "mass-limit",
  });
  const readMass = () => set({ massMailing: massOn.checked ? num(massN.value, 1) : null });

  const minConn = h("input", {
    type: "number",
    min: "1",
    step: "1",
    value: "1",
    class: "small-number",
    "data-filter": "min-connection",
    id: "filter-min-connection",
  });
  const minPerson = h("input", {
    type: "number",
    min: "0",
    step: "1",
    value: "0",
    class: "small-number",
    "data-filter": "min-person",
    id: "filter-min-person",
  });
  const roleChoices: [RoleFilter, string][] = [
    ["all", "To, Cc and Bcc"],
    ["to-cc", "To and Cc"],
    ["to", "To only"],
  ];
  const roles = roleChoices.map(([value, label]) => {
    const radio = h("input", { type: "radio", name: "filter-roles", value, "data-role": value });
    radio.addEventListener("change", () => radio.checked && set({ roles: value }));
    return h("label", { class: "check" }, radio, label);
  });
  const badge = h("span", { class: "filter-badge" });
  const reset = h("button", { type: "button", class: "button small", "data-filter": "reset" }, "Clear filters");

  const form = h(
    "form",
    { class: "filters-form" },
    orgs.el,
    h(
      "fieldset",
      {},
      h("legend", {}, "Mass mailings"),
      h("label", { class: "check" }, massOn, "Hide messages to more than"),
      h("span", { class: "inline-field" }, massN, " recipients"),
    ),
    h("fieldset", {}, h("legend", {}, "Recipients"), ...roles),
    h(
      "fieldset",
      {},
      h("legend", {}, "Thresholds"),
      h(
        "label",
        { class: "field", for: "filter-min-connection" },
        h("span", {}, "Fewest messages per connection"),
        minConn,
      ),
      h(
        "label",
        { class: "field", for: "filter-min-person" },
        h("span", {}, "Hide people with fewer messages than"),
        minPerson,
      ),
    ),
    reset,
  );
  const details = h("details", { class: "filters" }, h("summary", {}, h("h2", {}, "Filters"), badge), form);
  el.append(details);

  form.addEventListener("submit", (e) => e.preventDefault());
  massOn.addEventListener("change", readMass);
  massN.addEventListener("input", () => massOn.checked && readMass());
  minConn.addEventListener("input", () => set({ minConnection: num(minConn.value, 1) }));
  minPerson.addEventListener("input", () => set({ minPersonMessages: num(minPerson.value, 0) }));
  reset.addEventListener("click", () => actions.clearFilters());
  /** Puts the controls in line with the filters, leaving alone a number being typed that means the same. */
  const showFilters = (f: Filters) => {
    orgs.show(f);
    massOn.checked = f.massMailing !== null;
    if (f.massMailing !== null && num(massN.value, 1) !== f.massMailing) massN.value = String(f.massMailing);
    if (num(minConn.value, 1) !== f.minConnection) minConn.value = String(f.minConnection);
    if (num(minPerson.value, 0) !== f.minPersonMessages) minPerson.value = String(f.minPersonMessages);
    for (const l of roles) {
      const r = l.querySelector("input") as HTMLInputElement;
      r.checked = r.value === f.roles;
    }
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
