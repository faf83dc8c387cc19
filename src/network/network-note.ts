// A line over the network when it has nothing to draw, saying why: no people, no messages, no
// dated messages, or nothing left in this period with these filters.
import type { Dataset } from "../data/types";
import { plural } from "../ui/format";
import type { View } from "../state/coordinator";
import { h } from "../ui/dom";

export function mountNetworkNote(el: HTMLElement, ds: Dataset): View {
  const note = h("p", { class: "network-note", role: "status", hidden: "" });
  // Beside the network, not in it: the network is an image, whose children screen readers skip.
  el.after(note);
  const why = (messages: number): string | null => {
    if (ds.people.count === 0) return "This dataset has no people, so there is no network to draw.";
    if (ds.messages.count === 0)
      return `This dataset has no messages: ${plural(ds.people.count, "person", "people")} and no connections.`;
    if (ds.messages.datedCount === 0)
      return `No dated messages: ${plural(ds.messages.count, "message")} cannot be placed in a period, so none is drawn.`;
    if (messages === 0) return "No messages in this period with these filters.";
    return null;
  };
  return {
    update({ derived }, prev) {
      if (prev && prev.derived.stats === derived.stats) return;
      const text = why(derived.stats.messages);
      note.hidden = text === null;
      note.textContent = text ?? "";
    },
    dispose: () => note.remove(),
  };
}
