// The timeline as a view: the brush and the keys set the period (setPeriod); a period set
// elsewhere (a link, Back, "Show whole period") moves the brush silently, so the views never loop.
import type { Dataset } from "../data/types";
import type { Period } from "../graph/period";
import { choosePeriod, type BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import { samePeriod } from "../state/view-state";
import type { Bins } from "../timeline/bins";
import { mountTimeline } from "../timeline/timeline";
import { snapToDays } from "../timeline/zone";

export function mountTimelineView(el: HTMLElement, ds: Dataset, bins: Bins, full: Period, actions: BoundActions,
  compact = false): View {
  const timeline = mountTimeline(el, {
    compact,
    bins,
    full,
    annotations: ds.annotations,
    timeZone: ds.meta.timeZone,
    empty: ds.messages.datedCount === 0,
    snap: (p) => snapToDays(p.start, p.end, ds.meta.timeZone),
    onBrush: (brushed) => actions.setPeriod(choosePeriod(full, brushed)),
  });
  return {
    update({ state, derived, cause }, prev) {
      if (prev && !samePeriod(prev.state.period, state.period) && cause !== "setPeriod") {
        timeline.moveSilent(samePeriod(state.period, full) ? null : state.period);
      } else if (!prev && !samePeriod(state.period, full)) timeline.moveSilent(state.period);
      if (prev && prev.derived.shownBins !== derived.shownBins) timeline.setShown(derived.shownBins);
      else if (!prev && derived.shownBins.some((c, b) => c !== bins.counts[b])) timeline.setShown(derived.shownBins);
    },
    dispose: () => timeline.dispose(),
  };
}
