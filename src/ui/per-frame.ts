// The latest of a burst of values, handed on once per animation frame: a brush dragged faster than
// the page draws sets the period once per frame, not once per pointer event, so a slow frame (a
// large corpus) never leaves a queue of stale periods behind the pointer.

export interface PerFrame<T> {
  /** Keeps `value` for the next frame, replacing one not handed on yet. */
  push(value: T): void;
  /** Hands on the kept value now, if there is one. */
  flush(): void;
  /** Whether a value waits for the next frame. */
  pending(): boolean;
  /** Drops the kept value. */
  dispose(): void;
}

/** `schedule` and `cancel` default to the page's animation frames (tests pass their own). */
export function perFrame<T>(
  apply: (value: T) => void,
  schedule: (run: () => void) => number = (run) => requestAnimationFrame(run),
  cancel: (id: number) => void = (id) => cancelAnimationFrame(id),
): PerFrame<T> {
  let kept: { value: T } | null = null;
  let frame = 0;
  const flush = () => {
    if (frame) cancel(frame);
    frame = 0;
    const now = kept;
    kept = null;
    if (now) apply(now.value);
  };
  return {
    push(value) {
      kept = { value };
      if (!frame) frame = schedule(flush);
    },
    flush,
    pending: () => kept !== null,
    dispose() {
      if (frame) cancel(frame);
      frame = 0;
      kept = null;
    },
  };
}
