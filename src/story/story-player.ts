// Playing a story: the step's heading and caption on a card over the network with a quiet step
// counter, full screen (not in an embed), and a presenter's keys: next is →, PageDown, Space or
// Enter (what a clicker sends), back is ← or PageUp, Home and End go to either end, a number key
// jumps to that step, and Escape leaves, keeping the story. Keys are taken before the page's own.
import { h } from "../ui/dom";
import { onKeys, onPressable } from "../ui/keys";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";
import type { ViewState } from "../state/view-state";
import "./story.css";

const NEXT = new Set(["ArrowRight", "PageDown", " ", "Enter", "ArrowDown"]);
const BACK = new Set(["ArrowLeft", "PageUp", "ArrowUp"]);

export interface PlayerOptions {
  /** An embed steps in place: no full screen, keys only while the embed has focus. */
  embed: boolean;
}

export function mountStoryPlayer(area: HTMLElement, actions: BoundActions, opts: PlayerOptions): View {
  const counter = h("p", { class: "story-counter" });
  const heading = h("h2", { class: "story-heading", id: "story-heading" });
  const caption = h("p", { class: "story-caption" });
  const back = h(
    "button",
    { type: "button", class: "story-nav", "data-control": "story-back", "aria-label": "Previous step" },
    "‹",
  );
  const next = h(
    "button",
    { type: "button", class: "story-nav", "data-control": "story-next", "aria-label": "Next step" },
    "›",
  );
  const leave = h(
    "button",
    { type: "button", class: "story-leave", "data-control": "story-leave", "aria-label": "Leave the story (Escape)" },
    "×",
  );
  const card = h(
    "section",
    { class: "story-card", hidden: "", "aria-labelledby": "story-heading", "aria-live": "polite" },
    counter,
    heading,
    caption,
    h("div", { class: "story-buttons" }, back, next, ...(opts.embed ? [] : [leave])),
  );
  area.append(card);
  back.addEventListener("click", () => actions.stepStory(-1));
  next.addEventListener("click", () => actions.stepStory(1));
  leave.addEventListener("click", () => actions.stopStory());

  let state: ViewState | null = null;
  let entered = false;
  const onKey = (e: KeyboardEvent): boolean => {
    const playing = state?.playing;
    if (!playing || !state?.story) return false;
    const last = state.story.steps.length - 1;
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
  const removeKeys = onKeys("first", onKey);
  const onFullscreen = () => {
    // The browser's own Escape leaves full screen first: leave the story with it.
    if (!document.fullscreenElement && entered) {
      entered = false;
      if (state?.playing) actions.stopStory();
    }
  };
  document.addEventListener("fullscreenchange", onFullscreen);

  return {
    update({ state: s }, prev) {
      state = s;
      const playing = s.playing;
      card.hidden = !playing || !s.story;
      document.documentElement.toggleAttribute("data-playing", !!playing);
      if (playing && s.story) {
        const step = s.story.steps[playing.step];
        counter.textContent = `${playing.step + 1} / ${s.story.steps.length}`;
        heading.textContent = step.heading;
        caption.textContent = step.caption;
        caption.hidden = !step.caption;
        back.disabled = playing.step === 0;
        next.disabled = playing.step === s.story.steps.length - 1;
      }
      const was = prev?.state.playing ?? null;
      if (!opts.embed && playing && !was && !document.fullscreenElement && document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().then(
          () => (entered = true),
          () => {},
        );
      }
      if (!playing && was && entered && document.fullscreenElement) {
        entered = false;
        void document.exitFullscreen().catch(() => {});
      }
    },
    dispose() {
      removeKeys();
      document.removeEventListener("fullscreenchange", onFullscreen);
      document.documentElement.removeAttribute("data-playing");
      card.remove();
    },
  };
}
