// drawnNodes (label-layer.ts): what the names are placed among. With a radius floor, small unlit
// people are left out, the hovered and selected are kept whatever their size, and of the small
// highlighted people only the largest few are read from sigma.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { drawnNodes, type NetworkRenderer } from "../../src/render/label-layer";

function fakeRenderer(sizes: number[], lit: Set<number>, hovered: number) {
  const graph = new Graph();
  sizes.forEach((size, i) => graph.addNode(String(i), { size, name: `P${i}`, x: i, y: 0 }));
  const reads: string[] = [];
  const renderer = {
    getGraph: () => graph,
    scaleSize: (s: number) => s,
    getNodeState: (k: string) => ({ isHighlighted: lit.has(Number(k)), isHovered: Number(k) === hovered }),
    getNodeDisplayData: (k: string) => {
      reads.push(k);
      const size = graph.getNodeAttribute(k, "size");
      return {
        x: Number(k),
        y: 0,
        size,
        visibility: "visible",
        labelVisibility: Number(k) === hovered ? "visible" : "auto",
        highlighted: lit.has(Number(k)),
      };
    },
    framedGraphToViewport: (d: { x: number; y: number }) => ({ x: d.x, y: d.y }),
  } as unknown as NetworkRenderer;
  return { renderer, keys: graph.nodes(), reads };
}

describe("drawnNodes", () => {
  // People 0–9 are large (radius 10); 10–209 small (radius 1 + a hundredth per index), all lit.
  const sizes = [...Array.from({ length: 10 }, () => 10), ...Array.from({ length: 200 }, (_, i) => 1 + i / 100)];
  const lit = new Set(Array.from({ length: 200 }, (_, i) => 10 + i));

  it("keeps the large, the hovered, and only the largest small highlighted people", () => {
    const { renderer, keys, reads } = fakeRenderer([...sizes, 1], lit, 210);
    const shown = drawnNodes(renderer, keys, 5, 20).map((n) => n.id);
    const largestSmall = Array.from({ length: 20 }, (_, i) => 209 - i);
    expect(shown.sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => i),
      ...largestSmall.reverse(),
      210,
    ]);
    // Sigma was asked only for those.
    expect(reads.length).toBe(31);
  });

  it("keeps every small highlighted person under the limit, and every person without a floor", () => {
    const { renderer, keys } = fakeRenderer(sizes, lit, -1);
    expect(drawnNodes(renderer, keys, 5).length).toBe(210);
    expect(drawnNodes(renderer, keys).length).toBe(210);
  });
});
