// The view in the address bar: every action writes the view into the URL's hash. A discrete
// action pushes a history entry, so Back and Forward step through the investigation; brushing
// and camera moves rewrite the current entry (throttled, so the browser is never flooded).
// Back/Forward restore the entry's view.
import { HISTORY } from "./actions";
import type { BoundActions } from "./actions";
import type { Frame, View } from "./coordinator";
import type { ViewState } from "./view-state";

const REPLACE_EVERY_MS = 250;
const COALESCE_MS = 1000;

export interface HistorySync extends View {
  /** The link to the view now (for Copy link). */
  link(): string;
}

export function syncHistory(
  encode: (s: ViewState) => string,
  decode: (hash: string) => { view: ViewState; ignored: string[] },
  actions: BoundActions,
  onIgnored: (ignored: string[]) => void,
  /** False for a dataset opened from disk: its views cannot be reloaded from an address, so they
   *  stay out of the history of the dataset the address names. */
  write = true,
): HistorySync {
  let state: ViewState | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let last = { cause: "", at: 0 };
  const urlFor = (s: ViewState) => {
    const hash = encode(s);
    return `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`;
  };
  const current = () => `${location.pathname}${location.search}${location.hash}`;
  const flush = () => {
    clearTimeout(pending);
    pending = undefined;
    if (state && urlFor(state) !== current()) history.replaceState(history.state, "", urlFor(state));
  };
  const onPop = () => {
    clearTimeout(pending);
    pending = undefined;
    last = { cause: "", at: 0 };
    const { view, ignored } = decode(location.hash);
    actions.restore(view);
    if (ignored.length) onIgnored(ignored);
  };
  if (write) window.addEventListener("popstate", onPop);

  return {
    link: () => (state ? new URL(urlFor(state), location.href).href : location.href),
    update(frame: Frame, prev) {
      state = frame.state;
      if (!write) return;
      if (!prev) return flush();
      if (frame.cause === "mount" || frame.cause === "communities") return;
      const mode = HISTORY[frame.cause];
      if (mode === "none") return;
      const now = performance.now();
      const push =
        mode === "push" || (mode === "coalesce" && !(last.cause === frame.cause && now - last.at < COALESCE_MS));
      if (mode !== "replace") last = { cause: frame.cause, at: now };
      if (push) {
        // Encoded only here: a brush or camera move (replace) leaves it to the throttled flush.
        const url = urlFor(frame.state);
        if (url === current()) return;
        // The entry being left keeps its latest brush and camera.
        if (pending !== undefined && prev) {
          clearTimeout(pending);
          pending = undefined;
          const before = urlFor(prev.state);
          if (before !== current()) history.replaceState(history.state, "", before);
        }
        history.pushState(null, "", url);
      } else if (pending === undefined) {
        pending = setTimeout(flush, REPLACE_EVERY_MS);
      }
    },
    dispose() {
      if (write && pending !== undefined) flush();
      window.removeEventListener("popstate", onPop);
    },
  };
}
