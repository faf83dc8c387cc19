// Mounts the explorer for one dataset: the derived chain dataset -> filtered view (period stats)
// -> drawn graph, the timeline, the side panels, the person/connection/chain drawer, the table
// view and the communities worker. Returns dispose.
import { displayName } from "./data/people";
import type { Dataset } from "./data/types";
import { assignColours, describeCommunities, type CommunitySummary } from "./communities/describe";
import { createCommunityClient } from "./communities/client";
import { buildAdjacency } from "./graph/adjacency";
import { strongestChain, type Chain } from "./graph/chain";
import { buildEdgeIndex } from "./graph/edges";
import { allowedPeople } from "./graph/filters";
import { layoutInWorker } from "./graph/layout-client";
import { computePeriodStats, fullPeriod, type PeriodStats } from "./graph/period";
import { SEED } from "./graph/random";
import { highlightFor } from "./render/highlight";
import { mountNetwork } from "./render/network";
import { choosePeriod, escape, initialState, openConnection, samePeriod, selectPerson, type AppState } from "./state/app-state";
import { createStore } from "./state/store";
import { binMessages, binShown } from "./timeline/bins";
import { formatSummary, plural } from "./format";
import { mountTimeline } from "./timeline/timeline";
import { snapToDays } from "./timeline/zone";
import { mountChainPanel } from "./panels/chain";
import { mountConnectionPanel } from "./panels/connection";
import type { PanelContext } from "./panels/context";
import { h } from "./panels/dom";
import { mountFilters } from "./panels/filters";
import { mountLegend } from "./panels/legend";
import { buildPeopleIndex } from "./panels/people-index";
import { mountPersonPanel } from "./panels/person";
import { mountSearch } from "./panels/search";
import { mountTableView } from "./panels/table-view";
import { exposeForTests } from "./test-hooks";
import { timed } from "./perf";
import { bindKeys } from "./keys";

const COMMUNITY_DEBOUNCE_MS = 120;

export async function mountApp(root: HTMLElement, ds: Dataset): Promise<() => void> {
  const edges = timed("sb:edge-index", () => buildEdgeIndex(ds));
  const adj = timed("sb:adjacency", () => buildAdjacency(ds, edges));
  const full = fullPeriod(ds);
  const store = createStore(initialState(full));

  const summary = h("p", { class: "period-summary", "aria-live": "polite" });
  const reset = h("button", { type: "button", class: "reset-period", hidden: "" }, "Show whole period");
  // Messages without a readable date are kept in the dataset but cannot be placed in time.
  const undated = ds.messages.count - ds.messages.datedCount;
  const undatedNote = h("p", { class: "undated-note", hidden: undated ? undefined : "" }, `${plural(undated, "undated message")} not on the timeline`);
  // Messages to no one but their sender draw no line, so the network cannot show them.
  let lineless = 0;
  for (let m = 0; m < ds.messages.count; m++) if (edges.msgEdgeStart[m + 1] === edges.msgEdgeStart[m]) lineless++;
  const linelessNote = h("p", { class: "lineless-note", hidden: lineless ? undefined : "" }, `${plural(lineless, "message")} to no one but the sender not drawn`);
  const networkEl = h("div", { class: "network", "aria-label": "Network of who emailed whom; the table view lists the same people and connections" });
  const drawer = h("div", { class: "drawer", hidden: "", tabindex: "-1" });
  const tableEl = h("div", { class: "table-overlay", hidden: "" });
  const viewToggle = h("button", { type: "button", class: "button view-toggle", "aria-pressed": "false", "data-control": "table-view" }, "Table view");
  const announcer = h("p", { class: "visually-hidden", "aria-live": "polite", "data-announcer": "" });
  const side = h("div", { class: "side" });
  const timelineEl = h("div", { class: "timeline" });
  root.replaceChildren(
    h("div", { class: "explorer" },
      h("div", { class: "stage" }, h("div", { class: "network-area" }, networkEl, tableEl, drawer, viewToggle, announcer), side),
      h("div", { class: "timeline-bar" }, h("div", { class: "timeline-head" }, summary, undatedNote, linelessNote, reset), timelineEl)),
  );

  let layout = ds.layout;
  let stopLayout = () => {};
  if (!layout) {
    networkEl.dataset.state = "layout";
    const job = layoutInWorker({ nodeCount: ds.people.count, source: edges.source, target: edges.target, weight: edges.strength, seed: SEED });
    stopLayout = job.dispose;
    layout = await job.result;
  }
  networkEl.dataset.state = "ready";

  let allowed = allowedPeople(ds, store.get().filters);
  const viewOf = (s: AppState) => ({ filters: s.filters, allowed, focus: s.focus, adjacency: adj });
  let stats: PeriodStats = computePeriodStats(ds, edges, full, viewOf(store.get()));
  let communities: { community: Int32Array; colours: string[]; list: CommunitySummary[] } | null = null;
  let chain: Chain | null = null;
  const people = timed("sb:search-index", () => buildPeopleIndex(ds, { chunk: 2000 }));
  // The histogram counts what the network can draw (not messages to no one but the sender), so
  // its bars and the period summary agree.
  const binned = binMessages(ds.messages.time, ds.messages.datedCount, full);
  const allBins = { ...binned, counts: binShown(ds, edges, stats.rule, binned.edges) };
  const ctx: PanelContext = {
    ds, edges, adj, people, store, binEdges: allBins.edges,
    communityOf: (p) => {
      const c = communities?.community[p] ?? -1;
      return c >= 0 && communities ? { label: communities.list[c].label, colour: communities.colours[c], size: communities.list[c].size } : null;
    },
  };

  const network = timed("sb:mount-network", () => mountNetwork(networkEl, ds, edges, layout, stats, {
    onHover: (p) => store.set({ hovered: p }),
    onSelect: (p) => store.set(selectPerson(p)),
    onConnection: (a, b) => store.set(openConnection(a, b)),
  }));
  const disposeSearch = timed("sb:mount-search", () => mountSearch(side, ds, people, (p) => {
    store.set(selectPerson(p));
    // On a phone the page scrolls: bring the panel and the network back into view.
    drawer.scrollIntoView({ block: "nearest" });
    void network.flyTo(p, drawerInset());
  }, { id: "search", label: "Find a person by name or address", placeholder: "Find a person (press /)", slash: true }));
  const disposeFilters = mountFilters(side, ds, store);
  const legend = mountLegend(side, store, () => runCommunities());
  const personPanel = mountPersonPanel(drawer, ctx);
  const connectionPanel = mountConnectionPanel(drawer, ctx);
  const chainPanel = mountChainPanel(drawer, ctx);
  const tableView = mountTableView(tableEl, ctx);
  const timeline = timed("sb:mount-timeline", () => mountTimeline(timelineEl, {
    bins: allBins,
    full,
    annotations: ds.annotations,
    snap: (p) => snapToDays(p.start, p.end, ds.meta.timeZone),
    onBrush: (brushed) => store.set({ period: choosePeriod(full, brushed) }),
  }));
  const client = createCommunityClient();

  const showPeriod = () => {
    summary.textContent = formatSummary(stats.period, ds.meta.timeZone, stats.messages, stats.people);
    reset.hidden = samePeriod(stats.period, full);
  };
  /** The drawer shows the chain, else the connection, else the selected person. */
  const showPanels = (s: AppState) => {
    const which = s.chain ? "chain" : s.connection ? "connection" : s.selected !== null ? "person" : null;
    drawer.hidden = which === null;
    drawer.dataset.panel = which ?? "";
    if (s.chain) chainPanel.show(s.chain.a, s.chain.b, chain);
    else if (s.connection) connectionPanel.show(s.connection.a, s.connection.b, stats);
    if (s.selected !== null && !s.chain && !s.connection) timed("sb:person-panel", () => personPanel.show(s.selected as number, stats));
  };
  /** What the drawer covers: the left of the network, or on phones its top. */
  const drawerInset = () => {
    if (drawer.hidden) return { left: 0, top: 0 };
    const beside = drawer.offsetWidth < networkEl.offsetWidth * 0.6;
    return beside ? { left: drawer.offsetWidth, top: 0 } : { left: 0, top: drawer.offsetHeight };
  };
  const showHighlight = (s: AppState) => network.setHighlight(highlightFor(s, edges, adj, stats.edgeWeight, chain, communities?.community ?? null));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const runCommunities = () => {
    legend.setBusy();
    // A snapshot: stats.edgeWeight is reused by later periods, and the labels must describe the
    // period these communities were computed for.
    const weight = stats.edgeWeight.slice();
    client
      .detect({ nodeCount: ds.people.count, source: edges.source, target: edges.target, weight, seed: SEED, resolution: store.get().resolution })
      .then((res) => {
        if (!res) return;
        const colours = timed("sb:colours", () => assignColours(communities, res.community, res.count));
        const list = timed("sb:describe", () => describeCommunities(ds, edges, weight, res.community, res.count, colours));
        communities = { community: res.community, colours, list };
        timed("sb:recolour", () => network.setCommunities(res.community, colours));
        timed("sb:legend", () => legend.setCommunities(list, res.modularity));
        hooks.communities = { count: res.count, modularity: res.modularity, ms: res.ms };
        const s = store.get();
        // A highlighted community's number means nothing in the new run.
        if (s.community !== null) store.set({ community: null });
        showPanels(store.get());
        if (s.view === "table") tableView.show(stats);
      })
      .catch((e: Error) => legend.setError(e.message));
  };

  const unsubscribe = store.subscribe((s, prev) => {
    const filtersChanged = s.filters !== prev.filters;
    const viewChanged = !samePeriod(s.period, prev.period) || filtersChanged || s.focus !== prev.focus;
    if (filtersChanged && (s.filters.orgs !== prev.filters.orgs || s.filters.orgMode !== prev.filters.orgMode)) allowed = allowedPeople(ds, s.filters);
    if (viewChanged) {
      stats = { ...timed("sb:period-stats", () => computePeriodStats(ds, edges, s.period, viewOf(s), stats)) };
      timed("sb:network-period", () => network.setPeriod(stats));
      showPeriod();
      if (filtersChanged) timeline.setShown(binShown(ds, edges, stats.rule, allBins.edges));
      clearTimeout(timer);
      timer = setTimeout(runCommunities, COMMUNITY_DEBOUNCE_MS);
    }
    if (s.resolution !== prev.resolution) runCommunities();
    if (s.chain && (viewChanged || s.chain !== prev.chain)) {
      chain = strongestChain(adj, edges, stats.edgeWeight, s.chain.a, s.chain.b);
      if (s.chain !== prev.chain) void network.fit(chain ? chain.people : [s.chain.a, s.chain.b], drawerInset());
    }
    if (viewChanged || s.hovered !== prev.hovered || s.selected !== prev.selected || s.connection !== prev.connection || s.chain !== prev.chain || s.community !== prev.community) showHighlight(s);
    if (viewChanged || s.selected !== prev.selected || s.connection !== prev.connection || s.chain !== prev.chain || s.focus !== prev.focus) showPanels(s);
    // Keep who the panel talks about out from under it.
    if (s.connection && s.connection !== prev.connection) void network.reveal([s.connection.a, s.connection.b], drawerInset());
    else if (s.selected !== null && s.selected !== prev.selected && !s.chain && !s.connection) void network.reveal([s.selected], drawerInset());
    if (s.view !== prev.view) {
      tableEl.hidden = s.view !== "table";
      viewToggle.setAttribute("aria-pressed", String(s.view === "table"));
      viewToggle.textContent = s.view === "table" ? "Network view" : "Table view";
    }
    if (s.view === "table" && (viewChanged || s.view !== prev.view)) tableView.show(stats);
  });
  reset.addEventListener("click", () => {
    store.set({ period: full });
    timeline.moveSilent(null);
  });
  viewToggle.addEventListener("click", () => store.set((s) => ({ view: s.view === "table" ? "network" : "table" })));
  const unbindKeys = bindKeys(store, {
    escape: () => store.set(escape(store.get())),
    correspondents: () => personPanel.correspondents(),
    onCursor: (p) => {
      personPanel.setCursor(p);
      // Keep keyboard focus off the controls, so Enter opens the correspondent reached.
      if (p !== null && document.activeElement?.closest(".side, .drawer")) drawer.focus();
      if (p !== null) announcer.textContent = `${displayName(ds.people, p)}: ${plural(personPanel.correspondents().find((c) => c.person === p)?.messages ?? 0, "message")} with ${displayName(ds.people, store.get().selected ?? p)}. Enter opens them.`;
    },
  });

  const hooks = exposeForTests({ store, network, full, rerunCommunities: () => runCommunities(), stats: () => stats });
  showPeriod();
  // Sigma drew the first frame in its constructor; the next animation frame comes once it is on
  // screen. Communities start then: on a 2-core machine the worker would otherwise compete with
  // the GPU process drawing that first frame.
  const firstFrame = requestAnimationFrame(() => {
    hooks.firstFrameAt = performance.now();
    runCommunities();
  });
  document.body.dataset.status = "ready";

  return () => {
    cancelAnimationFrame(firstFrame);
    clearTimeout(timer);
    unsubscribe();
    unbindKeys();
    stopLayout();
    client.dispose();
    timeline.dispose();
    personPanel.dispose();
    connectionPanel.dispose();
    chainPanel.dispose();
    tableView.dispose();
    disposeSearch();
    disposeFilters();
    legend.dispose();
    network.dispose();
    root.replaceChildren();
  };
}
