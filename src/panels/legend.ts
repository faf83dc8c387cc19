// The communities panel: colour, label from the data, size, dominant domain and top members for
// each community, click to highlight one, and the Louvain resolution with a re-run button.
import type { CommunitySummary } from "../communities/describe";
import { OTHER_COLOUR, PALETTE } from "../communities/describe";
import type { AppState } from "../state/app-state";
import type { Store } from "../state/store";
import { formatNumber, plural } from "../format";
import { h } from "./dom";

export interface LegendView {
  setBusy(): void;
  setCommunities(list: CommunitySummary[], modularity: number): void;
  setError(message: string): void;
  dispose(): void;
}

export function mountLegend(el: HTMLElement, store: Store<AppState>, rerun: () => void): LegendView {
  const status = h("p", { class: "legend-status", "aria-live": "polite" }, "Finding communities…");
  const list = h("ol", { class: "legend-list" });
  const resolution = h("input", { type: "range", min: "0.2", max: "3", step: "0.1", value: String(store.get().resolution), id: "resolution", "data-control": "resolution" });
  const resolutionOut = h("output", { for: "resolution", class: "muted" }, store.get().resolution.toFixed(1));
  const again = h("button", { type: "button", class: "button small", "data-control": "rerun" }, "Find again for this period");
  const controls = h("div", { class: "legend-controls" },
    h("label", { for: "resolution", class: "field" }, h("span", {}, "Resolution (higher: smaller groups)"), h("span", { class: "range-row" }, resolution, resolutionOut)),
    again,
  );
  const section = h("section", { class: "legend", "aria-label": "Communities" }, h("h2", {}, "Communities"), status, list, controls);
  el.append(section);

  resolution.addEventListener("input", () => (resolutionOut.textContent = Number(resolution.value).toFixed(1)));
  // The worker runs when the slider is let go (or its value typed), not on every step.
  resolution.addEventListener("change", () => store.set({ resolution: Number(resolution.value) }));
  again.addEventListener("click", rerun);
  list.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>("button[data-community]");
    if (!button) return;
    const c = Number(button.dataset.community);
    store.set((s) => ({ community: s.community === c ? null : c, selected: null, connection: null, chain: null, hovered: null }));
  });
  const showPressed = () => {
    const c = store.get().community;
    for (const b of list.querySelectorAll<HTMLElement>("button[data-community]")) b.setAttribute("aria-pressed", String(Number(b.dataset.community) === c));
  };
  const unsubscribe = store.subscribe((s, prev) => s.community !== prev.community && showPressed());

  return {
    setBusy() {
      section.dataset.state = "busy";
      status.textContent = "Finding communities for this period…";
    },
    setCommunities(items, modularity) {
      section.dataset.state = "ready";
      const shown = items.filter((c) => c.index < PALETTE.length);
      const rest = items.slice(shown.length);
      status.textContent = `${plural(items.length, "community", "communities")} · modularity ${modularity.toFixed(2)}`;
      list.replaceChildren(
        ...shown.map((c) =>
          h("li", {},
            h("button", { type: "button", class: "community", "data-community": String(c.index), "aria-pressed": "false" },
              h("span", { class: "swatch", style: `background:${c.colour}`, "aria-hidden": "true" }),
              h("span", { class: "legend-label" }, c.label),
              h("span", { class: "legend-meta" }, `${plural(c.size, "person", "people")}${c.domain ? ` · ${c.domain}${c.domainShare < 1 ? ` ${Math.round(c.domainShare * 100)}%` : ""}` : ""}`),
              h("span", { class: "legend-top" }, c.top.join(", ")),
            ),
          ),
        ),
        ...(rest.length
          ? [
              h("li", { class: "legend-other" },
                h("span", { class: "community" },
                  h("span", { class: "swatch", style: `background:${OTHER_COLOUR}`, "aria-hidden": "true" }),
                  h("span", { class: "legend-label" }, `${plural(rest.length, "smaller community", "smaller communities")}`),
                  h("span", { class: "legend-meta" }, `${formatNumber(rest.reduce((s, c) => s + c.size, 0))} people`),
                ),
              ),
            ]
          : []),
      );
      showPressed();
    },
    setError(message) {
      section.dataset.state = "error";
      status.textContent = message;
    },
    dispose() {
      unsubscribe();
      section.remove();
    },
  };
}
