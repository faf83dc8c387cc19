// Projector mode's sizes (pure): thicker and stronger lines, larger people, and fewer, larger names
// than the normal view, for every class of line and every view size.
import { describe, expect, it } from "vitest";
import {
  edgeOpacity,
  edgeSize,
  labelLimit,
  labelLook,
  LABEL_LOOKS,
  PRESENT_NODE_GROWTH,
  presentEdgeOpacity,
} from "../../src/render/sizes";

describe("projector mode sizes", () => {
  it("draws every line that is drawn thicker, keeps hidden lines hidden, and keeps the four classes in order", () => {
    const counts = [1, 3, 10, 50];
    expect(edgeSize(0, true)).toBe(0);
    expect(edgeSize(-1, true)).toBe(0);
    for (const n of counts) expect(edgeSize(n, true)).toBeGreaterThan(edgeSize(n) * 1.25);
    const present = counts.map((n) => edgeSize(n, true));
    expect([...present].sort((a, b) => a - b)).toEqual(present);
    expect(new Set(present).size).toBe(4);
    // Still classes: counts within a class share a thickness (few lines repaint as the brush moves).
    expect(edgeSize(5, true)).toBe(edgeSize(19, true));
    expect(edgeSize(20, true)).toBe(edgeSize(5000, true));
  });

  it("draws lines stronger than on screen, within 5–20 %", () => {
    for (const edges of [100, 3000, 12_000, 41_890, 250_000]) {
      const on = presentEdgeOpacity(edges);
      expect(on).toBeGreaterThanOrEqual(0.05);
      expect(on).toBeLessThanOrEqual(0.2);
      expect(on, `${edges} edges`).toBeGreaterThan(edgeOpacity(edges));
    }
    // Between the bounds it is 1.6 times the screen's (12,000 edges: 5.8 % on screen).
    expect(presentEdgeOpacity(12_000) / edgeOpacity(12_000)).toBeCloseTo(1.6, 5);
    // The sample's 41,890 edges draw at 3.1 % on screen: the floor, 5 %.
    expect(presentEdgeOpacity(41_890)).toBe(0.05);
  });

  it("names people in a larger type, only the larger of them, and fewer in the same view", () => {
    expect(labelLook(true).fontSize).toBeGreaterThanOrEqual(20);
    expect(labelLook(false).fontSize).toBe(13);
    for (const scale of [0.5, 0.8, 1]) {
      // People grow by PRESENT_NODE_GROWTH; the radius that earns a name grows more than that.
      const ratio = labelLook(true, scale).minRadius / labelLook(false, scale).minRadius;
      expect(ratio).toBeGreaterThan(PRESENT_NODE_GROWTH);
      expect(labelLook(false, scale).minRadius).toBeCloseTo(7 * scale, 10);
    }
    for (const [w, h] of [
      [1920, 900],
      [1280, 560],
      [300, 200],
    ] as const) {
      expect(labelLimit(w, h, LABEL_LOOKS.present)).toBeLessThanOrEqual(labelLimit(w, h, LABEL_LOOKS.normal));
    }
    expect(labelLimit(1920, 900, LABEL_LOOKS.normal)).toBe(Math.round((1920 * 900) / 20_000));
    expect(labelLimit(1920, 900, LABEL_LOOKS.present)).toBe(Math.round((1920 * 900) / 60_000));
    expect(labelLimit(100, 100, LABEL_LOOKS.present)).toBe(6);
    expect(labelLimit(-5, 100, LABEL_LOOKS.present)).toBe(6);
  });
});
