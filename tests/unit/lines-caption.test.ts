// The caption over a view that leaves out its thinnest lines: what it says for each lowest class.
import { describe, expect, it } from "vitest";
import { thinnedLinesText } from "../../src/network/lines-caption";

describe("thinnedLinesText", () => {
  const perClass = [0, 1200, 300, 40, 5];
  it("says nothing when every line is drawn, or none is left out", () => {
    expect(thinnedLinesText(perClass, 1)).toBeNull();
    expect(thinnedLinesText([0, 0, 0, 7, 1], 3)).toBeNull();
  });
  it("counts the lines left out and names the least messages drawn", () => {
    expect(thinnedLinesText(perClass, 2)).toBe(
      "1,200 lines of a single message in this period not drawn at this zoom: zoom in to see them.",
    );
    expect(thinnedLinesText(perClass, 3)).toBe(
      "1,500 lines of fewer than 5 messages in this period not drawn at this zoom: zoom in to see them.",
    );
    expect(thinnedLinesText([0, 1, 0, 0, 3], 4)).toBe(
      "1 line of fewer than 20 messages in this period not drawn at this zoom: zoom in to see them.",
    );
  });
});
