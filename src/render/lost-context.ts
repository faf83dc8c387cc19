// What a network shows when the browser takes its WebGL context away (a page with more graphics
// than the browser keeps alive, a GPU reset): a still image of the same view, drawn with canvas
// 2D, and a line saying so with a button to bring the live graphic back. Scrolling the graphic
// back into view brings it back too. Never a blank box.
import { button, h } from "../ui/dom";

export interface LostContext {
  /** Shows (or redraws) the still image. */
  show(): void;
  hide(): void;
  shown(): boolean;
  dispose(): void;
}

export interface LostContextOptions {
  /** Draws the view into the canvas (sized to the network, CSS px × devicePixelRatio). */
  draw(canvas: HTMLCanvasElement): void;
  /** Builds the live graphic again (a new WebGL context). */
  rebuild(): void;
}

export function mountLostContext(el: HTMLElement, opts: LostContextOptions): LostContext {
  const canvas = h("canvas", { class: "still-image", "aria-hidden": "true" });
  const again = button({ class: "button small", "data-control": "restore-graphic" }, "Show the live graphic");
  const note = h(
    "p",
    { class: "still-note", role: "status" },
    "Showing a still image: this page has more graphics than the browser keeps live. ",
    again,
  );
  const box = h("div", { class: "lost-context", hidden: "" }, canvas, note);
  el.append(box);
  const restore = () => {
    box.hidden = true;
    el.dataset.context = "live";
    opts.rebuild();
  };
  again.addEventListener("click", restore);
  // Entering the viewport again while the image is shown brings the live graphic back once.
  let visible = true;
  const seen = new IntersectionObserver((entries) => {
    const now = entries[entries.length - 1].isIntersecting;
    if (now && !visible && !box.hidden) restore();
    visible = now;
  });
  seen.observe(el);
  const lost: LostContext = {
    show() {
      box.hidden = false;
      el.dataset.context = "lost";
      try {
        opts.draw(canvas);
      } catch (e) {
        console.error("Switchboard: the still image could not be drawn", e);
      }
    },
    hide() {
      box.hidden = true;
      el.dataset.context = "live";
    },
    shown: () => !box.hidden,
    dispose() {
      seen.disconnect();
      box.remove();
    },
  };
  return lost;
}
