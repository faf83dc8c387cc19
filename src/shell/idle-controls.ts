// Controls that keep out of the audience's way: while on, the controls are shown when the pointer
// moves (or touches) and hidden again after IDLE_MS without movement. It only sets
// `data-controls="shown"` on an element; the CSS (present.css) hides the controls otherwise, except
// while keyboard focus is inside them (:focus-within).

/** How long the controls stay after the pointer last moved, ms. */
export const IDLE_MS = 2500;

export interface IdleControls {
  /** Starts (true) or stops (false) hiding: stopped, the attribute is removed. */
  enable(on: boolean): void;
  dispose(): void;
}

export function idleControls(el: HTMLElement, idleMs = IDLE_MS): IdleControls {
  let on = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pointer last moved (-Infinity: not yet). */
  let moved = -Infinity;
  const hide = () => {
    el.dataset.controls = "idle";
  };
  const showFor = (ms: number) => {
    clearTimeout(timer);
    if (ms <= 0) return hide();
    el.dataset.controls = "shown";
    timer = setTimeout(hide, ms);
  };
  const show = () => {
    moved = performance.now();
    if (on) showFor(idleMs);
  };
  const events = ["pointermove", "pointerdown"] as const;
  for (const type of events) document.addEventListener(type, show, { passive: true });
  return {
    enable(next) {
      if (next === on) return;
      on = next;
      clearTimeout(timer);
      // Turned on by a click (the Present button): the pointer has just moved, so the controls
      // stay for the rest of their time rather than vanishing under it.
      if (on) showFor(idleMs - (performance.now() - moved));
      else delete el.dataset.controls;
    },
    dispose() {
      clearTimeout(timer);
      for (const type of events) document.removeEventListener(type, show);
      delete el.dataset.controls;
    },
  };
}
