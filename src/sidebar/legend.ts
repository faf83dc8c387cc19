// The communities panel: colour, label from the data, size, dominant domain and top members for
// each community, click to highlight one, and the Louvain resolution with a re-run button. When the
// worker fails it says so and offers to try again.
import type { CommunitySummary } from "../communities/describe";
import { OTHER_COLOUR, PALETTE } from "../communities/describe";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { formatNumber, plural } from "../ui/format";
import { nodeColour, type ThemeName } from "../theme/theme";
import { h } from "../ui/dom";

/** The legend's rows: a button per community with a palette colour (swatches drawn as the network
 *  draws the colours, on this theme's background), then one row for all the smaller ones. */
function legendItems(items: CommunitySummary[], theme: ThemeName): HTMLElement[] {
  const shown = items.filter((c) => c.index < PALETTE.length);
  const rest = items.slice(shown.length);
  const swatch = (colour: string) =>
    h("span", { class: "swatch", style: `background:${nodeColour(colour, theme)}`, "aria-hidden": "true" });
  const domain = (c: CommunitySummary) =>
    c.domain ? ` · ${c.domain}${c.domainShare < 1 ? ` ${Math.round(c.domainShare * 100)}%` : ""}` : "";
  const rows = shown.map((c) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "community",
          "data-community": String(c.index),
          "data-member": String(c.member),
          "aria-pressed": "false",
        },
        swatch(c.colour),
        h("span", { class: "legend-label" }, c.label),
        h("span", { class: "legend-meta" }, `${plural(c.size, "person", "people")}${domain(c)}`),
        h("span", { class: "legend-top" }, c.top.join(", ")),
      ),
    ),
  );
  if (!rest.length) return rows;
  return [
    ...rows,
    h(
      "li",
      { class: "legend-other" },
      h(
        "span",
        { class: "community" },
        swatch(OTHER_COLOUR),
        h("span", { class: "legend-label" }, plural(rest.length, "smaller community", "smaller communities")),
        h("span", { class: "legend-meta" }, `${formatNumber(rest.reduce((s, c) => s + c.size, 0))} people`),
      ),
    ),
  ];
}

export function mountLegend(el: HTMLElement, actions: BoundActions, retryRun: () => void): View {
  const status = h("p", { class: "legend-status", "aria-live": "polite" }, "Finding communities…");
  const retry = h(
    "button",
    { type: "button", class: "button small", "data-control": "retry-communities", hidden: "" },
    "Try again",
  );
  const list = h("ol", { class: "legend-list" });
  const resolution = h("input", {
    type: "range",
    min: "0.2",
    max: "3",
    step: "0.1",
    value: "1",
    id: "resolution",
    "data-control": "resolution",
  });
  const resolutionOut = h("output", { for: "resolution", class: "muted" }, "1.0");
  const controls = h(
    "div",
    { class: "legend-controls" },
    h(
      "label",
      { for: "resolution", class: "field" },
      h("span", {}, "Resolution (higher: smaller groups)"),
      h("span", { class: "range-row" }, resolution, resolutionOut),
    ),
  );
  const section = h(
    "section",
    { class: "legend", "aria-label": "Communities" },
    h("h2", {}, "Communities"),
    status,
    retry,
    list,
    controls,
  );
  el.append(section);

  resolution.addEventListener("input", () => (resolutionOut.textContent = Number(resolution.value).toFixed(1)));
  // The worker runs when the slider is let go (or its value typed), not on every step.
  resolution.addEventListener("change", () => actions.setResolution(Number(resolution.value)));
  retry.addEventListener("click", retryRun);
  list.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>("button[data-community]");
    if (!button) return;
    // A second click on the highlighted community turns the highlight off.
    actions.highlightCommunity(button.getAttribute("aria-pressed") === "true" ? null : Number(button.dataset.member));
  });
  const showPressed = (lit: number | null) => {
    for (const b of list.querySelectorAll<HTMLElement>("button[data-community]"))
      b.setAttribute("aria-pressed", String(Number(b.dataset.community) === lit));
  };
  const summary = (items: CommunitySummary[], modularity: number) =>
    `${plural(items.length, "community", "communities")} · modularity ${modularity.toFixed(2)}`;
  const showList = (items: CommunitySummary[], modularity: number, theme: ThemeName) => {
    status.textContent = summary(items, modularity);
    list.replaceChildren(...legendItems(items, theme));
  };

  return {
    update({ state, derived }, prev) {
      const c = derived.communities;
      const { theme } = derived;
      let drawn = false;
      if (!prev || prev.derived.communities !== c) {
        section.dataset.state =
          c.status === "busy" ? "busy" : c.status === "error" ? "error" : c.result ? "ready" : "busy";
        retry.hidden = c.status !== "error";
        if (c.status === "error") status.textContent = `Communities could not be found: ${c.error ?? "unknown error"}`;
        else if (c.status === "busy" || !c.result) status.textContent = "Finding communities for this period…";
        if (c.result && (!prev || prev.derived.communities.result !== c.result)) {
          showList(c.result.list, c.result.modularity, theme);
          drawn = true;
        } else if (c.result && c.status === "ready") status.textContent = summary(c.result.list, c.result.modularity);
      }
      if (prev && prev.derived.theme !== theme && c.result && !drawn) {
        showList(c.result.list, c.result.modularity, theme);
        drawn = true;
      }
      if (!prev || prev.state.resolution !== state.resolution) {
        resolution.value = String(state.resolution);
        resolutionOut.textContent = state.resolution.toFixed(1);
      }
      if (drawn || !prev || prev.derived.litCommunity !== derived.litCommunity) showPressed(derived.litCommunity);
    },
    dispose() {
      section.remove();
    },
  };
}
