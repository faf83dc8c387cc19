// Mounts the explorer for one dataset: the derived chain dataset -> period stats -> drawn graph,
// the timeline, the legend, the details box and the communities worker. Returns dispose.
import type { Dataset } from "./data/types";
import { assignColours, describeCommunities, type CommunitySummary } from "./communities/describe";
import { createCommunityClient } from "./communities/client";
import { buildEdgeIndex } from "./graph/edges";
import { layoutInWorker } from "./graph/layout-client";
import { computePeriodStats, fullPeriod, type PeriodStats } from "./graph/period";
import { mountNetwork } from "./render/network";
import { choosePeriod, initialState, samePeriod } from "./state/app-state";
import { createStore } from "./state/store";
import { binMessages } from "./timeline/bins";
import { formatSummary, plural } from "./timeline/format";
import { mountTimeline } from "./timeline/timeline";
import { snapToDays } from "./timeline/zone";
import { mountDetails } from "./panels/details";
import { mountLegend } from "./panels/legend";
import { mountSearch } from "./panels/search";
import { h } from "./panels/dom";
import { exposeForTests } from "./test-hooks";
import { timed } from "./perf";

const SEED = 42;
const COMMUNITY_DEBOUNCE_MS = 120;

export async function mountApp(root: HTMLElement, ds: Dataset): Promise<() => void> {
  const edges = timed("sb:edge-index", () => buildEdgeIndex(ds));
  const full = fullPeriod(ds);
  const store = createStore(initialState(full));

  const summary = h("p", { class: "period-summary", "aria-live": "polite" });
  const reset = h("button", { type: "button", class: "reset-period", hidden: "" }, "Show whole period");
  // Messages without a readable date are kept in the dataset but cannot be placed in time.
  const undated = ds.messages.count - ds.messages.datedCount;
  const undatedNote = h("p", { class: "undated-note", hidden: undated ? undefined : "" }, `${plural(undated, "undated message")} not on the timeline`);
  const networkEl = h("div", { class: "network", "aria-label": "Network of who emailed whom" });
  const side = h("div", { class: "side" });
  const timelineEl = h("div", { class: "timeline" });
  root.replaceChildren(
    h("div", { class: "explorer" }, h("div", { class: "stage" }, networkEl, side), h("div", { class: "timeline-bar" }, h("div", { class: "timeline-head" }, summary, undatedNote, reset), timelineEl)),
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

  let stats: PeriodStats = computePeriodStats(ds, edges, full);
  let communities: { community: Int32Array; colours: string[]; list: CommunitySummary[] } | null = null;
  const select = (p: number | null) => store.set({ selected: p });
  const network = timed("sb:mount-network", () => mountNetwork(networkEl, ds, edges, layout, stats, { onHover: (p) => store.set({ hovered: p }), onSelect: select }));
  const disposeSearch = timed("sb:mount-search", () => mountSearch(side, ds, (p) => {
    select(p);
    void network.flyTo(p);
  }));
  const legend = timed("sb:mount-legend", () => mountLegend(side));
  const details = mountDetails(networkEl, ds, () => select(null));
  const timeline = timed("sb:mount-timeline", () => mountTimeline(timelineEl, {
    bins: binMessages(ds.messages.time, ds.messages.datedCount, full),
    full,
    annotations: ds.annotations,
    snap: (p) => snapToDays(p.start, p.end, ds.meta.timeZone),
    onBrush: (brushed) => store.set({ period: choosePeriod(full, brushed) }),
  }));
  const client = createCommunityClient();

  const communityName = (p: number) => {
    const c = communities?.community[p] ?? -1;
    return c >= 0 && communities ? `${communities.list[c].label} · ${communities.list[c].size} people` : null;
  };
  const showPeriod = () => {
    summary.textContent = formatSummary(stats.period, ds.meta.timeZone, stats.messages, stats.people);
    reset.hidden = samePeriod(stats.period, full);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runCommunities = () => {
    legend.setBusy();
    // A snapshot: stats.edgeWeight is reused by later periods, and the labels must describe the
    // period these communities were computed for.
    const weight = stats.edgeWeight.slice();
    client
      .detect({ nodeCount: ds.people.count, source: edges.source, target: edges.target, weight, seed: SEED, resolution: 1 })
      .then((res) => {
        if (!res) return;
        const colours = timed("sb:colours", () => assignColours(communities, res.community, res.count));
        const list = timed("sb:describe", () => describeCommunities(ds, edges, weight, res.community, res.count, colours));
        communities = { community: res.community, colours, list };
        timed("sb:recolour", () => network.setCommunities(res.community, colours));
        timed("sb:legend", () => legend.setCommunities(list, res.modularity));
        hooks.communities = { count: res.count, modularity: res.modularity, ms: res.ms };
        details.show(store.get().selected, stats, communityName(store.get().selected ?? -1));
      })
      .catch((e: Error) => legend.setError(e.message));
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (!samePeriod(s.period, prev.period)) {
      stats = { ...timed("sb:period-stats", () => computePeriodStats(ds, edges, s.period, stats)) };
      timed("sb:network-period", () => network.setPeriod(stats));
      showPeriod();
      details.show(s.selected, stats, communityName(s.selected ?? -1));
      clearTimeout(timer);
      timer = setTimeout(runCommunities, COMMUNITY_DEBOUNCE_MS);
    }
    if (s.hovered !== prev.hovered || s.selected !== prev.selected) network.setFocus(s.hovered, s.selected);
    if (s.selected !== prev.selected) details.show(s.selected, stats, communityName(s.selected ?? -1));
  });
  reset.addEventListener("click", () => {
    store.set({ period: full });
    timeline.moveSilent(null);
  });

  const hooks = exposeForTests({ store, network, full, rerunCommunities: () => runCommunities() });
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
    stopLayout();
    client.dispose();
    timeline.dispose();
    details.dispose();
    disposeSearch();
    legend.dispose();
    network.dispose();
    root.replaceChildren();
  };
}
