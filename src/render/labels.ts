// Label placement (pure, no DOM): greedy by priority, each label tried right of its node, then left,
// above and below; a label is kept only where its box lies wholly inside the area (less a margin),
// overlaps no label already placed and covers no other node's circle (when no spot is clear, it may
// cover nodes much smaller than its own, so a hub amid a crowd is still named). A uniform grid of cells keeps
// the look-ups local, so thousands of candidates place in a few milliseconds.

export interface LabelCandidate {
  id: number;
  text: string;
  /** The node's centre and radius, CSS px. */
  x: number;
  y: number;
  r: number;
  /** Higher first; ties by radius (larger first), then by id (smaller first). */
  priority: number;
  /** Drawn bold. Bold labels (the people the reader picked) may cover other nodes when nothing
   *  else fits; they still never overlap another label or leave the area. */
  bold: boolean;
}

export interface PlacedLabel {
  id: number;
  text: string;
  /** Left end of the text's baseline, CSS px. */
  x: number;
  y: number;
  width: number;
  bold: boolean;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface PlaceOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Space kept free along the area's edges, CSS px (default 4). */
  margin?: number;
  /** At most this many labels. */
  max?: number;
  /** Circles of the nodes drawn, which labels should not cover. */
  obstacles?: Circle[];
  /** Areas no label may touch (controls laid over the view). */
  blocked?: Box[];
}

/** A rectangle from (x0, y0) to (x1, y1), CSS px. */
export type Box = { x0: number; y0: number; x1: number; y1: number };

/** Text extent above and below the baseline, in font sizes (capitals with accents, descenders). */
export const ASCENT = 0.92;
export const DESCENT = 0.26;
/** Padding around the text inside a label's box, CSS px. */
export const PAD = 2;
/** Gap between a node's circle and its label's box, CSS px. */
export const GAP = 2;
/** When no spot is clear, a label may cover nodes under this share of its own node's radius. */
export const YIELD = 0.5;

/** The box a placed label occupies: its text plus padding. */
export function labelBox(l: { x: number; y: number; width: number }, fontSize: number): Box {
  return {
    x0: l.x - PAD,
    y0: l.y - ASCENT * fontSize - PAD,
    x1: l.x + l.width + PAD,
    y1: l.y + DESCENT * fontSize + PAD,
  };
}

/** Candidates in placement order: priority, then radius, then id. */
function placementOrder(candidates: LabelCandidate[]): LabelCandidate[] {
  return [...candidates].sort((a, b) => b.priority - a.priority || b.r - a.r || a.id - b.id);
}

const CIRCLE_CELL = 32;

/** Fixed-size cells over the area; a box past an edge folds into the border row or column. */
class Cells {
  readonly cols: number;
  readonly rows: number;
  constructor(
    width: number,
    height: number,
    private readonly size: number,
  ) {
    this.cols = Math.ceil(width / size) + 2;
    this.rows = Math.ceil(height / size) + 2;
  }
  col(x: number): number {
    return Math.max(0, Math.min(this.cols - 1, Math.floor(x / this.size) + 1));
  }
  row(y: number): number {
    return Math.max(0, Math.min(this.rows - 1, Math.floor(y / this.size) + 1));
  }
}

/** The labels placed so far, listed (by number) in each cell their box touches. */
class PlacedBoxes {
  private readonly lists: number[][];
  private readonly boxes: number[] = []; // x0, y0, x1, y1 of each label
  constructor(private readonly cells: Cells) {
    this.lists = Array.from({ length: cells.cols * cells.rows }, () => []);
  }
  add(x0: number, y0: number, x1: number, y1: number): void {
    const k = this.boxes.length / 4;
    this.boxes.push(x0, y0, x1, y1);
    const g = this.cells;
    for (let r = g.row(y0), r1 = g.row(y1); r <= r1; r++) {
      for (let c = g.col(x0), c1 = g.col(x1); c <= c1; c++) this.lists[r * g.cols + c].push(k);
    }
  }
  /** True when the box overlaps a label placed. */
  hits(x0: number, y0: number, x1: number, y1: number): boolean {
    const g = this.cells,
      b = this.boxes;
    for (let r = g.row(y0), r1 = g.row(y1); r <= r1; r++) {
      for (let c = g.col(x0), c1 = g.col(x1); c <= c1; c++) {
        for (const k of this.lists[r * g.cols + c]) {
          if (x0 < b[4 * k + 2] && b[4 * k] < x1 && y0 < b[4 * k + 3] && b[4 * k + 1] < y1) return true;
        }
      }
    }
    return false;
  }
}

/** The obstacles, packed by cell (x, y, r of each circle touching it) for quick scans. */
class CircleCells {
  private readonly start: Int32Array;
  private readonly data: Float64Array;
  constructor(
    private readonly cells: Cells,
    circles: Circle[],
  ) {
    const g = cells;
    const start = new Int32Array(g.cols * g.rows + 1);
    const each = (o: Circle, visit: (cell: number) => void) => {
      for (let r = g.row(o.y - o.r), r1 = g.row(o.y + o.r); r <= r1; r++) {
        for (let c = g.col(o.x - o.r), c1 = g.col(o.x + o.r); c <= c1; c++) visit(r * g.cols + c);
      }
    };
    const shown = circles.filter((o) => o.r > 0);
    for (const o of shown) each(o, (cell) => start[cell + 1]++);
    for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
    const fill = start.slice(0, -1);
    const data = new Float64Array(3 * start[start.length - 1]);
    for (const o of shown) {
      each(o, (cell) => {
        const at = 3 * fill[cell]++;
        [data[at], data[at + 1], data[at + 2]] = [o.x, o.y, o.r];
      });
    }
    this.start = start;
    this.data = data;
  }
  /** True when the box covers a circle of radius `least` or more, other than the one centred at
   *  (ox, oy) with radius or. */
  hits(x0: number, y0: number, x1: number, y1: number, ox: number, oy: number, or: number, least: number): boolean {
    return this.some(x0, y0, x1, y1, ox, oy, or, (_x, _y, rad) => rad >= least);
  }
  /** How much of the nodes the box covers: the sum of r² of the circles it reaches into. */
  cost(x0: number, y0: number, x1: number, y1: number, ox: number, oy: number, or: number): number {
    const g = this.cells;
    let sum = 0;
    this.some(x0, y0, x1, y1, ox, oy, or, (x, y, rad, c, r) => {
      // A circle in several cells counts once: in the first cell of the box it touches.
      if (Math.max(g.col(x - rad), g.col(x0)) === c && Math.max(g.row(y - rad), g.row(y0)) === r) sum += rad * rad;
      return false;
    });
    return sum;
  }
  /** True when `visit` is true of a circle the box reaches into (other than the one centred at
   *  (ox, oy) with radius or), visited in each cell (column c, row r) of the box that lists it. */
  private some(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    ox: number,
    oy: number,
    or: number,
    visit: (x: number, y: number, rad: number, c: number, r: number) => boolean,
  ): boolean {
    const g = this.cells,
      d = this.data;
    for (let r = g.row(y0), r1 = g.row(y1); r <= r1; r++) {
      for (let c = g.col(x0), c1 = g.col(x1); c <= c1; c++) {
        for (let i = 3 * this.start[r * g.cols + c], end = 3 * this.start[r * g.cols + c + 1]; i < end; i += 3) {
          const x = d[i],
            y = d[i + 1],
            rad = d[i + 2];
          const dx = x - (x < x0 ? x0 : Math.min(x, x1));
          const dy = y - (y < y0 ? y0 : Math.min(y, y1));
          if (dx * dx + dy * dy < rad * rad && !(x === ox && y === oy && rad === or) && visit(x, y, rad, c, r))
            return true;
        }
      }
    }
    return false;
  }
}

/** A label's width in CSS px, in the normal or the bold face. */
export type MeasureLabel = (text: string, bold: boolean) => number;

export function placeLabels(candidates: LabelCandidate[], measure: MeasureLabel, opts: PlaceOptions): PlacedLabel[] {
  const { width, height, fontSize } = opts;
  const margin = opts.margin ?? 4;
  const max = opts.max ?? Infinity;
  // Labels are few and wide, nodes many and small: each gets cells of its own size.
  const placed = new PlacedBoxes(new Cells(width, height, 64));
  for (const b of opts.blocked ?? []) placed.add(b.x0, b.y0, b.x1, b.y1);
  const circles = new CircleCells(new Cells(width, height, CIRCLE_CELL), opts.obstacles ?? []);
  const [xMin, yMin, xMax, yMax] = [margin, margin, width - margin, height - margin];
  const up = ASCENT * fontSize + PAD;
  const down = DESCENT * fontSize + PAD;
  const spot = new Float64Array(16); // the free spots of one candidate: x0, y0, x1, y1 of each
  const out: PlacedLabel[] = [];

  for (const c of placementOrder(candidates)) {
    if (out.length >= max) break;
    // A node far outside the area cannot have its label inside it.
    if (!c.text || c.x < -width || c.x > 2 * width || c.y < -height || c.y > 2 * height) continue;
    const w = measure(c.text, c.bold);
    const side = c.r + GAP + PAD;
    const middle = c.y + (up - down) / 2;
    let free = 0;
    for (let p = 0; p < 4; p++) {
      const x = p === 0 ? c.x + side : p === 1 ? c.x - side - w : c.x - w / 2;
      const y = p < 2 ? middle : p === 2 ? c.y - c.r - GAP - down : c.y + c.r + GAP + up;
      const x0 = x - PAD,
        y0 = y - up,
        x1 = x + w + PAD,
        y1 = y + down;
      if (x0 < xMin || y0 < yMin || x1 > xMax || y1 > yMax || placed.hits(x0, y0, x1, y1)) continue;
      spot[4 * free] = x0;
      spot[4 * free + 1] = y0;
      spot[4 * free + 2] = x1;
      spot[4 * free++ + 3] = y1;
    }
    // A spot clear of every node, else one clear of the nodes not much smaller than this one's.
    let chosen = -1;
    for (let pass = 0; pass < 2 && chosen < 0; pass++) {
      const least = pass === 0 ? 0 : YIELD * c.r;
      for (let f = 0; f < free && chosen < 0; f++) {
        if (!circles.hits(spot[4 * f], spot[4 * f + 1], spot[4 * f + 2], spot[4 * f + 3], c.x, c.y, c.r, least))
          chosen = f;
      }
    }
    // Bold labels are always drawn where there is room: on the spot that hides the least.
    if (chosen < 0 && c.bold) {
      for (let f = 0, least = Infinity; f < free; f++) {
        const cost = circles.cost(spot[4 * f], spot[4 * f + 1], spot[4 * f + 2], spot[4 * f + 3], c.x, c.y, c.r);
        if (cost < least) [least, chosen] = [cost, f];
      }
    }
    if (chosen < 0) continue;
    const x0 = spot[4 * chosen],
      y0 = spot[4 * chosen + 1],
      x1 = spot[4 * chosen + 2],
      y1 = spot[4 * chosen + 3];
    placed.add(x0, y0, x1, y1);
    out.push({ id: c.id, text: c.text, x: x0 + PAD, y: y0 + up, width: w, bold: c.bold });
  }
  return out;
}
