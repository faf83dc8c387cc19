// The network part of an export, built from what the screen shows now: the region on screen fitted
// ("contain", centred) into the export's width × height, the lines shown with their colours and
// widths (from the edge model the lines' layer draws), the nodes after style rules (dimmed ones
// dimmed, from sigma's display data) and the labels placed again for the export's size.
import type { EdgeModel } from "./edge-model";
import type { NetworkScene, SceneEdge, SceneLabel, SceneNode } from "./scene";
import {
  drawnNodes,
  labelRadius,
  layoutLabels,
  textMeasure,
  type DrawnNode,
  type LabelColours,
  type LabelLayerOptions,
  type NetworkRenderer,
} from "./label-layer";
import { DEFAULT_NETWORK_SETTINGS } from "./settings";
import type { MeasureLabel } from "./labels";

/** What a scene is built from: a NetworkView, or anything with its renderer and label options. */
export interface SceneSource {
  renderer: NetworkRenderer;
  lines: EdgeModel;
  labels: { options: Pick<LabelLayerOptions, "fontSize" | "max" | "minRadius" | "settings"> };
}

/** Maps the view's CSS px to the export's: x' = dx + scale · x (and y likewise). */
export interface ViewportFit {
  scale: number;
  dx: number;
  dy: number;
}

/** The largest scale that fits the view wholly inside the target, centred. */
export function fitViewport(
  view: { width: number; height: number },
  target: { width: number; height: number },
): ViewportFit {
  if (!(view.width > 0 && view.height > 0)) return { scale: 1, dx: target.width / 2, dy: target.height / 2 };
  const scale = Math.min(target.width / view.width, target.height / view.height);
  return { scale, dx: (target.width - view.width * scale) / 2, dy: (target.height - view.height * scale) / 2 };
}

/** True when a box (x0, y0)–(x1, y1) reaches into the area. */
const meets = (x0: number, y0: number, x1: number, y1: number, w: number, h: number) =>
  x1 >= 0 && y1 >= 0 && x0 <= w && y0 <= h;

export function buildNetworkScene(
  network: SceneSource,
  width: number,
  height: number,
  colours: LabelColours,
  measure?: MeasureLabel,
  /** The part of the view to draw (CSS px of the view; default: all of it). */
  region?: { left: number; top: number; width: number; height: number },
): NetworkScene {
  const { renderer } = network;
  const graph = renderer.getGraph();
  const from = region ?? { left: 0, top: 0, ...renderer.getDimensions() };
  const fit = fitViewport(from, { width, height });
  const place = (n: DrawnNode): DrawnNode => ({
    ...n,
    x: fit.dx + fit.scale * (n.x - from.left),
    y: fit.dy + fit.scale * (n.y - from.top),
    r: fit.scale * n.r,
  });
  const shown = drawnNodes(renderer, graph.nodes()).map(place);
  const at = new Map(shown.map((n) => [String(n.id), n]));

  const edges = sceneEdges(network.lines, renderer, at, fit.scale, width, height);

  // Back to front as sigma draws them: the raised layer (selected, hovered) last, then by zIndex.
  const order = (key: string) => {
    const d = renderer.getNodeDisplayData(key);
    return d ? (d.depth === "topNodes" ? 1e9 : 0) + d.zIndex : 0;
  };
  const nodes: SceneNode[] = shown
    .filter((n) => meets(n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r, width, height))
    .map((n) => ({ n, z: order(String(n.id)) }))
    .sort((p, q) => p.z - q.z)
    .map(({ n }) => ({
      person: n.id,
      x: n.x,
      y: n.y,
      r: n.r,
      fill: renderer.getNodeDisplayData(String(n.id))!.color,
      stroke: null,
    }));

  const opts = network.labels.options;
  const measureText = measure ?? canvasMeasure(opts.fontSize);
  const settings = opts.settings ?? DEFAULT_NETWORK_SETTINGS.labels;
  const largest = shown.reduce((m, n) => Math.max(m, n.r), 0);
  const minRadius = labelRadius(fit.scale * (opts.minRadius ?? settings.looks.normal.minRadius), largest, settings);
  const placed = layoutLabels(shown, measureText, {
    width,
    height,
    fontSize: opts.fontSize,
    max: opts.max,
    minRadius,
    settings,
  });
  const labels: SceneLabel[] = placed.map((l) => ({
    text: l.text,
    x: l.x,
    y: l.y,
    size: opts.fontSize,
    bold: l.bold,
    colour: colours.text,
    halo: colours.halo,
  }));
  return { width, height, edges, nodes, labels };
}

/** The lines drawn, in the export's px, those reaching into it only; the lit ones in their colour. */
function sceneEdges(
  lines: EdgeModel,
  renderer: NetworkRenderer,
  at: Map<string, DrawnNode>,
  scale: number,
  width: number,
  height: number,
): SceneEdge[] {
  const edges: SceneEdge[] = [];
  const ratio = renderer.getCamera().ratio;
  const { source, target } = lines;
  for (let e = 0; e < lines.count; e++) {
    const w = lines.widthOf(e, ratio);
    if (w === 0) continue;
    const a = at.get(String(source[e]));
    const b = at.get(String(target[e]));
    if (!a || !b) continue;
    if (!meets(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y), width, height)) continue;
    const colour = lines.lit[e] ? lines.colours.litCss : lines.colours.unlitCss;
    edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, width: scale * w, colour });
  }
  return edges;
}

/** Text widths from an offscreen 2D canvas, in the labels' font (a guess from the length without one). */
function canvasMeasure(fontSize: number): MeasureLabel {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return (text, bold) => text.length * fontSize * (bold ? 0.6 : 0.55);
  return textMeasure(ctx, fontSize);
}
