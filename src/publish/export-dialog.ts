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
import { mountDialog, type DialogForm, type DialogTexts } from "../ui/dialog";
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

export function mountExportDialog(tools: HTMLElement, ctx: ExportContext): View {
  const { shell, form } = mountDialog(tools, "export", (id) => new ExportForm(id, ctx));
  return {
    update(next) {
      form.frame = next;
      if (shell.dialog.open) form.describe();
    },
    dispose: () => shell.dispose(),
  };
}

/** The choices (format, size, background), what the file will hold, and Download. */
class ExportForm implements DialogForm {
  readonly texts: DialogTexts = {
    opener: "Export…",
    openerTitle: "Save this view as an image, tables or a network file",
    heading: "Export this view",
    intro:
      "Saves what the network shows now: the period, filters, focus, colours and highlight. Files are made in your browser; nothing is uploaded.",
  };
  /** The view now (set by each update). */
  frame: Frame | null = null;
  private busy = false;
  private sizes: SizeChoice[];
  private readonly sceneFrame: (frame: Frame, theme: Theme) => SceneFrame;
  private readonly formats: HTMLInputElement[];
  private readonly contents: HTMLParagraphElement;
  private readonly size: HTMLSelectElement;
  private readonly sizeField: HTMLLabelElement;
  private readonly themes: HTMLInputElement[];
  private readonly themeField: HTMLFieldSetElement;
  private readonly download: HTMLButtonElement;
  private readonly status: HTMLParagraphElement;

  constructor(
    id: string,
    private readonly ctx: ExportContext,
  ) {
    const { ds } = ctx;
    this.sceneFrame =
      ctx.sceneFrame ??
      ((f, theme) =>
        frameFor(ds, { stats: f.derived.stats, communities: f.derived.communities, focus: f.state.focus }, theme));
    this.sizes = sizeChoices(ctx.currentSize());
    this.formats = FORMATS.map((f) =>
      h("input", { type: "radio", name: `${id}-format`, value: f.format, "data-format": f.format }),
    );
    this.formats[0].checked = true;
    this.contents = h("p", {
      class: "export-contents",
      id: `${id}-contents`,
      "aria-live": "polite",
      "data-export-contents": "",
    });
    this.size = h("select", { name: "size", "data-control": "export-size" });
    this.sizeField = h("label", { class: "export-size" }, "Size ", this.size);
    this.themes = (["light", "dark"] as const).map((t) =>
      h("input", { type: "radio", name: `${id}-theme`, value: t, "data-theme-choice": t }),
    );
    this.themeField = h(
      "fieldset",
      { class: "export-theme" },
      h("legend", {}, "Background"),
      ...this.themes.map((r) => h("label", {}, r, r.value === "light" ? " Light" : " Dark")),
    );
    this.download = h(
      "button",
      {
        type: "button",
        class: "button export-download",
        "data-control": "export-download",
        "aria-describedby": this.contents.id,
      },
      "Download",
    );
    this.status = h("p", { class: "export-status", role: "status" });
    this.download.addEventListener("click", () => void this.save());
  }

  /** The dialog's content below its intro. */
  body(): Node[] {
    const formatLabels = FORMATS.map((f, i) => h("label", { class: "export-choice" }, this.formats[i], ` ${f.label}`));
    return [
      h(
        "form",
        { class: "export-options", "aria-label": "Export options" },
        h("fieldset", { class: "export-formats" }, h("legend", {}, "Format"), ...formatLabels),
        this.contents,
        h("div", { class: "export-row" }, this.sizeField, this.themeField),
      ),
      h("div", { class: "export-actions" }, this.download, this.status),
    ];
  }

  /** Before the dialog shows: the sizes for the view now, its theme, no status; focus the format. */
  prepare(): HTMLElement | null {
    this.fillSizes();
    const current = this.frame?.derived.theme ?? "light";
    for (const r of this.themes) r.checked = r.value === current;
    this.status.textContent = "";
    this.describe();
    return this.formats.find((r) => r.checked) ?? null;
  }

  changed(): void {
    this.status.textContent = "";
    this.describe();
  }

  /** Says what the chosen format will hold, and whether it can be made now. */
  describe(): void {
    const { frame } = this;
    if (!frame) return;
    const { ds, edges, adj } = this.ctx;
    const stats = frame.derived.stats;
    const format = this.chosenFormat();
    const messages = format === "messages-csv" ? messagesSource(ds, edges, adj, frame) : null;
    const counts = { people: shownPeople(stats).length, connections: shownConnections(stats).length, messages };
    this.contents.textContent = describeFormat(format, counts, this.chosenSize(), PNG_DENSITY);
    const sized = FORMATS.find((f) => f.format === format)?.sized ?? false;
    this.sizeField.hidden = !sized;
    this.themeField.hidden = !(sized || format === "gexf");
    this.download.disabled = this.busy || (format === "messages-csv" && !messages);
  }

  private chosenFormat(): ExportFormat {
    return FORMATS.find((f) => f.format === this.formats.find((r) => r.checked)?.value)?.format ?? "png";
  }

  private chosenTheme(): Theme {
    return this.themes.find((r) => r.checked)?.value === "dark" ? "dark" : "light";
  }

  private chosenSize(): SizeChoice {
    return this.sizes.find((s) => s.key === this.size.value) ?? this.sizes[0];
  }

  /** The size choices for the network's size now, keeping the one chosen if it is still offered. */
  private fillSizes(): void {
    const was = this.size.value || this.sizes[0].key;
    this.sizes = sizeChoices(this.ctx.currentSize());
    this.size.replaceChildren(...this.sizes.map((s) => h("option", { value: s.key }, s.label)));
    this.size.value = this.sizes.some((s) => s.key === was) ? was : this.sizes[0].key;
  }

  private async save(): Promise<void> {
    const { frame, status } = this;
    if (!frame || this.busy) return;
    this.busy = true;
    this.describe();
    status.textContent = "Preparing the file…";
    try {
      const ctx = { ...this.ctx, sceneFrame: this.sceneFrame };
      const file = await makeExport(ctx, frame, this.chosenFormat(), this.chosenSize(), this.chosenTheme());
      saveBlob(file.blob, file.name);
      status.textContent = `Saved ${file.name}.`;
    } catch (e) {
      status.textContent = `The file could not be made: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.busy = false;
      this.describe();
    }
  }
}
