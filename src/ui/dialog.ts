// The shell of a modal dialog opened from a toolbar button (Export…, Embed…): the button, the
// <dialog> with its heading, Close button and intro line, and the behaviour every such dialog
// shares: labelled by its heading, the app's page-wide keys kept out of it, Escape and Close both
// closing it (after the dialog's own clean-up), focus back on the button, and no form submission.
import { button, h } from "./dom";
import "./dialog.css";

/** The dialog's words. */
export interface DialogTexts {
  /** The button's text and tooltip. */
  opener: string;
  openerTitle: string;
  heading: string;
  intro: string;
}

/** What a dialog holds below its intro, and how it takes part in opening and closing. */
export interface DialogForm {
  readonly texts: DialogTexts;
  /** What follows the intro. */
  body(): Node[];
  /** Fills the dialog before it shows; returns what to focus once it is shown (null: Close). */
  prepare(): HTMLElement | null;
  /** After the dialog has shown. */
  opened?(): void;
  /** When a choice inside changes (`open`: whether the dialog is showing). */
  changed?(open: boolean): void;
  /** Before the dialog closes (Close, Escape, dispose) and once it has closed, however it was. */
  closing?(): void;
}

let mounted = 0;

export interface Dialog {
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  readonly close: HTMLButtonElement;
  /** Closes the dialog after its clean-up. */
  hide(): void;
  dispose(): void;
}

/** Builds the button and the dialog into `tools` and wires them. `name` gives the classes
 *  `${name}-open`, `${name}-dialog`, `${name}-head`, `${name}-title`, `${name}-close`,
 *  `${name}-intro` and the controls `data-control="${name}"` and `"${name}-close"`; `makeForm` gets
 *  an id unique within the page (the heading's is `${id}-title`). */
export function mountDialog<F extends DialogForm>(
  tools: HTMLElement,
  name: string,
  makeForm: (id: string) => F,
): { shell: Dialog; form: F } {
  const id = `${name}-${++mounted}`;
  const form = makeForm(id);
  return { shell: dialogShell(tools, { name, id, form, ...form.texts }), form };
}

function dialogShell(tools: HTMLElement, o: DialogTexts & { name: string; id: string; form: DialogForm }): Dialog {
  const opener = button(
    {
      class: `button dialog-open ${o.name}-open`,
      "data-control": o.name,
      "aria-haspopup": "dialog",
      title: o.openerTitle,
    },
    o.opener,
  );
  const close = button({ class: `button small ${o.name}-close`, "data-control": `${o.name}-close` }, "Close");
  const dialog = h(
    "dialog",
    { class: `dialog ${o.name}-dialog`, "aria-labelledby": `${o.id}-title` },
    h(
      "div",
      { class: `dialog-head ${o.name}-head` },
      h("h2", { id: `${o.id}-title`, class: `dialog-title ${o.name}-title` }, o.heading),
      close,
    ),
    h("p", { class: `dialog-intro ${o.name}-intro` }, o.intro),
    ...o.form.body(),
  );
  tools.append(opener, dialog);

  const open = () => {
    const focus = o.form.prepare() ?? close;
    dialog.showModal();
    focus.focus();
    o.form.opened?.();
  };
  const hide = () => {
    o.form.closing?.();
    dialog.close();
  };
  listen(opener, close, dialog, {
    open,
    hide,
    changed: () => o.form.changed?.(dialog.open),
    closing: () => o.form.closing?.(),
  });
  return {
    button: opener,
    dialog,
    close,
    hide,
    dispose() {
      if (dialog.open) hide();
      opener.remove();
      dialog.remove();
    },
  };
}

function listen(
  button: HTMLButtonElement,
  close: HTMLButtonElement,
  dialog: HTMLDialogElement,
  on: { open(): void; hide(): void; changed?: () => void; closing?: () => void },
): void {
  button.addEventListener("click", on.open);
  close.addEventListener("click", on.hide);
  // Escape: the dialog's clean-up runs before the browser hides it.
  dialog.addEventListener("cancel", () => on.closing?.());
  dialog.addEventListener("change", () => on.changed?.());
  dialog.addEventListener("submit", (e) => e.preventDefault());
  // The app's page-wide keys (Escape closes the person, C copies the link…) stay out of the dialog;
  // Escape still closes it (the browser's cancel).
  dialog.addEventListener("keydown", (e) => e.stopPropagation());
  dialog.addEventListener("close", () => {
    on.closing?.();
    button.focus();
  });
}
