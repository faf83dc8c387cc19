// "Embed…": a dialog that makes the <iframe> code a graphics desk pastes into an article, for the
// current view in embed mode. Options (compact timeline, side panels, theme, aspect ratio) update
// the code live; "Copy code" puts it on the clipboard; two previews show the embed at phone and
// desktop width, scaled down (embed-previews.ts). Previews load only while the dialog is open (each
// is a whole app, with a WebGL context). A dataset opened from disk cannot be embedded: the dialog
// says so.
import { EMBED_ASPECTS, embedSnippet, embedUrl, type EmbedAspect, type EmbedOptions, type EmbedTheme } from "./snippet";
import type { View } from "../state/coordinator";
import { mountDialog, type DialogForm, type DialogTexts } from "../ui/dialog";
import { button, h } from "../ui/dom";
import { EmbedPreviews } from "./embed-previews";
import "./embed-dialog.css";

export interface EmbedDialogOptions {
  /** Absolute URL of the current view (as Copy link writes it). */
  link: () => string;
  /** The dataset's title, the embed's accessible name. */
  title: () => string;
  /** True when the dataset came from the reader's disk. */
  fromFile: () => boolean;
}

/** Option changes reload the previews after this pause (not on every click of a quick change). */
const RELOAD_AFTER_MS = 300;
const THEMES: readonly EmbedTheme[] = ["auto", "light", "dark"];
const ASPECT_NAMES: Record<EmbedAspect, string> = {
  "16:9": "16:9 wide",
  "4:3": "4:3",
  "1:1": "1:1 square",
  "3:4": "3:4 tall",
};

export function mountEmbedDialog(tools: HTMLElement, opts: EmbedDialogOptions): View {
  const { shell, form } = mountDialog(tools, "embed", (id) => new EmbedForm(id, opts));
  return {
    update() {
      if (shell.dialog.open) form.writeCode();
    },
    dispose() {
      form.dispose();
      shell.dispose();
    },
  };
}

/** The options, the code, Copy code and the previews. */
class EmbedForm implements DialogForm {
  readonly texts: DialogTexts = {
    opener: "Embed…",
    openerTitle: "Code to embed this view in an article",
    heading: "Embed this view",
    intro:
      "Paste this code into an article's HTML. Readers see this view: the network, its legend and a link to the full view. It fits any width.",
  };
  private readonly timeline = h("input", { type: "checkbox", name: "timeline" });
  private readonly panels = h("input", { type: "checkbox", name: "panels" });
  private readonly themes: HTMLInputElement[];
  private readonly aspect = h(
    "select",
    { name: "aspect" },
    ...EMBED_ASPECTS.map((a) => h("option", { value: a }, ASPECT_NAMES[a])),
  );
  private readonly code: HTMLTextAreaElement;
  private readonly copy = button({ class: "button embed-copy", "data-control": "embed-copy" }, "Copy code");
  private readonly status = h("p", { class: "embed-status", role: "status" });
  private readonly fileNote = h(
    "p",
    { class: "embed-file-note", hidden: "" },
    "This dataset was opened from your disk, so an embed cannot show it: the file is not on a server. " +
      "Publish the dataset beside the app and open it with ?data= to embed it.",
  );
  private readonly previews = new EmbedPreviews(() => this.chosenAspect());
  private reload: ReturnType<typeof setTimeout> | undefined;

  constructor(
    id: string,
    private readonly opts: EmbedDialogOptions,
  ) {
    this.themes = THEMES.map((t) => h("input", { type: "radio", name: `${id}-theme`, value: t }));
    this.themes[0].checked = true;
    this.code = h("textarea", { id: `${id}-code`, class: "embed-code", readonly: "", rows: "4", spellcheck: "false" });
    this.copy.addEventListener("click", () => void this.copyCode());
  }

  /** The dialog's content below its intro. */
  body(): Node[] {
    const themeLabels = this.themes.map((r) => h("label", {}, r, ` ${r.value[0].toUpperCase()}${r.value.slice(1)}`));
    return [
      this.fileNote,
      h(
        "form",
        { class: "embed-options", "aria-label": "Embed options" },
        h("label", {}, this.timeline, " Compact timeline"),
        h("label", {}, this.panels, " Side panels"),
        h("fieldset", { class: "embed-theme" }, h("legend", {}, "Theme"), ...themeLabels),
        h("label", {}, "Aspect ratio ", this.aspect),
      ),
      h("label", { for: this.code.id, class: "embed-code-label" }, "Embed code"),
      this.code,
      h("div", { class: "embed-actions" }, this.copy, this.status),
      h("h3", { class: "embed-preview-title" }, "Preview"),
      this.previews.area,
    ];
  }

  /** Before the dialog shows: what can be embedded, the code; focus Copy code (else Close). */
  prepare(): HTMLElement | null {
    const embeddable = this.canEmbed();
    this.fileNote.hidden = embeddable;
    this.copy.disabled = !embeddable;
    this.code.disabled = !embeddable;
    this.previews.area.hidden = !embeddable;
    this.status.textContent = "";
    this.refresh();
    return embeddable ? this.copy : null;
  }

  opened(): void {
    if (this.canEmbed()) this.loadPreviews();
    this.previews.fit();
  }

  /** An option changed: new code now, previews (of an open dialog) after a pause. */
  changed(open: boolean): void {
    this.refresh();
    this.status.textContent = "";
    if (!open || !this.canEmbed()) return;
    clearTimeout(this.reload);
    this.reload = setTimeout(() => this.loadPreviews(), RELOAD_AFTER_MS);
  }

  /** The previews go before the dialog hides. */
  closing(): void {
    clearTimeout(this.reload);
    this.previews.unload();
  }

  writeCode(): void {
    this.code.value = this.snippet();
  }

  dispose(): void {
    this.previews.dispose();
  }

  private options(): EmbedOptions {
    return {
      timeline: this.timeline.checked,
      panels: this.panels.checked,
      theme: (this.themes.find((r) => r.checked)?.value as EmbedTheme) ?? "auto",
    };
  }

  private chosenAspect(): EmbedAspect {
    return EMBED_ASPECTS.find((a) => a === this.aspect.value) ?? "16:9";
  }

  private url(): string {
    return embedUrl(this.opts.link(), this.options());
  }

  private snippet(): string {
    try {
      return embedSnippet(this.url(), { title: this.opts.title(), aspect: this.chosenAspect() });
    } catch (e) {
      return `<!-- ${e instanceof Error ? e.message : String(e)} -->`;
    }
  }

  private canEmbed(): boolean {
    return !this.opts.fromFile() && /^https?:/i.test(this.opts.link());
  }

  private refresh(): void {
    this.writeCode();
    this.previews.fit();
  }

  private loadPreviews(): void {
    clearTimeout(this.reload);
    this.previews.load(this.url());
  }

  private async copyCode(): Promise<void> {
    const text = this.code.value;
    try {
      await navigator.clipboard.writeText(text);
      this.status.textContent = "Code copied: paste it into the article's HTML.";
    } catch {
      this.code.focus();
      this.code.select();
      this.status.textContent = "Press Ctrl+C (⌘C) to copy the selected code.";
    }
  }
}
