// What a screen reader hears as the view changes, read from the frame: a person selected, and the
// correspondent the arrow keys reach with the messages between the two.
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { Frame, View } from "../state/coordinator";
import { h } from "../ui/dom";
import { plural } from "../ui/format";

/** The sentence for a frame, or null when nothing new is to be said. */
export function announcement(ds: Dataset, f: Frame, prev: Frame): string | null {
  const { selected, cursor } = f.state;
  if (selected === null) return null;
  const name = (p: number) => displayName(ds.people, p);
  if (cursor !== null && cursor !== prev.state.cursor) {
    const n = f.derived.correspondents.find((c) => c.person === cursor)?.messages ?? 0;
    return `${name(cursor)}: ${plural(n, "message")} with ${name(selected)}. Enter opens them.`;
  }
  if (selected !== prev.state.selected)
    return `${name(selected)} selected. Arrow keys step through their correspondents.`;
  return null;
}

export function mountAnnouncer(area: HTMLElement, ds: Dataset): View {
  const el = h("p", { class: "visually-hidden", "aria-live": "polite", "data-announcer": "" });
  area.append(el);
  return {
    update(f, prev) {
      const said = prev && announcement(ds, f, prev);
      if (said) el.textContent = said;
    },
    dispose: () => el.remove(),
  };
}
