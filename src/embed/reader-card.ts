// For readers of an embedded graphic: hovering (or the keyboard cursor on) a person shows a
// tooltip with their name and counts in the period; tapping a person opens a small card with
// their organisation, counts and strongest correspondents, which closes with its button, Escape
// or a tap elsewhere. Takes the place of the side panels in an embed.
import { addressLabel, displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { Adjacency } from "../graph/adjacency";
import type { EdgeIndex } from "../graph/edges";
import { correspondents, summarisePerson } from "../graph/person";
import type { PeriodStats } from "../graph/period";
import { formatNumber, plural } from "../ui/format";
import type { BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { h } from "../ui/dom";

const TOP = 3;

export interface ReaderCardContext {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  actions: BoundActions;
  /** Viewport position of a person in the network element (CSS px). */
  positionOf(p: number): { x: number; y: number } | null;
}

/** "120 messages: 80 sent, 40 received", numbers kept whole. */
export function countsLine(stats: PeriodStats, p: number): string {
  const sent = stats.sent[p];
  const received = stats.received[p];
  return `${plural(sent + received, "message")}: ${formatNumber(sent)} sent, ${formatNumber(received)} received`;
}

export function mountReaderCard(el: HTMLElement, ctx: ReaderCardContext): View {
  const { ds, actions } = ctx;
  const tip = h("div", { class: "reader-tip", role: "tooltip", hidden: "" });
  const title = h("h2", { class: "reader-card-name", id: "reader-card-name" });
  const close = h("button", { type: "button", class: "panel-close", "aria-label": "Close" }, "×");
  const body = h("div", { class: "reader-card-body" });
  const card = h(
    "section",
    { class: "reader-card", "aria-labelledby": "reader-card-name", hidden: "" },
    close,
    title,
    body,
  );
  el.append(tip, card);
  close.addEventListener("click", () => actions.selectPerson(null));

  const place = (box: HTMLElement, p: number, below: number) => {
    const at = ctx.positionOf(p);
    if (!at) return;
    const w = el.clientWidth;
    const bw = box.offsetWidth;
    box.style.left = `${Math.max(6, Math.min(w - bw - 6, at.x - bw / 2))}px`;
    const top = at.y + below;
    box.style.top = `${top + box.offsetHeight > el.clientHeight - 6 ? Math.max(6, at.y - below - box.offsetHeight) : top}px`;
  };
  const showTip = (f: Frame) => {
    const p = f.state.hovered;
    tip.hidden = p === null || p === f.state.selected;
    if (p === null || tip.hidden) return;
    tip.replaceChildren(h("strong", {}, displayName(ds.people, p)), h("span", {}, countsLine(f.derived.stats, p)));
    place(tip, p, 14);
  };
  const showCard = (f: Frame) => {
    const p = f.state.selected;
    card.hidden = p === null;
    if (p === null) return;
    const s = summarisePerson(ds, ctx.edges, ctx.adj, f.derived.stats, p);
    const org = ds.people.org[p];
    const address = addressLabel(ds.people, p);
    title.textContent = displayName(ds.people, p);
    const top = correspondents(s).slice(0, TOP);
    body.replaceChildren(
      h("p", { class: "reader-card-sub" }, [org, address].filter(Boolean).join(" · ")),
      h("p", { class: "reader-card-counts" }, countsLine(f.derived.stats, p)),
      ...(top.length
        ? [
            h("p", { class: "reader-card-head" }, "Wrote most with"),
            h(
              "ol",
              { class: "reader-card-top" },
              ...top.map((c) =>
                h(
                  "li",
                  {},
                  h("span", {}, displayName(ds.people, c.person)),
                  h("span", { class: "num" }, formatNumber(c.messages)),
                ),
              ),
            ),
          ]
        : [h("p", { class: "reader-card-sub" }, "No messages in this period.")]),
    );
    corner(card, p);
  };
  /** The card sits in the corner away from the person, so it never covers them or their lines. */
  const corner = (box: HTMLElement, p: number) => {
    const at = ctx.positionOf(p);
    const w = el.clientWidth;
    const ht = el.clientHeight;
    const left = at && at.x < w / 2 ? w - box.offsetWidth - 8 : 8;
    const top = at && at.y > ht / 2 ? 48 : Math.max(48, ht - box.offsetHeight - 8);
    box.style.left = `${Math.max(6, left)}px`;
    box.style.top = `${top}px`;
  };
  return {
    update(f, prev) {
      if (
        !prev ||
        prev.state.hovered !== f.state.hovered ||
        prev.derived.stats !== f.derived.stats ||
        prev.state.selected !== f.state.selected ||
        prev.state.camera !== f.state.camera
      )
        showTip(f);
      if (
        !prev ||
        prev.state.selected !== f.state.selected ||
        prev.derived.stats !== f.derived.stats ||
        prev.state.camera !== f.state.camera
      )
        showCard(f);
    },
    dispose() {
      tip.remove();
      card.remove();
    },
  };
}
