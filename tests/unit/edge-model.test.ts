// The lines' model (edge-model.ts): after any sequence of periods every line's width is its class
// for the period's weight, the packed list handed to the GPU holds exactly the lines drawn (lit ones
// last), a zoomed-out view of too many lines drops the thinnest classes first, a highlight lights
// exactly its lines, and the widths and colours are what the settings say.
import { describe, expect, it } from "vitest";
import {
  EdgeModel,
  LIT_BIT,
  lineWidthPx,
  lowestClassDrawn,
  MIN_LINE_PX,
  premultiplied,
} from "../../src/render/edge-model";
import { DEFAULT_NETWORK_SETTINGS as S, resolveNetworkSettings } from "../../src/render/settings";
import { seededRng } from "../../src/graph/random";

const PEOPLE = 6;
const PAIRS = 40;
/** Thickness by hand from the default classes (bounds 2, 5, 20). */
const SIZES = S.edges.classSizes;
const thickness = (w: number) => (w <= 0 ? 0 : SIZES[w < 2 ? 0 : w < 5 ? 1 : w < 20 ? 2 : 3]);

function edgesAndLayout() {
  const source = new Int32Array(PAIRS);
  const target = new Int32Array(PAIRS);
  for (let e = 0; e < PAIRS; e++) {
    source[e] = e % PEOPLE;
    target[e] = (e + 1 + Math.floor(e / PEOPLE)) % PEOPLE;
  }
  const layout = {
    x: Float32Array.from({ length: PEOPLE }, (_, i) => i * 10),
    y: Float32Array.from({ length: PEOPLE }, (_, i) => -i),
  };
  return { edges: { count: PAIRS, source, target }, layout };
}

describe("EdgeModel", () => {
  it("keeps each line at its period's class, and packs exactly the lines drawn", () => {
    const random = seededRng(11);
    const weights = () =>
      Float32Array.from({ length: PAIRS }, () => [0, 0, 1, 1, 3, 4, 7, 30][Math.floor(random() * 8)]);
    const { edges, layout } = edgesAndLayout();
    let now = weights();
    const model = new EdgeModel(edges, layout, now, S);
    for (let e = 0; e < PAIRS; e++) expect(model.widthOf(e, 1)).toBe(thickness(now[e]));
    for (let round = 0; round < 40; round++) {
      const next = weights();
      const changed = [...next.keys()].filter((e) => thickness(next[e]) !== thickness(now[e]));
      const before = model.pack(1);
      expect(model.setWeights(next, now)).toBe(changed.length);
      for (let e = 0; e < PAIRS; e++) expect(model.widthOf(e, 1)).toBe(thickness(next[e]));
      const packed = model.pack(1);
      // The same list while nothing changed; a new one otherwise.
      expect(packed === before).toBe(changed.length === 0);
      const shown = [...next.keys()].filter((e) => next[e] > 0);
      expect(packed.count).toBe(shown.length);
      shown.forEach((e, i) => {
        expect([...packed.ends.subarray(4 * i, 4 * i + 4)]).toEqual([...model.ends.subarray(4 * e, 4 * e + 4)]);
        expect(SIZES[packed.look[i] - 1]).toBe(thickness(next[e]));
      });
      now = next;
    }
  });

  it("drops the thinnest classes first when a view would draw more lines than the budget", () => {
    // Lines per class 1–4: 1000, 100, 10, 1.
    expect(lowestClassDrawn([0, 1000, 100, 10, 1], 5000)).toBe(1);
    expect(lowestClassDrawn([0, 1000, 100, 10, 1], 1111)).toBe(1);
    expect(lowestClassDrawn([0, 1000, 100, 10, 1], 1110)).toBe(2);
    expect(lowestClassDrawn([0, 1000, 100, 10, 1], 11)).toBe(3);
    expect(lowestClassDrawn([0, 1000, 100, 10, 1], 0)).toBe(4);
    const { edges, layout } = edgesAndLayout();
    // 30 lines of one message, 10 of 30; a budget of 20 at the home zoom, 80 zoomed in twice.
    const w = Float32Array.from({ length: PAIRS }, (_, e) => (e < 30 ? 1 : 30));
    const model = new EdgeModel(edges, layout, w, resolveNetworkSettings({ edges: { lineBudget: 20 } }));
    // Classes 2 and 3 are empty: from class 2 up is the 10 lines of class 4.
    expect(model.lowestClassAt(1)).toBe(2);
    expect(model.lowestClassAt(0.5)).toBe(1);
    expect(model.widthOf(0, 1)).toBe(0);
    expect(model.widthOf(0, 0.5)).toBeGreaterThan(0);
    expect(model.pack(2).count).toBe(10);
    // A lit line is drawn whatever its class, after the rest.
    model.setLit([2]);
    const packed = model.pack(2);
    expect(packed.count).toBe(11);
    expect(packed.look[10]).toBe(1 | LIT_BIT);
    expect([...packed.ends.subarray(40, 44)]).toEqual([...model.ends.subarray(8, 12)]);
    expect(model.widthOf(2, 1)).toBeGreaterThan(0);
  });

  it("holds each line's ends at its people's positions", () => {
    const { edges, layout } = edgesAndLayout();
    const model = new EdgeModel(edges, layout, new Float32Array(PAIRS), S);
    for (let e = 0; e < PAIRS; e++) {
      const [s, t] = [edges.source[e], edges.target[e]];
      expect([...model.ends.subarray(4 * e, 4 * e + 4)]).toEqual([s * 10, -s, t * 10, -t]);
    }
  });

  it("lights exactly the highlighted lines and unlights the last highlight's", () => {
    const { edges, layout } = edgesAndLayout();
    const model = new EdgeModel(edges, layout, new Float32Array(PAIRS).fill(1), S);
    const lit = () => [...model.lit.keys()].filter((e) => model.lit[e]);
    expect(model.setLit([3, 9, 20])).toBe(true);
    expect(lit()).toEqual([3, 9, 20]);
    const packed = model.pack(1);
    expect([...packed.look.subarray(packed.count - 3, packed.count)]).toEqual([1 | LIT_BIT, 1 | LIT_BIT, 1 | LIT_BIT]);
    model.setLit([5]);
    expect(lit()).toEqual([5]);
    expect(model.setLit([])).toBe(true);
    expect(model.setLit([])).toBe(false);
    expect(lit()).toEqual([]);
  });

  it("draws projector mode's classes thicker, and the thinnest line no thinner than the minimum", () => {
    const { edges, layout } = edgesAndLayout();
    const w = Float32Array.from({ length: PAIRS }, (_, e) => [1, 3, 8, 30][e % 4]);
    const screen = new EdgeModel(edges, layout, w, S);
    const present = new EdgeModel(edges, layout, w, resolveNetworkSettings({ present: true }));
    for (let e = 0; e < 4; e++) {
      expect(present.widthOf(e, 1)).toBeCloseTo(S.edges.presentMin + SIZES[e] * S.edges.presentGrowth, 6);
      expect(present.widthOf(e, 1)).toBeGreaterThan(screen.widthOf(e, 1));
    }
    // Zoomed in four times (sigma's size ratio √¼): lines twice as wide; zoomed out, a floor.
    expect(lineWidthPx(0.6, 0.5)).toBeCloseTo(1.2, 6);
    expect(lineWidthPx(0.6, 4)).toBeCloseTo(MIN_LINE_PX, 6);
    expect(lineWidthPx(0, 1)).toBe(0);
  });

  it("blends premultiplied colours: the unlit grey at the dataset's opacity", () => {
    expect(premultiplied("rgba(100, 200, 50, 0.5)")).toEqual([
      (100 / 255) * 0.5,
      (200 / 255) * 0.5,
      (50 / 255) * 0.5,
      0.5,
    ]);
    expect(premultiplied("#ffffff")).toEqual([1, 1, 1, 1]);
    expect(premultiplied("not a colour")).toEqual([0, 0, 0, 0]);
    const { edges, layout } = edgesAndLayout();
    const model = new EdgeModel(edges, layout, new Float32Array(PAIRS), S);
    // 40 lines: the maximum opacity (12 %).
    expect(model.colours.unlit[3]).toBeCloseTo(S.edges.opacityMax, 3);
    expect(model.colours.litCss).toBe(S.theme.edgeLit);
  });
});
