// The detail chart: the chosen period (the whole span when none is chosen) in finer bins, counts
// on hover (a title per bar), and the annotations inside it as labels that never hide or overprint
// (annotation-labels.ts). Sizes follow the font size, so projector mode's big text is not clipped.
import { type ScaleTime, type Selection, scaleUtc, select } from "d3";
import type { Period } from "../graph/period";
import { plural } from "../ui/format";
import type { BinUnit } from "../time/bins";
import { chartLayers, dayLabel, drawChart, redrawOnWidth, fontPx, makeY, type ScaleKind } from "./chart-parts";
import { mountAnnotationLabels, type Annotation } from "./annotation-labels";

export interface DetailBins {
  unit: BinUnit;
  edges: Float64Array;
  /** Every message drawn (default filters), and those the current filters keep. */
  total: Int32Array;
  shown: Int32Array;
}

export interface DetailChart {
  /** Draws `period`, asking `binsFor` for its bins at the chart's current width. */
  show(period: Period): void;
  /** Draws the last period again (new filters, font size or scale). */
  redraw(): void;
  setScale(kind: ScaleKind): void;
  dispose(): void;
}

export interface DetailOptions {
  annotations: Annotation[];
  /** The whole span (the annotation band is sized for it). */
  full: Period;
  timeZone: string;
  scale: ScaleKind;
  binsFor(period: Period, plotWidth: number): DetailBins;
}

const MARGIN = { right: 16 };

/** A bar's tooltip: its day or days, and its messages (of all, when filters hide some). */
function barTitle(bins: DetailBins, b: number, filtered: boolean, timeZone: string): string {
  const { edges, shown, total } = bins;
  const first = dayLabel(edges[b], timeZone);
  const when = bins.unit === "day" ? first : `${first} – ${dayLabel(edges[b + 1] - 1, timeZone)}`;
  const count = plural(shown[b], "message");
  return `${when}: ${filtered ? `${count} of ${total[b].toLocaleString("en-GB")} shown` : count}`;
}

/** A full-height target per bar, so a bar one pixel tall still shows its count on hover. */
function drawHits(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  bins: DetailBins,
  x: ScaleTime<number, number>,
  height: number,
  title: (b: number) => string,
): void {
  const { edges } = bins;
  const hits = layer
    .selectAll<SVGRectElement, number>("rect")
    .data(Array.from(bins.shown.keys()))
    .join("rect")
    .attr("x", (b) => x(edges[b]))
    .attr("width", (b) => Math.max(1, x(edges[b + 1]) - x(edges[b])))
    .attr("y", 0)
    .attr("height", height);
  hits
    .selectAll("title")
    .data((b) => [b])
    .join("title")
    .text(title);
}

export function mountDetail(el: HTMLElement, opts: DetailOptions): DetailChart {
  const box = document.createElement("div");
  box.className = "timeline-detail";
  el.append(box);
  const labels = mountAnnotationLabels(box, opts.annotations, opts.full);
  const svg = select(box)
    .append("svg")
    .attr("class", "timeline-detail-svg")
    .attr("role", "img")
    .attr("aria-label", "Messages in the chosen period, in finer bars");
  const g = svg.append("g");
  const layers = chartLayers(g, "detail-bars", "annotation-lines");
  const hitG = g.append("g").attr("class", "detail-hits");
  const x = scaleUtc();
  let scale = opts.scale;
  let period: Period | null = null;

  const draw = () => {
    if (!period) return;
    const f = fontPx(svg.node()!);
    const left = Math.round(f * 4 + 4);
    const width = Math.max(200, el.clientWidth);
    const w = width - left - MARGIN.right;
    // Projector type on a short screen: the plot gives up height before the network does.
    const h = Math.round(Math.min(f * 6.5, Math.max(f * 3, window.innerHeight * 0.1)));
    const bins = opts.binsFor(period, w);
    const { edges, total, shown } = bins;
    x.domain([edges[0], edges[edges.length - 1]]).range([0, w]);
    const band = labels.place(x, left, w, width);
    const height = band.height + h + Math.round(f + 11);
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    g.attr("transform", `translate(${left},${band.height})`);
    const y = makeY(scale, total, h);
    const filtered = shown.some((c, b) => c !== total[b]);
    drawChart(layers, { edges, total, shown, filtered, x, y, h, w });
    layers.annotations
      .selectAll("line")
      .data(band.ticks)
      .join("line")
      .attr("x1", (t) => t.px)
      .attr("x2", (t) => t.px)
      .attr("y1", (t) => t.top - band.height)
      .attr("y2", h);
    drawHits(hitG, bins, x, h, (b) => barTitle(bins, b, filtered, opts.timeZone));
  };

  const ro = redrawOnWidth(el, draw);
  return {
    show(p) {
      period = p;
      draw();
    },
    redraw: draw,
    setScale(kind) {
      scale = kind;
      draw();
    },
    dispose() {
      ro.disconnect();
      box.remove();
    },
  };
}
