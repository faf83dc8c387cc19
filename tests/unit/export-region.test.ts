// The region an export draws: the view the panel leaves uncovered, cropped to the people drawn
// there with room for their names; the still image keeps the whole view.
import { describe, expect, it } from "vitest";
import { exportRegion, retheme } from "../../src/publish/scene-for";
import type { Frame } from "../../src/state/coordinator";
import { nodeColour, THEMES } from "../../src/theme/theme";

describe("exportRegion", () => {
  const view = { width: 1000, height: 600 };
  it("crops to the people's extent plus a margin, inside the view", () => {
    const r = exportRegion(
      [
        { x: 400, y: 300, r: 10 },
        { x: 600, y: 200, r: 5 },
      ],
      view,
      { left: 0, top: 0 },
    );
    expect(r).toEqual({ left: 330, top: 135, width: 335, height: 235 });
  });
  it("leaves out what the panel covers, and the people under it", () => {
    const r = exportRegion(
      [
        { x: 100, y: 300, r: 10 },
        { x: 600, y: 300, r: 10 },
      ],
      view,
      { left: 400, top: 0 },
    );
    expect(r.left).toBe(530);
    expect(r.left + r.width).toBe(670);
  });
  it("never reaches past the view's edges, and with no one shown gives the uncovered view", () => {
    const r = exportRegion(
      [
        { x: 5, y: 5, r: 4 },
        { x: 995, y: 595, r: 4 },
      ],
      view,
      { left: 0, top: 0 },
    );
    expect(r).toEqual({ left: 0, top: 0, width: 1000, height: 600 });
    expect(exportRegion([], view, { left: 0, top: 200 })).toEqual({ left: 0, top: 200, width: 1000, height: 400 });
  });
});

describe("retheme", () => {
  it("draws a light scene's colours as the dark theme draws them", () => {
    const frame = {
      derived: { communities: { result: { community: Int32Array.from([0, -1]), colours: ["#332288"] } } },
    } as unknown as Frame;
    const scene = {
      width: 10,
      height: 10,
      nodes: [
        { person: 0, x: 1, y: 1, r: 1, fill: "#332288", stroke: null },
        { person: 1, x: 2, y: 2, r: 1, fill: THEMES.light.dimmed, stroke: null },
      ],
      edges: [{ x1: 0, y1: 0, x2: 1, y2: 1, width: 1, colour: `rgba(${THEMES.light.edgeRgb}, 0.050)` }],
      labels: [
        { text: "A", x: 0, y: 0, size: 13, bold: false, colour: THEMES.light.text, halo: THEMES.light.background },
      ],
    };
    const dark = retheme(scene, frame, "light", "dark");
    expect(dark.nodes.map((n) => n.fill)).toEqual([nodeColour("#332288", "dark"), THEMES.dark.dimmed]);
    expect(dark.edges[0].colour).toBe(`rgba(${THEMES.dark.edgeRgb}, 0.050)`);
    expect(dark.labels[0]).toMatchObject({ colour: THEMES.dark.text, halo: THEMES.dark.background });
    expect(retheme(scene, frame, "light", "light")).toBe(scene);
  });
});
