// The drawer over the left of the network (its top on phones): shown while a person, a connection
// or a chain is open; the panels inside draw themselves. Asked to take keyboard focus (a person
// found by search, the arrow keys' cursor), it brings itself into view and takes it.
import type { View } from "../state/coordinator";
import { openPanel } from "../state/view-state";

export function mountDrawer(el: HTMLElement): View {
  return {
    update({ state }, prev) {
      const which = openPanel(state);
      el.hidden = which === null;
      el.dataset.panel = which ?? "";
      const ask = state.keyboardFocus;
      if (prev && ask !== prev.state.keyboardFocus && ask?.to === "drawer" && !el.hidden) {
        // On a phone the page scrolls: bring the panel and the network back into view.
        el.scrollIntoView({ block: "nearest" });
        el.focus({ preventScroll: true });
      }
    },
    dispose() {},
  };
}
