// Label placement: every result is checked by brute force against the input (boxes recomputed
// here from the label's text extent), on seeded random and adversarial inputs.
import { describe, expect, it } from "vitest";
import { seededRng } from "../../src/graph/random";
import { type Area, randomCandidates } from "./label-candidates";
import {
  ASCENT,
  DESCENT,
  GAP,
  PAD,
  YIELD,
  placeLabels,
  type LabelCandidate,
  type PlacedLabel,
} from "../../src/render/labels";
import { fitViewport } from "../../src/render/scene-builder";

const FS = 13;
const measure = (text: string, bold: boolean) => text.length * FS * (bold ? 0.6 : 0.55);

/** The box a label covers, from its baseline start and width (independent of the module). */
function box(l: PlacedLabel) {
  return { x0: l.x - PAD, x1: l.x + l.width + PAD, y0: l.y - ASCENT * FS - PAD, y1: l.y + DESCENT * FS + PAD };
}
type B = ReturnType<typeof box>;
const overlap = (a: B, b: B) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** Distance from a point to a box (0 inside). */
const distance = (x: number, y: number, b: B) =>
  Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));

/** Placement order by the rule: priority, then radius, then id. */
const before = (a: LabelCandidate, b: LabelCandidate) =>
  a.priority > b.priority || (a.priority === b.priority && (a.r > b.r || (a.r === b.r && a.id < b.id)));

/** The four places a label may go, as boxes of the label's width: right, left, above, below. */
function spots(c: LabelCandidate): B[] {
  const w = measure(c.text, c.bold),
    h = (ASCENT + DESCENT) * FS + 2 * PAD;
  const right = c.x + c.r + GAP,
    top = c.y - h / 2;
  return [
    { x0: right, x1: right + w + 2 * PAD, y0: top, y1: top + h },
    { x0: c.x - c.r - GAP - w - 2 * PAD, x1: c.x - c.r - GAP, y0: top, y1: top + h },
    { x0: c.x - w / 2 - PAD, x1: c.x + w / 2 + PAD, y0: c.y - c.r - GAP - h, y1: c.y - c.r - GAP },
    { x0: c.x - w / 2 - PAD, x1: c.x + w / 2 + PAD, y0: c.y + c.r + GAP, y1: c.y + c.r + GAP + h },
  ];
}

/** Every property placement promises, checked pair by pair; returns what is wrong. */
function problems(
  cands: LabelCandidate[],
  placed: PlacedLabel[],
  area: Area,
  margin: number,
  obstacles = cands,
  blocked: B[] = [],
): string[] {
  const bad: string[] = [];
  const byId = new Map(cands.map((c) => [c.id, c]));
  const boxes = placed.map(box);
  const own = (o: LabelCandidate, c: LabelCandidate) => o.x === c.x && o.y === c.y && o.r === c.r;
  const outside = (s: B) => s.x0 < margin || s.y0 < margin || s.x1 > area.width - margin || s.y1 > area.height - margin;
  /** The spot is in bounds, off every node and off the first `n` labels placed. */
  const clear = (c: LabelCandidate, s: B, n: number) =>
    !outside(s) &&
    ![...blocked, ...boxes.slice(0, n)].some((q) => overlap(s, q)) &&
    !obstacles.some((o) => !own(o, c) && distance(o.x, o.y, s) < o.r);
  for (let i = 0; i < placed.length; i++) {
    const c = byId.get(placed[i].id)!;
    const b = boxes[i];
    if (placed[i].text !== c.text || Math.abs(placed[i].width - measure(c.text, c.bold)) > 1e-9)
      bad.push(`${c.id}: text`);
    if (b.x0 < margin || b.y0 < margin || b.x1 > area.width - margin || b.y1 > area.height - margin)
      bad.push(`${c.id}: out`);
    // Right beside its own node: the box is exactly GAP away from the circle.
    if (Math.abs(distance(c.x, c.y, b) - c.r - GAP) > 1e-6) bad.push(`${c.id}: not beside its node`);
    for (let j = i + 1; j < placed.length; j++) if (overlap(b, boxes[j])) bad.push(`${c.id} overlaps ${placed[j].id}`);
    if (blocked.some((k) => overlap(b, k))) bad.push(`${c.id} on a blocked area`);
    // Not bold: it covers no node, or (only when no spot was clear of all) nodes much smaller.
    const covered = obstacles.filter((o) => !own(o, c) && distance(o.x, o.y, b) < o.r);
    if (!c.bold && covered.some((o) => o.r >= YIELD * c.r)) bad.push(`${c.id} covers ${covered[0].id}`);
    if (!c.bold && covered.length && spots(c).some((s) => clear(c, s, i)))
      bad.push(`${c.id} covers nodes, with a clear spot`);
  }
  // A candidate left out could go nowhere: each spot is out of bounds, on another node (not bold),
  // or on a label placed before it in priority order.
  const placedIds = new Set(placed.map((p) => p.id));
  for (const c of cands) {
    if (placedIds.has(c.id) || !c.text) continue;
    for (const s of spots(c)) {
      const out = outside(s);
      const onNode = !c.bold && obstacles.some((o) => !own(o, c) && o.r >= YIELD * c.r && distance(o.x, o.y, s) < o.r);
      const taken =
        placed.some((p, k) => overlap(s, boxes[k]) && before(byId.get(p.id)!, c)) || blocked.some((k) => overlap(s, k));
      if (!out && !onNode && !taken) bad.push(`${c.id} dropped with a free spot`);
    }
  }
  return bad;
}

function check(...args: Parameters<typeof problems>): void {
  expect(problems(...args)).toEqual([]);
}

describe("placeLabels", () => {
  const area = { width: 1280, height: 800 };

  it("places random labels without overlap, inside the area, off other nodes, by priority", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = seededRng(seed);
      const cands = randomCandidates(rng, seed * 150, area);
      const placed = placeLabels(cands, measure, { ...area, fontSize: FS, margin: 4, obstacles: cands });
      expect(placed.length).toBeGreaterThan(10);
      check(cands, placed, area, 4);
    }
  });

  it("places random labels without obstacles, with a wider margin", () => {
    const rng = seededRng(9);
    const cands = randomCandidates(rng, 800, area);
    const placed = placeLabels(cands, measure, { ...area, fontSize: FS, margin: 20 });
    expect(placed.length).toBeGreaterThan(50);
    check(cands, placed, area, 20, []);
  });

  it("keeps labels off blocked areas (controls over the view)", () => {
    const rng = seededRng(11);
    const cands = randomCandidates(rng, 600, area);
    const blocked = [
      { x0: 900, y0: 10, x1: 1270, y1: 40 },
      { x0: 0, y0: 0, x1: 400, y1: 800 },
    ];
    const placed = placeLabels(cands, measure, { ...area, fontSize: FS, obstacles: cands, blocked });
    expect(placed.length).toBeGreaterThan(20);
    check(cands, placed, area, 4, cands, blocked);
  });

  it("copes with piles, chains, edges and impossible labels", () => {
    const small = { width: 375, height: 300 };
    const base = { text: "Hannah Ó Ceallaigh", r: 6, priority: 0, bold: false };
    const pile = Array.from({ length: 40 }, (_, id) => ({ ...base, id, x: 180, y: 150 }));
    const chain = Array.from({ length: 30 }, (_, id) => ({
      ...base,
      id: 100 + id,
      x: 20 + id * 11,
      y: 60 + id * 6,
      bold: true,
      priority: 2,
    }));
    const edges = [
      { ...base, id: 200, x: 370, y: 150 },
      { ...base, id: 201, x: 3, y: 3 },
      { ...base, id: 202, x: 188, y: 297 },
      { ...base, id: 203, x: 500, y: 150 },
      { ...base, id: 204, x: 180, y: -5 },
      { ...base, id: 205, text: "W".repeat(80), x: 180, y: 250 },
      { ...base, id: 206, text: "", x: 100, y: 250 },
    ];
    for (const cands of [pile, chain, edges, [...pile, ...chain, ...edges]]) {
      const placed = placeLabels(cands, measure, { ...small, fontSize: FS, obstacles: cands });
      check(cands, placed, small, 4);
    }
    // Of a pile of nodes at one point, two labels fit beside it; above and below too when the
    // nodes are big enough for those to clear the ones beside.
    expect(placeLabels(pile, measure, { ...small, fontSize: FS }).length).toBe(2);
    const bigPile = pile.map((c) => ({ ...c, r: 12 }));
    expect(placeLabels(bigPile, measure, { ...small, fontSize: FS }).length).toBe(4);
    // A node at the right edge is named on its left; text too long for the area is left out.
    const placed = placeLabels(edges, measure, { ...small, fontSize: FS });
    const at = new Map(placed.map((p) => [p.id, p]));
    expect(at.get(200)!.x + at.get(200)!.width).toBeLessThan(370);
    expect(at.has(205)).toBe(false);
    expect(at.has(206)).toBe(false);
    expect(at.has(203)).toBe(false);
  });

  it("lets bold labels cover other nodes when nothing else fits, but never plain ones", () => {
    const wall = { x: 200, y: 150, r: 400 };
    const cands = [
      { id: 1, text: "Diane Walsh", x: 200, y: 150, r: 5, priority: 2, bold: true },
      { id: 2, text: "Hannah Ó Ceallaigh", x: 150, y: 100, r: 5, priority: 0, bold: false },
    ];
    const placed = placeLabels(cands, measure, { width: 400, height: 300, fontSize: FS, obstacles: [wall] });
    expect(placed.map((p) => p.id)).toEqual([1]);
    // With a big node on its right and a small one on its left, a bold label hides the small one.
    const sides = [
      { x: 260, y: 150, r: 30 },
      { x: 150, y: 150, r: 6 },
      { x: 200, y: 100, r: 30 },
      { x: 200, y: 200, r: 30 },
    ];
    const [bold] = placeLabels([cands[0]], measure, { width: 400, height: 300, fontSize: FS, obstacles: sides });
    expect(bold.x + bold.width).toBeLessThan(200);
  });

  it("gives a contested spot to the higher priority, then the larger node, then the lower id", () => {
    // Two nodes side by side whose labels can only go right (a wall of nodes elsewhere).
    const a = { id: 7, text: "Diane Walsh", x: 20, y: 20, r: 4, priority: 0, bold: false };
    const b = { id: 3, text: "Hannah Ó Ceallaigh", x: 24, y: 24, r: 4, priority: 0, bold: false };
    const opts = { width: 300, height: 44, fontSize: FS, margin: 0 };
    const first = (cs: LabelCandidate[]) => placeLabels(cs, measure, opts).map((p) => p.id);
    expect(first([a, b])).toEqual([3]);
    expect(first([a, { ...b, r: 3 }])).toEqual([7]);
    expect(
      first([
        { ...a, priority: 1 },
        { ...b, r: 9 },
      ]),
    ).toEqual([7]);
  });

  it("is deterministic whatever the input order, and max keeps the first labels", () => {
    const rng = seededRng(77);
    const cands = randomCandidates(rng, 1500, area);
    const opts = { ...area, fontSize: FS, obstacles: cands };
    const placed = placeLabels(cands, measure, opts);
    const shuffled = [...cands];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(placeLabels(shuffled, measure, opts)).toEqual(placed);
    expect(placeLabels(cands, measure, { ...opts, max: 12 })).toEqual(placed.slice(0, 12));
  });
});

describe("fitViewport", () => {
  /** Where the view's corners land in the target. */
  const corners = (view: Area, target: Area) => {
    const f = fitViewport(view, target);
    return [
      [0, 0],
      [view.width, view.height],
    ].map(([x, y]) => [f.dx + f.scale * x, f.dy + f.scale * y]);
  };

  it("fits a wide view into a taller target across its width, centred vertically", () => {
    // 1280 × 800 into 1200 × 1200: scale 1200 / 1280, height 750, 225 px above and below.
    expect(corners({ width: 1280, height: 800 }, { width: 1200, height: 1200 })).toEqual([
      [0, 225],
      [1200, 975],
    ]);
  });

  it("fits a tall view into a wide target across its height, centred horizontally", () => {
    // 375 × 500 into 1200 × 675: scale 1.35, width 506.25, (1200 − 506.25) / 2 on each side.
    const [[x0, y0], [x1, y1]] = corners({ width: 375, height: 500 }, { width: 1200, height: 675 });
    expect([x0, y0, x1, y1].map((v) => Math.round(v * 1000) / 1000)).toEqual([346.875, 0, 853.125, 675]);
  });

  it("keeps a view of the target's size as it is, and survives an empty view", () => {
    expect(fitViewport({ width: 640, height: 480 }, { width: 640, height: 480 })).toEqual({ scale: 1, dx: 0, dy: 0 });
    const f = fitViewport({ width: 0, height: 0 }, { width: 100, height: 50 });
    expect([f.scale, f.dx, f.dy].every(Number.isFinite)).toBe(true);
  });
});
