// The d3 timeline: a histogram of messages per bin, annotations, and a brush that sets the period.
// Programmatic moves (state changed elsewhere) are silent: they never call back into the store.
import { axisBottom, brushX, max, scaleLinear, scaleUtc, select, type D3BrushEvent } from "d3";
import type { Period } from "../graph/period";
import type { Bins } from "./bins";
import { firstPeriod, stepPeriod, type StepKey } from "./steps";

export interface TimelineView {
  /** Moves the brush to `period` (null clears it) without emitting. */
  moveSilent(period: Period | null): void;
  /** Messages per bin that the filters keep; the rest of each bar is drawn faint. */
  setShown(counts: Int32Array): void;
  dispose(): void;
}

export interface TimelineOptions {
  bins: Bins;
  full: Period;
  annotations: { time: number; label: string }[];
  /** Rounds a brushed period (e.g. to whole local days). */
  snap(period: Period): Period;
  onBrush(period: Period | null): void;
  /** IANA zone of the corpus (ds.meta.timeZone): keyboard steps move by whole local days in it.
   *  Default "UTC". */
  timeZone?: string;
  /** True when the dataset has no dated messages (ds.messages.datedCount === 0): no chart is
   *  drawn, only a line saying so. The timeline is also empty whenever `bins.counts` is (as
   *  binMessages returns for no dated messages), so the option may be left out. */
  empty?: boolean;
  /** A shorter chart without annotations (an embed's compact timeline). */
  compact?: boolean;
}

/** The text shown instead of the chart when there is nothing to draw. */
export const EMPTY_TIMELINE_TEXT = "No dated messages: the timeline is empty";

const FULL_HEIGHT = 132;
const COMPACT_HEIGHT = 64;
const FULL_MARGIN = { top: 26, right: 16, bottom: 22, left: 44 };

export function mountTimeline(el: HTMLElement, opts: TimelineOptions): TimelineView {
  const { bins } = opts;
  const annotations = opts.compact ? [] : opts.annotations;
  const HEIGHT = opts.compact ? COMPACT_HEIGHT : FULL_HEIGHT;
  const M = opts.compact ? { ...FULL_MARGIN, top: 6 } : FULL_MARGIN;
  const timeZone = opts.timeZone ?? "UTC";
  if (opts.empty || bins.counts.length === 0) return mountEmpty(el);
  const svg = select(el).append("svg").attr("class", "timeline-svg").attr("role", "img").attr("height", HEIGHT);
  svg.append("title").text("Messages over time; drag across the chart to choose a period");
  // Keyboard: the chart takes focus; arrows move the period by one bar, Shift+arrows change its
  // end, Home/End jump to the start/end, Delete shows the whole span.
  svg
    .attr("tabindex", 0)
    .attr("aria-label", "Timeline of messages. Arrow keys move the chosen period by one bar; Shift and arrow keys lengthen or shorten it; Delete shows the whole period.")
    .attr("aria-keyshortcuts", "ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End Delete");
  const g = svg.append("g").attr("transform", `translate(${M.left},${M.top})`);
  const ghostG = g.append("g").attr("class", "bars-all");
  const barsG = g.append("g").attr("class", "bars");
  const annG = g.append("g").attr("class", "annotations");
  const xAxisG = g.append("g").attr("class", "axis x-axis");
  const yAxisG = g.append("g").attr("class", "axis y-axis");
  const brushG = g.append("g").attr("class", "brush");
  const x = scaleUtc().domain([bins.edges[0], bins.edges[bins.edges.length - 1]]);
  const h = HEIGHT - M.top - M.bottom;
  const y = scaleLinear().domain([0, max(bins.counts) ?? 1]).nice().range([h, 0]);
  let shown: Int32Array = bins.counts;
  let current: Period | null = null;
  let silent = false;

  const brush = brushX<unknown>().on("brush end", (ev: D3BrushEvent<unknown>) => {
    if (silent || !ev.sourceEvent) return;
    const sel = ev.selection as [number, number] | null;
    const next = sel ? opts.snap({ start: x.invert(sel[0]).getTime(), end: x.invert(sel[1]).getTime() }) : null;
    const changed = next?.start !== current?.start || next?.end !== current?.end;
    current = next;
    if (ev.type === "end") moveSilent(current); // settle the handles on the snapped days
    if (changed) opts.onBrush(current);
  });

  const draw = () => {
    const width = Math.max(200, el.clientWidth);
    const w = width - M.left - M.right;
    svg.attr("width", width).attr("viewBox", `0 0 ${width} ${HEIGHT}`);
    x.range([0, w]);
    const barW = (b: number) => Math.max(1, x(bins.edges[b + 1]) - x(bins.edges[b]) - (w / bins.counts.length > 4 ? 1 : 0));
    const filtered = shown !== bins.counts;
    ghostG
      .selectAll("rect")
      .data(filtered ? Array.from(bins.counts.keys()) : [])
      .join("rect")
      .attr("x", (b) => x(bins.edges[b]))
      .attr("width", barW)
      .attr("y", (b) => y(bins.counts[b]))
      .attr("height", (b) => h - y(bins.counts[b]));
    barsG
      .selectAll("rect")
      .data(Array.from(shown.keys()))
      .join("rect")
      .attr("x", (b) => x(bins.edges[b]))
      .attr("width", barW)
      .attr("y", (b) => y(shown[b]))
      .attr("height", (b) => h - y(shown[b]));
    xAxisG.attr("transform", `translate(0,${h})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 90))).tickSizeOuter(0));
    yAxisG.call((s) => s.selectAll("*").remove());
    yAxisG
      .selectAll("text")
      .data(y.ticks(2).filter((t) => t > 0))
      .join("text")
      .attr("x", -6)
      .attr("y", (t) => y(t))
      .attr("dy", "0.32em")
      .attr("text-anchor", "end")
      .text((t) => t.toLocaleString("en-GB"));
    yAxisG.selectAll("line").data(y.ticks(2).filter((t) => t > 0)).join("line").attr("x1", 0).attr("x2", w).attr("y1", (t) => y(t)).attr("y2", (t) => y(t));
    // Annotations: a tick and a label; labels that would overlap the previous one move up a row.
    const visible = annotations.filter((a) => a.time >= bins.edges[0] && a.time <= bins.edges[bins.edges.length - 1]);
    const rowEnd = [-Infinity, -Infinity];
    const placed = visible.map((a) => {
      const px = x(a.time);
      const width = a.label.length * 6.2 + 8;
      const flip = px + width > w; // near the right edge the label reads leftwards
      const from = flip ? px - width : px;
      const row = rowEnd[0] < from ? 0 : rowEnd[1] < from ? 1 : -1;
      if (row >= 0) rowEnd[row] = from + width;
      return { ...a, px, row, flip };
    });
    const ann = annG.selectAll<SVGGElement, (typeof placed)[number]>("g").data(placed).join("g").attr("class", "annotation");
    ann.selectAll("line").data((d) => [d]).join("line").attr("x1", (d) => d.px).attr("x2", (d) => d.px).attr("y1", (d) => (d.row === 1 ? -12 : -2)).attr("y2", h);
    ann
      .selectAll("text")
      .data((d) => [d])
      .join("text")
      .attr("x", (d) => (d.flip ? d.px - 3 : d.px + 3))
      .attr("text-anchor", (d) => (d.flip ? "end" : "start"))
      .attr("y", (d) => (d.row === 1 ? -14 : -4))
      .attr("display", (d) => (d.row < 0 ? "none" : null))
      .text((d) => d.label);
    ann.selectAll("title").data((d) => [d]).join("title").text((d) => `${new Date(d.time).toISOString().slice(0, 10)}: ${d.label}`);
    brush.extent([[0, 0], [w, h]]);
    brushG.call(brush);
    moveSilent(current);
  };

  const moveSilent = (period: Period | null) => {
    current = period;
    silent = true;
    brushG.call(brush.move, period ? [x(period.start), x(period.end)] : null);
    silent = false;
  };

  const KEYS = new Map<string, StepKey>([["ArrowLeft", "left"], ["ArrowRight", "right"], ["Home", "home"], ["End", "end"]]);
  const onKey = (ev: KeyboardEvent) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return; // the browser's own shortcuts (Alt+Left: back)
    if (ev.key === "Delete" || ev.key === "Backspace") {
      ev.preventDefault();
      moveSilent(null);
      opts.onBrush(null);
      return;
    }
    const key = KEYS.get(ev.key);
    if (!key) return;
    ev.preventDefault();
    // With no period yet, the first press chooses the last tenth of the span (Home: the first).
    const next = current ? stepPeriod(current, opts.full, bins.unit, key, ev.shiftKey, timeZone) : firstPeriod(bins.edges, opts.full, key, timeZone);
    const changed = next.start !== current?.start || next.end !== current?.end;
    moveSilent(next);
    if (changed) opts.onBrush(next);
  };
  svg.on("keydown", onKey);

  draw();
  const ro = new ResizeObserver(() => draw());
  ro.observe(el);
  return {
    moveSilent,
    setShown(counts) {
      // Same scale as before, so filtering visibly lowers the bars.
      shown = counts.every((c, b) => c === bins.counts[b]) ? bins.counts : counts;
      draw();
    },
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
    moveSilent() {},
    setShown() {},
    dispose() {
      note.remove();
    },
  };
}
