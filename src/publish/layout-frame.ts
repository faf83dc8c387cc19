// The page of an export (pure), shared by PNG and SVG: the header (title and period, wrapped to
// the width, never cut), the network's rectangle, and the footer (legend items flowing in rows,
// then the credit). Font sizes grow with the page, from legible on a 375 px phone to a 1600 px card.
import type { SceneFrame } from "../render/scene";
import { cssFont, FONT_STACK } from "../theme/fonts";
import { estimateWidth, fitText, round, wrapText, type Measure } from "./text-fit";

export type { Measure } from "./text-fit";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameFonts {
  family: string;
  title: number;
  subtitle: number;
  legend: number;
  credit: number;
}

export interface TextRun {
  role: "title" | "subtitle" | "credit" | "legend";
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  size: number;
  weight: 400 | 700;
  /** The CSS font it was measured in. */
  font: string;
  colour: string;
}

export interface PlacedLegendItem {
  colour: string;
  /** The swatch: a disc centred on (cx, cy). */
  cx: number;
  cy: number;
  r: number;
  label: TextRun;
}

export interface FrameLayout {
  width: number;
  height: number;
  padding: number;
  header: Rect;
  network: Rect;
  footer: Rect;
  /** Title, subtitle and credit lines. */
  texts: TextRun[];
  legend: PlacedLegendItem[];
}

/** Sizes for a page: a 375 px phone gets the base sizes, a 1400 px page a bit over twice them. */
export function fontsFor(width: number, height: number): FrameFonts {
  const s = Math.min(2.2, Math.max(1, Math.min(width, height * 1.6) / 640));
  return { family: FONT_STACK, title: 20 * s, subtitle: 13.5 * s, legend: 12 * s, credit: 11 * s };
}

/** The network keeps at least this share of the page's height: legend rows beyond it fold into "+N more". */
const MIN_NETWORK_SHARE = 0.35;

interface LegendFlow {
  items: PlacedLegendItem[];
  height: number;
}

/** Legend items in rows from y = 0, at most `maxRows`; the items left over become one "+N more". */
function flowLegend(
  frame: SceneFrame,
  fonts: FrameFonts,
  pad: number,
  inner: number,
  maxRows: number,
  measure: Measure,
): LegendFlow {
  const L = fonts.legend;
  const font = cssFont(L, 400, fonts.family);
  const r = L * 0.42;
  const rowHeight = L * 1.6;
  const placed: { item: PlacedLegendItem; end: number }[] = [];
  const place = (colour: string, label: string, x: number, row: number) => {
    const baseline = row * rowHeight + L;
    const text = fitText(label, inner - 2 * r - L * 0.4, font, measure);
    const item: PlacedLegendItem = {
      colour,
      cx: x + r,
      cy: baseline - L * 0.35,
      r,
      label: {
        role: "legend",
        text,
        x: x + 2 * r + L * 0.4,
        y: baseline,
        size: L,
        weight: 400,
        font,
        colour: frame.colours.text,
      },
    };
    return { item, end: x + 2 * r + L * 0.4 + measure(text, font) };
  };
  let x = pad;
  let row = 0;
  let shown = 0;
  for (const { colour, label } of frame.legend) {
    let next = place(colour, label, x, row);
    if (x > pad && next.end > pad + inner) {
      if (row + 1 >= maxRows) break;
      row++;
      x = pad;
      next = place(colour, label, x, row);
    }
    placed.push(next);
    shown++;
    x = next.end + L * 1.2;
  }
  let left = frame.legend.length - shown;
  while (left > 0) {
    const last = placed[placed.length - 1];
    const from = last ? last.end + L * 1.2 : pad;
    const more = place(frame.colours.muted, `+${left} more`, from, last ? (last.item.label.y - L) / rowHeight : 0);
    if (more.end <= pad + inner || !last) {
      placed.push(more);
      break;
    }
    placed.pop();
    left++;
  }
  const rows = placed.length ? Math.round((placed[placed.length - 1].item.label.y - L) / rowHeight) + 1 : 0;
  return { items: placed.map((p) => p.item), height: rows * rowHeight };
}

export function layoutFrame(
  page: { width: number; height: number },
  frame: SceneFrame,
  measure: Measure = estimateWidth,
  fonts: FrameFonts = fontsFor(page.width, page.height),
): FrameLayout {
  const { width, height } = page;
  const pad = Math.round(fonts.legend * 1.2);
  const gap = Math.round(fonts.legend * 0.8);
  const inner = Math.max(1, width - 2 * pad);
  const { text, muted } = frame.colours;
  /** Wrapped lines from `top` down. */
  const block = (
    role: TextRun["role"],
    body: string,
    size: number,
    weight: 400 | 700,
    colour: string,
    top: number,
    leading: number,
  ) => {
    const font = cssFont(size, weight, fonts.family);
    const runs = wrapText(body, inner, font, measure).map(
      (line, i): TextRun => ({
        role,
        text: line,
        x: pad,
        y: round(top + i * size * leading + size),
        size,
        weight,
        font,
        colour,
      }),
    );
    return { runs, bottom: top + runs.length * size * leading };
  };
  const title = block("title", frame.title, fonts.title, 700, text, pad, 1.2);
  const subtitle = block(
    "subtitle",
    frame.subtitle,
    fonts.subtitle,
    400,
    muted,
    title.bottom + fonts.title * 0.25,
    1.3,
  );
  const header: Rect = { x: 0, y: 0, width, height: round(subtitle.bottom) };

  // The footer is laid out from 0, then moved down to sit on the bottom padding.
  const creditLines = block("credit", frame.credit, fonts.credit, 400, muted, 0, 1.3).bottom;
  const spacer = fonts.legend * 0.3;
  const room = height - pad - header.height - 2 * gap - creditLines - spacer - height * MIN_NETWORK_SHARE;
  const legend = flowLegend(frame, fonts, pad, inner, Math.max(1, Math.floor(room / (fonts.legend * 1.6))), measure);
  const credit = block(
    "credit",
    frame.credit,
    fonts.credit,
    400,
    muted,
    legend.height ? legend.height + spacer : 0,
    1.3,
  );
  const footerTop = Math.max(header.height, height - pad - credit.bottom);
  const footer: Rect = { x: 0, y: round(footerTop), width, height: round(height - footerTop) };
  for (const item of legend.items) {
    item.cy = round(item.cy + footerTop);
    item.label.y = round(item.label.y + footerTop);
  }
  const texts = [...title.runs, ...subtitle.runs, ...credit.runs.map((t) => ({ ...t, y: round(t.y + footerTop) }))];

  const top = header.height + gap;
  const network: Rect = { x: pad, y: round(top), width: inner, height: Math.max(0, Math.floor(footer.y - gap - top)) };
  return { width, height, padding: pad, header, network, footer, texts, legend: legend.items };
}
