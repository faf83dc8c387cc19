// "Export…": a dialog that saves exactly the view on screen (period, filters, focus, colours,
// highlight) as an image (PNG, SVG), tables (CSV) or a network file (GEXF). Everything is made in
// the browser and nothing is uploaded. Each format says what it will contain for this view.
import type { Dataset } from "../data/types";
import type { Adjacency } from "../graph/adjacency";
import type { EdgeIndex } from "../graph/edges";
import { describeFormat, FORMATS, sizeChoices, type ExportFormat, type SizeChoice } from "./choices";
import { shownConnections, shownPeople } from "./csv";
import { saveBlob } from "../ui/download";
import { frameFor } from "./frame-info";
import { makeExport, messagesSource } from "./make";
import { PNG_DENSITY } from "./png";
import type { NetworkScene, SceneFrame, Theme } from "../render/scene";
import type { Frame, View } from "../state/coordinator";
import { h } from "../ui/dom";
import "./export-dialog.css";

export interface ExportContext {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  /** Layout positions per person (the network's coordinates, written into the GEXF). */
  layout: { x: Float32Array; y: Float32Array };
  /** The network exactly as on screen, for an area of this many CSS px, on this theme's background. */
  networkScene(width: number, height: number, theme: Theme): NetworkScene;
  /** Title, period, legend and credit; default: frameFor with the view's period, focus and communities. */
  sceneFrame?(frame: Frame, theme: Theme): SceneFrame;
  /** The network's size on screen now, CSS px (the "current size" choice). */
  currentSize(): { width: number; height: number };
}

let mounted = 0;

export function mountExportDialog(tools: HTMLElement, ctx: ExportContext): View {
  const id = `export-${++mounted}`;
  const { ds, edges, adj } = ctx;
  const sceneFrame = ctx.sceneFrame ?? ((f: Frame, theme: Theme) =>
    frameFor(ds, { stats: f.derived.stats, communities: f.derived.communities, focus: f.state.focus }, theme));
  let frame: Frame | null = null;
  let busy = false;

  const button = h("button", { type: "button", class: "button export-open", "data-control": "export", "aria-haspopup": "dialog",
    title: "Save this view as an image, tables or a network file" }, "Export…");
  const close = h("button", { type: "button", class: "button small export-close", "data-control": "export-close" }, "Close");
  const formats = FORMATS.map((f) =>
    h("input", { type: "radio", name: `${id}-format`, value: f.format, "data-format": f.format }));
  formats[0].checked = true;
  const formatLabels = FORMATS.map((f, i) => h("label", { class: "export-choice" }, formats[i], ` ${f.label}`));
  const contents = h("p", { class: "export-contents", id: `${id}-contents`, "aria-live": "polite",
    "data-export-contents": "" });
  const size = h("select", { name: "size", "data-control": "export-size" });
  const sizeField = h("label", { class: "export-size" }, "Size ", size);
  const themes = (["light", "dark"] as const).map((t) =>
    h("input", { type: "radio", name: `${id}-theme`, value: t, "data-theme-choice": t }));
  const themeField = h("fieldset", { class: "export-theme" }, h("legend", {}, "Background"),
    ...themes.map((r) => h("label", {}, r, r.value === "light" ? " Light" : " Dark")));
  const download = h("button", { type: "button", class: "button export-download", "data-control": "export-download",
    "aria-describedby": contents.id }, "Download");
  const status = h("p", { class: "export-status", role: "status" });
  const dialog = h("dialog", { class: "export-dialog", "aria-labelledby": `${id}-title` },
    h("div", { class: "export-head" }, h("h2", { id: `${id}-title`, class: "export-title" }, "Export this view"), close),
    h("p", { class: "export-intro" }, "Saves what the network shows now: the period, filters, focus, colours and highlight. " +
      "Files are made in your browser; nothing is uploaded."),
    h("form", { class: "export-options", "aria-label": "Export options" },
      h("fieldset", { class: "export-formats" }, h("legend", {}, "Format"), ...formatLabels),
      contents,
      h("div", { class: "export-row" }, sizeField, themeField)),
    h("div", { class: "export-actions" }, download, status));
  tools.append(button, dialog);

  const chosenFormat = (): ExportFormat =>
    FORMATS.find((f) => f.format === formats.find((r) => r.checked)?.value)?.format ?? "png";
  const chosenTheme = (): Theme => (themes.find((r) => r.checked)?.value === "dark" ? "dark" : "light");
  let sizes: SizeChoice[] = sizeChoices(ctx.currentSize());
  const chosenSize = () => sizes.find((s) => s.key === size.value) ?? sizes[0];
  const fillSizes = () => {
    const was = size.value || sizes[0].key;
    sizes = sizeChoices(ctx.currentSize());
    size.replaceChildren(...sizes.map((s) => h("option", { value: s.key }, s.label)));
    size.value = sizes.some((s) => s.key === was) ? was : sizes[0].key;
  };
  /** Says what the chosen format will hold, and whether it can be made now. */
  const describe = () => {
    if (!frame) return;
    const stats = frame.derived.stats;
    const format = chosenFormat();
    const messages = format === "messages-csv" ? messagesSource(ds, edges, adj, frame) : null;
    const counts = { people: shownPeople(stats).length, connections: shownConnections(stats).length, messages };
    contents.textContent = describeFormat(format, counts, chosenSize(), PNG_DENSITY);
    const sized = FORMATS.find((f) => f.format === format)?.sized ?? false;
    sizeField.hidden = !sized;
    themeField.hidden = !(sized || format === "gexf");
    download.disabled = busy || (format === "messages-csv" && !messages);
  };
  const open = () => {
    fillSizes();
    const current = frame?.derived.theme ?? "light";
    for (const r of themes) r.checked = r.value === current;
    status.textContent = "";
    describe();
    dialog.showModal();
    formats.find((r) => r.checked)?.focus();
  };
  const save = async () => {
    if (!frame || busy) return;
    busy = true;
    describe();
    status.textContent = "Preparing the file…";
    try {
      const file = await makeExport({ ...ctx, sceneFrame }, frame, chosenFormat(), chosenSize(), chosenTheme());
      saveBlob(file.blob, file.name);
      status.textContent = `Saved ${file.name}.`;
    } catch (e) {
      status.textContent = `The file could not be made: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      busy = false;
      describe();
    }
  };

  button.addEventListener("click", open);
  close.addEventListener("click", () => dialog.close());
  download.addEventListener("click", () => void save());
  dialog.addEventListener("change", () => {
    status.textContent = "";
    describe();
  });
  dialog.addEventListener("submit", (e) => e.preventDefault());
  // The app's page-wide keys stay out of the dialog; Escape still closes it (the browser's cancel).
  dialog.addEventListener("keydown", (e) => e.stopPropagation());
  dialog.addEventListener("close", () => button.focus());
  return {
    update(next) {
      frame = next;
      if (dialog.open) describe();
    },
    dispose() {
      if (dialog.open) dialog.close();
      button.remove();
      dialog.remove();
    },
  };
}
