// How the view moves on its own (pure constants and the reader's preference): a story's camera
// glides in under a second, and not at all when the reader asks for less motion.
export const STEP_MS = 700;

export const reducedMotion = (): boolean =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
