// The communities panel: colour, label from the data, size, dominant domain and top members for
// each community, click to highlight one, and the Louvain resolution with a re-run button. When the
// worker fails it says so and offers to try again.
import type { CommunitySummary } from "../communities/describe";
import { OTHER_COLOUR, PALETTE } from "../communities/describe";
import type { BoundActions } from "../state/actions";
import { changed, type View } from "../state/coordinator";
import type { CommunityState } from "../communities/runner";
import { formatNumber, plural } from "../ui/format";
import { nodeColour, type ThemeName } from "../theme/theme";
import { button, h } from "../ui/dom";

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

/** The line above the list: the error, "Finding…" while a run is under way, or the summary. */
function statusLine(c: CommunityState): string {
  if (c.status === "error") return `Communities could not be found: ${c.error ?? "unknown error"}`;
  if (c.status === "busy" || !c.result) return "Finding communities for this period…";
  return `${plural(c.result.list.length, "community", "communities")} · modularity ${c.result.modularity.toFixed(2)}`;
}

/** The resolution slider: the worker runs when it is let go (or its value typed), not on every step. */
function resolutionControl(actions: BoundActions) {
  const input = h("input", {
    type: "range",
    min: "0.2",
    max: "3",
    step: "0.1",
    value: "1",
    id: "resolution",
    "data-control": "resolution",
  });
  const out = h("output", { for: "resolution", class: "muted" }, "1.0");
  input.addEventListener("input", () => (out.textContent = Number(input.value).toFixed(1)));
  input.addEventListener("change", () => actions.setResolution(Number(input.value)));
  const label = h("span", {}, "Resolution (higher: smaller groups)");
  return {
    el: h(
      "div",
      { class: "legend-controls" },
      h("label", { for: "resolution", class: "field" }, label, h("span", { class: "range-row" }, input, out)),
    ),
    show(resolution: number) {
      input.value = String(resolution);
      out.textContent = resolution.toFixed(1);
    },
  };
}

export function mountLegend(el: HTMLElement, actions: BoundActions, retryRun: () => void): View {
  const status = h("p", { class: "legend-status", "aria-live": "polite" }, "Finding communities…");
  const retry = button({ class: "button small", "data-control": "retry-communities", hidden: "" }, "Try again");
  const list = h("ol", { class: "legend-list" });
  const resolution = resolutionControl(actions);
  const parts = [h("h2", {}, "Communities"), status, retry, list, resolution.el];
  const section = h("section", { class: "legend", "aria-label": "Communities" }, ...parts);
  el.append(section);

  retry.addEventListener("click", retryRun);
  list.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>("button[data-community]");
    if (!b) return;
    // A second click on the highlighted community turns the highlight off.
    actions.highlightCommunity(b.getAttribute("aria-pressed") === "true" ? null : Number(b.dataset.member));
  });
  const showPressed = (lit: number | null) => {
    for (const b of list.querySelectorAll<HTMLElement>("button[data-community]"))
      b.setAttribute("aria-pressed", String(Number(b.dataset.community) === lit));
  };

  return {
    update(frame, prev) {
      const { state, derived } = frame;
      const c = derived.communities;
      if (changed((f) => [f.derived.communities], frame, prev)) {
        section.dataset.state = c.status === "error" ? "error" : c.status === "busy" || !c.result ? "busy" : "ready";
        retry.hidden = c.status !== "error";
        status.textContent = statusLine(c);
      }
      const listed = changed((f) => [f.derived.communities.result, f.derived.theme], frame, prev);
      if (listed && c.result) list.replaceChildren(...legendItems(c.result.list, derived.theme));
      if (changed((f) => [f.state.resolution], frame, prev)) resolution.show(state.resolution);
      if (listed || changed((f) => [f.derived.litCommunity], frame, prev)) showPressed(derived.litCommunity);
    },
    dispose() {
      section.remove();
    },
  };
}
