// Communities legend: colour, label from the data, size, dominant domain, and modularity.
import type { CommunitySummary } from "../communities/describe";
import { OTHER_COLOUR, PALETTE } from "../communities/describe";
import { formatNumber, plural } from "../timeline/format";
import { h } from "./dom";

export interface LegendView {
  setBusy(): void;
  setCommunities(list: CommunitySummary[], modularity: number): void;
  setError(message: string): void;
  dispose(): void;
}

export function mountLegend(el: HTMLElement): LegendView {
  const status = h("p", { class: "legend-status", "aria-live": "polite" }, "Finding communities…");
  const list = h("ol", { class: "legend-list" });
  const section = h("section", { class: "legend", "aria-label": "Communities" }, h("h2", {}, "Communities"), status, list);
  el.append(section);
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
          h(
            "li",
            { "data-community": String(c.index) },
            h("span", { class: "swatch", style: `background:${c.colour}`, "aria-hidden": "true" }),
            h("span", { class: "legend-label" }, c.label),
            h("span", { class: "legend-meta" }, `${formatNumber(c.size)} · ${c.domain}${c.domainShare < 1 ? ` ${Math.round(c.domainShare * 100)}%` : ""}`),
          ),
        ),
        ...(rest.length
          ? [
              h(
                "li",
                { class: "legend-other" },
                h("span", { class: "swatch", style: `background:${OTHER_COLOUR}`, "aria-hidden": "true" }),
                h("span", { class: "legend-label" }, `${plural(rest.length, "smaller community", "smaller communities")}`),
                h("span", { class: "legend-meta" }, formatNumber(rest.reduce((s, c) => s + c.size, 0))),
              ),
            ]
          : []),
      );
    },
    setError(message) {
      section.dataset.state = "error";
      status.textContent = message;
    },
    dispose() {
      section.remove();
    },
  };
}
