// The person panel: who they are, how much they wrote and received (period and all), first and
// last message, activity on the timeline's axis, focus and chain controls, top correspondents
// each way, and their messages in the period. Drawn when the drawer shows a person.
import { addressLabel, displayName } from "../data/people";
import type { Focus } from "../graph/period";
import { activity, personMessages, type Correspondent } from "../graph/person";
import type { View } from "../state/coordinator";
import { openPanel } from "../state/view-state";
import { formatDay, formatNumber, plural } from "../ui/format";
import { communityOf, type PanelContext } from "../ui/panel-context";
import { nodeColour } from "../theme/theme";
import { h } from "../ui/dom";
import { mountMessageTable } from "./messages";
import { nowrap, partsLine } from "../ui/nowrap";
import "./person.css";
import { mountSearch } from "../ui/search-box";
import { sparkline } from "../ui/sparkline";

const TOP = 5;

/** "398 in period · 826 in all", breaking only between the two. */
function counts(inPeriod: number, inAll: number): HTMLElement {
  return h("span", {}, ...partsLine([`${formatNumber(inPeriod)} in period`, `${formatNumber(inAll)} in all`]));
}

/** Marks the correspondent the arrow keys stand on. */
function markCursor(tops: HTMLElement, cursor: number | null) {
  for (const li of tops.querySelectorAll<HTMLElement>("li[data-correspondent]")) {
    li.toggleAttribute("aria-current", Number(li.dataset.correspondent) === cursor);
  }
}

export function mountPersonPanel(el: HTMLElement, ctx: PanelContext): View {
  const { ds, actions } = ctx;
  const head = h("div", { class: "panel-head" });
  const facts = h("dl", { class: "facts" });
  const spark = h("figure", { class: "spark" });
  const focusRow = h("div", { class: "focus-row", role: "group", "aria-label": "Show only their network" });
  const chainBox = h("div", { class: "chain-search" });
  const tops = h("div", { class: "tops" });
  const listHead = h("h3", { class: "list-head" });
  const listEl = h("div", {});
  const section = h("section", { class: "panel person-panel", "aria-label": "Selected person", hidden: "" }, head, facts, spark, focusRow, chainBox, tops, listHead, listEl);
  el.append(section);
  const table = mountMessageTable(listEl, ds, "Their messages in the period");
  let person = -1;
  const disposeChainSearch = mountSearch(chainBox, ds, ctx.people, (b) => actions.openChain(person, b), {
    id: "chain", label: "How are they connected to… (find a person)", placeholder: "How are they connected to…", slash: false,
  });

  const focusButton = (f: Focus | null, label: string, steps: 1 | 2 | null) => {
    const on = steps === null ? !f : f?.person === person && f.steps === steps;
    const b = h("button", { type: "button", class: "button small", "aria-pressed": String(on), "data-focus": String(steps ?? "all") }, label);
    b.addEventListener("click", () => actions.setFocus(steps === null ? null : { person, steps }));
    return b;
  };
  const correspondentList = (title: string, list: Correspondent[], dir: "to" | "from") =>
    h("div", { class: "top-list" },
      h("h3", {}, title),
      list.length
        ? h("ol", {}, ...list.slice(0, TOP).map((c) => {
            const name = h("button", { type: "button", class: "link", "data-person": String(c.person) }, displayName(ds.people, c.person));
            name.addEventListener("click", () => actions.selectPerson(c.person));
            const count = h("button", { type: "button", class: "link count", "data-connection": String(c.person), "aria-label": `${plural(c.messages, "message")} ${dir === "to" ? "to" : "from"} ${displayName(ds.people, c.person)}` }, formatNumber(c.messages));
            count.addEventListener("click", () => actions.openConnection(person, c.person));
            return h("li", { "data-correspondent": String(c.person) }, name, count);
          }))
        : h("p", { class: "muted" }, "No one in this period"),
    );

  return {
    update({ state, derived }, prev) {
      const open = openPanel(state) === "person";
      section.hidden = !open;
      if (!open || state.selected === null) return;
      const was = prev && openPanel(prev.state) === "person" ? prev : null;
      if (was && was.derived.person === derived.person && was.derived.communities.result === derived.communities.result &&
        was.state.focus === state.focus && was.derived.theme === derived.theme) {
        if (was.state.cursor !== state.cursor) markCursor(tops, state.cursor);
        return;
      }
      const p = state.selected;
      const { stats } = derived;
      const s = derived.person;
      if (!s) return;
      person = p;
      const community = communityOf(derived.communities, p);
      const close = h("button", { class: "panel-close", type: "button", "aria-label": "Close" }, "×");
      close.addEventListener("click", () => actions.selectPerson(null));
      head.replaceChildren(
        close,
        h("h2", { class: "panel-title" }, displayName(ds.people, p)),
        h("p", { class: "panel-sub" }, addressLabel(ds.people, p)),
      );
      const row = (label: string, value: Node | string, key: string) => h("div", { class: "fact", "data-field": key }, h("dt", {}, label), h("dd", {}, value));
      facts.replaceChildren(
        ds.people.org[p] ? row("Organisation", ds.people.org[p], "org") : "",
        community ? row("Community", h("span", {},
          h("span", { class: "swatch inline", style: `background:${nodeColour(community.colour, derived.theme)}`, "aria-hidden": "true" }),
          // The community's name wraps between words; its size stays on one line.
          ...partsLine([document.createTextNode(community.label), plural(community.size, "person", "people")])),
        "community") : "",
        row("Sent", counts(s.sent, s.sentTotal), "sent"),
        row("Received", counts(s.received, s.receivedTotal), "received"),
        row("First message", s.first === null ? "–" : nowrap(formatDay(s.first, ds.meta.timeZone)), "first"),
        row("Last message", s.last === null ? "–" : nowrap(formatDay(s.last, ds.meta.timeZone)), "last"),
      );
      const perBin = activity(ds, ctx.edges, ctx.adj, stats.rule, p, ctx.binEdges);
      spark.replaceChildren(
        sparkline(ctx.binEdges, perBin, stats.period, `Activity over time: ${plural(s.sentTotal + s.receivedTotal, "message")} in all`),
        h("figcaption", { class: "visually-hidden" }, "Messages sent and received over the timeline; the chosen period is shaded"),
      );
      focusRow.replaceChildren(h("span", { class: "muted" }, "Show:"), focusButton(state.focus, "1 step", 1), focusButton(state.focus, "2 steps", 2),
        focusButton(state.focus, "Everyone", null));
      tops.replaceChildren(correspondentList("Wrote most to", s.wroteTo, "to"), correspondentList("Heard most from", s.heardFrom, "from"));
      const mine = personMessages(ds, ctx.edges, ctx.adj, stats, p);
      listHead.textContent = `Messages in the period (${formatNumber(mine.length)})`;
      table.set(mine);
      markCursor(tops, state.cursor);
    },
    dispose() {
      disposeChainSearch();
      table.dispose();
      section.remove();
    },
  };
}
