// Pieces both timeline charts draw: the y scale (linear or square root), bars with the faint
// bars behind them for what the filters hide, the y grid, and sizes that follow the font size.
import {
  axisBottom,
  max,
  scaleLinear,
  scaleSqrt,
  type ScaleContinuousNumeric,
  type ScaleTime,
  type Selection,
} from "d3";
import { localDay } from "../time/zone";

export type ScaleKind = "linear" | "sqrt";
export type YScale = ScaleContinuousNumeric<number, number>;
type G = Selection<SVGGElement, unknown, null, undefined>;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "3 Apr 2016": the local day of t in the corpus zone (cheap: one cached formatter). */
export function dayLabel(t: number, timeZone: string): string {
  const [y, m, d] = localDay(t, timeZone).split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function makeY(kind: ScaleKind, counts: ArrayLike<number>, height: number): YScale {
  const top = Math.max(1, max(Array.from(counts)) ?? 1);
  return (kind === "sqrt" ? scaleSqrt() : scaleLinear()).domain([0, top]).nice().range([height, 0]);
}

/** The rendered font size of an element in px (the axis text follows it). */
export function fontPx(el: Element, fallback = 11): number {
  const px = parseFloat(getComputedStyle(el).fontSize);
  return Number.isFinite(px) && px > 0 ? px : fallback;
}

export interface BarsInput {
  edges: ArrayLike<number>;
  counts: ArrayLike<number>;
  x: ScaleTime<number, number>;
  y: YScale;
  /** Plot height and width (px). */
  h: number;
  w: number;
}

/** Bars for `counts` in `g` (one rect per bin), joined by index. */
export function drawBars(g: G, { edges, counts, x, y, h, w }: BarsInput): void {
  const n = counts.length;
  const gap = n > 0 && w / n > 4 ? 1 : 0;
  g.selectAll("rect")
    .data(Array.from({ length: n }, (_, b) => b))
    .join("rect")
    .attr("x", (b) => x(edges[b]))
    .attr("width", (b) => Math.max(1, x(edges[b + 1]) - x(edges[b]) - gap))
    .attr("y", (b) => y(counts[b]))
    .attr("height", (b) => h - y(counts[b]));
}

/** Two or three labelled grid lines (no zero line). */
export function drawYGrid(g: G, y: YScale, w: number): void {
  const h = y.range()[0];
  const ticks = y.ticks(h > 60 ? 3 : h > 40 ? 2 : 1).filter((t) => t > 0 && Number.isInteger(t));
  g.selectAll("text")
    .data(ticks)
    .join("text")
    .attr("x", -6)
    .attr("y", (t) => y(t))
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .text((t) => t.toLocaleString("en-GB"));
  g.selectAll("line")
    .data(ticks)
    .join("line")
    .attr("x1", 0)
    .attr("x2", w)
    .attr("y1", (t) => y(t))
    .attr("y2", (t) => y(t));
}

/** The layers both charts draw in, bottom to top: faint bars, bars, annotation lines, the axes. */
export function chartLayers(g: G, barClass: string, annotationClass: string) {
  return {
    ghost: g.append("g").attr("class", `${barClass}-all`),
    bars: g.append("g").attr("class", barClass),
    annotations: g.append("g").attr("class", annotationClass),
    xAxis: g.append("g").attr("class", "axis x-axis"),
    yAxis: g.append("g").attr("class", "axis y-axis"),
  };
}
export type ChartLayers = ReturnType<typeof chartLayers>;

/** One draw of a chart's bars (the faint whole behind what the filters keep, when they differ), x axis and y grid. */
export function drawChart(
  l: ChartLayers,
  c: {
    edges: ArrayLike<number>;
    total: ArrayLike<number>;
    shown: ArrayLike<number>;
    filtered: boolean;
    x: ScaleTime<number, number>;
    y: YScale;
    h: number;
    w: number;
  },
): void {
  const { edges, x, y, h, w } = c;
  drawBars(l.ghost, { edges, counts: c.filtered ? c.total : [], x, y, h, w });
  drawBars(l.bars, { edges, counts: c.shown, x, y, h, w });
  l.xAxis.attr("transform", `translate(0,${h})`).call(
    axisBottom(x)
      .ticks(Math.max(2, Math.floor(w / 90)))
      .tickSizeOuter(0),
  );
  drawYGrid(l.yAxis, y, w);
}

/** Calls draw whenever el's width changes (not its height: the charts set their own); returns the observer. */
export function redrawOnWidth(el: HTMLElement, draw: () => void): ResizeObserver {
  let drawnWidth = el.clientWidth;
  const ro = new ResizeObserver(() => {
    if (el.clientWidth !== drawnWidth) draw();
    drawnWidth = el.clientWidth;
  });
  ro.observe(el);
  return ro;
}
