// The story's named actions (pure): authoring (add the view as a step, edit, reorder, delete, open a
// story file) and playback (play from a step, step forward and back, leave). Merged into ACTIONS.
import { aimAt, type ViewState } from "./view-state";
import { CAPTION_MAX, clampStep, HEADING_MAX, snapshot, STEPS_MAX, TITLE_MAX, withStepView, type Story } from "./story";

const EMPTY: Story = { title: "Untitled story", steps: [] };

const setSteps = (s: ViewState, steps: Story["steps"]): ViewState => {
  const story = { ...(s.story ?? EMPTY), steps };
  // A step removed under the one playing: stop on the nearest that is left.
  const playing = s.playing && steps.length ? { ...s.playing, step: clampStep(story, s.playing.step) } : null;
  return { ...s, story, playing };
};

const present = (s: ViewState, on: boolean): Record<string, string> => {
  const flags = { ...s.flags };
  if (on) flags.present = "1";
  else delete flags.present;
  return flags;
};

export const STORY_ACTIONS = {
  /** Appends the view now as a step (a new story when there is none). */
  addStep: (s: ViewState, heading: string, caption = ""): ViewState => {
    const steps = s.story?.steps ?? [];
    if (steps.length >= STEPS_MAX) return s;
    return setSteps(s, [
      ...steps,
      { heading: heading.slice(0, HEADING_MAX), caption: caption.slice(0, CAPTION_MAX), view: snapshot(s) },
    ]);
  },
  /** Saves the view now into step i (keeping its words). */
  updateStepView: (s: ViewState, i: number): ViewState => {
    const steps = s.story?.steps;
    if (!steps?.[i]) return s;
    return setSteps(
      s,
      steps.map((st, k) => (k === i ? { ...st, view: snapshot(s) } : st)),
    );
  },
  editStep: (s: ViewState, i: number, patch: { heading?: string; caption?: string }): ViewState => {
    const steps = s.story?.steps;
    if (!steps?.[i]) return s;
    const heading = patch.heading?.slice(0, HEADING_MAX) ?? steps[i].heading;
    const caption = patch.caption?.slice(0, CAPTION_MAX) ?? steps[i].caption;
    if (heading === steps[i].heading && caption === steps[i].caption) return s;
    return setSteps(
      s,
      steps.map((st, k) => (k === i ? { ...st, heading, caption } : st)),
    );
  },
  /** Moves step i to position `to`. */
  moveStep: (s: ViewState, i: number, to: number): ViewState => {
    const steps = [...(s.story?.steps ?? [])];
    if (!steps[i] || to < 0 || to >= steps.length || to === i) return s;
    const [moved] = steps.splice(i, 1);
    steps.splice(to, 0, moved);
    return setSteps(s, steps);
  },
  deleteStep: (s: ViewState, i: number): ViewState => {
    const steps = s.story?.steps;
    if (!steps?.[i]) return s;
    return setSteps(
      s,
      steps.filter((_, k) => k !== i),
    );
  },
  setStoryTitle: (s: ViewState, title: string): ViewState =>
    s.story && s.story.title !== title ? { ...s, story: { ...s.story, title: title.slice(0, TITLE_MAX) } } : s,
  /** A story opened from a file or the example (null: none). Playback stops. */
  setStory: (s: ViewState, story: Story | null): ViewState => ({
    ...s,
    story,
    playing: null,
    flags: s.playing ? present(s, s.playing.wasPresent) : s.flags,
  }),
  /** Shows step i in projector mode. */
  playStory: (s: ViewState, i = 0): ViewState => {
    if (!s.story?.steps.length) return s;
    const step = clampStep(s.story, i);
    const wasPresent = s.playing ? s.playing.wasPresent : s.flags.present === "1";
    const next = withStepView(s, s.story.steps[step].view);
    // An embed steps in place, at the article's size: no projector mode there.
    const flags = s.flags.embed === "1" ? next.flags : { ...next.flags, present: "1" };
    // The camera glides to the step's view.
    return { ...next, playing: { step, wasPresent }, flags, aim: aimAt(s, { kind: "place", glide: true }) };
  },
  /** The next (+1) or previous (-1) step; nothing past either end. */
  stepStory: (s: ViewState, by: number): ViewState => {
    if (!s.story || !s.playing) return s;
    const step = clampStep(s.story, s.playing.step + by);
    return step === s.playing.step ? s : STORY_ACTIONS.playStory(s, step);
  },
  /** Leaves playback where it stands, keeping the story; projector mode as it was before. */
  stopStory: (s: ViewState): ViewState =>
    s.playing ? { ...s, playing: null, flags: present(s, s.playing.wasPresent) } : s,
};
