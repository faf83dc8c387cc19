// The explorer's page: its regions laid out before the views fill them (the stage with the network,
// the drawer, the table overlay and the tools; the side panel; the timeline bar), and what the
// drawer covers of the network. An embed shows the side panels and the timeline only when asked.
import type { Inset } from "../render/network";
import { h } from "../ui/dom";

/** Which parts the page has: an embed shows side panels and the timeline only when asked. */
export interface Parts {
  embed: boolean;
  panels: boolean;
  timeline: boolean;
}

/** The page's regions, laid out before the views fill them. */
export interface Page {
  explorer: HTMLElement;
  area: HTMLElement;
  network: HTMLElement;
  drawer: HTMLElement;
  table: HTMLElement;
  tools: HTMLElement;
  side: HTMLElement;
  timelineBar: HTMLElement;
  timeline: HTMLElement;
}

export function layoutPage(root: HTMLElement, parts: Parts): Page {
  const network = h("div", {
    class: "network",
    role: "img",
    "aria-label": "Network of who emailed whom; the table view lists the same people and connections",
  });
  const drawer = h("div", { class: "drawer", hidden: "", tabindex: "-1" });
  const table = h("div", { class: "table-overlay", hidden: "" });
  const tools = h("div", { class: "network-tools" });
  const side = h("div", { class: "side" });
  const timelineBar = h("div", { class: "timeline-bar" });
  const timeline = h("div", { class: "timeline" });
  const area = h("div", { class: "network-area" }, network, table, drawer, tools);
  const explorer = h("div", { class: "explorer" });
  explorer.classList.toggle("embed", parts.embed);
  explorer.append(h("div", { class: "stage" }, area, ...(parts.panels ? [side] : [])), timelineBar);
  if (parts.timeline) timelineBar.append(timeline);
  root.replaceChildren(explorer);
  return { explorer, area, network, drawer, table, tools, side, timelineBar, timeline };
}

/** What the drawer covers of the network now (the camera frames what is left). */
export function drawerInset(page: Page): () => Inset {
  return () => {
    if (page.drawer.hidden) return { left: 0, top: 0 };
    const beside = page.drawer.offsetWidth < page.network.offsetWidth * 0.6;
    return beside ? { left: page.drawer.offsetWidth, top: 0 } : { left: 0, top: page.drawer.offsetHeight };
  };
}
