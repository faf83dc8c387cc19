// Writing a story (side panel): add the view now as a step, give each step a heading and a caption,
// show, reorder, re-save or delete it, play the story, save it as a file and open one (a file that
// does not check out is refused whole, with each problem named by step and field).
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import { saveBlob, slug } from "../ui/download";
import { formatPeriod } from "../ui/format";
import { button, h } from "../ui/dom";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import type { LinkContext } from "../state/url";
import type { ViewState } from "../state/view-state";
import { CAPTION_MAX, HEADING_MAX, TITLE_MAX, type Story } from "../state/story";
import { parseStoryFile, storyToFile } from "./story-file";

export interface EditorOptions {
  ds: Dataset;
  link: LinkContext;
  /** The example story's address, offered when the bundled sample is open. */
  example: string | null;
}

/** A heading for a new step: the person selected, else the period. */
export function defaultHeading(s: ViewState, ds: Dataset): string {
  const who = s.chain
    ? `${displayName(ds.people, s.chain.a)} to ${displayName(ds.people, s.chain.b)}`
    : s.selected !== null
      ? displayName(ds.people, s.selected)
      : null;
  return who ?? formatPeriod(s.period, ds.meta.timeZone);
}

export function mountStoryEditor(side: HTMLElement, actions: BoundActions, opts: EditorOptions): View {
  const panel = buildPanel(Boolean(opts.example));
  side.append(panel.details);
  let state: ViewState | null = null;
  const { title, list, buttons } = panel;
  buttons.add.addEventListener("click", () => state && actions.addStep(defaultHeading(state, opts.ds)));
  buttons.play.addEventListener("click", () => actions.playStory(0));
  title.addEventListener("input", () => actions.setStoryTitle(title.value));
  wireFiles(panel, actions, opts, () => state?.story ?? null);

  return {
    update({ state: s }, prev) {
      state = s;
      if (prev && prev.state.story === s.story) return;
      const story = s.story;
      if (story?.steps.length && !panel.details.open && !prev?.state.story) panel.details.open = true;
      if (document.activeElement !== title) title.value = story?.title ?? "";
      title.hidden = !story;
      buttons.play.disabled = !story?.steps.length;
      buttons.save.disabled = !story?.steps.length;
      const was = prev?.state.story;
      const sameSteps =
        story &&
        was &&
        was.steps.length === story.steps.length &&
        story.steps.every((st, i) => st.view === was.steps[i].view);
      // Only words changed (typing): the fields are updated in place, so typing is never interrupted.
      if (sameSteps) list.querySelectorAll("li").forEach((li, i) => fillStep(li, story.steps[i]));
      else drawSteps(list, story, actions);
    },
    dispose: () => panel.details.remove(),
  };
}

/** The panel's parts: the title field, the list of steps, the buttons and the errors' box. */
interface EditorPanel {
  details: HTMLDetailsElement;
  title: HTMLInputElement;
  list: HTMLOListElement;
  errors: HTMLDivElement;
  buttons: {
    add: HTMLButtonElement;
    play: HTMLButtonElement;
    save: HTMLButtonElement;
    open: HTMLButtonElement;
    example: HTMLButtonElement | null;
  };
}

function buildPanel(withExample: boolean): EditorPanel {
  const title = h("input", {
    type: "text",
    class: "story-title",
    "aria-label": "Story title",
    maxlength: String(TITLE_MAX),
  });
  const list = h("ol", { class: "story-steps", "aria-label": "Steps" });
  const control = (name: string, label: string) => button({ class: "button small", "data-control": name }, label);
  const buttons = {
    add: control("story-add", "Add this view as a step"),
    play: control("story-play", "Play"),
    save: control("story-save", "Save story file"),
    open: control("story-open", "Open story file…"),
    example: withExample ? control("story-example", "Example story") : null,
  };
  const errors = h("div", { class: "story-errors", role: "alert" });
  const hint = h(
    "p",
    { class: "muted story-hint" },
    "Set up a view, then add it as a step. Play shows the steps full screen: → or Space for the next, ← back, Escape to leave.",
  );
  const { add, play, save, open, example } = buttons;
  const actionsRow = h("div", { class: "story-actions" }, add, play, save, open, ...(example ? [example] : []));
  const details = h(
    "details",
    { class: "story-panel" },
    h("summary", {}, h("h2", {}, "Story")),
    hint,
    title,
    list,
    actionsRow,
    errors,
  );
  return { details, title, list, errors, buttons };
}

/** Save story file, Open story file… and Example story; a file that does not check out is
 *  refused whole, its problems listed. */
function wireFiles(panel: EditorPanel, actions: BoundActions, opts: EditorOptions, story: () => Story | null): void {
  const { errors, buttons } = panel;
  const showErrors = (lines: string[]) => {
    const items = lines.map((l) => h("li", {}, l));
    errors.replaceChildren(
      ...(lines.length ? [h("p", {}, "This story file was not opened:"), h("ul", {}, ...items)] : []),
    );
    if (lines.length) errors.scrollIntoView({ block: "nearest" });
  };
  const openText = (text: string, name: string) => {
    const r = parseStoryFile(text, name, opts.link);
    showErrors(r.errors);
    if (r.story) actions.setStory(r.story);
  };
  buttons.save.addEventListener("click", () => {
    const s = story();
    if (!s) return;
    const file = storyToFile(s, opts.link, opts.ds.meta.title);
    saveBlob(
      new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }),
      `${slug(s.title, "story")}.story.json`,
    );
  });
  // The picker's input is made for each choice: the page keeps one file input, the dataset's.
  buttons.open.addEventListener("click", () => {
    const input = h("input", { type: "file", accept: ".json,application/json" });
    input.addEventListener("change", async () => {
      const f = input.files?.[0];
      if (f) openText(await f.text(), f.name);
    });
    input.click();
  });
  const address = opts.example;
  if (address)
    buttons.example?.addEventListener("click", async () => {
      try {
        const res = await fetch(address);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        openText(await res.text(), "example story");
      } catch (e) {
        showErrors([`example story: could not be loaded (${e instanceof Error ? e.message : String(e)})`]);
      }
    });
}

/** One step: its heading and caption fields, and its buttons. */
function stepItem(story: Story, i: number, actions: BoundActions): HTMLLIElement {
  const step = story.steps[i];
  const heading = h("input", {
    type: "text",
    class: "story-step-heading",
    maxlength: String(HEADING_MAX),
    "aria-label": `Step ${i + 1} heading`,
  });
  const caption = h("textarea", {
    class: "story-step-caption",
    rows: "2",
    maxlength: String(CAPTION_MAX),
    "aria-label": `Step ${i + 1} caption`,
  });
  heading.value = step.heading;
  caption.value = step.caption;
  heading.addEventListener("input", () => actions.editStep(i, { heading: heading.value }));
  caption.addEventListener("input", () => actions.editStep(i, { caption: caption.value }));
  const stepButton = (label: string, name: string, act: () => void, disabled = false) => {
    const b = button(
      { class: "button small", "data-step-action": name, "aria-label": `${label}: step ${i + 1}` },
      label,
    );
    b.disabled = disabled;
    b.addEventListener("click", act);
    return b;
  };
  return h(
    "li",
    { class: "story-step", "data-step": String(i) },
    heading,
    caption,
    h(
      "div",
      { class: "story-step-buttons" },
      stepButton("Play from here", "play", () => actions.playStory(i)),
      stepButton("Use this view", "update", () => actions.updateStepView(i)),
      stepButton("↑", "up", () => actions.moveStep(i, i - 1), i === 0),
      stepButton("↓", "down", () => actions.moveStep(i, i + 1), i === story.steps.length - 1),
      stepButton("Delete", "delete", () => actions.deleteStep(i)),
    ),
  );
}

/** Puts a step's words in its fields, except the field being typed in. */
function fillStep(li: Element, step: Story["steps"][number]): void {
  const heading = li.querySelector<HTMLInputElement>(".story-step-heading");
  const caption = li.querySelector<HTMLTextAreaElement>(".story-step-caption");
  if (heading && heading !== document.activeElement) heading.value = step.heading;
  if (caption && caption !== document.activeElement) caption.value = step.caption;
}

/** Redraws the steps, keeping keyboard focus and the caret where they were. */
function drawSteps(list: HTMLOListElement, story: Story | null, actions: BoundActions): void {
  const active = document.activeElement as HTMLInputElement | null;
  const at =
    active && list.contains(active)
      ? {
          step: active.closest("li")?.dataset.step,
          cls: active.className,
          action: active.dataset.stepAction,
          caret: active.selectionStart ?? null,
        }
      : null;
  list.replaceChildren(...(story ? story.steps.map((_, i) => stepItem(story, i, actions)) : []));
  if (!at) return;
  const li = list.querySelector(`li[data-step="${at.step}"]`) ?? list.lastElementChild;
  const el = li?.querySelector<HTMLInputElement>(
    at.action ? `[data-step-action="${at.action}"]` : `.${at.cls.split(" ")[0]}`,
  );
  el?.focus();
  if (el && at.caret !== null && "setSelectionRange" in el) el.setSelectionRange(at.caret, at.caret);
}
