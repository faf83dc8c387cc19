// A line in the network's corner when the view leaves out its thinnest lines (edge-model.ts: a
// zoomed-out view of a huge corpus draws its stronger lines, not a grey mass of single messages):
// which lines are left out, how many, and that zooming in shows them. Every count in the panels
// still includes them.
import type { EdgeModel } from "../render/edge-model";
import { DEFAULT_NETWORK_SETTINGS } from "../render/settings";
import { h } from "../ui/dom";
import { plural } from "../ui/format";

/** What the caption says when lines of classes below `lowest` are not drawn; null when all are. */
export function thinnedLinesText(
  perClass: ArrayLike<number>,
  lowest: number,
  bounds: number[] = DEFAULT_NETWORK_SETTINGS.edges.classBounds,
): string | null {
  let hidden = 0;
  for (let k = 1; k < lowest; k++) hidden += perClass[k];
  if (lowest <= 1 || hidden === 0) return null;
  const least = bounds[lowest - 2];
  const which = least === 2 ? "a single message" : `fewer than ${least} messages`;
  return `${plural(hidden, "line")} of ${which} in this period not drawn at this zoom: zoom in to see them.`;
}

export interface LinesCaption {
  /** Says what the lines drawn with the camera at `ratio` leave out (nothing when all are drawn). */
  show(lines: EdgeModel, ratio: number): void;
  dispose(): void;
}

/** The caption, over the network's bottom right corner (a sibling, so names keep clear of it). */
export function mountLinesCaption(el: HTMLElement): LinesCaption {
  const caption = h("p", { class: "lines-caption", hidden: "" });
  el.after(caption);
  return {
    show(lines, ratio) {
      const text = thinnedLinesText(lines.perClass, lines.lowestClassAt(ratio), lines.bounds);
      caption.hidden = text === null;
      if (caption.textContent !== (text ?? "")) caption.textContent = text ?? "";
    },
    dispose: () => caption.remove(),
  };
}
