// Picking a line by a click: the nearest shown line within the distance, never a hidden one.
import { describe, expect, it } from "vitest";
import { nearestLine } from "../../src/render/line-pick";

describe("nearestLine", () => {
  const at = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 0, y: 100 },
  ];
  const edges = { count: 2, source: Int32Array.from([0, 0]), target: Int32Array.from([1, 2]) };
  it("finds the line under the point, by perpendicular distance", () => {
    expect(nearestLine(at, edges, Float32Array.from([1, 1]), 50, 3, 4)).toBe(0);
    expect(nearestLine(at, edges, Float32Array.from([1, 1]), 3, 50, 4)).toBe(1);
  });
  it("ignores lines too far, beyond their ends, or not shown in the period", () => {
    expect(nearestLine(at, edges, Float32Array.from([1, 1]), 50, 5, 4)).toBe(-1);
    expect(nearestLine(at, edges, Float32Array.from([1, 1]), 106, 0, 4)).toBe(-1);
    expect(nearestLine(at, edges, Float32Array.from([0, 1]), 50, 1, 4)).toBe(-1);
  });
});
