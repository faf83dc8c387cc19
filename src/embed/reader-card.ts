// For readers of an embedded graphic: hovering (or the keyboard cursor on) a person shows a
// tooltip with their name and counts in the period; tapping a person opens a small card with
// their organisation, counts and strongest correspondents, which closes with its button, Escape
// or a tap elsewhere. Takes the place of the side panels in an embed.
import { addressLabel, displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { Adjacency } from "../graph/adjacency";
import type { EdgeIndex } from "../graph/edges";
import { type Correspondent, correspondents, summarisePerson } from "../graph/person";
import type { PeriodStats } from "../graph/period";
import { formatNumber, plural } from "../ui/format";
import type { BoundActions } from "../state/actions";
import { changed, type Frame, type Reads, type View } from "../state/coordinator";
import { button, h } from "../ui/dom";

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

/** The card's lines under the name: organisation and address, counts, and whom they wrote most with. */
function cardBody(ctx: ReaderCardContext, stats: PeriodStats, p: number): HTMLElement[] {
  const { ds } = ctx;
  const top = correspondents(summarisePerson(ds, ctx.edges, ctx.adj, stats, p)).slice(0, TOP);
  const item = (c: Correspondent) =>
    h("li", {}, h("span", {}, displayName(ds.people, c.person)), h("span", { class: "num" }, formatNumber(c.messages)));
  return [
    h("p", { class: "reader-card-sub" }, [ds.people.org[p], addressLabel(ds.people, p)].filter(Boolean).join(" · ")),
    h("p", { class: "reader-card-counts" }, countsLine(stats, p)),
    ...(top.length
      ? [
          h("p", { class: "reader-card-head" }, "Wrote most with"),
          h("ol", { class: "reader-card-top" }, ...top.map(item)),
        ]
      : [h("p", { class: "reader-card-sub" }, "No messages in this period.")]),
  ];
}

export function mountReaderCard(el: HTMLElement, ctx: ReaderCardContext): View {
  const { ds, actions } = ctx;
  const tip = h("div", { class: "reader-tip", role: "tooltip", hidden: "" });
  const title = h("h2", { class: "reader-card-name", id: "reader-card-name" });
  const close = button({ class: "panel-close", "aria-label": "Close" }, "×");
  const body = h("div", { class: "reader-card-body" });
  const card = h("section", { class: "reader-card", "aria-labelledby": title.id, hidden: "" }, close, title, body);
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
  const cardReads: Reads = (f) => [f.state.selected, f.derived.stats, f.state.camera];
  const tipReads: Reads = (f) => [f.state.hovered, ...cardReads(f)];
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
    title.textContent = displayName(ds.people, p);
    body.replaceChildren(...cardBody(ctx, f.derived.stats, p));
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
      if (changed(tipReads, f, prev)) showTip(f);
      if (changed(cardReads, f, prev)) showCard(f);
    },
    dispose() {
      tip.remove();
      card.remove();
    },
  };
}
