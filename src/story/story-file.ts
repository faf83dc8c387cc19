// The story file (pure): a small JSON document whose steps name their views as the link does
// (`from=2016-04-01&to=2016-04-30&person=jane@dnc.org`), so a person can read and edit it. Reading
// one checks everything and names the step and field of each problem; nothing is half-loaded.
import { decodeView, encodeView, type LinkContext } from "../state/url";
import { initialView } from "../state/view-state";
import {
  CAPTION_MAX,
  HEADING_MAX,
  snapshot,
  STEPS_MAX,
  TITLE_MAX,
  withStepView,
  type Story,
  type StepView,
} from "../state/story";

export const STORY_FORMAT = "switchboard-story";
export const STORY_VERSION = 1;

export interface StoryFile {
  format: typeof STORY_FORMAT;
  version: typeof STORY_VERSION;
  title: string;
  /** The dataset the story was written on (a reminder to a reader; not checked). */
  dataset?: string;
  steps: { heading: string; caption: string; view: string }[];
}

/** A step's view as link text. */
export function encodeStepView(v: StepView, ctx: LinkContext): string {
  return encodeView(withStepView(initialView(ctx.full), v), ctx);
}

export function storyToFile(story: Story, ctx: LinkContext, dataset?: string): StoryFile {
  return {
    format: STORY_FORMAT,
    version: STORY_VERSION,
    title: story.title,
    ...(dataset ? { dataset } : {}),
    steps: story.steps.map((s) => ({ heading: s.heading, caption: s.caption, view: encodeStepView(s.view, ctx) })),
  };
}

const STEP_KEYS = ["heading", "caption", "view"];
const FILE_KEYS = ["format", "version", "title", "dataset", "steps"];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown, max: number, min = 0) => typeof v === "string" && v.trim().length >= min && v.length <= max;

/** Reads a story from parsed JSON; errors name the step (1-based) and field. */
export function storyFromJson(
  json: unknown,
  ctx: LinkContext,
): { story: Story; errors: [] } | { story: null; errors: string[] } {
  const errors: string[] = [];
  if (!isRecord(json)) return { story: null, errors: ["the file is not a story: expected a JSON object with steps"] };
  if (json.format !== STORY_FORMAT) errors.push(`format: must be "${STORY_FORMAT}"`);
  if (json.version !== STORY_VERSION) errors.push(`version: must be ${STORY_VERSION}`);
  for (const key of Object.keys(json))
    if (!FILE_KEYS.includes(key)) errors.push(`${key}: not a field of a story (${FILE_KEYS.join(", ")})`);
  if (!textOf(json.title, TITLE_MAX)) errors.push(`title: must be text of at most ${TITLE_MAX} characters`);
  if (json.dataset !== undefined && typeof json.dataset !== "string") errors.push("dataset: must be text");
  const steps = json.steps;
  if (!Array.isArray(steps) || steps.length < 1 || steps.length > STEPS_MAX) {
    errors.push(`steps: must be a list of 1 to ${STEPS_MAX} steps`);
    return { story: null, errors };
  }
  const read: Story["steps"] = [];
  steps.forEach((step: unknown, i) => {
    const at = `step ${i + 1}`;
    if (!isRecord(step)) return void errors.push(`${at}: must be an object with heading, caption and view`);
    for (const key of Object.keys(step))
      if (!STEP_KEYS.includes(key)) errors.push(`${at}, ${key}: not a field of a step (${STEP_KEYS.join(", ")})`);
    if (!textOf(step.heading, HEADING_MAX, 1))
      errors.push(`${at}, heading: must be text of 1 to ${HEADING_MAX} characters`);
    const caption = step.caption ?? "";
    if (!textOf(caption, CAPTION_MAX)) errors.push(`${at}, caption: must be text of at most ${CAPTION_MAX} characters`);
    if (typeof step.view !== "string")
      return void errors.push(`${at}, view: must be link text such as "from=2016-04-01&person=jane@example.org"`);
    const { view, ignored } = decodeView(step.view, ctx, null);
    for (const why of ignored) errors.push(`${at}, view: ${why}`);
    for (const flag of Object.keys(view.flags))
      if (flag !== "theme") errors.push(`${at}, view: f.${flag} (not kept in a step)`);
    if (view.flags.theme !== undefined && view.flags.theme !== "light" && view.flags.theme !== "dark") {
      errors.push(`${at}, view: f.theme "${view.flags.theme}" (must be light or dark)`);
    }
    read.push({ heading: String(step.heading), caption: String(caption), view: snapshot(view) });
  });
  if (errors.length) return { story: null, errors };
  return { story: { title: String(json.title), steps: read }, errors: [] };
}

/** Reads a story file's text; `name` (the file's name) starts every error. */
export function parseStoryFile(text: string, name: string, ctx: LinkContext) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { story: null, errors: [`${name}: not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  const r = storyFromJson(json, ctx);
  return r.story ? r : { story: null, errors: r.errors.map((e) => `${name}: ${e}`) };
}
