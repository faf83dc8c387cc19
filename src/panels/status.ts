// Full-page states shown instead of the app: loading, and errors (never a blank page).
import { DatasetError } from "../data/errors";
import { h } from "./dom";

export function showLoading(el: HTMLElement, what: string): void {
  document.body.dataset.status = "loading";
  el.replaceChildren(h("div", { class: "page-status", role: "status" }, h("p", {}, `Loading ${what}…`)));
}

export function showError(el: HTMLElement, err: unknown): void {
  document.body.dataset.status = "error";
  const title = err instanceof DatasetError ? "This dataset cannot be opened" : "Something went wrong";
  const details =
    err instanceof DatasetError
      ? [h("dt", {}, "File"), h("dd", {}, err.source), h("dt", {}, "Field"), h("dd", { class: "error-field" }, err.field), h("dt", {}, "Problem"), h("dd", {}, err.problem)]
      : [h("dt", {}, "Error"), h("dd", {}, err instanceof Error ? err.message : String(err))];
  el.replaceChildren(
    h(
      "div",
      { class: "page-status page-error", role: "alert" },
      h("h1", {}, title),
      h("dl", {}, ...details),
      h("p", {}, "Open another dataset with the button above, drop a .json file on the page, or ", h("a", { href: "?" }, "go back to the sample"), "."),
    ),
  );
}
