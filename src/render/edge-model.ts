// The network's lines as the GPU draws them (plain data, no WebGL): each line's ends in graph
// coordinates, its thickness class in the period (0: not drawn) and whether it is lit. A brush
// move rewrites the classes of the lines whose weight changed; sigma never sees the lines, so it
// reprocesses nothing. The WebGL layer (edge-layer.ts) draws the packed list of the lines shown
// (`pack`), rebuilt only when the lines or the zoom's lowest class changed: a software rasteriser
// pays for every instance submitted, drawn or not. A new layer (after a lost context) packs and
// uploads again; exports and the still image read the same model, so they draw what the screen shows.
import { color } from "d3";
import type { EdgeIndex } from "../graph/edges";
import type { NetworkSettings } from "./settings";
import { edgeClass, edgeClassWidths, edgeOpacity, presentEdgeOpacity } from "./sizes";

/** A colour as premultiplied RGBA in 0–1, as WebGL blends it. */
export type Rgba = [number, number, number, number];

/** The thinnest line drawn, CSS px at the camera's home zoom; thinner classes fade instead. */
export const MIN_LINE_PX = 0.5;

/** The lines drawn, packed at the front of reused arrays: `count` of them, lit ones last (drawn
 *  over the rest). `look` is the class, plus LIT_BIT for a lit line. */
export interface PackedLines {
  count: number;
  ends: Float32Array;
  look: Uint8Array;
}

/** Set in a packed line's look when it is lit. */
export const LIT_BIT = 0x80;

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
  /** How many lines are in each class now. */
  readonly perClass: Int32Array;
  /** Class k ≥ 1 holds lines of fewer than bounds[k - 1] messages (the last, the rest). */
  readonly bounds: number[];
  readonly colours: { unlit: Rgba; lit: Rgba; unlitCss: string; litCss: string };
  /** Bumped whenever a class or a lit flag changes (the packed list is rebuilt on a new one). */
  private version = 0;
  private litList: number[] = [];
  private packed: (PackedLines & { version: number; lowest: number }) | null = null;

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
    this.bounds = settings.edges.classBounds;
    const unlitCss = edgeColour(n, settings);
    const litCss = settings.theme.edgeLit;
    this.colours = { unlit: premultiplied(unlitCss), lit: premultiplied(litCss), unlitCss, litCss };
    this.perClass = new Int32Array(this.widths.length);
    for (let e = 0; e < n; e++) {
      const k = edgeClass(weight[e], settings.edges);
      this.cls[e] = k;
      this.perClass[k]++;
    }
  }

  /** The lowest class drawn with the camera at `ratio` (sigma's: 1 home, < 1 zoomed in), so that at
   *  most the settings' line budget per home view's area is drawn (lit lines are always drawn). */
  lowestClassAt(ratio: number): number {
    return lowestClassDrawn(this.perClass, this.settings.edges.lineBudget / Math.max(1e-6, ratio * ratio));
  }

  /** Re-derives the class of each line whose weight differs from `before`; returns how many changed. */
  setWeights(weight: Float32Array, before: Float32Array): number {
    let changed = 0;
    const { cls } = this;
    for (let e = 0; e < this.count; e++) {
      if (weight[e] === before[e]) continue;
      const k = edgeClass(weight[e], this.settings.edges);
      if (cls[e] !== k) {
        this.perClass[cls[e]]--;
        this.perClass[k]++;
        cls[e] = k;
        changed++;
      }
    }
    if (changed) this.version++;
    return changed;
  }

  /** Lights these lines and unlights the others; returns whether anything changed. */
  setLit(edges: readonly number[]): boolean {
    const { lit } = this;
    const changed = this.litList.length > 0 || edges.length > 0;
    for (const e of this.litList) lit[e] = 0;
    this.litList = edges.filter((e) => e >= 0 && e < this.count);
    for (const e of this.litList) lit[e] = 1;
    if (changed) this.version++;
    return changed;
  }

  /** The lines drawn when `lowest` is the lowest class shown: the same arrays until a line changes
   *  or the lowest class does. */
  pack(lowest: number): PackedLines {
    const p = this.packed;
    if (p && p.version === this.version && p.lowest === lowest) return p;
    const ends = p?.ends ?? new Float32Array(4 * this.count);
    const look = p?.look ?? new Uint8Array(this.count);
    let n = 0;
    const from = this.ends;
    const put = (e: number, flag: number) => {
      const i = 4 * e;
      const o = 4 * n;
      ends[o] = from[i];
      ends[o + 1] = from[i + 1];
      ends[o + 2] = from[i + 2];
      ends[o + 3] = from[i + 3];
      look[n++] = this.cls[e] | flag;
    };
    for (let e = 0; e < this.count; e++) if (this.cls[e] >= lowest && !this.lit[e]) put(e, 0);
    for (const e of this.litList) if (this.cls[e] > 0) put(e, LIT_BIT);
    this.packed = { count: n, ends, look, version: this.version, lowest };
    return this.packed;
  }

  /** A line's width on screen (CSS px) with the camera at `ratio` (lines grow as the camera zooms
   *  in, with sigma's size ratio √ratio); 0 for a line not drawn at that zoom. */
  widthOf(e: number, ratio: number): number {
    const k = this.cls[e];
    if (k === 0 || (k < this.lowestClassAt(ratio) && !this.lit[e])) return 0;
    return lineWidthPx(this.widths[k], Math.sqrt(ratio));
  }
}

/** The lowest class k ≥ 1 whose lines, with those of every class above it, number at most
 *  `budget` (the top class when even it has more): a zoomed-out view of a huge corpus draws its
 *  stronger lines instead of a grey mass of single messages. */
export function lowestClassDrawn(perClass: ArrayLike<number>, budget: number): number {
  let drawn = 0;
  for (let k = perClass.length - 1; k >= 1; k--) {
    drawn += perClass[k];
    if (drawn > budget) return Math.min(perClass.length - 1, k + 1);
  }
  return 1;
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
