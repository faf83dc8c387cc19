// The connection panel: the messages between two people in the period, both directions, with
// counts by direction and by role. Drawn when the drawer shows a connection.
import { displayName } from "../data/people";
import { connectionBetween, type DirectionCounts } from "../graph/connection";
import type { Reads, View } from "../state/coordinator";
import { openPanel } from "../state/view-state";
import { formatNumber, plural } from "../ui/format";
import type { PanelContext } from "../ui/panel-context";
import { button, h } from "../ui/dom";
import { panelHead, panelSection, panelUpdate } from "../ui/panel-head";
import { mountMessageTable } from "./messages";

export function mountConnectionPanel(el: HTMLElement, ctx: PanelContext): View {
  const { ds, actions } = ctx;
  const head = h("div", { class: "panel-head" });
  const counts = h("div", { class: "direction-counts" });
  const listHead = h("h3", { class: "list-head" });
  const listEl = h("div", {});
  const section = panelSection("connection-panel", "Messages between two people", head, counts, listHead, listEl);
  el.append(section);
  const table = mountMessageTable(listEl, ds, "Messages between them in the period");

  const who = (p: number) => {
    const b = button({ class: "link", "data-person": String(p) }, displayName(ds.people, p));
    b.addEventListener("click", () => actions.selectPerson(p));
    return b;
  };
  const direction = (from: number, to: number, c: DirectionCounts, key: string) =>
    h(
      "div",
      { class: "direction", "data-direction": key },
      h(
        "p",
        { class: "direction-head" },
        who(from),
        " → ",
        who(to),
        h("strong", { class: "direction-total" }, plural(c.total, "message")),
      ),
      h("p", { class: "roles" }, `To ${formatNumber(c.to)} · Cc ${formatNumber(c.cc)} · Bcc ${formatNumber(c.bcc)}`),
    );

  const reads: Reads = (f) => [openPanel(f.state), f.state.connection, f.derived.stats];
  return {
    update: panelUpdate("connection", section, reads, ({ state, derived }) => {
      if (!state.connection) return;
      const { a, b } = state.connection;
      const conn = connectionBetween(ds, ctx.edges, ctx.adj, derived.stats, a, b);
      head.replaceChildren(
        ...panelHead({
          kicker: "Connection",
          title: `${displayName(ds.people, a)} and ${displayName(ds.people, b)}`,
          onClose: () => actions.closeConnection(),
        }),
      );
      counts.replaceChildren(direction(a, b, conn.counts[0], "ab"), direction(b, a, conn.counts[1], "ba"));
      listHead.textContent = `Messages in the period (${formatNumber(conn.messages.length)})`;
      table.set(conn.messages.map((m) => m.message));
    }),
    dispose() {
      table.dispose();
      section.remove();
    },
  };
}
