// The parts of an embedded graphic around the network: a compact legend of the communities, the
// credit line (the dataset's source, "Made with Switchboard") with an "Open the full view" link to
// the same view in the full app, and a "Reset view" button. Readers only: nothing here edits.
import type { Dataset } from "../data/types";
import { PALETTE, OTHER_COLOUR } from "../communities/describe";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { nodeColour } from "../theme/theme";
import { h } from "../ui/dom";

/** Flags that make a view an embed; the full view is the same link without them. */
export const EMBED_FLAGS = ["embed", "timeline", "panels"];

/** The link to the same view in the full app. */
export function fullViewUrl(link: string): string {
  const url = new URL(link);
  const params = new URLSearchParams(url.hash.slice(1));
  for (const f of EMBED_FLAGS) params.delete(`f.${f}`);
  const hash = params.toString();
  url.hash = hash ? `#${hash}` : "";
  return url.href;
}

export function creditLine(ds: Dataset): string {
  return [
    ds.meta.synthetic ? "Fictional data" : "",
    ds.meta.source ? `Source: ${ds.meta.source}` : "",
    "Made with Switchboard",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The embed's one-line description: the dataset description's first sentence. */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return (m ? m[0] : text).trim();
}

/** Communities named in the legend: fewer on a phone, so the network keeps its room. */
const legendItems = (width: number) => (width < 520 ? 3 : width < 900 ? 4 : 6);

export function mountEmbedFooter(el: HTMLElement, ds: Dataset, link: () => string): View {
  const legend = h("ul", { class: "embed-legend", "aria-label": "Communities (colours in the network)" });
  const open = h("a", { class: "embed-open", href: "#", target: "_blank", rel: "noopener" }, "Open the full view");
  const credit = h("p", { class: "embed-credit" }, h("span", {}, creditLine(ds)), open);
  const footer = h("footer", { class: "embed-footer" }, legend, credit);
  el.append(footer);
  return {
    update({ derived }, prev) {
      open.href = fullViewUrl(link());
      if (prev && prev.derived.communities === derived.communities && prev.derived.theme === derived.theme) return;
      const r = derived.communities.result;
      if (!r) return void legend.replaceChildren();
      const shown = r.list.filter((c) => c.index < PALETTE.length).slice(0, legendItems(el.clientWidth));
      const rest = r.list.length - shown.length;
      legend.replaceChildren(
        ...shown.map((c) =>
          h(
            "li",
            {},
            h("span", {
              class: "swatch inline",
              style: `background:${nodeColour(c.colour, derived.theme)}`,
              "aria-hidden": "true",
            }),
            h("span", { class: "embed-legend-label" }, c.label),
          ),
        ),
        ...(rest > 0
          ? [
              h(
                "li",
                {},
                h("span", {
                  class: "swatch inline",
                  style: `background:${nodeColour(OTHER_COLOUR, derived.theme)}`,
                  "aria-hidden": "true",
                }),
                h("span", { class: "embed-legend-label" }, `${rest} more ${rest === 1 ? "community" : "communities"}`),
              ),
            ]
          : []),
      );
    },
    dispose: () => footer.remove(),
  };
}

export function mountResetView(tools: HTMLElement, actions: BoundActions): View {
  const button = h(
    "button",
    { type: "button", class: "button reset-view", "data-control": "reset-view" },
    "Reset view",
  );
  tools.append(button);
  button.addEventListener("click", () => actions.resetView());
  return {
    update({ state }) {
      const c = state.camera;
      button.disabled =
        !c || (Math.abs(c.x - 0.5) < 1e-6 && Math.abs(c.y - 0.5) < 1e-6 && Math.abs(c.ratio - 1) < 1e-6);
    },
    dispose: () => button.remove(),
  };
}
