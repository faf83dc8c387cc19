// The head every drawer panel starts with: a close button, an optional kicker ("Connection"), the
// title and an optional line under it. Dataset text goes in as text, never as HTML.
import { h } from "./dom";

export interface PanelHeadOptions {
  kicker?: string;
  title: string;
  sub?: string;
  onClose(): void;
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
