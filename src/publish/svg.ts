// The SVG export (pure): the same page as the PNG as vector shapes a vector editor opens as such:
// lines, circles, and every name and heading as <text> (escaped, never markup). Colours with alpha
// become an opaque colour plus an opacity, which SVG 1.1 editors read.
import type { FrameLayout, TextRun } from "./layout-frame";
import type { NetworkScene, SceneFrame } from "../render/scene";
import { FONT_STACK, LABEL_BOLD_WEIGHT } from "../theme/fonts";

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = new RegExp(
  [
    "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]",
    "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])",
    "(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
  ].join("|"),
  "g",
);
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** The text without the characters XML cannot hold (for writers that escape the rest themselves). */
export const xmlChars = (s: string) => s.replace(NOT_XML, "");

/** Text or attribute value, safe in XML: markup characters escaped, impossible characters dropped. */
export function escapeXml(s: string): string {
  return s.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const num = (v: number) => String(Math.round(v * 100) / 100);

/** A CSS colour as an SVG 1.1 paint and opacity: "rgba(1, 2, 3, 0.5)" -> ["rgb(1,2,3)", 0.5]. */
export function svgPaint(colour: string): { paint: string; opacity: number } {
  const m = /^\s*rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)\s*$/i.exec(colour);
  if (m) return { paint: `rgb(${m[1]},${m[2]},${m[3]})`, opacity: m[4] === undefined ? 1 : Number(m[4]) };
  const hex = /^\s*#([0-9a-f]{8})\s*$/i.exec(colour);
  if (hex)
    return {
      paint: `#${hex[1].slice(0, 6)}`,
      opacity: Math.round((parseInt(hex[1].slice(6), 16) / 255) * 1000) / 1000,
    };
  return { paint: colour.trim(), opacity: 1 };
}

function paintAttrs(kind: "fill" | "stroke", colour: string): string {
  const { paint, opacity } = svgPaint(colour);
  return `${kind}="${escapeXml(paint)}"${opacity < 1 ? ` ${kind}-opacity="${num(opacity)}"` : ""}`;
}

function text(t: TextRun): string {
  return (
    `<text x="${num(t.x)}" y="${num(t.y)}" font-size="${num(t.size)}"${t.weight === 700 ? ' font-weight="700"' : ""} ` +
    `${paintAttrs("fill", t.colour)}>${escapeXml(t.text)}</text>`
  );
}

function networkGroup(layout: FrameLayout, network: NetworkScene): string[] {
  const { x, y } = layout.network;
  const out = [`<g id="network" transform="translate(${num(x)} ${num(y)})" clip-path="url(#network-area)">`];
  out.push('<g id="edges" fill="none" stroke-linecap="round">');
  for (const e of network.edges) {
    out.push(
      `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" ` +
        `stroke-width="${num(e.width)}" ${paintAttrs("stroke", e.colour)}/>`,
    );
  }
  out.push("</g>", '<g id="nodes">');
  for (const n of network.nodes) {
    const stroke = n.stroke ? ` ${paintAttrs("stroke", n.stroke)} stroke-width="1"` : "";
    out.push(`<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.r)}" ${paintAttrs("fill", n.fill)}${stroke}/>`);
  }
  out.push("</g>", '<g id="labels" stroke-linejoin="round" paint-order="stroke">');
  for (const l of network.labels) {
    out.push(
      `<text x="${num(l.x)}" y="${num(l.y)}" font-size="${num(l.size)}"${l.bold ? ` font-weight="${LABEL_BOLD_WEIGHT}"` : ""} ` +
        `${paintAttrs("fill", l.colour)} ${paintAttrs("stroke", l.halo)} stroke-width="${num(Math.max(2, l.size * 0.25))}">` +
        `${escapeXml(l.text)}</text>`,
    );
  }
  out.push("</g>", "</g>");
  return out;
}

/** The export page as an SVG document. */
export function sceneToSvg(frame: SceneFrame, layout: FrameLayout, network: NetworkScene): string {
  const { width, height } = layout;
  const area = layout.network;
  const byRole = (role: TextRun["role"]) => layout.texts.filter((t) => t.role === role).map(text);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(width)}" height="${num(height)}" ` +
      `viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${escapeXml(frame.title)}</title>`,
    `<desc>${escapeXml(`${frame.subtitle}. ${frame.credit}`)}</desc>`,
    `<defs><clipPath id="network-area"><rect x="0" y="0" width="${num(area.width)}" height="${num(area.height)}"/>` +
      "</clipPath></defs>",
    `<rect id="background" x="0" y="0" width="${num(width)}" height="${num(height)}" ` +
      `${paintAttrs("fill", frame.colours.background)}/>`,
    ...networkGroup(layout, network),
    '<g id="title">',
    ...byRole("title"),
    ...byRole("subtitle"),
    "</g>",
    '<g id="legend">',
    ...layout.legend.map(
      (i) =>
        `<g><rect x="${num(i.cx - i.r)}" y="${num(i.cy - i.r)}" width="${num(2 * i.r)}" height="${num(2 * i.r)}" ` +
        `rx="${num(i.r)}" ${paintAttrs("fill", i.colour)}/>${text(i.label)}</g>`,
    ),
    "</g>",
    '<g id="credit">',
    ...byRole("credit"),
    "</g>",
    "</svg>",
  ];
  return `${out.join("\n")}\n`;
}
