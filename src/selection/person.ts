// The person panel: who they are, how much they wrote and received (period and all), first and
// last message, activity on the timeline's axis, focus and chain controls, top correspondents
// each way, and their messages in the period. Drawn when the drawer shows a person.
import { addressLabel, displayName } from "../data/people";
import type { Focus, PeriodStats } from "../graph/period";
import { activity, personMessages, type Correspondent, type PersonSummary } from "../graph/person";
import type { Frame, View } from "../state/coordinator";
import { openPanel } from "../state/view-state";
import { formatDay, formatNumber, plural } from "../ui/format";
import { communityOf, type PanelContext } from "../ui/panel-context";
import { nodeColour, type ThemeName } from "../theme/theme";
import { button, h } from "../ui/dom";
import { panelHead, panelSection } from "../ui/panel-head";
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

type Ctx = PanelContext;

function factRows(
  ds: Ctx["ds"],
  s: PersonSummary,
  community: ReturnType<typeof communityOf>,
  theme: ThemeName,
): (HTMLElement | string)[] {
  const row = (label: string, value: Node | string, key: string) =>
    h("div", { class: "fact", "data-field": key }, h("dt", {}, label), h("dd", {}, value));
  const p = s.person;
  return [
    ds.people.org[p] ? row("Organisation", ds.people.org[p], "org") : "",
    community
      ? row(
          "Community",
          h(
            "span",
            {},
            h("span", {
              class: "swatch inline",
              style: `background:${nodeColour(community.colour, theme)}`,
              "aria-hidden": "true",
            }),
            // The community's name wraps between words; its size stays on one line.
            ...partsLine([document.createTextNode(community.label), plural(community.size, "person", "people")]),
          ),
          "community",
        )
      : "",
    row("Sent", counts(s.sent, s.sentTotal), "sent"),
    row("Received", counts(s.received, s.receivedTotal), "received"),
    row("First message", s.first === null ? "–" : nowrap(formatDay(s.first, ds.meta.timeZone)), "first"),
    row("Last message", s.last === null ? "–" : nowrap(formatDay(s.last, ds.meta.timeZone)), "last"),
  ];
}

/** "Show: 1 step · 2 steps · Everyone", the one in force pressed. */
function focusButtons(actions: Ctx["actions"], person: number, f: Focus | null): HTMLElement[] {
  const focusButton = (label: string, steps: 1 | 2 | null) => {
    const on = steps === null ? !f : f?.person === person && f.steps === steps;
    const b = button(
      { class: "button small", "aria-pressed": String(on), "data-focus": String(steps ?? "all") },
      label,
    );
    b.addEventListener("click", () => actions.setFocus(steps === null ? null : { person, steps }));
    return b;
  };
  return [
    h("span", { class: "muted" }, "Show:"),
    focusButton("1 step", 1),
    focusButton("2 steps", 2),
    focusButton("Everyone", null),
  ];
}

/** The strongest correspondents one way: a name selects them, a count opens the messages. */
function correspondentList(
  ctx: Ctx,
  person: number,
  title: string,
  list: Correspondent[],
  dir: "to" | "from",
): HTMLElement {
  const { ds, actions } = ctx;
  const item = (c: Correspondent) => {
    const name = button({ class: "link", "data-person": String(c.person) }, displayName(ds.people, c.person));
    name.addEventListener("click", () => actions.selectPerson(c.person));
    const label = `${plural(c.messages, "message")} ${dir} ${displayName(ds.people, c.person)}`;
    const count = button(
      { class: "link count", "data-connection": String(c.person), "aria-label": label },
      formatNumber(c.messages),
    );
    count.addEventListener("click", () => actions.openConnection(person, c.person));
    return h("li", { "data-correspondent": String(c.person) }, name, count);
  };
  return h(
    "div",
    { class: "top-list" },
    h("h3", {}, title),
    list.length ? h("ol", {}, ...list.slice(0, TOP).map(item)) : h("p", { class: "muted" }, "No one in this period"),
  );
}

const CHAIN_SEARCH = {
  id: "chain",
  label: "How are they connected to… (find a person)",
  placeholder: "How are they connected to…",
  slash: false,
};

/** The person's messages per timeline bin, the chosen period shaded. */
function activityFigure(ctx: Ctx, stats: PeriodStats, s: PersonSummary): Element[] {
  const perBin = activity(ctx.ds, ctx.edges, ctx.adj, stats.rule, s.person, ctx.binEdges);
  const title = `Activity over time: ${plural(s.sentTotal + s.receivedTotal, "message")} in all`;
  const caption = "Messages sent and received over the timeline; the chosen period is shaded";
  return [sparkline(ctx.binEdges, perBin, stats.period, title), h("figcaption", { class: "visually-hidden" }, caption)];
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
  const parts = [head, facts, spark, focusRow, chainBox, tops, listHead, listEl];
  const section = panelSection("person-panel", "Selected person", ...parts);
  el.append(section);
  const table = mountMessageTable(listEl, ds, "Their messages in the period");
  // The chain box starts from the person the panel shows.
  const disposeChainSearch = mountSearch(
    chainBox,
    ds,
    ctx.people,
    (b) => actions.openChain(Number(section.dataset.person), b),
    CHAIN_SEARCH,
  );

  const draw = ({ state, derived }: Frame, s: PersonSummary) => {
    const p = s.person;
    section.dataset.person = String(p);
    head.replaceChildren(
      ...panelHead({
        title: displayName(ds.people, p),
        sub: addressLabel(ds.people, p),
        onClose: () => actions.selectPerson(null),
      }),
    );
    facts.replaceChildren(...factRows(ds, s, communityOf(derived.communities, p), derived.theme));
    const { stats } = derived;
    spark.replaceChildren(...activityFigure(ctx, stats, s));
    focusRow.replaceChildren(...focusButtons(actions, p, state.focus));
    tops.replaceChildren(
      correspondentList(ctx, p, "Wrote most to", s.wroteTo, "to"),
      correspondentList(ctx, p, "Heard most from", s.heardFrom, "from"),
    );
    const mine = personMessages(ds, ctx.edges, ctx.adj, stats, p);
    listHead.textContent = `Messages in the period (${formatNumber(mine.length)})`;
    table.set(mine);
  };

  return {
    update(frame, prev) {
      const { state, derived } = frame;
      const open = openPanel(state) === "person" && derived.person !== null;
      section.hidden = !open;
      if (!open || !derived.person) return;
      const was = prev && openPanel(prev.state) === "person" ? prev : null;
      const same =
        was &&
        was.derived.person === derived.person &&
        was.derived.communities.result === derived.communities.result &&
        was.state.focus === state.focus &&
        was.derived.theme === derived.theme;
      if (!same) draw(frame, derived.person);
      if (!same || was?.state.cursor !== state.cursor) markCursor(tops, state.cursor);
    },
    dispose() {
      disposeChainSearch();
      table.dispose();
      section.remove();
    },
  };
}
