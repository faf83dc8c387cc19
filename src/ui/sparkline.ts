// A person's activity on the timeline's time axis: one bar per timeline bin, the chosen period
// shaded. Plain SVG, sized by the panel.
import type { Period } from "../graph/period";

const NS = "http://www.w3.org/2000/svg";
const W = 300;
const H = 36;

export function sparkline(binEdges: Float64Array, counts: Int32Array, period: Period, label: string): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const t0 = binEdges[0];
  const span = binEdges[binEdges.length - 1] - t0 || 1;
  const x = (t: number) => ((t - t0) / span) * W;
  const shade = document.createElementNS(NS, "rect");
  shade.setAttribute("class", "sparkline-period");
  shade.setAttribute("x", String(x(Math.max(period.start, t0))));
  shade.setAttribute(
    "width",
    String(Math.max(1, x(Math.min(period.end, binEdges[binEdges.length - 1])) - x(Math.max(period.start, t0)))),
  );
  shade.setAttribute("y", "0");
  shade.setAttribute("height", String(H));
  svg.append(shade);
  let max = 1;
  for (const c of counts) if (c > max) max = c;
  counts.forEach((c, b) => {
    if (!c) return;
    const bar = document.createElementNS(NS, "rect");
    const bh = Math.max(1.5, (c / max) * (H - 2));
    bar.setAttribute("class", "sparkline-bar");
    bar.setAttribute("x", String(x(binEdges[b])));
    bar.setAttribute("width", String(Math.max(0.8, x(binEdges[b + 1]) - x(binEdges[b]) - 0.4)));
    bar.setAttribute("y", String(H - bh));
    bar.setAttribute("height", String(bh));
    svg.append(bar);
  });
  return svg;
}
