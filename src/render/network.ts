// The sigma (v4, WebGL) network: built once from the edge index and positions; a period or new
// communities only change attributes (size, colour, hidden) and redraw. Nodes never move. Sigma
// draws the people; the lines are drawn under them by the lines' own layer (edge-layer.ts) from
// the edge model (edge-model.ts). One
// settings object (settings.ts, over its defaults) sets the theme, projector mode (people larger,
// lines stronger, names larger and fewer) and every tuning value. The parts: the graph and sigma
// (network-graph.ts), the items as the view changes (network-items.ts), the camera
// (network-camera.ts) and the names (label-layer.ts).
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { Highlight } from "../graph/highlight";
import type { PeriodStats } from "../graph/period";
import { coveredBySiblings } from "./covered";
import { edgeLayer } from "./edge-layer";
import { EdgeModel } from "./edge-model";
import { mountLabelLayer, type LabelLayer, type LabelLayerOptions, type NetworkRenderer } from "./label-layer";
import { fitPeople, flyTo, NO_INSET, positionOf, reveal, type Inset } from "./network-camera";
import { buildGraph, createRenderer } from "./network-graph";
import { NetworkItems } from "./network-items";
import {
  inMode,
  resolveNetworkSettings,
  type NetworkSettings,
  type NetworkSettingsInput,
  type ViewSettings,
} from "./settings";
import { labelLook, viewScale } from "./sizes";

export type { Inset } from "./network-camera";
export type { NetworkSettings, NetworkSettingsInput } from "./settings";

export interface NetworkHandlers {
  onHover(person: number | null): void;
  onSelect(person: number | null): void;
  /** A line was clicked: the two people it joins. */
  onConnection(a: number, b: number): void;
}

export interface NetworkView {
  setPeriod(stats: PeriodStats): void;
  setCommunities(community: Int32Array, colours: string[]): void;
  /** Lights up these people and lines and dims the rest; null lights everything. */
  setHighlight(h: Highlight | null): void;
  /** Flies the camera to a person, centred in the part of the view a panel leaves uncovered
   *  (`inset`: the panel's width on the left or height on top, CSS px). */
  flyTo(person: number, inset?: Inset): Promise<void>;
  /** Flies the camera so that all these people are in the uncovered view. */
  fit(people: number[], inset?: Inset, zoomIn?: boolean): Promise<void>;
  /** Pans (and zooms out if need be) when one of them is out of view or under the panel. */
  reveal(people: number[], inset?: Inset): Promise<void>;
  /** Viewport position (CSS px) of a person, for tests and tooltips. */
  positionOf(person: number): { x: number; y: number } | null;
  renderer: NetworkRenderer;
  /** The names drawn over the network (sigma draws none). */
  labels: LabelLayer;
  /** The lines as drawn (sigma's graph has none). */
  lines: EdgeModel;
  /** The settings this network was built with, defaults filled in. */
  readonly settings: NetworkSettings;
  dispose(): void;
}

type Positions = { x: Float32Array; y: Float32Array };

export function mountNetwork(
  container: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  layout: Positions,
  initial: PeriodStats,
  handlers: NetworkHandlers,
  settings: NetworkSettingsInput = {},
): NetworkView {
  const s = resolveNetworkSettings(settings);
  // People are drawn at the view's scale (viewScale), `growth` times larger in projector mode.
  const growth = s.present ? s.nodes.presentGrowth : 1;
  const scale = viewScale(container.clientWidth, container.clientHeight, s.view);
  const graph = buildGraph(ds, layout, initial, scale * growth, s);
  const renderer = createRenderer(graph, container, s);
  const lines = new EdgeModel(edges, layout, initial.edgeWeight, s);
  renderer.addCustomLayerProgram("switchboard-lines", "edges", edgeLayer(lines, renderer));
  const items = new NetworkItems(renderer, graph, edges, lines, initial, scale * growth, s);
  const resized = watchViewScale(container, renderer, scale, s.view, (next) => {
    labels.options.minRadius = labelLook(s.present, next, s).minRadius;
    items.setNodeScale(next * growth);
  });
  // Mounted before the timing below, so that each frame's measure includes placing and drawing names.
  const labels = mountLabelLayer(renderer, labelOptions(container, scale, s));
  measureFrames(renderer);
  listen(renderer, handlers, edges, items);
  const camera = s.camera;
  return {
    renderer,
    labels,
    lines,
    settings: s,
    setPeriod: (stats) => items.setPeriod(stats),
    setCommunities: (community, colours) => items.setCommunities(community, colours),
    setHighlight: (h) => items.setHighlight(h),
    flyTo: (person, inset = NO_INSET) => flyTo(renderer, person, inset, camera),
    fit: (people, inset = NO_INSET, zoomIn = true) => fitPeople(renderer, people, inset, zoomIn, camera),
    reveal: (people, inset = NO_INSET) => reveal(renderer, people, inset, camera),
    positionOf: (person) => positionOf(renderer, person),
    dispose() {
      labels.dispose();
      resized.disconnect();
      renderer.kill();
      graph.clear();
    },
  };
}

/** The names' options. A theme change builds a new network, so the theme's colours are the
 *  labels' for its lifetime. */
function labelOptions(container: HTMLElement, scale: number, s: NetworkSettings): LabelLayerOptions {
  const look = labelLook(s.present, scale, s);
  return {
    fontSize: look.fontSize,
    colours: () => ({ text: s.theme.text, halo: s.theme.background }),
    covered: () => coveredBySiblings(container, s.labels),
    // People are drawn smaller in a small view; the size that earns a name shrinks with them.
    minRadius: look.minRadius,
    areaPerLabel: look.areaPerLabel,
    halo: inMode(s, s.labels.halo),
    settings: s.labels,
  };
}

/** Sigma only watches the window; the container can change size without it (a newsroom's
 *  resizable iframe, the phone layout). Panels overlay the canvas instead of shrinking it:
 *  resizing a WebGL canvas costs seconds on a software rasteriser. A view resized by more than
 *  the settings' step calls `rescale` with its new scale, to redraw people at the size that suits it. */
function watchViewScale(
  container: HTMLElement,
  renderer: NetworkRenderer,
  scale: number,
  s: ViewSettings,
  rescale: (scale: number) => void,
): ResizeObserver {
  let current = scale;
  const observer = new ResizeObserver(() => {
    const next = viewScale(container.clientWidth, container.clientHeight, s);
    if (Math.abs(next - current) > s.rescaleStep) {
      current = next;
      rescale(next);
    }
    // The observer also reports the size it starts with: a frame only when sigma's differs (on
    // a software rasteriser a frame of the sample's 42,000 lines takes a second).
    const drawn = renderer.getDimensions();
    if (container.offsetWidth !== drawn.width || container.offsetHeight !== drawn.height) renderer.scheduleRender();
  });
  observer.observe(container);
  return observer;
}

/** JS time of each frame, as a User Timing measure (benchmarks read it). */
function measureFrames(renderer: NetworkRenderer): void {
  let renderStart = 0;
  renderer.on("beforeRender", () => (renderStart = performance.now()));
  renderer.on("afterRender", () => performance.measure("sb:render", { start: renderStart, end: performance.now() }));
}

/** Hover and click: people by sigma's events; a click off the people opens the line under the
 *  pointer, if any, else clears the selection. */
function listen(renderer: NetworkRenderer, handlers: NetworkHandlers, edges: EdgeIndex, items: NetworkItems): void {
  renderer.on("enterNode", ({ node }) => handlers.onHover(Number(node)));
  renderer.on("leaveNode", () => handlers.onHover(null));
  renderer.on("clickNode", ({ node }) => handlers.onSelect(Number(node)));
  renderer.on("clickStage", ({ event }) => {
    const e = items.lineAt(event.x, event.y);
    if (e < 0) handlers.onSelect(null);
    else handlers.onConnection(edges.source[e], edges.target[e]);
  });
}
