// The network in words for screen readers: a visually hidden description of the view (see
// describe-view.ts) that the network element points at with aria-describedby, and a "Show as a
// table" button, hidden until it has keyboard focus (a skip link), that opens the table view.
import type { Dataset } from "../data/types";
import type { BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { describeView } from "./describe-view";
import { h } from "../ui/dom";

let mounted = 0;

/** Whether anything the description reads differs between two frames (hover and camera do not count). */
function describedChanged(f: Frame, prev: Frame | null): boolean {
  if (!prev) return true;
  const [s, p] = [f.state, prev.state];
  return (
    f.derived.stats !== prev.derived.stats ||
    f.derived.communities !== prev.derived.communities ||
    f.derived.chain !== prev.derived.chain ||
    s.selected !== p.selected ||
    s.connection !== p.connection ||
    s.chain !== p.chain ||
    s.community !== p.community ||
    s.focus !== p.focus ||
    s.filters !== p.filters ||
    s.period !== p.period
  );
}

/** Puts the description right after `network` and points the network at it. */
export function mountViewDescription(network: HTMLElement, ds: Dataset, actions: BoundActions): View {
  const id = `view-description-${++mounted}`;
  const text = h("div", { id, class: "visually-hidden", "data-view-description": "" });
  // Positioned like the network tools, so the button shows over the network when focused.
  const showTable = h(
    "button",
    {
      type: "button",
      class: "button small visually-hidden",
      "data-control": "show-table",
      style: "position:absolute;left:12px;top:10px;z-index:8",
    },
    "Show as a table",
  );
  const box = h("div", { class: "view-description" }, text, showTable);
  network.after(box);
  const previous = network.getAttribute("aria-describedby");
  network.setAttribute("aria-describedby", id);

  // The button hides with the network: keyboard focus goes on into the table.
  showTable.addEventListener("click", () => actions.setView("table", true));
  showTable.addEventListener("focus", () => showTable.classList.remove("visually-hidden"));
  showTable.addEventListener("blur", () => showTable.classList.add("visually-hidden"));
  let shown: string[] = [];
  return {
    update(frame, prev) {
      const { state } = frame;
      showTable.hidden = state.view === "table";
      if (!describedChanged(frame, prev)) return;
      const { stats, communities, chain } = frame.derived;
      const sentences = describeView({ ds, stats, communities, state, chain });
      if (sentences.length === shown.length && sentences.every((s, i) => s === shown[i])) return;
      shown = sentences;
      text.replaceChildren(...sentences.map((s) => h("p", {}, s)));
    },
    dispose() {
      box.remove();
      if (previous === null) network.removeAttribute("aria-describedby");
      else network.setAttribute("aria-describedby", previous);
    },
  };
}
