// The network/table switch: a toggle button, pressed while the table view is shown.
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { h } from "../ui/dom";

export function mountViewToggle(el: HTMLElement, actions: BoundActions): View {
  const button = h(
    "button",
    { type: "button", class: "button view-toggle", "aria-pressed": "false", "data-control": "table-view" },
    "Table view",
  );
  el.append(button);
  button.addEventListener("click", () => actions.toggleView());
  return {
    update({ state }) {
      // A toggle keeps its name; pressed or not says which view is shown.
      button.setAttribute("aria-pressed", String(state.view === "table"));
    },
    dispose: () => button.remove(),
  };
}
