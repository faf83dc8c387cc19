// Composition only: lays out the explorer for one dataset (or, with f.embed=1, the readers' embed:
// no editing controls, a reader's card instead of the side panels) and registers its views with the
// coordinator (one view state -> named actions -> derived values -> views). Returns dispose;
// disposing disposes every view, and a mount that fails or is superseded disposes what it built.
import { displayName } from "./data/people";
import type { Dataset } from "./data/types";
import { createCommunityClient } from "./communities/client";
import { createCommunityRunner } from "./communities/runner";
import { plural } from "./ui/format";
import { buildAdjacency } from "./graph/adjacency";
import { drawStill } from "./publish/draw-canvas";
import { sceneFor } from "./publish/scene-for";
import { buildEdgeIndex } from "./graph/edges";
import { DEFAULT_FILTERS } from "./graph/filters";
import { computePeriodStats, fullPeriod, messageRule } from "./graph/period";
import { correspondents, summarisePerson } from "./graph/person";
import { SEED } from "./graph/random";
import { bindKeys } from "./shell/keys";
import { mountChainPanel } from "./selection/chain";
import { mountConnectionPanel } from "./selection/connection";
import { h } from "./ui/dom";
import { mountDrawer } from "./selection/drawer";
import { mountEmbedDialog } from "./publish/embed-dialog";
import { mountEmbedFooter, mountResetView } from "./embed/embed-frame";
import { mountExportDialog } from "./publish/export-dialog";
import { mountFilters } from "./sidebar/filters";
import { layoutWithRetry } from "./shell/layout-status";
import { mountLegend } from "./sidebar/legend";
import { mountLinkNotes } from "./shell/link-notes";
import { mountNetworkNote } from "./network/network-note";
import { buildPeopleIndex } from "./data/people-index";
import { mountPeriodSummary } from "./timeline/period-summary";
import { mountPersonPanel } from "./selection/person";
import { mountReaderCard } from "./embed/reader-card";
import { mountSearchView } from "./sidebar/search-view";
import { mountShare } from "./publish/copy-link";
import { mountTableView } from "./network/table-view";
import { mountTimelineView } from "./timeline/timeline-view";
import { mountViewDescription } from "./network/view-description";
import { mountViewToggle } from "./network/view-toggle";
import { timed } from "./data/perf";
import { mountPresentView } from "./shell/present-view";
import { readerGestures } from "./embed/gestures";
import { mountNetworkView } from "./network/network-view";
import { createCoordinator } from "./state/coordinator";
import { createDerive } from "./state/derived";
import { syncHistory } from "./state/history";
import { createStore } from "./state/store";
import { mountStoryEditor } from "./story/story-editor";
import { STORY_ACTIONS } from "./state/story-actions";
import { decodeLink, encodeLink } from "./story/story-link";
import { mountStoryPlayer } from "./story/story-player";
import { exposeForTests } from "./shell/test-hooks";
import { THEMES } from "./theme/theme";
import { mountThemeView, systemPrefersDark } from "./shell/theme-view";
import { binMessages, binShown } from "./time/bins";

export interface MountOptions {
  /** The ?data= address (null: the bundled sample). */
  data: string | null;
  /** True when the dataset was opened from the reader's disk (a link cannot bring it along). */
  fromFile: boolean;
  /** The URL hash to restore the view from. */
  hash: string;
  /** Aborted when another dataset is opened before this one has mounted. */
  signal: AbortSignal;
}

export async function mountApp(root: HTMLElement, ds: Dataset, opts: MountOptions): Promise<() => void> {
  const edges = timed("sb:edge-index", () => buildEdgeIndex(ds));
  const adj = timed("sb:adjacency", () => buildAdjacency(ds, edges));
  const full = fullPeriod(ds);
  // The histogram counts what the network can draw (not messages to no one but the sender), so
  // its bars and the period summary agree.
  const binned = binMessages(ds.messages.time, ds.messages.datedCount, full);
  const everyone = new Uint8Array(ds.people.count).fill(1);
  const bins = { ...binned, counts: binShown(ds, edges, messageRule(DEFAULT_FILTERS, everyone), binned.edges) };
  const link = { people: ds.people, timeZone: ds.meta.timeZone, full };
  const restored = decodeLink(opts.hash, link, opts.data);
  // An embed of a story opens on its first step, unless the link names another.
  const opening = restored.view.flags.embed === "1" && !restored.view.playing ? STORY_ACTIONS.playStory(restored.view, 0) : restored.view;
  const store = createStore({ ...opening, systemDark: systemPrefersDark() });
  const derive = createDerive({ ds, edges, adj, binEdges: bins.edges });
  const client = createCommunityClient();
  const anchor = computePeriodStats(ds, edges, full).edgeWeight;
  const runner = createCommunityRunner(ds, edges, client, anchor, (c) => coord.setCommunities(c));
  const coord = createCoordinator(store, derive, runner.state());
  const { actions } = coord;
  const explorer = h("div", { class: "explorer" });
  coord.onDispose(() => {
    runner.dispose();
    client.dispose();
    // Only its own explorer: a superseded mount must not clear the one that replaced it.
    explorer.remove();
  });

  const flags = restored.view.flags;
  const embed = flags.embed === "1";
  // An embed shows side panels and the timeline only when its snippet asks for them.
  const panels = !embed || flags.panels === "1";
  const timeline = !embed || flags.timeline === "1";
  try {
    const networkEl = h("div", { class: "network", role: "img", "aria-label": "Network of who emailed whom; the table view lists the same people and connections" });
    const drawerEl = h("div", { class: "drawer", hidden: "", tabindex: "-1" });
    const tableEl = h("div", { class: "table-overlay", hidden: "" });
    const tools = h("div", { class: "network-tools" });
    const announcer = h("p", { class: "visually-hidden", "aria-live": "polite", "data-announcer": "" });
    const side = h("div", { class: "side" });
    const timelineBar = h("div", { class: "timeline-bar" });
    const timelineEl = h("div", { class: "timeline" });
    const area = h("div", { class: "network-area" }, networkEl, tableEl, drawerEl, tools, announcer);
    explorer.classList.toggle("embed", embed);
    explorer.append(h("div", { class: "stage" }, area, ...(panels ? [side] : [])), timelineBar);
    if (timeline) timelineBar.append(timelineEl);
    root.replaceChildren(explorer);
    const notes = mountLinkNotes(explorer);
    coord.onDispose(() => notes.dispose());
    if (restored.ignored.length) notes.show(restored.ignored);

    const layout = ds.layout ?? (await layoutWithRetry(networkEl, {
      nodeCount: ds.people.count, source: edges.source, target: edges.target, weight: edges.strength, seed: SEED,
    }, opts.signal));
    if (opts.signal.aborted) throw new Error("superseded");
    networkEl.dataset.state = "ready";

    const people = timed("sb:search-index", () => buildPeopleIndex(ds, { chunk: 2000 }));
    const ctx = { ds, edges, adj, people, binEdges: bins.edges, full, actions };
    const drawerInset = () => {
      if (drawerEl.hidden) return { left: 0, top: 0 };
      const beside = drawerEl.offsetWidth < networkEl.offsetWidth * 0.6;
      return beside ? { left: drawerEl.offsetWidth, top: 0 } : { left: 0, top: drawerEl.offsetHeight };
    };
    coord.register(mountThemeView(embed ? null : tools, actions));
    coord.register(mountPresentView(explorer, embed ? null : tools, actions));
    const personPanel = panels ? coord.register(mountPersonPanel(drawerEl, ctx)) : null;
    if (panels) {
      coord.register(mountDrawer(drawerEl));
      coord.register(mountConnectionPanel(drawerEl, ctx));
      coord.register(mountChainPanel(drawerEl, ctx));
    }
    const gestures = embed ? readerGestures(networkEl) : null;
    if (gestures) coord.onDispose(() => gestures.dispose());
    const pane = coord.register(timed("sb:mount-network", () =>
      mountNetworkView(networkEl, ds, edges, layout, coord.frame(), actions, drawerInset, {
        configure: gestures?.configure,
        still: (network, canvas, f) => drawStill(canvas, sceneFor(network, f, networkEl.clientWidth, networkEl.clientHeight,
          f.derived.theme), THEMES[f.derived.theme].background),
      })));
    coord.register(mountNetworkNote(networkEl, ds));
    coord.register(mountViewDescription(networkEl, ds, actions));
    coord.register(mountTableView(tableEl, ctx));
    coord.register(mountViewToggle(tools, actions));
    // An embed never writes the article's history: Back belongs to the page around it.
    const sync = coord.register(syncHistory((s) => encodeLink(s, link), (hash) => decodeLink(hash, link, opts.data), actions, notes.show,
      !opts.fromFile && !embed));
    if (embed) {
      coord.register(mountResetView(tools, () => pane.resetCamera()));
      if (!panels) coord.register(mountReaderCard(area, { ds, edges, adj, actions, positionOf: (p) => pane.network.positionOf(p) }));
      coord.register(mountEmbedFooter(explorer, ds, () => sync.link()));
    } else {
      coord.register(mountShare(tools, () => sync.link(), () => opts.fromFile));
      coord.register(mountEmbedDialog(tools, { link: sync.link, title: () => ds.meta.title, fromFile: () => opts.fromFile }));
      coord.register(mountExportDialog(tools, {
        ds, edges, adj, layout,
        networkScene: (w, hgt, theme) => sceneFor(pane.network, coord.frame(), w, hgt, theme, drawerInset()),
        currentSize: () => ({ width: networkEl.clientWidth, height: networkEl.clientHeight }),
      }));
    }
    if (panels) {
      coord.register(timed("sb:mount-search", () => mountSearchView(side, ctx, drawerEl, announcer)));
      coord.register(mountFilters(side, ds, actions));
      coord.register(mountLegend(side, actions, () => runner.retry()));
      if (!embed) coord.register(mountStoryEditor(side, actions, { ds, link, example: opts.data === null ? "data/sample.story.json" : null }));
    }
    coord.register(mountStoryPlayer(area, actions, { embed }));
    coord.register(mountPeriodSummary(timelineBar, ds, edges, full, actions));
    if (timeline) coord.register(timed("sb:mount-timeline", () => mountTimelineView(timelineEl, ds, bins, full, actions, embed)));
    const correspondentsNow = () => {
      const f = coord.frame();
      if (personPanel) return personPanel.correspondents();
      return f.state.selected === null ? [] : correspondents(summarisePerson(ds, edges, adj, f.derived.stats, f.state.selected));
    };
    coord.register(bindKeys(actions, {
      correspondents: correspondentsNow,
      onCursor: (p) => {
        if (!personPanel) return actions.hover(p);
        personPanel.setCursor(p);
        // Keep keyboard focus off the controls, so Enter opens the correspondent reached.
        if (p !== null && document.activeElement?.closest(".side, .drawer")) drawerEl.focus();
        const sel = coord.frame().state.selected;
        const n = correspondentsNow().find((c) => c.person === p)?.messages ?? 0;
        if (p !== null) announcer.textContent = `${displayName(ds.people, p)}: ${plural(n, "message")} with ${displayName(ds.people, sel ?? p)}. Enter opens them.`;
      },
    }));
    // The communities wanted follow the period's counts and the resolution.
    let started = false;
    coord.register({
      update: ({ state, derived }) => started && runner.want(derived.stats.edgeWeight, state.resolution),
      dispose: () => {},
    });
    const hooks = coord.register(exposeForTests(coord, pane, full, () => runner.retry()));
    // Sigma drew the first frame in its constructor; the next animation frame comes once it is on
    // screen. Communities start then: on a 2-core machine the worker would otherwise compete with
    // the GPU process drawing that first frame.
    const firstFrame = requestAnimationFrame(() => {
      hooks.firstFrameAt = performance.now();
      started = true;
      runner.want(coord.frame().derived.stats.edgeWeight, coord.frame().state.resolution);
    });
    coord.onDispose(() => cancelAnimationFrame(firstFrame));
    document.body.dataset.status = "ready";
    return () => coord.dispose();
  } catch (e) {
    coord.dispose();
    throw e;
  }
}
