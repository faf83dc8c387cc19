// Stories (pure): an ordered list of steps, each a saved view with a heading and a caption, and the
// step being played. A step keeps what a person sees (period, filters, selection, camera, theme),
// never presentation state (projector mode, embed) or the story itself.
import type { Story, StepView, ViewState } from "./view-state";

export type { Playing, StepView, Story, StoryStep } from "./view-state";

export const HEADING_MAX = 120;
export const CAPTION_MAX = 600;
export const TITLE_MAX = 120;
export const STEPS_MAX = 50;

/** The view now, as a step saves it. */
export function snapshot(s: ViewState): StepView {
  const theme = s.flags.theme === "light" || s.flags.theme === "dark" ? s.flags.theme : null;
  return {
    period: s.period,
    filters: s.filters,
    focus: s.focus,
    selected: s.selected,
    connection: s.connection,
    chain: s.chain,
    community: s.community,
    resolution: s.resolution,
    view: s.view,
    camera: s.camera,
    theme,
  };
}

/** The state with a step's view put back, the rest (story, flags, data) kept. */
export function withStepView(s: ViewState, v: StepView): ViewState {
  const flags = { ...s.flags };
  if (v.theme) flags.theme = v.theme;
  const { theme: _theme, ...view } = v;
  return { ...s, ...view, flags, hovered: null, cursor: null };
}

/** A step number kept within the story (0-based). */
export function clampStep(story: Story, step: number): number {
  return Math.max(0, Math.min(story.steps.length - 1, Math.trunc(step)));
}
