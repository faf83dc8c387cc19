// The chain panel: how two people are connected, step by step, over the connections shown.
// Drawn when the drawer shows a chain.
import { displayName } from "../data/people";
import type { Reads, View } from "../state/coordinator";
import { openPanel } from "../state/view-state";
import { plural } from "../ui/format";
import type { PanelContext } from "../ui/panel-context";
import { button, h } from "../ui/dom";
import { panelHead, panelSection, panelUpdate } from "../ui/panel-head";

export function mountChainPanel(el: HTMLElement, ctx: PanelContext): View {
  const { ds, actions } = ctx;
  const section = panelSection("chain-panel", "How two people are connected");
  el.append(section);
  const reads: Reads = (f) => [openPanel(f.state), f.state.chain, f.derived.chain];
  return {
    update: panelUpdate("chain", section, reads, ({ state, derived }) => {
      if (!state.chain) return;
      const { a, b } = state.chain;
      const { chain } = derived;
      const person = (p: number) => {
        const btn = button({ class: "link chain-person", "data-person": String(p) }, displayName(ds.people, p));
        btn.addEventListener("click", () => actions.selectPerson(p));
        return btn;
      };
      const body = !chain
        ? h("p", { class: "chain-none" }, "No chain of correspondents joins them in this period with these filters.")
        : h(
            "ol",
            { class: "chain" },
            h("li", {}, person(chain.people[0])),
            ...chain.links.map((l) => {
              const link = button(
                { class: "link chain-link", "data-from": String(l.from), "data-to": String(l.to) },
                plural(l.messages, "message"),
              );
              link.addEventListener("click", () => actions.openConnection(l.from, l.to));
              return h("li", {}, h("span", { class: "chain-step" }, "↓ ", link), person(l.to));
            }),
          );
      section.replaceChildren(
        ...panelHead({
          kicker: "Strongest chain",
          title: `${displayName(ds.people, a)} to ${displayName(ds.people, b)}`,
          onClose: () => actions.closeChain(),
        }),
        chain
          ? h(
              "p",
              { class: "muted chain-summary" },
              chain.links.length === 1
                ? "They wrote to each other directly."
                : `${plural(chain.links.length - 1, "person", "people")} between them. Each step is the messages both ways in the period.`,
            )
          : "",
        body,
      );
    }),
    dispose() {
      section.remove();
    },
  };
}
