// Playing a story: the step's heading and caption on a card over the network with a quiet step
// counter, full screen (not in an embed), and a presenter's keys: next is →, PageDown, Space or
// Enter (what a clicker sends), back is ← or PageUp, Home and End go to either end, a number key
// jumps to that step, and Escape leaves, keeping the story. Keys are taken before the page's own.
import { button, h } from "../ui/dom";
import { onKeys, onPressable } from "../ui/keys";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import type { Story } from "../state/view-state";
import "./story.css";

const NEXT = new Set(["ArrowRight", "PageDown", " ", "Enter", "ArrowDown"]);
const BACK = new Set(["ArrowLeft", "PageUp", "ArrowUp"]);

export interface PlayerOptions {
  /** An embed steps in place: no full screen, keys only while the embed has focus. */
  embed: boolean;
}

/** The presenter's keys while a story of `steps` steps plays. */
function presenterKeys(actions: BoundActions, steps: number): (e: KeyboardEvent) => boolean {
  const last = steps - 1;
  return (e) => {
    // On a focused button Space and Enter press the button.
    if ((e.key === " " || e.key === "Enter") && onPressable(e)) return false;
    if (NEXT.has(e.key)) actions.stepStory(1);
    else if (BACK.has(e.key)) actions.stepStory(-1);
    else if (e.key === "Home") actions.playStory(0);
    else if (e.key === "End") actions.playStory(last);
    else if (/^[1-9]$/.test(e.key) && Number(e.key) - 1 <= last) actions.playStory(Number(e.key) - 1);
    else if (e.key === "Escape") actions.stopStory();
    else return false;
    return true;
  };
}

/** Full screen while a story plays (asked for when it starts, left when it stops); the browser's
 *  own Escape leaves full screen first, and the story with it. */
function fullScreenWhilePlaying(actions: BoundActions) {
  let entered = false;
  const onChange = () => {
    if (!document.fullscreenElement && entered) {
      entered = false;
      actions.stopStory();
    }
  };
  document.addEventListener("fullscreenchange", onChange);
  return {
    follow(playing: boolean, was: boolean) {
      const root = document.documentElement;
      if (playing && !was && !document.fullscreenElement && root.requestFullscreen)
        root.requestFullscreen().then(
          () => (entered = true),
          () => {},
        );
      if (!playing && was && entered && document.fullscreenElement) {
        entered = false;
        void document.exitFullscreen().catch(() => {});
      }
    },
    dispose: () => document.removeEventListener("fullscreenchange", onChange),
  };
}

/** The card: counter, heading, caption and the step buttons (Leave only outside an embed). */
function storyCard(actions: BoundActions, embed: boolean) {
  const counter = h("p", { class: "story-counter" });
  const heading = h("h2", { class: "story-heading", id: "story-heading" });
  const caption = h("p", { class: "story-caption" });
  const back = button({ class: "story-nav", "data-control": "story-back", "aria-label": "Previous step" }, "‹");
  const next = button({ class: "story-nav", "data-control": "story-next", "aria-label": "Next step" }, "›");
  const leaveProps = { class: "story-leave", "data-control": "story-leave" };
  const leave = button({ ...leaveProps, "aria-label": "Leave the story (Escape)" }, "×");
  back.addEventListener("click", () => actions.stepStory(-1));
  next.addEventListener("click", () => actions.stepStory(1));
  leave.addEventListener("click", () => actions.stopStory());
  const buttons = h("div", { class: "story-buttons" }, back, next, ...(embed ? [] : [leave]));
  const cardProps = { class: "story-card", hidden: "", "aria-labelledby": "story-heading", "aria-live": "polite" };
  const card = h("section", cardProps, counter, heading, caption, buttons);
  return {
    card,
    show(steps: Story["steps"], at: number) {
      const step = steps[at];
      counter.textContent = `${at + 1} / ${steps.length}`;
      heading.textContent = step.heading;
      caption.textContent = step.caption;
      caption.hidden = !step.caption;
      back.disabled = at === 0;
      next.disabled = at === steps.length - 1;
    },
  };
}

export function mountStoryPlayer(area: HTMLElement, actions: BoundActions, opts: PlayerOptions): View {
  const { card, show } = storyCard(actions, opts.embed);
  area.append(card);
  const screen = opts.embed ? null : fullScreenWhilePlaying(actions);
  // The presenter's keys are there only while a story plays (taken before the page's own).
  let removeKeys = () => {};
  return {
    update({ state: s }, prev) {
      const playing = s.story ? s.playing : null;
      const was = prev?.state.story ? prev.state.playing : null;
      card.hidden = !playing;
      document.documentElement.toggleAttribute("data-playing", !!s.playing);
      if (playing && s.story) show(s.story.steps, playing.step);
      if (!playing !== !was || s.story?.steps.length !== prev?.state.story?.steps.length) {
        removeKeys();
        removeKeys = playing && s.story ? onKeys("first", presenterKeys(actions, s.story.steps.length)) : () => {};
      }
      screen?.follow(!!s.playing, !!prev?.state.playing);
    },
    dispose() {
      removeKeys();
      screen?.dispose();
      document.documentElement.removeAttribute("data-playing");
      card.remove();
    },
  };
}
