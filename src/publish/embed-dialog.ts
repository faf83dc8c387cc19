// "Embed…": a dialog that makes the <iframe> code a graphics desk pastes into an article, for the
// current view in embed mode. Options (compact timeline, side panels, theme, aspect ratio) update
// the code live; "Copy code" puts it on the clipboard; two previews show the embed at phone and
// desktop width, scaled down. Previews load only while the dialog is open (each is a whole app,
// with a WebGL context). A dataset opened from disk cannot be embedded: the dialog says so.
import {
  EMBED_ASPECTS, embedHeight, embedSnippet, embedUrl, type EmbedAspect, type EmbedOptions, type EmbedTheme,
} from "./snippet";
import type { View } from "../state/coordinator";
import { h } from "../ui/dom";
import "./embed-dialog.css";

export interface EmbedDialogOptions {
  /** Absolute URL of the current view (as Copy link writes it). */
  link: () => string;
  /** The dataset's title, the embed's accessible name. */
  title: () => string;
  /** True when the dataset came from the reader's disk. */
  fromFile: () => boolean;
}

const PREVIEWS = [
  { width: 375, label: "Phone, 375 px" },
  { width: 1000, label: "Desktop, 1000 px" },
];
const PREVIEW_GAP = 16;
/** Each preview's border, both sides. */
const BORDERS = 2;
/** Narrower than this, the previews are stacked, each scaled to the width. */
const SIDE_BY_SIDE = 560;
/** The previews' height limit is never less than this (CSS px). */
const MIN_PREVIEW_HEIGHT = 240;
/** Option changes reload the previews after this pause (not on every click of a quick change). */
const RELOAD_AFTER_MS = 300;
const THEMES: readonly EmbedTheme[] = ["auto", "light", "dark"];
const ASPECT_NAMES: Record<EmbedAspect, string> = {
  "16:9": "16:9 wide", "4:3": "4:3", "1:1": "1:1 square", "3:4": "3:4 tall",
};
let mounted = 0;

export function mountEmbedDialog(tools: HTMLElement, opts: EmbedDialogOptions): View {
  const id = `embed-${++mounted}`;
  const button = h("button", {
    type: "button", class: "button embed-open", "data-control": "embed", "aria-haspopup": "dialog",
    title: "Code to embed this view in an article" }, "Embed…");
  const close = h("button", { type: "button", class: "button small embed-close", "data-control": "embed-close" },
    "Close");
  const timeline = h("input", { type: "checkbox", name: "timeline" });
  const panels = h("input", { type: "checkbox", name: "panels" });
  const themes = THEMES.map((t) => h("input", { type: "radio", name: `${id}-theme`, value: t }));
  themes[0].checked = true;
  const aspect = h("select", { name: "aspect" }, ...EMBED_ASPECTS.map((a) => h("option", { value: a }, ASPECT_NAMES[a])));
  const code = h("textarea", { id: `${id}-code`, class: "embed-code", readonly: "", rows: "4", spellcheck: "false" });
  const copy = h("button", { type: "button", class: "button embed-copy", "data-control": "embed-copy" }, "Copy code");
  const status = h("p", { class: "embed-status", role: "status" });
  const fileNote = h("p", { class: "embed-file-note", hidden: "" },
    "This dataset was opened from your disk, so an embed cannot show it: the file is not on a server. " +
    "Publish the dataset beside the app and open it with ?data= to embed it.");
  const previews = PREVIEWS.map((p) => {
    const box = h("div", { class: "embed-preview-box" });
    const figure = h("figure", { class: "embed-preview", "data-width": String(p.width), inert: "" },
      box, h("figcaption", {}, p.label));
    return { ...p, box, figure, frame: null as HTMLIFrameElement | null };
  });
  const previewArea = h("div", { class: "embed-previews" }, ...previews.map((p) => p.figure));
  const dialog = h("dialog", { class: "embed-dialog", "aria-labelledby": `${id}-title` },
    h("div", { class: "embed-head" }, h("h2", { id: `${id}-title`, class: "embed-title" }, "Embed this view"), close),
    h("p", { class: "embed-intro" }, "Paste this code into an article's HTML. Readers see this view: the network, " +
      "its legend and a link to the full view. It fits any width."),
    fileNote,
    h("form", { class: "embed-options", "aria-label": "Embed options" },
      h("label", {}, timeline, " Compact timeline"),
      h("label", {}, panels, " Side panels"),
      h("fieldset", { class: "embed-theme" }, h("legend", {}, "Theme"),
        ...themes.map((r) => h("label", {}, r, ` ${r.value[0].toUpperCase()}${r.value.slice(1)}`))),
      h("label", {}, "Aspect ratio ", aspect)),
    h("label", { for: code.id, class: "embed-code-label" }, "Embed code"),
    code,
    h("div", { class: "embed-actions" }, copy, status),
    h("h3", { class: "embed-preview-title" }, "Preview"),
    previewArea);
  tools.append(button, dialog);

  const options = (): EmbedOptions => ({
    timeline: timeline.checked,
    panels: panels.checked,
    theme: themes.find((r) => r.checked)?.value as EmbedTheme ?? "auto",
  });
  const chosenAspect = () => EMBED_ASPECTS.find((a) => a === aspect.value) ?? "16:9";
  const url = () => embedUrl(opts.link(), options());
  const snippet = () => {
    try {
      return embedSnippet(url(), { title: opts.title(), aspect: chosenAspect() });
    } catch (e) {
      return `<!-- ${e instanceof Error ? e.message : String(e)} -->`;
    }
  };
  const canEmbed = () => !opts.fromFile() && /^https?:/i.test(opts.link());

  /** Sizes each preview as the snippet's CSS would at its width, scaled to fit the dialog. */
  const fit = () => {
    const room = previewArea.clientWidth;
    if (!room) return;
    const together = room >= SIDE_BY_SIDE;
    const shared = (room - PREVIEW_GAP - BORDERS * PREVIEWS.length) / PREVIEWS.reduce((sum, p) => sum + p.width, 0);
    previewArea.classList.toggle("stacked", !together);
    // No preview taller than half the window, so the code and the previews are seen together.
    // Side by side they share one scale (set by the taller); stacked, each has its own.
    const limit = Math.max(MIN_PREVIEW_HEIGHT, window.innerHeight / 2);
    const tallest = Math.max(...PREVIEWS.map((p) => embedHeight(p.width, chosenAspect())));
    for (const p of previews) {
      const height = embedHeight(p.width, chosenAspect());
      const scale = Math.min(1, limit / (together ? tallest : height), together ? shared : (room - BORDERS) / p.width);
      p.box.style.width = `${Math.floor(p.width * scale)}px`;
      p.box.style.height = `${Math.floor(height * scale)}px`;
      if (!p.frame) continue;
      p.frame.style.width = `${p.width}px`;
      p.frame.style.height = `${height}px`;
      p.frame.style.transform = `scale(${scale})`;
    }
  };
  const resizes = new ResizeObserver(fit);
  resizes.observe(previewArea);

  let reload: ReturnType<typeof setTimeout> | undefined;
  /** A fresh iframe each time (a new src differing only in its hash would not reload the app). */
  const loadPreviews = () => {
    clearTimeout(reload);
    for (const p of previews) {
      const frame = h("iframe", { class: "embed-preview-frame", title: `Preview: ${p.label}`, tabindex: "-1",
        src: url(), referrerpolicy: "no-referrer" });
      if (p.frame) p.frame.replaceWith(frame);
      else p.box.append(frame);
      p.frame = frame;
    }
    fit();
  };
  /** Removed, not only blanked: a removed iframe's app ends at once, before the dialog hides (an app
   *  left running in a hidden dialog would find its network has no width). */
  const unloadPreviews = () => {
    clearTimeout(reload);
    for (const p of previews) {
      if (!p.frame) continue;
      p.frame.src = "about:blank";
      p.frame.remove();
      p.frame = null;
    }
  };
  const hide = () => {
    unloadPreviews();
    dialog.close();
  };
  const refresh = () => {
    code.value = snippet();
    fit();
  };
  const onChange = () => {
    refresh();
    status.textContent = "";
    if (!dialog.open || !canEmbed()) return;
    clearTimeout(reload);
    reload = setTimeout(loadPreviews, RELOAD_AFTER_MS);
  };
  const open = () => {
    const embeddable = canEmbed();
    fileNote.hidden = embeddable;
    copy.disabled = !embeddable;
    code.disabled = !embeddable;
    previewArea.hidden = !embeddable;
    status.textContent = "";
    refresh();
    dialog.showModal();
    (embeddable ? copy : close).focus();
    if (embeddable) loadPreviews();
    fit();
  };
  const copyCode = async () => {
    const text = code.value;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Code copied: paste it into the article's HTML.";
    } catch {
      code.focus();
      code.select();
      status.textContent = "Press Ctrl+C (⌘C) to copy the selected code.";
    }
  };

  button.addEventListener("click", open);
  close.addEventListener("click", hide);
  // Escape: the previews go before the browser hides the dialog.
  dialog.addEventListener("cancel", unloadPreviews);
  copy.addEventListener("click", () => void copyCode());
  dialog.addEventListener("change", onChange);
  dialog.addEventListener("submit", (e) => e.preventDefault());
  // The app's page-wide keys (Escape closes the person, C copies the link…) stay out of the dialog;
  // Escape still closes it (the browser's cancel).
  dialog.addEventListener("keydown", (e) => e.stopPropagation());
  dialog.addEventListener("close", () => {
    unloadPreviews();
    button.focus();
  });
  return {
    update() {
      if (dialog.open) code.value = snippet();
    },
    dispose() {
      resizes.disconnect();
      if (dialog.open) hide();
      button.remove();
      dialog.remove();
    },
  };
}
