// An empty timeline (no dated messages) in Node: the empty path needs only createElement and
// append, so a few lines of fake DOM stand in for the browser.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Bins } from "../../src/time/bins";
import { EMPTY_TIMELINE_TEXT, mountTimeline, type TimelineOptions } from "../../src/timeline/timeline";

class FakeNode {
  className = "";
  textContent = "";
  children: FakeNode[] = [];
  parent: FakeNode | null = null;
  constructor(readonly tagName: string) {}
  append(child: FakeNode) {
    child.parent = this;
    this.children.push(child);
  }
  remove() {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
  }
}

const g = globalThis as { document?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = g.document;
  g.document = { createElement: (tag: string) => new FakeNode(tag.toUpperCase()) };
});
afterEach(() => {
  g.document = saved;
});

const options = (bins: Bins, extra: Partial<TimelineOptions> = {}): TimelineOptions => ({
  bins,
  full: { start: 0, end: 1 },
  annotations: [],
  snap: (p) => p,
  onBrush: () => {
    throw new Error("an empty timeline never brushes");
  },
  ...extra,
});

describe("empty timeline", () => {
  it("shows a line instead of bars when there are no bins", () => {
    const el = new FakeNode("DIV");
    const view = mountTimeline(
      el as unknown as HTMLElement,
      options({ unit: "day", edges: Float64Array.of(0), counts: new Int32Array(0) }),
    );
    expect(el.children.map((c) => [c.tagName, c.className, c.textContent])).toEqual([
      ["P", "timeline-empty", "No dated messages: the timeline is empty"],
    ]);
    expect(EMPTY_TIMELINE_TEXT).toBe("No dated messages: the timeline is empty");
    view.show({ start: 0, end: 1 });
    view.setShown(new Int32Array(0));
    view.dispose();
    expect(el.children).toEqual([]);
  });

  it("shows it when told the dataset is empty, whatever the bins", () => {
    const el = new FakeNode("DIV");
    const bins = { unit: "day" as const, edges: Float64Array.of(0, 86_400_000), counts: Int32Array.of(0) };
    mountTimeline(el as unknown as HTMLElement, options(bins, { empty: true, timeZone: "America/New_York" }));
    expect(el.children.map((c) => c.className)).toEqual(["timeline-empty"]);
  });
});
