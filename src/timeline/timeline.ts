// The overview strip: a histogram of messages per bin over the whole span, a tick per annotation,
// and a brush (and keys) that set the period. Only the reader's gestures call onBrush: a period
// shown from outside (show) moves the brush without a word. Sizes follow the font size (projector
// mode).
import { brushX, type ScaleTime, scaleUtc, select, type D3BrushEvent } from "d3";
import type { Period } from "../graph/period";
import type { Bins } from "../time/bins";
import {
  chartLayers,
  dayLabel,
  drawChart,
  redrawOnWidth,
  fontPx,
  makeY,
  type ChartLayers,
  type ScaleKind,
} from "./chart-parts";
import { firstPeriod, stepPeriod, type StepKey } from "../time/steps";

export interface TimelineView {
  /** Moves the brush to `period` (null clears it), gliding for `glideMs`; onBrush is not called. */
  show(period: Period | null, glideMs?: number): void;
  /** The period the brush shows (null: none, the whole span). */
  shown(): Period | null;
  /** Messages per bin that the filters keep; the rest of each bar is drawn faint. */
  setShown(counts: Int32Array): void;
  setScale(kind: ScaleKind): void;
  /** Draws again (the font size changed). */
  redraw(): void;
  dispose(): void;
}

export interface TimelineOptions {
  bins: Bins;
  full: Period;
  annotations: { time: number; label: string }[];
  /** Rounds a brushed period (e.g. to whole local days). */
  snap(period: Period): Period;
  /** A gesture set the period; `settled` when it is done with it (the drag ended, a key). */
  onBrush(period: Period | null, settled: boolean): void;
  /** IANA zone of the corpus (ds.meta.timeZone): keyboard steps move by whole local days in it.
   *  Default "UTC". */
  timeZone?: string;
  /** True when the dataset has no dated messages (ds.messages.datedCount === 0): no chart is
   *  drawn, only a line saying so. The timeline is also empty whenever `bins.counts` is (as
   *  binMessages returns for no dated messages), so the option may be left out. */
  empty?: boolean;
  /** A taller strip without annotation ticks (an embed's compact timeline, which has no detail). */
  compact?: boolean;
  scale?: ScaleKind;
}

/** The text shown instead of the chart when there is nothing to draw. */
export const EMPTY_TIMELINE_TEXT = "No dated messages: the timeline is empty";

/** Margins and plot height for font size f (px): 11 px text gives a 29-px strip (compact 36). */
function layout(f: number, compact: boolean) {
  const m = {
    top: Math.round(compact ? 6 : f * 0.6),
    right: 16,
    bottom: Math.round(f + 11),
    left: Math.round(f * 4 + 4),
  };
  return { m, plotH: Math.round(f * (compact ? 3.3 : 2.6)) };
}

/** The chart's svg: it takes keyboard focus, and says which keys it answers. */
function focusableChart(el: HTMLElement) {
  const svg = select(el).append("svg").attr("class", "timeline-svg").attr("role", "img");
  svg.append("title").text("Messages over time; drag across the chart to choose a period");
  return svg
    .attr("tabindex", 0)
    .attr(
      "aria-label",
      "Timeline of messages. Arrow keys move the chosen period by one bar; Shift and arrow keys lengthen or shorten it; Delete shows the whole period.",
    )
    .attr("aria-keyshortcuts", "ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End Delete");
}

const KEYS = new Map<string, StepKey>([
  ["ArrowLeft", "left"],
  ["ArrowRight", "right"],
  ["Home", "home"],
  ["End", "end"],
]);

/** The period a key press on the chart asks for: arrows move it by one bar, Shift+arrows change
 *  its end, Home/End jump to either end, Delete asks for none (the whole span); undefined for a
 *  key the chart leaves alone. With no period yet, the first press chooses the last tenth of the
 *  span (Home: the first). */
function keyedPeriod(
  ev: KeyboardEvent,
  current: Period | null,
  opts: TimelineOptions,
  timeZone: string,
): Period | null | undefined {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return undefined; // the browser's own shortcuts (Alt+Left: back)
  if (ev.key === "Delete" || ev.key === "Backspace") return null;
  const key = KEYS.get(ev.key);
  if (!key) return undefined;
  const { bins, full } = opts;
  return current
    ? stepPeriod(current, full, bins.unit, key, ev.shiftKey, timeZone)
    : firstPeriod(bins.edges, full, key, timeZone);
}

/** A thin line at each annotation inside the span, its text as the line's tooltip. */
function drawAnnotationTicks(
  layer: ChartLayers["annotations"],
  annotations: TimelineOptions["annotations"],
  x: ScaleTime<number, number>,
  [top, bottom]: [number, number],
): void {
  const [from, to] = x.domain().map((d) => d.getTime());
  const inside = annotations.filter((a) => a.time >= from && a.time <= to);
  const ticks = layer
    .selectAll<SVGLineElement, (typeof inside)[number]>("line")
    .data(inside)
    .join("line")
    .attr("x1", (a) => x(a.time))
    .attr("x2", (a) => x(a.time))
    .attr("y1", top)
    .attr("y2", bottom);
  ticks
    .selectAll("title")
    .data((a) => [a])
    .join("title")
    .text((a) => `${dayLabel(a.time, "UTC")}: ${a.label}`);
}

export function mountTimeline(el: HTMLElement, opts: TimelineOptions): TimelineView {
  const { bins } = opts;
  const compact = opts.compact ?? false;
  const annotations = compact ? [] : opts.annotations;
  const timeZone = opts.timeZone ?? "UTC";
  if (opts.empty || bins.counts.length === 0) return mountEmpty(el);
  const svg = focusableChart(el);
  const g = svg.append("g");
  const layers = chartLayers(g, "bars", "annotation-ticks");
  const brushG = g.append("g").attr("class", "brush");
  const x = scaleUtc().domain([bins.edges[0], bins.edges[bins.edges.length - 1]]);
  let scale: ScaleKind = opts.scale ?? "linear";
  let shown: Int32Array = bins.counts;
  // The period the brush shows: its own value, as an input has one.
  let current: Period | null = null;

  // Moves made by show() (and their transitions) carry no sourceEvent: only gestures get through.
  const brush = brushX<unknown>().on("brush end", (ev: D3BrushEvent<unknown>) => {
    if (!ev.sourceEvent) return;
    const sel = ev.selection as [number, number] | null;
    const next = sel ? opts.snap({ start: x.invert(sel[0]).getTime(), end: x.invert(sel[1]).getTime() }) : null;
    const changed = next?.start !== current?.start || next?.end !== current?.end;
    current = next;
    // The drag's end is always reported, changed or not: the last move may still wait for a frame.
    const settled = ev.type === "end";
    if (settled) show(current); // settle the handles on the snapped days
    if (changed || settled) opts.onBrush(current, settled);
  });

  const draw = () => {
    const { m, plotH: h } = layout(fontPx(svg.node()!), compact);
    const height = m.top + h + m.bottom;
    const width = Math.max(200, el.clientWidth);
    const w = width - m.left - m.right;
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    g.attr("transform", `translate(${m.left},${m.top})`);
    x.range([0, w]);
    const y = makeY(scale, bins.counts, h);
    const filtered = shown !== bins.counts;
    drawChart(layers, { edges: bins.edges, total: bins.counts, shown, filtered, x, y, h, w });
    drawAnnotationTicks(layers.annotations, annotations, x, [-m.top, h]);
    brush.extent([
      [0, 0],
      [w, h],
    ]);
    brushG.call(brush);
    show(current);
  };

  const show = (period: Period | null, glideMs = 0) => {
    current = period;
    const to: [number, number] | null = period ? [x(period.start), x(period.end)] : null;
    if (glideMs > 0 && to) brushG.transition().duration(glideMs).call(brush.move, to);
    else brushG.interrupt().call(brush.move, to);
  };

  svg.on("keydown", (ev: KeyboardEvent) => {
    const next = keyedPeriod(ev, current, opts, timeZone);
    if (next === undefined) return;
    ev.preventDefault();
    const changed = next?.start !== current?.start || next?.end !== current?.end;
    show(next);
    if (changed || next === null) opts.onBrush(next, true);
  });

  draw();
  const ro = redrawOnWidth(el, draw);
  return {
    show,
    shown: () => current,
    setShown(counts) {
      // Same scale as before, so filtering visibly lowers the bars.
      shown = counts.every((c, b) => c === bins.counts[b]) ? bins.counts : counts;
      draw();
    },
    setScale(kind) {
      scale = kind;
      draw();
    },
    redraw: draw,
    dispose() {
      ro.disconnect();
      svg.remove();
    },
  };
}

/** No dated messages: no axis, bars or brush (they would show 1970 and a phantom bar). */
function mountEmpty(el: HTMLElement): TimelineView {
  const note = document.createElement("p");
  note.className = "timeline-empty";
  note.textContent = EMPTY_TIMELINE_TEXT;
  el.append(note);
  return {
    show() {},
    shown: () => null,
    setShown() {},
    setScale() {},
    redraw() {},
    dispose() {
      note.remove();
    },
  };
}
