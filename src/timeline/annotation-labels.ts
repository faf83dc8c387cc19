// The detail chart's annotation labels, as HTML over the chart's top band: one focusable label per
// annotation inside the shown span, placed in rows by placeLabels (never hidden, never overprinting;
// shortened with an ellipsis when the rows are full), full text and date on hover and focus.
import type { ScaleTime } from "d3";
import { type LabelPlace, placeLabels, rowCount } from "./annotation-rows";
import { h } from "../ui/dom";
import { dayLabel, fontPx } from "./chart-parts";

export interface Annotation {
  time: number;
  label: string;
}

export interface Band {
  /** Height of the label rows above the plot (px). */
  height: number;
  /** A dashed line per shown label: its x in the plot and the bottom of its label's row. */
  ticks: { px: number; top: number }[];
}

export interface AnnotationLabels {
  /** Places the labels of the annotations inside x's domain; `left` is the plot's offset in the box. */
  place(x: ScaleTime<number, number>, left: number, plotWidth: number, boxWidth: number): Band;
}

const MIN_ROWS = 2;

/** A focusable label with its date and full text as its name and tooltip. */
function annotationItem(a: Annotation): HTMLLIElement {
  const full = `${dayLabel(a.time, "UTC")}: ${a.label}`; // a calendar date, kept as UTC midnight
  return h("li", { class: "annotation", tabindex: "0", title: full, "aria-label": full }, a.label);
}

/** Puts a label in its row, shortened to its width, on the side of its tick that `flip` says. */
function placeItem(li: HTMLElement, p: LabelPlace, lineH: number, left: number, boxWidth: number): void {
  li.style.top = `${p.row * lineH}px`;
  li.style.maxWidth = `${Math.max(1, Math.floor(p.width))}px`;
  li.classList.toggle("flip", p.flip);
  li.style.left = p.flip ? "" : `${left + p.left}px`;
  li.style.right = p.flip ? `${boxWidth - left - (p.left + p.width)}px` : "";
}

/** `span`: the whole time span; the band is as tall as its labels need there, so the same view has
 *  the same layout however it was reached (a link, a brush, playing). */
export function mountAnnotationLabels(
  box: HTMLElement,
  annotations: Annotation[],
  span: { start: number; end: number },
): AnnotationLabels {
  const sorted = [...annotations].sort((a, b) => a.time - b.time);
  const items = sorted.map(annotationItem);
  const layer = h("ul", { class: "timeline-annotations", "aria-label": "Annotations" }, ...items);
  box.append(layer);
  let measuredAt = 0;
  let natural: number[] = [];

  /** Natural label widths, measured again only when the font size changes. */
  const measure = (font: number) => {
    if (font === measuredAt) return;
    for (const li of items) {
      li.hidden = false;
      li.style.maxWidth = "none";
    }
    natural = items.map((li) => li.scrollWidth + 1);
    if (natural.some((n) => n > 1)) measuredAt = font; // not laid out yet (hidden): measure next time
  };

  return {
    place(x, left, plotWidth, boxWidth) {
      const font = fontPx(layer);
      const lineH = Math.round(font * 1.45);
      if (sorted.length === 0) return { height: Math.round(font * 0.5), ticks: [] };
      measure(font);
      const [from, to] = x.domain().map((d) => d.getTime());
      const inside = sorted.map((_, i) => i).filter((i) => sorted[i].time >= from && sorted[i].time < to);
      // Projector type (18 px and up) shortens labels further before opening a row: the network keeps its height.
      const rowOpts = {
        plotWidth,
        rows: MIN_ROWS,
        minWidth: font * (font >= 18 ? 2.5 : 5),
        gap: Math.round(font * 0.6),
      };
      const places = placeLabels(
        inside.map((i) => ({ px: x(sorted[i].time), width: natural[i] })),
        rowOpts,
      );
      const wide = (t: number) => ((t - span.start) / Math.max(1, span.end - span.start)) * plotWidth;
      const whole = placeLabels(
        sorted.flatMap((a, i) =>
          a.time >= span.start && a.time < span.end ? [{ px: wide(a.time), width: natural[i] }] : [],
        ),
        rowOpts,
      );
      const rows = Math.max(MIN_ROWS, rowCount(whole), rowCount(places));
      const height = rows * lineH + 4;
      items.forEach((li, i) => {
        li.hidden = !inside.includes(i);
      });
      const ticks = places.map((p, k) => {
        placeItem(items[inside[k]], p, lineH, left, boxWidth);
        return { px: x(sorted[inside[k]].time), top: (p.row + 1) * lineH };
      });
      layer.style.height = `${height}px`;
      return { height, ticks };
    },
  };
}
