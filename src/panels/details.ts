// Details box for the selected person: name, address, organisation, messages in the period.
import type { Dataset } from "../data/types";
import type { PeriodStats } from "../graph/period";
import { formatNumber } from "../timeline/format";
import { h } from "./dom";

export interface DetailsView {
  show(person: number | null, stats: PeriodStats, community: string | null): void;
  dispose(): void;
}

export function mountDetails(el: HTMLElement, ds: Dataset, onClose: () => void): DetailsView {
  const box = h("aside", { class: "details", "aria-live": "polite", "aria-label": "Selected person", hidden: "" });
  el.append(box);
  return {
    show(person, stats, community) {
      if (person === null) {
        box.hidden = true;
        box.replaceChildren();
        return;
      }
      const close = h("button", { class: "details-close", type: "button", "aria-label": "Close details" }, "×");
      close.addEventListener("click", onClose);
      const row = (label: string, value: string, key: string) => h("div", { class: "details-row", "data-field": key }, h("dt", {}, label), h("dd", {}, value));
      box.replaceChildren(
        close,
        h("h2", { class: "details-name" }, ds.people.name[person] || ds.people.address[person]),
        h("p", { class: "details-address" }, ds.people.address[person]),
        h(
          "dl",
          {},
          ds.people.org[person] ? row("Organisation", ds.people.org[person], "org") : null,
          community ? row("Community", community, "community") : null,
          row("Sent in period", formatNumber(stats.sent[person]), "sent"),
          row("Received in period", formatNumber(stats.received[person]), "received"),
        ),
      );
      box.hidden = false;
    },
    dispose() {
      box.remove();
    },
  };
}
