// The timeline as a view: controls (bar scale, play), the detail chart of the chosen period and
// the overview strip with the brush. The brush and the keys set the period (setPeriod); the brush
// shows the state's period whatever set it, and moves only when the two differ (a link, Back, a
// story's step, which it glides to, or "Show whole period"), so views never loop.
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import { DEFAULT_FILTERS } from "../graph/filters";
import { messageRule, type MessageRule, type Period } from "../graph/period";
import { reducedMotion, STEP_MS } from "../render/motion";
import { perFrame } from "../ui/per-frame";
import { choosePeriod, type BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { samePeriod } from "../state/view-state";
import { binShown, type Bins } from "../time/bins";
import { detailEdges, detailUnit } from "../time/fine-bins";
import { snapToDays } from "../time/zone";
import type { ScaleKind } from "./chart-parts";
import { mountDetail, type DetailChart } from "./detail";
import { mountPlayControl, type PlayControl } from "./player";
import { mountTimeline, type TimelineView } from "./timeline";
import { h } from "../ui/dom";
import "./timeline.css";

/** The link flag that keeps the bar scale: f.tlscale=sqrt (linear when absent). */
export const SCALE_FLAG = "tlscale";
const scaleOf = (f: Record<string, string>): ScaleKind => (f[SCALE_FLAG] === "sqrt" ? "sqrt" : "linear");

/** The bar-scale select, which sets the link flag. */
function scaleControl(actions: BoundActions): HTMLSelectElement {
  const select = document.createElement("select");
  select.className = "timeline-scale";
  select.setAttribute("aria-label", "Bar height scale");
  select.append(new Option("Linear scale", "linear"), new Option("Square-root scale", "sqrt"));
  select.addEventListener("change", () => actions.setFlag(SCALE_FLAG, select.value === "sqrt" ? "sqrt" : null));
  return select;
}

/** How long the brush takes to reach a period set elsewhere: a story's step glides. */
function glideFor({ state }: Frame, prev: Frame | null): number {
  const aim = state.aim;
  return aim && aim !== prev?.state.aim && aim.kind === "place" && aim.glide && !reducedMotion() ? STEP_MS : 0;
}

/** The detail chart of the chosen period: its bars count what `rule()` keeps, the rest faint. */
function mountDetailChart(
  el: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  full: Period,
  everyone: MessageRule,
  rule: () => MessageRule,
): DetailChart {
  const tz = ds.meta.timeZone;
  return mountDetail(el, {
    annotations: ds.annotations,
    full,
    timeZone: tz,
    scale: "linear",
    binsFor(p, w) {
      const unit = detailUnit(p, w);
      const binEdges = detailEdges(p, unit, tz);
      const total = binShown(ds, edges, everyone, binEdges);
      const kept = rule();
      return { unit, edges: binEdges, total, shown: kept === everyone ? total : binShown(ds, edges, kept, binEdges) };
    },
  });
}

/** Play: each window shown on the brush and set as the period. */
function mountPlayer(
  controls: HTMLElement,
  timeline: TimelineView,
  full: Period,
  timeZone: string,
  actions: BoundActions,
): PlayControl {
  return mountPlayControl(controls, {
    full,
    timeZone,
    period: () => timeline.shown() ?? full,
    show(window) {
      const period = choosePeriod(full, window);
      timeline.show(period);
      actions.setPeriod(period);
    },
  });
}

export function mountTimelineView(
  el: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  bins: Bins,
  full: Period,
  actions: BoundActions,
  compact = false,
): View {
  const tz = ds.meta.timeZone;
  const empty = ds.messages.datedCount === 0;
  const scaleSelect = scaleControl(actions);
  const controls = h("div", { class: "timeline-controls" }, scaleSelect);
  if (!compact && !empty) el.append(controls);

  const everyone = messageRule(DEFAULT_FILTERS, new Uint8Array(ds.people.count).fill(1));
  // The rule of the last frame, for the detail chart's bars (drawn on demand, e.g. on a resize).
  let rule: MessageRule = everyone;
  const detail = compact || empty ? null : mountDetailChart(el, ds, edges, full, everyone, () => rule);
  let player: PlayControl | null = null;
  // A drag sets the period once per frame, with where the brush is by then.
  const brushed = perFrame<Period | null>((period) => actions.setPeriod(choosePeriod(full, period)));
  // Brushed periods are whole local days within the corpus span: what the brush shows is what the
  // state holds.
  const timeline = mountTimeline(el, {
    compact,
    bins,
    full,
    annotations: ds.annotations,
    timeZone: tz,
    empty,
    snap: (p) => choosePeriod(full, snapToDays(p.start, p.end, tz)),
    onBrush: (period, settled) => {
      player?.stop();
      brushed.push(period);
      if (settled) brushed.flush();
    },
  });
  if (detail) player = mountPlayer(controls, timeline, full, tz, actions);
  let redrawFrame = 0;

  return {
    update(frame: Frame, prev: Frame | null) {
      const { state, derived } = frame;
      // A brushed period waiting for its frame is not "set elsewhere": the brush stays where it is.
      if (!brushed.pending() && !samePeriod(timeline.shown() ?? full, state.period)) {
        // Set elsewhere: the play control stops, and the brush follows.
        player?.stop();
        timeline.show(samePeriod(state.period, full) ? null : state.period, glideFor(frame, prev));
      }
      if (!prev || prev.derived.shownBins !== derived.shownBins) timeline.setShown(derived.shownBins);
      const scale = scaleOf(state.flags);
      if (!prev || scale !== scaleOf(prev.state.flags)) {
        scaleSelect.value = scale;
        timeline.setScale(scale);
        detail?.setScale(scale);
      }
      const ruleChanged = !prev || prev.derived.stats.rule !== derived.stats.rule;
      if (ruleChanged) rule = sameRule(derived.stats.rule, everyone) ? everyone : derived.stats.rule;
      if (!prev || !samePeriod(prev.state.period, state.period) || ruleChanged) detail?.show(state.period);
      // Projector mode changes the font sizes; draw again once its styles apply.
      if (prev && prev.state.flags.present !== state.flags.present) {
        cancelAnimationFrame(redrawFrame);
        redrawFrame = requestAnimationFrame(() => {
          timeline.redraw();
          detail?.redraw();
        });
      }
    },
    dispose: () => {
      cancelAnimationFrame(redrawFrame);
      brushed.dispose();
      player?.dispose();
      detail?.dispose();
      timeline.dispose();
      controls.remove();
    },
  };
}

/** Two rules that keep the same messages. */
function sameRule(a: MessageRule, b: MessageRule): boolean {
  return (
    a.mask === b.mask &&
    a.limit === b.limit &&
    (a.allowed === b.allowed || a.allowed.every((k, p) => k === b.allowed[p]))
  );
}
