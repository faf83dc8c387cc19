// The drawer over the left of the network (its top on phones): shown while a person, a connection
// or a chain is open; the panels inside draw themselves.
import type { View } from "../state/coordinator";
import { openPanel } from "../state/view-state";

export function mountDrawer(el: HTMLElement): View {
  return {
    update({ state }) {
      const which = openPanel(state);
      el.hidden = which === null;
      el.dataset.panel = which ?? "";
    },
    dispose() {},
  };
}
