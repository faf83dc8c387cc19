// The main search box as a view: picking a person finds them (findPerson: selected, the camera
// flies to them, keyboard focus goes to their panel, so the arrow keys step through their
// correspondents at once).
import type { View } from "../state/coordinator";
import type { PanelContext } from "../ui/panel-context";
import { mountSearch } from "../ui/search-box";

export function mountSearchView(side: HTMLElement, ctx: PanelContext): View {
  const dispose = mountSearch(side, ctx.ds, ctx.people, (p) => ctx.actions.findPerson(p), {
    id: "search",
    label: "Find a person by name or address",
    placeholder: "Find a person (press /)",
    slash: true,
  });
  return { update() {}, dispose };
}
