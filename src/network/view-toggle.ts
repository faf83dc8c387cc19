// The network/table switch: a toggle button, pressed while the table view is shown.
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { button } from "../ui/dom";

export function mountViewToggle(el: HTMLElement, actions: BoundActions): View {
  const toggle = button(
    { class: "button view-toggle", "aria-pressed": "false", "data-control": "table-view" },
    "Table view",
  );
  el.append(toggle);
  toggle.addEventListener("click", () => actions.toggleView());
  return {
    update({ state }) {
      // A toggle keeps its name; pressed or not says which view is shown.
      toggle.setAttribute("aria-pressed", String(state.view === "table"));
    },
    dispose: () => toggle.remove(),
  };
}
