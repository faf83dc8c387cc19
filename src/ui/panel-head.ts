// The head every drawer panel starts with: a close button, an optional kicker ("Connection"), the
// title and an optional line under it; and the section and update rule a drawer panel shares.
// Dataset text goes in as text, never as HTML.
import { changed, type Frame, type Reads } from "../state/coordinator";
import { openPanel } from "../state/view-state";
import { h } from "./dom";

export interface PanelHeadOptions {
  kicker?: string;
  title: string;
  sub?: string;
  onClose(): void;
}

/** A drawer panel's section, hidden until its view shows it, with its parts in order. */
export function panelSection(kind: string, label: string, ...parts: HTMLElement[]): HTMLElement {
  return h("section", { class: `panel ${kind}`, "aria-label": label, hidden: "" }, ...parts);
}

/** A drawer panel's update: the section is shown while the drawer holds `panel`, and drawn again
 *  only when something it reads changes. */
export function panelUpdate(
  panel: ReturnType<typeof openPanel>,
  section: HTMLElement,
  reads: Reads,
  draw: (frame: Frame) => void,
): (frame: Frame, prev: Frame | null) => void {
  return (frame, prev) => {
    const open = openPanel(frame.state) === panel;
    section.hidden = !open;
    if (open && changed(reads, frame, prev)) draw(frame);
  };
}

/** The head's parts, in order, for the panel to place. */
export function panelHead({ kicker, title, sub, onClose }: PanelHeadOptions): HTMLElement[] {
  const close = h("button", { class: "panel-close", type: "button", "aria-label": "Close" }, "×");
  close.addEventListener("click", onClose);
  return [
    close,
    ...(kicker ? [h("p", { class: "kicker" }, kicker)] : []),
    h("h2", { class: "panel-title" }, title),
    ...(sub !== undefined ? [h("p", { class: "panel-sub" }, sub)] : []),
  ];
}
