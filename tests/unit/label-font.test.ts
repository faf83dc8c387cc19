// Network labels are measured and drawn in one font: the label layer places a name by the width
// it measured, and the PNG, the still image and the SVG must draw it in the font that was measured,
// or bold names (the people a reader picked) overflow the boxes kept clear for them.
import { describe, expect, it } from "vitest";
import { drawNetworkScene, type Context2D } from "../../src/publish/draw-canvas";
import { textMeasure } from "../../src/render/label-layer";
import type { NetworkScene } from "../../src/render/scene";

/** A 2D context that records the font in force at each measureText and fillText. */
function recordingContext() {
  const measured: string[] = [];
  const filled: { text: string; font: string }[] = [];
  const ctx = new Proxy({ font: "" } as Record<string, unknown>, {
    get(target, key) {
      if (key === "measureText")
        return (text: string) => (measured.push(target.font as string), { width: text.length * 7 });
      if (key === "fillText") return (text: string) => void filled.push({ text, font: target.font as string });
      if (key in target) return target[key as string];
      return () => {};
    },
    set(target, key, value) {
      target[key as string] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as Context2D & CanvasRenderingContext2D, measured, filled };
}

describe("label font", () => {
  it("a bold name is drawn in the font it was measured in (weight and size)", () => {
    const { ctx, measured, filled } = recordingContext();
    textMeasure(ctx, 14)("Jane Roe", true);
    textMeasure(ctx, 14)("John Doe", false);
    const scene: NetworkScene = {
      width: 200,
      height: 100,
      edges: [],
      nodes: [],
      labels: [
        { text: "Jane Roe", x: 10, y: 20, size: 14, bold: true, colour: "#000", halo: "#fff" },
        { text: "John Doe", x: 10, y: 60, size: 14, bold: false, colour: "#000", halo: "#fff" },
      ],
    };
    drawNetworkScene(ctx, scene);
    expect(filled.map((f) => f.font)).toEqual(measured);
    expect(measured[0]).not.toEqual(measured[1]);
  });
});
