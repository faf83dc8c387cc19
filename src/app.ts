// Composition only: lays out the explorer for one dataset (or, with f.embed=1, the readers' embed:
// no editing controls, a reader's card instead of the side panels) and registers its views with the
// coordinator (one view state -> named actions -> derived values -> views). Returns dispose;
// disposing disposes every view, and a mount that fails or is superseded disposes what it built.
import { createCommunityClient } from "./communities/client";
import { createCommunityRunner, type CommunityRunner } from "./communities/runner";
import { buildPeopleIndex } from "./data/people-index";
import { timed } from "./data/perf";
import type { Opened } from "./data/opened";
import type { Dataset } from "./data/types";
import { mountEmbedFooter, mountResetView } from "./embed/embed-frame";
import { readerGestures } from "./embed/gestures";
import { mountReaderCard } from "./embed/reader-card";
import type { Adjacency } from "./graph/adjacency";
import type { EdgeIndex } from "./graph/edges";
import { DEFAULT_FILTERS } from "./graph/filters";
import type { LayoutOutput } from "./graph/layout";
import { computePeriodStats, fullPeriod, messageRule, type Period } from "./graph/period";
import { SEED } from "./graph/random";
import { mountNetworkNote } from "./network/network-note";
import { mountNetworkView, type NetworkPane } from "./network/network-view";
import { mountTableView } from "./network/table-view";
import { mountViewDescription } from "./network/view-description";
import { mountViewToggle } from "./network/view-toggle";
import { mountShare } from "./publish/copy-link";
import { drawStill } from "./publish/draw-canvas";
import { mountEmbedDialog } from "./publish/embed-dialog";
import { mountExportDialog } from "./publish/export-dialog";
import { sceneFor } from "./publish/scene-for";
import { mountChainPanel } from "./selection/chain";
import { mountConnectionPanel } from "./selection/connection";
import { mountDrawer } from "./selection/drawer";
import { mountPersonPanel } from "./selection/person";
import { mountAnnouncer } from "./shell/announcer";
import { drawerInset, layoutPage, type Page, type Parts } from "./shell/page";
import { bindKeys } from "./shell/keys";
import { layoutWithRetry } from "./shell/layout-status";
import { mountLinkNotes } from "./shell/link-notes";
import { mountPresentView } from "./shell/present-view";
import { exposeForTests } from "./shell/test-hooks";
import { mountThemeView, systemPrefersDark } from "./shell/theme-view";
import { mountFilters } from "./sidebar/filters";
import { mountLegend } from "./sidebar/legend";
import { mountSearchView } from "./sidebar/search-view";
import { createCoordinator, type Coordinator } from "./state/coordinator";
import { createDerive } from "./state/derived";
import { syncHistory } from "./state/history";
import { createStore } from "./state/store";
import type { ViewState } from "./state/view-state";
import { STORY_ACTIONS } from "./state/story-actions";
import { mountStoryEditor } from "./story/story-editor";
import type { LinkContext } from "./state/url";
import { decodeLink, encodeLink } from "./story/story-link";
import { mountStoryPlayer } from "./story/story-player";
import { THEMES } from "./theme/theme";
import { binMessages, binShown, type Bins } from "./time/bins";
import { mountPeriodSummary } from "./timeline/period-summary";
import { mountTimelineView } from "./timeline/timeline-view";
import type { PanelContext } from "./ui/panel-context";

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

/** What is built once per dataset, before any view. */
interface Indexes {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  full: Period;
  bins: Bins;
}

/** The indexes beyond those built with the dataset in the decode worker (edges, adjacency). */
function buildIndexes({ ds, edges, adj }: Opened): Indexes {
  const full = fullPeriod(ds);
  // The histogram counts what the network can draw (not messages to no one but the sender), so
  // its bars and the period summary agree.
  const binned = binMessages(ds.messages.time, ds.messages.datedCount, full);
  const everyone = new Uint8Array(ds.people.count).fill(1);
  const bins = { ...binned, counts: binShown(ds, edges, messageRule(DEFAULT_FILTERS, everyone), binned.edges) };
  return { ds, edges, adj, full, bins };
}

function mountNetworkPane(
  coord: Coordinator,
  ix: Indexes,
  page: Page,
  layout: LayoutOutput,
  embed: boolean,
): NetworkPane {
  const gestures = embed ? readerGestures(page.network) : null;
  if (gestures) coord.onDispose(() => gestures.dispose());
  const el = page.network;
  return coord.register(
    timed("sb:mount-network", () =>
      mountNetworkView(el, ix.ds, ix.edges, layout, coord.frame(), coord.actions, drawerInset(page), {
        configure: gestures?.configure,
        still: (network, canvas, f) =>
          drawStill(
            canvas,
            sceneFor(network, f, el.clientWidth, el.clientHeight, f.derived.theme),
            THEMES[f.derived.theme].background,
          ),
      }),
    ),
  );
}

/** The drawer's panels: the person, the connection between two, the chain. */
function mountSelection(coord: Coordinator, page: Page, ctx: PanelContext) {
  coord.register(mountPersonPanel(page.drawer, ctx));
  coord.register(mountDrawer(page.drawer));
  coord.register(mountConnectionPanel(page.drawer, ctx));
  coord.register(mountChainPanel(page.drawer, ctx));
}

/** The side panel: search, filters, communities and (outside embeds) the story editor. */
function mountSidebar(coord: Coordinator, page: Page, ctx: PanelContext, runner: CommunityRunner, story: () => void) {
  coord.register(timed("sb:mount-search", () => mountSearchView(page.side, ctx)));
  coord.register(mountFilters(page.side, ctx.ds, ctx.actions));
  coord.register(mountLegend(page.side, ctx.actions, () => runner.retry()));
  story();
}

/** The tools over the network: copy link, embed and export (an embed gets Reset view instead). */
function mountPublishing(
  coord: Coordinator,
  ix: Indexes,
  page: Page,
  pane: NetworkPane,
  layout: LayoutOutput,
  link: () => string,
  opts: MountOptions,
) {
  coord.register(mountShare(page.tools, link, () => opts.fromFile));
  coord.register(mountEmbedDialog(page.tools, { link, title: () => ix.ds.meta.title, fromFile: () => opts.fromFile }));
  const inset = drawerInset(page);
  coord.register(
    mountExportDialog(page.tools, {
      ds: ix.ds,
      edges: ix.edges,
      adj: ix.adj,
      layout,
      networkScene: (w, hgt, theme) => sceneFor(pane.network, coord.frame(), w, hgt, theme, inset()),
      currentSize: () => ({ width: page.network.clientWidth, height: page.network.clientHeight }),
    }),
  );
}

function mountEmbedChrome(
  coord: Coordinator,
  ix: Indexes,
  page: Page,
  pane: NetworkPane,
  parts: Parts,
  link: () => string,
) {
  coord.register(mountResetView(page.tools, coord.actions));
  if (!parts.panels) {
    coord.register(
      mountReaderCard(page.area, { ...ix, actions: coord.actions, positionOf: (p) => pane.network.positionOf(p) }),
    );
  }
  coord.register(mountEmbedFooter(page.explorer, ix.ds, link));
}

/** Communities follow the period's counts and the resolution, from the frame after the first one
 *  on screen: on a 2-core machine the worker would otherwise compete with drawing it. */
function startCommunities(coord: Coordinator, runner: CommunityRunner, onFirstFrame: () => void) {
  let started = false;
  coord.register({
    update: ({ state, derived }) => started && runner.want(derived.stats.edgeWeight, state.resolution),
    dispose: () => {},
  });
  const firstFrame = requestAnimationFrame(() => {
    onFirstFrame();
    started = true;
    runner.want(coord.frame().derived.stats.edgeWeight, coord.frame().state.resolution);
  });
  coord.onDispose(() => cancelAnimationFrame(firstFrame));
}

/** The view state to a link's hash and back. */
function linkCodec(link: LinkContext, data: string | null) {
  return [(s: ViewState) => encodeLink(s, link), (hash: string) => decodeLink(hash, link, data)] as const;
}

/** The state the page opens on: the link's; an embed of a story opens on its first step, unless
 *  the link names another. */
function openingState(view: ViewState): ViewState {
  return view.flags.embed === "1" && !view.playing ? STORY_ACTIONS.playStory(view, 0) : view;
}

/** The layout in the file, or one computed now (in a worker, retried on failure). */
async function layoutOf(ds: Dataset, ix: Indexes, page: Page, signal: AbortSignal): Promise<LayoutOutput> {
  if (ds.layout) return ds.layout;
  const input = {
    nodeCount: ds.people.count,
    source: ix.edges.source,
    target: ix.edges.target,
    weight: ix.edges.strength,
  };
  const layout = await layoutWithRetry(page.network, { ...input, seed: SEED }, signal);
  if (signal.aborted) throw new Error("superseded");
  return layout;
}

export async function mountApp(root: HTMLElement, opened: Opened, opts: MountOptions): Promise<() => void> {
  const ix = buildIndexes(opened);
  const { ds } = ix;
  const link: LinkContext = { people: ds.people, timeZone: ds.meta.timeZone, full: ix.full };
  const restored = decodeLink(opts.hash, link, opts.data);
  const store = createStore({ ...openingState(restored.view), systemDark: systemPrefersDark() });
  const client = createCommunityClient();
  const anchor = () => computePeriodStats(ds, ix.edges, ix.full).edgeWeight;
  const runner = createCommunityRunner(ds, ix.edges, client, anchor, (c) => coord.setCommunities(c));
  const coord = createCoordinator(store, createDerive({ ...ix, binEdges: ix.bins.edges }), runner.state());
  const { actions } = coord;
  const flags = restored.view.flags;
  const embed = flags.embed === "1";
  const parts: Parts = { embed, panels: !embed || flags.panels === "1", timeline: !embed || flags.timeline === "1" };
  const page = layoutPage(root, parts);
  coord.onDispose(() => {
    runner.dispose();
    client.dispose();
    // Only its own explorer: a superseded mount must not clear the one that replaced it.
    page.explorer.remove();
  });
  try {
    const notes = mountLinkNotes(page.explorer);
    coord.onDispose(() => notes.dispose());
    if (restored.ignored.length) notes.show(restored.ignored);

    const layout = await layoutOf(ds, ix, page, opts.signal);
    page.network.dataset.state = "ready";

    const people = timed("sb:search-index", () => buildPeopleIndex(ds, { chunk: 2000 }));
    const ctx: PanelContext = { ds, edges: ix.edges, adj: ix.adj, people, binEdges: ix.bins.edges, actions };
    coord.register(mountThemeView(embed ? null : page.tools, actions));
    coord.register(mountPresentView(page.explorer, embed ? null : page.tools, actions));
    if (parts.panels) mountSelection(coord, page, ctx);
    // The timeline first: it takes its height from the page, and sigma draws its first frame at
    // the size the network has when it is built (a frame at a wrong size costs a second in software).
    coord.register(mountPeriodSummary(page.timelineBar, ds, ix.edges, ix.full, actions));
    if (parts.timeline) {
      coord.register(
        timed("sb:mount-timeline", () =>
          mountTimelineView(page.timeline, ds, ix.edges, ix.bins, ix.full, actions, embed),
        ),
      );
    }
    const pane = mountNetworkPane(coord, ix, page, layout, embed);
    coord.register(mountNetworkNote(page.network, ds));
    coord.register(mountViewDescription(page.network, ds, actions));
    coord.register(mountTableView(page.table, ctx));
    coord.register(mountViewToggle(page.tools, actions));
    coord.register(mountAnnouncer(page.area, ds));
    // An embed never writes the article's history: Back belongs to the page around it.
    const writes = !opts.fromFile && !embed;
    const sync = coord.register(syncHistory(...linkCodec(link, opts.data), actions, notes.show, writes));
    if (embed) mountEmbedChrome(coord, ix, page, pane, parts, sync.link);
    else mountPublishing(coord, ix, page, pane, layout, sync.link, opts);
    if (parts.panels) {
      mountSidebar(coord, page, ctx, runner, () => {
        if (embed) return;
        coord.register(
          mountStoryEditor(page.side, actions, {
            ds,
            link,
            example: opts.data === null ? "data/sample.story.json" : null,
          }),
        );
      });
    }
    coord.register(mountStoryPlayer(page.area, actions, { embed }));
    coord.register(bindKeys(actions));
    const hooks = coord.register(exposeForTests(coord, pane, ix.full, () => runner.retry()));
    startCommunities(coord, runner, () => (hooks.firstFrameAt = performance.now()));
    document.body.dataset.status = "ready";
    return () => coord.dispose();
  } catch (e) {
    coord.dispose();
    throw e;
  }
}
