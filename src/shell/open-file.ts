// Opening a dataset from disk: a file picker button and drag-and-drop anywhere on the page.
import { h } from "../ui/dom";

export function mountOpenFile(button: HTMLElement, onFile: (file: File) => void): () => void {
  const input = h("input", {
    type: "file",
    accept: ".json,application/json",
    class: "visually-hidden",
    "aria-label": "Open a dataset file",
    tabindex: "-1",
  });
  button.after(input);
  const pick = () => input.click();
  const picked = () => {
    const f = input.files?.[0];
    if (f) onFile(f);
    input.value = "";
  };
  const over = (ev: DragEvent) => {
    if (!ev.dataTransfer?.types.includes("Files")) return;
    ev.preventDefault();
    document.body.classList.add("dropping");
  };
  const leave = (ev: DragEvent) => {
    if (ev.relatedTarget === null) document.body.classList.remove("dropping");
  };
  const drop = (ev: DragEvent) => {
    ev.preventDefault();
    document.body.classList.remove("dropping");
    const f = ev.dataTransfer?.files[0];
    if (f) onFile(f);
  };
  button.addEventListener("click", pick);
  input.addEventListener("change", picked);
  document.addEventListener("dragover", over);
  document.addEventListener("dragleave", leave);
  document.addEventListener("drop", drop);
  return () => {
    button.removeEventListener("click", pick);
    input.removeEventListener("change", picked);
    document.removeEventListener("dragover", over);
    document.removeEventListener("dragleave", leave);
    document.removeEventListener("drop", drop);
    input.remove();
  };
}
