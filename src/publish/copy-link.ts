// "Copy link": puts the link to the view on the clipboard (button, or the C key), and says so.
// Where the clipboard is refused, the link is shown selected, ready for Ctrl+C.
import type { View } from "../state/coordinator";
import { h } from "../ui/dom";
import { onKeys } from "../ui/keys";

const SHOWN_MS = 4000;

export function mountShare(el: HTMLElement, link: () => string, fromFile: () => boolean): View {
  const button = h(
    "button",
    {
      type: "button",
      class: "button copy-link",
      "data-control": "copy-link",
      "aria-keyshortcuts": "c",
      title: "Copy a link to this view (C)",
    },
    "Copy link",
  );
  const toast = h("p", { class: "toast", role: "status", hidden: "" });
  const field = h("input", {
    type: "text",
    readonly: "",
    class: "link-field",
    "aria-label": "Link to this view",
    hidden: "",
  });
  el.append(button, toast, field);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => (toast.hidden = true), SHOWN_MS);
  };
  const copy = async () => {
    const url = link();
    const note = fromFile()
      ? " It opens the sample unless the reader has the same file: the dataset came from your disk."
      : "";
    field.hidden = true;
    try {
      await navigator.clipboard.writeText(url);
      say(`Link copied: it opens this view.${note}`);
    } catch {
      field.value = url;
      field.hidden = false;
      field.focus();
      field.select();
      say(`Press Ctrl+C (⌘C) to copy the link.${note}`);
    }
  };
  const removeKey = onKeys("page", (e) => {
    if (e.key !== "c") return false;
    void copy();
    return true;
  });
  button.addEventListener("click", () => void copy());
  return {
    update() {},
    dispose() {
      clearTimeout(timer);
      removeKey();
      button.remove();
      toast.remove();
      field.remove();
    },
  };
}
