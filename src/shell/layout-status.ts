// Positions for a dataset that ships without them: laid out in the worker while the network pane
// says so; when the worker fails, the pane says why and offers to try again. Never waits forever:
// the worker client's watchdog turns a dead or silent worker into a failure.
import type { LayoutInput } from "../graph/layout";
import { layoutInWorker } from "../graph/layout-client";
import { button, h } from "../ui/dom";

export type Layout = { x: Float32Array; y: Float32Array };

export async function layoutWithRetry(el: HTMLElement, input: LayoutInput, signal: AbortSignal): Promise<Layout> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Error("superseded"));
    signal.addEventListener("abort", () => reject(new Error("superseded")), { once: true });
  });
  aborted.catch(() => {});
  // While it says why there is no network yet, the element is no image: an image's children are
  // hidden from assistive technology, and the status and the Try again button must not be.
  const role = el.getAttribute("role");
  el.setAttribute("role", "group");
  try {
    return await layOut(el, input, signal, aborted);
  } finally {
    if (role === null) el.removeAttribute("role");
    else el.setAttribute("role", role);
  }
}

/** Lays out until it succeeds, saying so and offering to try again after each failure. */
async function layOut(
  el: HTMLElement,
  input: LayoutInput,
  signal: AbortSignal,
  aborted: Promise<never>,
): Promise<Layout> {
  for (;;) {
    el.dataset.state = "layout";
    el.replaceChildren(h("p", { class: "network-status", role: "status" }, "Laying out the network…"));
    const job = layoutInWorker(input);
    try {
      const layout = await Promise.race([job.result, aborted]);
      el.replaceChildren();
      return layout;
    } catch (e) {
      job.dispose();
      if (signal.aborted) throw e;
      el.dataset.state = "layout-error";
      const again = button({ class: "button", "data-control": "retry-layout" }, "Try again");
      el.replaceChildren(
        h(
          "div",
          { class: "network-status", role: "alert" },
          h("p", {}, `The network could not be laid out. ${(e as Error).message}`),
          again,
        ),
      );
      await Promise.race([
        new Promise<void>((resolve) => again.addEventListener("click", () => resolve(), { once: true })),
        aborted,
      ]);
    }
  }
}
