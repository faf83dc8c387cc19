// Page-wide keys: Escape closes what is open; with a person selected, the arrow keys step through
// their correspondents (most messages first) and Enter opens the one reached. Keys typed into a
// form field stay with the field.
import type { Correspondent } from "./graph/person";
import { selectPerson, type AppState } from "./state/app-state";
import type { Store } from "./state/store";

export interface KeyActions {
  escape(): void;
  correspondents(): Correspondent[];
  onCursor(person: number | null): void;
}

/** Elements that use arrow keys or Enter themselves. */
const OWN_KEYS = "input, select, textarea, [contenteditable], .timeline-svg";
const CONTROLS = "button, a[href], summary, input, select, textarea";

export function bindKeys(store: Store<AppState>, actions: KeyActions): () => void {
  let cursor = -1;
  const reset = store.subscribe((s, prev) => {
    if (s.selected !== prev.selected) {
      cursor = -1;
      actions.onCursor(null);
    }
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const inField = !!target.closest?.(OWN_KEYS);
    if (e.key === "Escape") {
      actions.escape();
      return;
    }
    const s = store.get();
    if (inField || s.selected === null) return;
    const list = actions.correspondents();
    if ((e.key === "ArrowDown" || e.key === "ArrowRight" || e.key === "ArrowUp" || e.key === "ArrowLeft") && list.length) {
      e.preventDefault();
      const step = e.key === "ArrowDown" || e.key === "ArrowRight" ? 1 : -1;
      cursor = cursor < 0 ? (step > 0 ? 0 : list.length - 1) : (cursor + step + list.length) % list.length;
      const p = list[cursor].person;
      store.set({ hovered: p });
      actions.onCursor(p);
    } else if (e.key === "Enter" && cursor >= 0 && !target.closest?.(CONTROLS)) {
      e.preventDefault();
      store.set(selectPerson(list[cursor].person));
    }
  };
  document.addEventListener("keydown", onKey);
  return () => {
    reset();
    document.removeEventListener("keydown", onKey);
  };
}
