// The main search box as a view: picking a person selects them and flies the camera to them
// (findPerson), then moves keyboard focus to their panel and announces them, so the arrow keys
// step through their correspondents at once.
import { displayName } from "../data/people";
import type { View } from "../state/coordinator";
import type { PanelContext } from "../ui/panel-context";
import { mountSearch } from "../ui/search-box";

export function mountSearchView(side: HTMLElement, ctx: PanelContext, drawer: HTMLElement, announcer: HTMLElement): View {
  const dispose = mountSearch(side, ctx.ds, ctx.people, (p) => {
    ctx.actions.findPerson(p);
    // On a phone the page scrolls: bring the panel and the network back into view.
    drawer.scrollIntoView({ block: "nearest" });
    drawer.focus({ preventScroll: true });
    announcer.textContent = `${displayName(ctx.ds.people, p)} selected. Arrow keys step through their correspondents.`;
  }, { id: "search", label: "Find a person by name or address", placeholder: "Find a person (press /)", slash: true });
  return { update() {}, dispose };
}
