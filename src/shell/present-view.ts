// Projector mode (f.present=1): large, high-contrast type, fewer and larger names, the network on
// the whole stage, controls hidden until the pointer moves. This view keeps `data-present` on
// <html> (present.css keys off it), offers the "Present" toggle among the network tools and the
// P key (not in an embed, whose readers have neither); the network itself follows the flag in
// network-view.ts (larger people and names, stronger lines).
import "./present.css";
import { h } from "../ui/dom";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { idleControls } from "./idle-controls";
import { onKeys } from "../ui/keys";

export function mountPresentView(explorer: HTMLElement, tools: HTMLElement | null, actions: BoundActions): View {
  const root = document.documentElement;
  const idle = idleControls(explorer);
  const button = tools
    ? h(
        "button",
        {
          type: "button",
          class: "button present-toggle",
          "data-control": "present",
          "aria-pressed": "false",
          "aria-keyshortcuts": "p",
        },
        "Present",
      )
    : null;
  const onKey = (e: KeyboardEvent): boolean => {
    if ((e.key !== "p" && e.key !== "P") || e.shiftKey || e.repeat) return false;
    actions.togglePresent();
    return true;
  };
  let removeKey = () => {};
  if (button && tools) {
    tools.append(button);
    button.addEventListener("click", () => actions.togglePresent());
    removeKey = onKeys("page", onKey);
  }
  return {
    update({ state }) {
      const on = state.flags.present === "1";
      if (on) root.dataset.present = "";
      else delete root.dataset.present;
      idle.enable(on);
      if (button) {
        button.setAttribute("aria-pressed", String(on));
        button.title = on ? "Leave projector mode (P)" : "Projector mode: large type for a room (P)";
      }
    },
    dispose() {
      removeKey();
      idle.dispose();
      button?.remove();
      delete root.dataset.present;
    },
  };
}
