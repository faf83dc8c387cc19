// Page-wide keys: Escape closes what is open; with a person selected, the arrow keys step the
// cursor through their correspondents (most messages first, derived.correspondents) and Enter
// opens the one reached. Keys typed into a form field, or meant for the timeline chart, stay there.
import type { BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { onKeys, onPressable } from "../ui/keys";

const FORWARD = new Set(["ArrowDown", "ArrowRight"]);
const BACKWARD = new Set(["ArrowUp", "ArrowLeft"]);

export function bindKeys(actions: BoundActions): View {
  let frame: Frame | null = null;
  const onKey = (e: KeyboardEvent): boolean => {
    if (e.key === "Escape") {
      actions.escape();
      return false;
    }
    if (!frame || frame.state.selected === null || (e.target as Element | null)?.closest?.(".timeline-svg"))
      return false;
    const order = frame.derived.correspondents.map((c) => c.person);
    if ((FORWARD.has(e.key) || BACKWARD.has(e.key)) && order.length) {
      actions.moveCursor(FORWARD.has(e.key) ? 1 : -1, order);
      return true;
    }
    if (e.key === "Enter" && frame.state.cursor !== null && !onPressable(e)) {
      actions.openCursor();
      return true;
    }
    return false;
  };
  const remove = onKeys("page", onKey);
  return {
    update(f) {
      frame = f;
    },
    dispose: remove,
  };
}
