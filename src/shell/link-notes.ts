// The note shown when part of a link could not be used: what was ignored, in a line, dismissible.
// The rest of the link's view is still restored.
import { button, h } from "../ui/dom";

export interface LinkNotes {
  show(ignored: string[]): void;
  dispose(): void;
}

export function mountLinkNotes(el: HTMLElement): LinkNotes {
  const text = h("span", {});
  const close = button({ class: "link", "data-control": "dismiss-link-note" }, "Dismiss");
  const note = h("p", { class: "link-note", role: "status", hidden: "" }, text, " ", close);
  el.prepend(note);
  close.addEventListener("click", () => (note.hidden = true));
  return {
    show(ignored) {
      text.textContent = `Part of this link was ignored: ${ignored.join("; ")}.`;
      note.hidden = false;
    },
    dispose: () => note.remove(),
  };
}
