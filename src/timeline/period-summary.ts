// The line above the timeline: the period, its messages and people, what the timeline or the
// network cannot show (undated messages, messages to no one but the sender), and "Show whole period".
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { Period } from "../graph/period";
import { plural, summaryParts } from "../ui/format";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { samePeriod } from "../state/view-state";
import { button, h } from "../ui/dom";
import { partsLine } from "../ui/nowrap";
import "./period-summary.css";

export function mountPeriodSummary(
  el: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  full: Period,
  actions: BoundActions,
): View {
  const summary = h("p", { class: "period-summary", "aria-live": "polite" });
  const reset = button({ class: "reset-period", hidden: "" }, "Show whole period");
  const undated = ds.messages.count - ds.messages.datedCount;
  const undatedNote = h(
    "p",
    { class: "undated-note", hidden: undated ? undefined : "" },
    `${plural(undated, "undated message")} not on the timeline`,
  );
  let lineless = 0;
  for (let m = 0; m < ds.messages.count; m++) if (edges.msgEdgeStart[m + 1] === edges.msgEdgeStart[m]) lineless++;
  const linelessNote = h(
    "p",
    { class: "lineless-note", hidden: lineless ? undefined : "" },
    `${plural(lineless, "message")} to no one but the sender not drawn`,
  );
  const box = h("div", { class: "timeline-head" }, summary, undatedNote, linelessNote, reset);
  el.prepend(box);
  reset.addEventListener("click", () => actions.showWholePeriod(full));
  return {
    update({ state, derived }, prev) {
      if (prev && prev.derived.stats === derived.stats) return;
      const { stats } = derived;
      // Each part on one line: the line wraps between the period, its messages and its people.
      summary.replaceChildren(
        ...partsLine(
          ds.messages.datedCount === 0
            ? ["No dated messages", plural(ds.people.count, "person", "people")]
            : summaryParts(stats.period, ds.meta.timeZone, stats.messages, stats.people),
        ),
      );
      reset.hidden = samePeriod(state.period, full);
    },
    dispose: () => box.remove(),
  };
}
