// The Embed… dialog's previews: the embed at phone and desktop width, each a whole app in an
// iframe, scaled down to fit the dialog (side by side on one scale, or stacked on a narrow one).
// They load only while the dialog is open, since each holds a WebGL context.
import { embedHeight, type EmbedAspect } from "./snippet";
import { h } from "../ui/dom";

const PREVIEWS = [
  { width: 375, label: "Phone, 375 px" },
  { width: 1000, label: "Desktop, 1000 px" },
];
const PREVIEW_GAP = 16;
/** Each preview's border, both sides. */
const BORDERS = 2;
/** Narrower than this, the previews are stacked, each scaled to the width. */
const SIDE_BY_SIDE = 560;
/** The previews' height limit is never less than this (CSS px). */
const MIN_PREVIEW_HEIGHT = 240;

interface Preview {
  width: number;
  label: string;
  box: HTMLDivElement;
  figure: HTMLElement;
  frame: HTMLIFrameElement | null;
}

export class EmbedPreviews {
  /** The previews' row (or column), to place in the dialog. */
  readonly area: HTMLDivElement;
  private readonly previews: Preview[];
  private readonly resizes: ResizeObserver;

  /** `aspect`: the aspect ratio chosen now. */
  constructor(private readonly aspect: () => EmbedAspect) {
    this.previews = PREVIEWS.map((p) => {
      const box = h("div", { class: "embed-preview-box" });
      const figure = h(
        "figure",
        { class: "embed-preview", "data-width": String(p.width), inert: "" },
        box,
        h("figcaption", {}, p.label),
      );
      return { ...p, box, figure, frame: null };
    });
    this.area = h("div", { class: "embed-previews" }, ...this.previews.map((p) => p.figure));
    this.resizes = new ResizeObserver(() => this.fit());
    this.resizes.observe(this.area);
  }

  /** Sizes each preview as the snippet's CSS would at its width, scaled to fit the dialog. */
  fit(): void {
    const room = this.area.clientWidth;
    if (!room) return;
    const together = room >= SIDE_BY_SIDE;
    const shared = (room - PREVIEW_GAP - BORDERS * PREVIEWS.length) / PREVIEWS.reduce((sum, p) => sum + p.width, 0);
    this.area.classList.toggle("stacked", !together);
    // No preview taller than half the window, so the code and the previews are seen together.
    // Side by side they share one scale (set by the taller); stacked, each has its own.
    const limit = Math.max(MIN_PREVIEW_HEIGHT, window.innerHeight / 2);
    const aspect = this.aspect();
    const tallest = Math.max(...PREVIEWS.map((p) => embedHeight(p.width, aspect)));
    for (const p of this.previews) {
      const height = embedHeight(p.width, aspect);
      const scale = Math.min(1, limit / (together ? tallest : height), together ? shared : (room - BORDERS) / p.width);
      p.box.style.width = `${Math.floor(p.width * scale)}px`;
      p.box.style.height = `${Math.floor(height * scale)}px`;
      if (!p.frame) continue;
      p.frame.style.width = `${p.width}px`;
      p.frame.style.height = `${height}px`;
      p.frame.style.transform = `scale(${scale})`;
    }
  }

  /** Loads the embed at `url`: a fresh iframe each time (a new src differing only in its hash
   *  would not reload the app). */
  load(url: string): void {
    for (const p of this.previews) {
      const frame = h("iframe", {
        class: "embed-preview-frame",
        title: `Preview: ${p.label}`,
        tabindex: "-1",
        src: url,
        referrerpolicy: "no-referrer",
      });
      if (p.frame) p.frame.replaceWith(frame);
      else p.box.append(frame);
      p.frame = frame;
    }
    this.fit();
  }

  /** Removed, not only blanked: a removed iframe's app ends at once, before the dialog hides (an app
   *  left running in a hidden dialog would find its network has no width). */
  unload(): void {
    for (const p of this.previews) {
      if (!p.frame) continue;
      p.frame.src = "about:blank";
      p.frame.remove();
      p.frame = null;
    }
  }

  dispose(): void {
    this.resizes.disconnect();
  }
}
