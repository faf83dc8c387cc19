// The network's lines as the GPU draws them (plain data, no WebGL): each line's ends in graph
// coordinates, its thickness class in the period (0: not drawn) and whether it is lit. A brush
// move rewrites the classes of the lines whose weight changed and nothing else; sigma never sees
// the lines, so it reprocesses nothing. The WebGL layer (edge-layer.ts) uploads what changed, and a
// new layer (after a lost context) uploads it all; exports and the still image read the same model,
// so they draw what the screen shows.
import { color } from "d3";
import type { EdgeIndex } from "../graph/edges";
import type { NetworkSettings } from "./settings";
import { edgeClass, edgeClassWidths, edgeOpacity, presentEdgeOpacity } from "./sizes";

/** A colour as premultiplied RGBA in 0–1, as WebGL blends it. */
export type Rgba = [number, number, number, number];

/** The thinnest line drawn, CSS px at the camera's home zoom; thinner classes fade instead. */
export const MIN_LINE_PX = 0.5;

/** Indices [lo, hi) of items changed since the layer last uploaded them. */
export interface Dirty {
  lo: number;
  hi: number;
}

export class EdgeModel {
  readonly count: number;
  /** Each line's people (the edge index's arrays). */
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** sx, sy, tx, ty per line, graph coordinates (the layout's). */
  readonly ends: Float32Array;
  /** Thickness class per line: 0 not drawn, k ≥ 1 drawn `widths[k]` px wide. */
  readonly cls: Uint8Array;
  /** 1 for a lit line (a highlight), else 0. */
  readonly lit: Uint8Array;
  /** Width per class, CSS px at the camera's home zoom; [0] is 0. */
  readonly widths: number[];
  readonly colours: { unlit: Rgba; lit: Rgba; unlitCss: string; litCss: string };
  private dirty: { cls: Dirty | null; lit: Dirty | null } = { cls: null, lit: null };
  private litList: number[] = [];

  constructor(
    edges: Pick<EdgeIndex, "count" | "source" | "target">,
    layout: { x: Float32Array; y: Float32Array },
    weight: Float32Array,
    private readonly settings: NetworkSettings,
  ) {
    const n = edges.count;
    this.count = n;
    this.source = edges.source;
    this.target = edges.target;
    this.ends = new Float32Array(4 * n);
    for (let e = 0; e < n; e++) {
      const s = edges.source[e];
      const t = edges.target[e];
      this.ends[4 * e] = layout.x[s];
      this.ends[4 * e + 1] = layout.y[s];
      this.ends[4 * e + 2] = layout.x[t];
      this.ends[4 * e + 3] = layout.y[t];
    }
    this.cls = new Uint8Array(n);
    this.lit = new Uint8Array(n);
    this.widths = edgeClassWidths(settings.present, settings.edges);
    const unlitCss = edgeColour(n, settings);
    const litCss = settings.theme.edgeLit;
    this.colours = { unlit: premultiplied(unlitCss), lit: premultiplied(litCss), unlitCss, litCss };
    for (let e = 0; e < n; e++) this.cls[e] = edgeClass(weight[e], settings.edges);
  }

  /** Re-derives the class of each line whose weight differs from `before`; returns how many changed. */
  setWeights(weight: Float32Array, before: Float32Array): number {
    let changed = 0;
    const { cls } = this;
    for (let e = 0; e < this.count; e++) {
      if (weight[e] === before[e]) continue;
      const k = edgeClass(weight[e], this.settings.edges);
      if (cls[e] !== k) {
        cls[e] = k;
        this.mark("cls", e);
        changed++;
      }
    }
    return changed;
  }

  /** Lights these lines and unlights the others; returns whether anything changed. */
  setLit(edges: readonly number[]): boolean {
    const { lit } = this;
    let changed = false;
    for (const e of this.litList) {
      lit[e] = 0;
      this.mark("lit", e);
      changed = true;
    }
    for (const e of edges) {
      if (e < 0 || e >= this.count) continue;
      lit[e] = 1;
      this.mark("lit", e);
      changed = true;
    }
    this.litList = edges.slice();
    return changed;
  }

  /** The range changed since the last call (null: none), and forgets it: the layer uploads it. */
  takeDirty(buffer: "cls" | "lit"): Dirty | null {
    const d = this.dirty[buffer];
    this.dirty[buffer] = null;
    return d;
  }

  /** Forgets every change: a new layer uploads all of it. */
  clean(): void {
    this.dirty = { cls: null, lit: null };
  }

  /** A line's width on screen (CSS px) at sigma's size ratio (√ of the camera's ratio: lines grow as
   *  the camera zooms in); 0 for a line not drawn. */
  widthOf(e: number, sizeRatio: number): number {
    return lineWidthPx(this.widths[this.cls[e]], sizeRatio);
  }

  private mark(buffer: "cls" | "lit", e: number): void {
    const d = this.dirty[buffer];
    if (!d) this.dirty[buffer] = { lo: e, hi: e + 1 };
    else {
      if (e < d.lo) d.lo = e;
      if (e + 1 > d.hi) d.hi = e + 1;
    }
  }
}

/** A class's width on screen (CSS px) at sigma's size ratio; never under MIN_LINE_PX (a thinner
 *  line is drawn that wide and fainter). */
export function lineWidthPx(width: number, sizeRatio: number): number {
  if (!(width > 0)) return 0;
  const r = sizeRatio > 0 ? sizeRatio : 1;
  return Math.max(width, MIN_LINE_PX * r) / r;
}

/** The unlit lines' colour for a dataset with `edgeCount` edges. On the dark theme lines are a
 *  little stronger on screen: light lines on dark read fainter than dark lines on white. Not in
 *  projector mode, where light lines already glow into a mass. */
export function edgeColour(edgeCount: number, s: NetworkSettings): string {
  const { theme, present, edges } = s;
  const opacity = present ? presentEdgeOpacity(edgeCount, edges) : edgeOpacity(edgeCount, edges);
  const boosted = Math.min(1, opacity * (theme.name === "dark" && !present ? edges.darkBoost : 1));
  return `rgba(${theme.edgeRgb}, ${boosted.toFixed(3)})`;
}

/** A CSS colour as premultiplied RGBA (transparent black for one that does not parse). */
export function premultiplied(css: string): Rgba {
  const c = color(css)?.rgb();
  if (!c) return [0, 0, 0, 0];
  const a = Number.isFinite(c.opacity) ? c.opacity : 1;
  return [(c.r / 255) * a, (c.g / 255) * a, (c.b / 255) * a, a];
}
