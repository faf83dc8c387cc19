// The parts of an embedded graphic around the network: a compact legend of the communities, the
// credit line (the dataset's source, "Made with Switchboard") with an "Open the full view" link to
// the same view in the full app, and a "Reset view" button. Readers only: nothing here edits.
import type { Dataset } from "../data/types";
import { type CommunitySummary, OTHER_COLOUR, PALETTE } from "../communities/describe";
import type { BoundActions } from "../state/actions";
import { changed, type Frame, type Reads, type View } from "../state/coordinator";
import { nodeColour, type ThemeName } from "../theme/theme";
import { button, h } from "../ui/dom";

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

/** A legend entry: the community's colour in this theme, and its label. */
function legendEntry(colour: string, theme: ThemeName, label: string): HTMLElement {
  const swatch = h("span", {
    class: "swatch inline",
    style: `background:${nodeColour(colour, theme)}`,
    "aria-hidden": "true",
  });
  return h("li", {}, swatch, h("span", { class: "embed-legend-label" }, label));
}

/** The largest `count` coloured communities, then one entry for the rest. */
function legendEntries(list: CommunitySummary[], theme: ThemeName, count: number): HTMLElement[] {
  const shown = list.filter((c) => c.index < PALETTE.length).slice(0, count);
  const rest = list.length - shown.length;
  const more = `${rest} more ${rest === 1 ? "community" : "communities"}`;
  return [
    ...shown.map((c) => legendEntry(c.colour, theme, c.label)),
    ...(rest > 0 ? [legendEntry(OTHER_COLOUR, theme, more)] : []),
  ];
}

export function mountEmbedFooter(el: HTMLElement, ds: Dataset, link: () => string): View {
  const legend = h("ul", { class: "embed-legend", "aria-label": "Communities (colours in the network)" });
  const open = h("a", { class: "embed-open", href: "#", target: "_blank", rel: "noopener" }, "Open the full view");
  const credit = h("p", { class: "embed-credit" }, h("span", {}, creditLine(ds)), open);
  const footer = h("footer", { class: "embed-footer" }, legend, credit);
  el.append(footer);
  // The legend names fewer communities in a narrower frame: drawn again when the frame is resized
  // across a step, from the last frame drawn.
  let last: Frame | null = null;
  let count = 0;
  const drawLegend = () => {
    const r = last?.derived.communities.result;
    count = legendItems(el.clientWidth);
    legend.replaceChildren(...(r && last ? legendEntries(r.list, last.derived.theme, count) : []));
  };
  const resized = new ResizeObserver(() => legendItems(el.clientWidth) !== count && drawLegend());
  resized.observe(el);
  const reads: Reads = (f) => [f.derived.communities, f.derived.theme];
  return {
    update(frame, prev) {
      open.href = fullViewUrl(link());
      last = frame;
      if (changed(reads, frame, prev)) drawLegend();
    },
    dispose: () => {
      resized.disconnect();
      footer.remove();
    },
  };
}

export function mountResetView(tools: HTMLElement, actions: BoundActions): View {
  const reset = button({ class: "button reset-view", "data-control": "reset-view" }, "Reset view");
  tools.append(reset);
  reset.addEventListener("click", () => actions.resetView());
  return {
    update({ state }) {
      const c = state.camera;
      reset.disabled = !c || (Math.abs(c.x - 0.5) < 1e-6 && Math.abs(c.y - 0.5) < 1e-6 && Math.abs(c.ratio - 1) < 1e-6);
    },
    dispose: () => reset.remove(),
  };
}
