// The page's theme as a view: follows the frame's theme (the view's choice, else the reader's
// system preference) on <html data-theme>, tells the state when the system preference changes,
// and offers a Light/Dark toggle that is kept in the view state and the link.
import { button } from "../ui/dom";
import type { BoundActions } from "../state/actions";
import type { View } from "../state/coordinator";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Whether the reader's system asks for a dark theme now. */
export function systemPrefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches;
}

export function mountThemeView(tools: HTMLElement | null, actions: BoundActions): View {
  const query = typeof matchMedia === "function" ? matchMedia(DARK_QUERY) : null;
  const onSystem = (e: MediaQueryListEvent) => actions.setSystemTheme(e.matches);
  query?.addEventListener("change", onSystem);
  const toggle = tools
    ? button({ class: "button theme-toggle", "data-control": "theme", "aria-pressed": "false" }, "Dark")
    : null;
  if (toggle && tools) {
    tools.append(toggle);
    toggle.addEventListener("click", () => actions.toggleTheme());
  }
  return {
    update({ derived }) {
      const shown = derived.theme;
      document.documentElement.dataset.theme = shown;
      if (toggle) {
        toggle.setAttribute("aria-pressed", String(shown === "dark"));
        toggle.title = shown === "dark" ? "Switch to the light theme" : "Switch to the dark theme";
      }
    },
    dispose() {
      query?.removeEventListener("change", onSystem);
      toggle?.remove();
    },
  };
}
