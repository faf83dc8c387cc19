// The network's names: a 2D canvas over sigma's WebGL canvas, redrawn after each frame sigma draws.
// Each frame reads the nodes as sigma shows them (after style rules: dimming, selection, hover),
// places the labels with placeLabels (no two overlap, none leaves the view, none covers a node)
// and draws each with a halo in the background colour, so lines never cross a name.
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import { labelFont } from "../theme/fonts";
import { placeLabels, type Box, type Circle, type LabelCandidate, type MeasureLabel, type PlacedLabel } from "./labels";
import { DEFAULT_NETWORK_SETTINGS, type LabelSettings } from "./settings";
import { labelLimit } from "./sizes";
import type { EdgeAttrs, NodeAttrs, NodeState } from "./styles";

export type NetworkRenderer = Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>;

export interface LabelColours {
  text: string;
  halo: string;
}

export interface LabelLayerOptions {
  /** CSS px. */
  fontSize: number;
  colours: () => LabelColours;
  /** At most this many labels (default: one per `areaPerLabel` px² of the view, at least the
   *  settings' minCount). */
  max?: number;
  /** View area per label, px² (default: the normal look's; projector mode asks for more). */
  areaPerLabel?: number;
  /** Width of the halo in the background colour around each name, CSS px (default: the normal one). */
  halo?: number;
  /** Smallest rendered radius (CSS px) named without being highlighted or selected (default: the
   *  normal look's). */
  minRadius?: number;
  /** What panels and controls cover of the view now. */
  covered?: () => Covered;
  /** The network's label settings (default: DEFAULT_NETWORK_SETTINGS.labels). */
  settings?: LabelSettings;
}

/** What layoutLabels places names in: the view's size, the names' look, and what covers the view. */
export type LabelView = { width: number; height: number } & Partial<Covered> &
  Pick<LabelLayerOptions, "fontSize" | "max" | "minRadius" | "areaPerLabel" | "settings">;

/** Parts of the view hidden by what is laid over it, CSS px. */
export interface Covered {
  /** A panel's width on the left, or its height on top. */
  left: number;
  top: number;
  /** Controls over the view (buttons): no label may touch them. */
  boxes: Box[];
}

export interface LabelLayer {
  readonly options: LabelLayerOptions;
  /** The labels drawn in the last frame (CSS px in the network element). */
  placed(): PlacedLabel[];
  dispose(): void;
}

/** A node as drawn: centre and radius in CSS px of the view. */
export interface DrawnNode {
  id: number;
  label: string | null;
  x: number;
  y: number;
  r: number;
  /** 2: always named, bold (the selected, the hovered); 1: highlighted; 0: the rest. -1: no label. */
  tier: number;
  highlighted: boolean;
}

const DEFAULT_LABELS = DEFAULT_NETWORK_SETTINGS.labels;

/** Every node sigma draws now (shown, size above 0), in key order (the small highlighted ones last); with `least`, only those of
 *  that radius or more, or highlighted, or named whatever their size (what labels need), and of
 *  the small highlighted ones only the `smallLit` largest (a hub's thousands of correspondents
 *  hold far more than a view's names, and sigma copies each node's display data on each read). */
export function drawnNodes(renderer: NetworkRenderer, keys: string[], least = 0, smallLit = Infinity): DrawnNode[] {
  const out: DrawnNode[] = [];
  const graph = renderer.getGraph();
  const picked: string[] = [];
  const small: { key: string; size: number }[] = [];
  for (const key of keys) {
    // Small, unlit people are passed over from their size attribute and state first.
    if (least > 0) {
      const size = graph.getNodeAttribute(key, "size");
      if (!(size > 0)) continue;
      if (renderer.scaleSize(size) < least) {
        const st = renderer.getNodeState(key);
        if (st.isHovered || (st as { isSelected?: boolean }).isSelected) picked.push(key);
        else if (st.isHighlighted) small.push({ key, size });
        continue;
      }
    }
    picked.push(key);
  }
  if (small.length > smallLit) small.sort((a, b) => b.size - a.size || Number(a.key) - Number(b.key));
  for (const { key } of small.slice(0, smallLit)) picked.push(key);
  for (const key of picked) {
    const d = renderer.getNodeDisplayData(key);
    if (!d || d.visibility === "hidden" || !(d.size > 0)) continue;
    const r = renderer.scaleSize(d.size);
    const name = graph.getNodeAttribute(key, "name");
    const tier =
      d.labelVisibility === "hidden" || !name ? -1 : d.labelVisibility === "visible" ? 2 : d.highlighted ? 1 : 0;
    if (r < least && tier < 1 && !d.highlighted) continue;
    const { x, y } = renderer.framedGraphToViewport(d);
    out.push({ id: Number(key), label: name, x, y, r, tier, highlighted: d.highlighted });
  }
  return out;
}

/** The radius (CSS px) that earns a name: the look's, or a share of the largest person's when
 *  everyone is drawn smaller than that, so the biggest people are always named. */
export function labelRadius(minRadius: number, largest: number, s: LabelSettings = DEFAULT_LABELS): number {
  return largest > 0 ? Math.min(minRadius, s.largestShare * largest) : minRadius;
}

/** Text widths from a 2D context, remembered (names repeat every frame). */
export function textMeasure(ctx: CanvasRenderingContext2D, fontSize: number): MeasureLabel {
  const cache = new Map<string, number>();
  return (text, bold) => {
    const key = (bold ? "b" : "n") + text;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = labelFont(fontSize, bold);
      w = ctx.measureText(text).width;
      if (cache.size > 20_000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}

/** The labels for these nodes in a view of width × height: the named people first and bold, then
 *  the highlighted, then the rest by size; labels keep off the nodes that stand out. */
export function layoutLabels(nodes: DrawnNode[], measure: MeasureLabel, view: LabelView): PlacedLabel[] {
  const settings = view.settings ?? DEFAULT_LABELS;
  const look = settings.looks.normal;
  // Labels go in the part of the view left uncovered: placed there, then moved back.
  const [left, top] = [view.left ?? 0, view.top ?? 0];
  const width = view.width - left,
    height = view.height - top;
  const { candidates, obstacles } = labelInputs(nodes, left, top, view.minRadius ?? look.minRadius, settings);
  if (!(width > 0 && height > 0)) return [];
  const areaPerLabel = view.areaPerLabel ?? look.areaPerLabel;
  const max = view.max ?? labelLimit(width, height, { ...look, areaPerLabel }, settings.minCount);
  const blocked = (view.boxes ?? []).map((b) => ({ x0: b.x0 - left, y0: b.y0 - top, x1: b.x1 - left, y1: b.y1 - top }));
  return placeLabels(candidates, measure, { width, height, fontSize: view.fontSize, max, obstacles, blocked }).map(
    (l) => ({ ...l, x: l.x + left, y: l.y + top }),
  );
}

/** The names to place and the nodes they keep off, moved by (-left, -top) into the uncovered view. */
function labelInputs(
  nodes: DrawnNode[],
  left: number,
  top: number,
  minRadius: number,
  s: LabelSettings,
): { candidates: LabelCandidate[]; obstacles: Circle[] } {
  const lit = nodes.some((n) => n.highlighted);
  const candidates: LabelCandidate[] = [];
  const obstacles: Circle[] = [];
  for (const n of nodes) {
    // Labels keep off the nodes that stand out: the big ones, and the lit ones when some are lit
    // (the dimmed rest recede). Over small dots a name's halo is the lesser evil: in a dense network
    // no name would fit anywhere else. A label may graze a node's rim but leaves its core in sight.
    const [x, y] = [n.x - left, n.y - top];
    if (lit ? n.highlighted : n.r >= s.obstacleShare * minRadius) obstacles.push({ x, y, r: s.coreShare * n.r });
    if (n.tier < 0 || (n.tier === 0 && n.r < minRadius)) continue;
    candidates.push({ id: n.id, text: n.label ?? "", x, y, r: n.r, priority: n.tier, bold: n.tier === 2 });
  }
  return { candidates, obstacles };
}

/** Draws labels with a halo: a stroke in the background colour, then the text. */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: PlacedLabel[],
  fontSize: number,
  colours: LabelColours,
  halo: number,
): void {
  ctx.lineJoin = "round";
  ctx.lineWidth = halo;
  ctx.textBaseline = "alphabetic";
  ctx.strokeStyle = colours.halo;
  ctx.fillStyle = colours.text;
  for (const l of labels) {
    ctx.font = labelFont(fontSize, l.bold);
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillText(l.text, l.x, l.y);
  }
}

export function mountLabelLayer(renderer: NetworkRenderer, options: LabelLayerOptions): LabelLayer {
  const container = renderer.getContainer();
  const canvas = document.createElement("canvas");
  canvas.className = "network-labels";
  canvas.setAttribute("aria-hidden", "true");
  Object.assign(canvas.style, {
    position: "absolute",
    inset: "0",
    width: "100%",
    height: "100%",
    pointerEvents: "none",
  });
  container.append(canvas);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("No 2D canvas for the labels");
  const measure = textMeasure(ctx, options.fontSize);
  const graph = renderer.getGraph();
  const keys = graph.nodes();
  // The attribute objects themselves (network-items.ts changes them in place).
  const attrs = keys.map((k) => graph.getNodeAttributes(k));
  let last: PlacedLabel[] = [];

  /** Matches the canvas's pixels to the view and the screen's pixel ratio. */
  const fit = (width: number, height: number) => {
    const ratio = window.devicePixelRatio || 1;
    const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
    if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
    return ratio;
  };
  const draw = () => {
    const t0 = performance.now();
    const { width, height } = renderer.getDimensions();
    const ratio = fit(width, height);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const covered = options.covered?.() ?? { left: 0, top: 0, boxes: [] };
    const settings = options.settings ?? DEFAULT_LABELS;
    let largest = 0;
    for (const a of attrs) if (a.size > largest) largest = a.size;
    const minRadius = labelRadius(
      options.minRadius ?? settings.looks.normal.minRadius,
      renderer.scaleSize(largest),
      settings,
    );
    // Only the nodes labels care about: the small, unlit rest are neither named nor kept clear.
    const least = settings.obstacleShare * minRadius;
    const view = { width, height, ...options, ...covered, minRadius };
    last = layoutLabels(drawnNodes(renderer, keys, least, settings.smallLitMax), measure, view);
    drawLabels(ctx, last, options.fontSize, options.colours(), options.halo ?? settings.halo.normal);
    // Label time of each frame (benchmarks read it; it is also inside sigma's sb:render).
    performance.measure("sb:labels", { start: t0, end: performance.now() });
  };
  // Drawn after each of sigma's frames: a resized container gets a frame from the network's own
  // watcher (network.ts), so the names follow it without a second observer.
  renderer.on("afterRender", draw);
  draw();

  return {
    options,
    placed: () => last,
    dispose() {
      renderer.off("afterRender", draw);
      canvas.remove();
    },
  };
}
