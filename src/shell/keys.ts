// Page-wide keys: Escape closes what is open; with a person selected, the arrow keys step through
// their correspondents (most messages first) and Enter opens the one reached. Keys typed into a
// form field stay with the field.
import type { Correspondent } from "../graph/person";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import type { ViewState } from "../state/view-state";

export interface KeyHelpers {
  correspondents(): Correspondent[];
  onCursor(person: number | null): void;
}

/** Elements that use arrow keys or Enter themselves. */
const OWN_KEYS = "input, select, textarea, [contenteditable], .timeline-svg";
const CONTROLS = "button, a[href], summary, input, select, textarea";

export function bindKeys(actions: BoundActions, helpers: KeyHelpers): View {
  let cursor = -1;
  let state: ViewState | null = null;
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !state) return;
    const target = e.target as HTMLElement;
    const inField = !!target.closest?.(OWN_KEYS);
    if (e.key === "Escape") {
      actions.escape();
      return;
    }
    if (inField || state.selected === null) return;
    const list = helpers.correspondents();
    if ((e.key === "ArrowDown" || e.key === "ArrowRight" || e.key === "ArrowUp" || e.key === "ArrowLeft") && list.length) {
      e.preventDefault();
      const step = e.key === "ArrowDown" || e.key === "ArrowRight" ? 1 : -1;
      cursor = cursor < 0 ? (step > 0 ? 0 : list.length - 1) : (cursor + step + list.length) % list.length;
      const p = list[cursor].person;
      actions.hover(p);
      helpers.onCursor(p);
    } else if (e.key === "Enter" && cursor >= 0 && cursor < list.length && !target.closest?.(CONTROLS)) {
      e.preventDefault();
      actions.selectPerson(list[cursor].person);
    }
  };
  document.addEventListener("keydown", onKey);
  return {
    update(frame, prev) {
      state = frame.state;
      // A new person or new counts: the list the cursor stood in is gone.
      if (prev && (frame.state.selected !== prev.state.selected || frame.derived.stats !== prev.derived.stats) && cursor >= 0) {
        cursor = -1;
        helpers.onCursor(null);
      }
    },
    dispose: () => document.removeEventListener("keydown", onKey),
  };
}
