// Full-page states shown instead of the app: loading (with download progress), and errors (never a
// blank page).
import { DatasetError } from "../data/errors";
import type { DownloadProgress } from "../data/load";
import { formatBytes, formatProgress } from "../ui/format";
import { h } from "../ui/dom";
import "./status.css";

export function showLoading(el: HTMLElement, what: string): void {
  document.body.dataset.status = "loading";
  el.replaceChildren(
    h(
      "div",
      { class: "page-status", role: "status", "data-loading": what },
      h("p", { class: "loading-text" }, `Loading ${what}…`),
    ),
  );
}

/** Updates the loading state of `what` with how much has arrived: "Loading the dataset… 1.2 MB of
 *  2.5 MB (48%)" and a progress bar (without a total: the bytes, and a bar that says "busy"). Does
 *  nothing once the page shows anything else (the explorer, an error, another dataset loading). */
export function showProgress(el: HTMLElement, what: string, progress: DownloadProgress): void {
  const box = [...el.querySelectorAll<HTMLElement>(":scope > .page-status[data-loading]")].find(
    (b) => b.dataset.loading === what,
  );
  const text = box?.querySelector(".loading-text");
  if (!box || !text) return;
  // The amount is not announced at every chunk (aria-live off): the bar holds it for who asks.
  let amount = text.querySelector(".loading-amount");
  if (!amount) {
    amount = h("span", { class: "loading-amount", "aria-live": "off" });
    text.append(" ", amount);
  }
  const line = formatProgress(progress.loaded, progress.total);
  if (amount.textContent === line) return;
  amount.textContent = line;
  let bar = box.querySelector("progress");
  if (!bar) {
    bar = h("progress", { class: "loading-bar", "aria-label": `Loading ${what}` });
    box.append(bar);
  }
  if (progress.total === null) {
    bar.removeAttribute("value");
    bar.removeAttribute("max");
    bar.setAttribute("aria-valuetext", formatBytes(progress.loaded));
  } else {
    bar.max = progress.total;
    bar.value = Math.min(progress.loaded, progress.total);
    bar.setAttribute("aria-valuetext", formatProgress(progress.loaded, progress.total));
  }
}

export function showError(el: HTMLElement, err: unknown): void {
  document.body.dataset.status = "error";
  const title = err instanceof DatasetError ? "This dataset cannot be opened" : "Something went wrong";
  const details =
    err instanceof DatasetError
      ? [
          h("dt", {}, "File"),
          h("dd", {}, err.source),
          h("dt", {}, "Field"),
          h("dd", { class: "error-field" }, err.field),
          h("dt", {}, "Problem"),
          h("dd", {}, err.problem),
        ]
      : [h("dt", {}, "Error"), h("dd", {}, err instanceof Error ? err.message : String(err))];
  el.replaceChildren(
    h(
      "div",
      { class: "page-status page-error", role: "alert" },
      h("h1", {}, title),
      h("dl", {}, ...details),
      h(
        "p",
        {},
        "Open another dataset with the button above, drop a .json file on the page, or ",
        h("a", { href: "?" }, "go back to the sample"),
        ".",
      ),
    ),
  );
}
