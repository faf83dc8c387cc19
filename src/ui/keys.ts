// The page's keyboard shortcuts go through here: one document listener per phase, handlers tried
// in the order they were added (the "first" phase, in capture, before any element; the "page"
// phase after elements had their say). A key press typed into a text field is the field's (but
// Escape, which closes what is open), and one with Ctrl, ⌘ or Alt is the browser's.

/** Elements that take typed keys themselves. */
export const TEXT_FIELDS = "input, select, textarea, [contenteditable]";
/** Elements that Space and Enter press. */
export const PRESSABLE = "button, a[href], summary, input, select, textarea";

/** Whether the key press was typed into a text field. */
export function inTextField(e: KeyboardEvent): boolean {
  return !!(e.target as Element | null)?.closest?.(TEXT_FIELDS);
}

/** Whether the key press lands on an element that Space or Enter would press. */
export function onPressable(e: KeyboardEvent): boolean {
  return !!(e.target as Element | null)?.closest?.(PRESSABLE);
}

/** A shortcut handler: true when it took the key (its default is then prevented and no later
 *  handler sees it). */
export type KeyHandler = (e: KeyboardEvent) => boolean;
export type KeyPhase = "first" | "page";

const handlers: Record<KeyPhase, KeyHandler[]> = { first: [], page: [] };

function dispatch(phase: KeyPhase, e: KeyboardEvent) {
  if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== "Escape" && inTextField(e))) return;
  for (const handle of [...handlers[phase]]) {
    if (!handle(e)) continue;
    e.preventDefault();
    e.stopImmediatePropagation();
    return;
  }
}
const listeners: Record<KeyPhase, (e: KeyboardEvent) => void> = {
  first: (e) => dispatch("first", e),
  page: (e) => dispatch("page", e),
};

/** Adds a shortcut handler; returns its removal. */
export function onKeys(phase: KeyPhase, handle: KeyHandler): () => void {
  const list = handlers[phase];
  if (!list.length) document.addEventListener("keydown", listeners[phase], phase === "first");
  list.push(handle);
  return () => {
    const i = list.indexOf(handle);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) document.removeEventListener("keydown", listeners[phase], phase === "first");
  };
}
