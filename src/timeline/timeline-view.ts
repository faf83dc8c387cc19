// The timeline as a view: controls (bar scale, play), the detail chart of the chosen period and
// the overview strip with the brush. The brush and the keys set the period (setPeriod); a period
// set elsewhere (a link, Back, "Show whole period") moves the brush silently, so views never loop.
import type { Dataset } from "../data/types";
import { DEFAULT_FILTERS } from "../graph/filters";
import { messageRule, type MessageRule, type Period } from "../graph/period";
import { choosePeriod, type BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { samePeriod } from "../state/view-state";
import type { Bins } from "../time/bins";
import type { ScaleKind } from "./chart-parts";
import { mountDetail, type DetailChart } from "./detail";
import { createKeptCounter, detailEdges, detailUnit } from "../time/fine-bins";
import { mountPlayControl, type PlayControl } from "./player";
import { mountTimeline } from "./timeline";
import { snapToDays } from "../time/zone";
import "./timeline.css";
import { reducedMotion, STEP_MS } from "../render/motion";
import type { Cause } from "../state/coordinator";

const STORY_STEPS = new Set<Cause>(["playStory", "stepStory", "setStory", "restore"]);

/** The link flag that keeps the bar scale: f.tlscale=sqrt (linear when absent). */
export const SCALE_FLAG = "tlscale";
const scaleOf = (f: Record<string, string>): ScaleKind => (f[SCALE_FLAG] === "sqrt" ? "sqrt" : "linear");
const sameRule = (a: MessageRule, b: MessageRule) => a.mask === b.mask && a.limit === b.limit && a.allowed === b.allowed;

export function mountTimelineView(el: HTMLElement, ds: Dataset, bins: Bins, full: Period, actions: BoundActions,
  compact = false): View {
  const tz = ds.meta.timeZone;
  const empty = ds.messages.datedCount === 0;
  const controls = document.createElement("div");
  controls.className = "timeline-controls";
  const scaleSelect = document.createElement("select");
  scaleSelect.className = "timeline-scale";
  scaleSelect.setAttribute("aria-label", "Bar height scale");
  scaleSelect.append(new Option("Linear scale", "linear"), new Option("Square-root scale", "sqrt"));
  scaleSelect.addEventListener("change", () => actions.setFlag(SCALE_FLAG, scaleSelect.value === "sqrt" ? "sqrt" : null));
  controls.append(scaleSelect);
  if (!compact && !empty) el.append(controls);

  let period = full;
  let rule = messageRule(DEFAULT_FILTERS, new Uint8Array(ds.people.count).fill(1));
  const defaultRule = rule;
  let ruleIsDefault = true;
  const counter = compact || empty ? null : createKeptCounter(ds);
  const detail: DetailChart | null = counter && mountDetail(el, {
    annotations: ds.annotations,
    full,
    timeZone: tz,
    scale: "linear",
    binsFor(p, w) {
      const unit = detailUnit(p, w);
      const edges = detailEdges(p, unit, tz);
      const total = counter.count(defaultRule, edges);
      return { unit, edges, total, shown: ruleIsDefault ? total : counter.count(rule, edges) };
    },
  });
  let player: PlayControl | null = null;
  const timeline = mountTimeline(el, {
    compact,
    bins,
    full,
    annotations: ds.annotations,
    timeZone: tz,
    empty,
    snap: (p) => snapToDays(p.start, p.end, tz),
    onBrush: (brushed) => {
      player?.stop();
      actions.setPeriod(choosePeriod(full, brushed));
    },
  });
  if (detail) {
    player = mountPlayControl(controls, {
      full,
      timeZone: tz,
      period: () => period,
      show(window) {
        timeline.moveSilent(window);
        actions.setPeriod(choosePeriod(full, window));
      },
    });
  }
  let redrawFrame = 0;

  return {
    update({ state, derived, cause }: Frame, prev: Frame | null) {
      // A story's step takes over the period: the play control stops, and the brush glides there.
      if (STORY_STEPS.has(cause)) player?.stop();
      if (prev && !samePeriod(prev.state.period, state.period) && cause !== "setPeriod") {
        const glide = STORY_STEPS.has(cause) && !reducedMotion() ? STEP_MS : 0;
        timeline.moveSilent(samePeriod(state.period, full) ? null : state.period, glide);
      } else if (!prev && !samePeriod(state.period, full)) timeline.moveSilent(state.period);
      if (prev && prev.derived.shownBins !== derived.shownBins) timeline.setShown(derived.shownBins);
      else if (!prev && derived.shownBins.some((c, b) => c !== bins.counts[b])) timeline.setShown(derived.shownBins);
      const scale = scaleOf(state.flags);
      if (!prev || scale !== scaleOf(prev.state.flags)) {
        scaleSelect.value = scale;
        timeline.setScale(scale);
        detail?.setScale(scale);
      }
      const newRule = !sameRule(rule, derived.stats.rule);
      if (newRule) {
        rule = derived.stats.rule;
        ruleIsDefault = rule.mask === defaultRule.mask && rule.limit === defaultRule.limit && rule.allowed.every((k) => k === 1);
      }
      if (!prev || !samePeriod(period, state.period) || newRule) {
        period = state.period;
        detail?.show(period);
      }
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
      player?.dispose();
      detail?.dispose();
      timeline.dispose();
      controls.remove();
    },
  };
}
