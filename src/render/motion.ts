// How the view moves on its own (pure): a story's camera glides in under a second (the network
// settings' storyStepMs), and not at all when the reader asks for less motion.
import { DEFAULT_NETWORK_SETTINGS } from "./settings";

export const STEP_MS = DEFAULT_NETWORK_SETTINGS.camera.storyStepMs;

export const reducedMotion = (): boolean =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
