// The sigma (v4, WebGL) network: built once from the edge index and positions; a period or new
// communities only change attributes (size, colour, hidden) and redraw. Nodes never move. In
// projector mode (`present`) people are larger, lines stronger and names larger and fewer.
import { displayName } from "../data/people";
import Graph from "graphology";
import type { Attributes } from "graphology-types";
import Sigma from "sigma";
import { layerFill, layerPlain, pathLine, sdfCircle } from "sigma/rendering";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { PeriodStats } from "../graph/period";
import { OTHER_COLOUR } from "../communities/describe";
import type { Highlight } from "../graph/highlight";
import { nodeColour, THEMES, type ThemeColours } from "../theme/theme";
import { coveredBySiblings } from "./covered";
import { nearestLine } from "./line-pick";
import { mountLabelLayer, type LabelLayer } from "./label-layer";
import { edgeSize, labelLook, nodeLooks, PRESENT_NODE_GROWTH, viewScale } from "./sizes";
import { networkStyles, type EdgeAttrs, type NodeAttrs, type NodeState } from "./styles";

export interface NetworkHandlers {
  onHover(person: number | null): void;
  onSelect(person: number | null): void;
  /** A line was clicked: the two people it joins. */
  onConnection(a: number, b: number): void;
}

/** Part of the view covered by a panel: its width on the left, or its height on top. */
export interface Inset {
  left: number;
  top: number;
}
const NO_INSET: Inset = { left: 0, top: 0 };

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
  renderer: Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>;
  /** The names drawn over the network (sigma draws none). */
  labels: LabelLayer;
  dispose(): void;
}

/** The halo around names, CSS px: wider in projector mode, so lines never cross a large name. */
const HALO_PX = { normal: 3, present: 5 };

/** How close (CSS px) a click must be to a line to open it. */
const LINE_PICK_PX = 4;

export function mountNetwork(
  container: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  layout: { x: Float32Array; y: Float32Array },
  initial: PeriodStats,
  handlers: NetworkHandlers,
  theme: ThemeColours = THEMES.light,
  /** Projector mode (fixed for this network's lifetime, like the theme). */
  present = false,
): NetworkView {
  // Items are created with the initial period's look, so the first frame needs one pass only.
  // `scale` is the view's (viewScale); people are drawn `growth` times larger in projector mode.
  const growth = present ? PRESENT_NODE_GROWTH : 1;
  let scale = viewScale(container.clientWidth, container.clientHeight);
  let stats = initial;
  const looks = nodeLooks(initial, scale * growth);
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: false, allowSelfLoops: false });
  for (let i = 0; i < ds.people.count; i++) {
    graph.addNode(String(i), {
      x: layout.x[i], y: layout.y[i], size: looks.size[i], color: nodeColour(OTHER_COLOUR, theme.name), hidden: looks.size[i] === 0,
      label: displayName(ds.people, i),
    });
  }
  for (let e = 0; e < edges.count; e++) {
    graph.addDirectedEdgeWithKey(String(e), String(edges.source[e]), String(edges.target[e]), { size: edgeSize(initial.edgeWeight[e], present), hidden: initial.edgeWeight[e] <= 0 });
  }
  let edgeWeight: Float32Array = initial.edgeWeight;

  const renderer = new Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>(graph, container, {
    // Only what we draw (circles, straight lines): sigma compiles one shader program from these,
    // and on software WebGL a smaller program compiles much faster.
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
      edges: { paths: [pathLine()], extremities: [], layers: [layerPlain()] },
    },
    styles: networkStyles(edges.count, theme, present),
    customNodeState: { isSelected: false },
    settings: {
      // Names are placed and drawn by the label layer (no collisions, none cut at the edge).
      renderLabels: false,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      stagePadding: 30,
      // Radii are screen pixels (sigma v4 defaults to graph units), framed by positions only,
      // so a node has the same size in every dataset.
      itemSizesReference: "screen",
      autoRescaleContent: "positions",
      hideEdgesOnMove: false,
      // A container with no width (an embed in a closed tab or a collapsed section) waits for one.
      allowInvalidContainer: true,
    },
  });

  // Attribute objects are changed in place and sigma is told exactly which items to refresh:
  // graphology's bulk updaters make sigma reprocess every node and edge, which is what a brush
  // move must not cost. Nothing else listens to this graph.
  const nodeKeys = graph.nodes();
  const edgeKeys = graph.edges();
  const nodeAttrs = nodeKeys.map((k) => graph.getNodeAttributes(k));
  const edgeAttrs = edgeKeys.map((k) => graph.getEdgeAttributes(k));
  const refresh = (nodes: string[], links: string[]) => {
    // Nodes are re-indexed (their sizes change); edges are repainted in place, since indexing them
    // would make sigma reprocess the whole graph.
    if (nodes.length) renderer.refresh({ partialGraph: { nodes }, skipIndexation: false, schedule: true });
    if (links.length) renderer.refresh({ partialGraph: { edges: links }, skipIndexation: true, schedule: true });
  };
  /** Re-derives each edge's thickness from its weight in the period; returns those that changed. */
  const resizeEdges = () => {
    const changed: string[] = [];
    for (let e = 0; e < edges.count; e++) {
      const a = edgeAttrs[e];
      const size = edgeSize(edgeWeight[e], present);
      if (a.size !== size) {
        a.size = size;
        a.hidden = size === 0;
        changed.push(edgeKeys[e]);
      }
    }
    return changed;
  };

  // Sigma only watches the window; the container can change size without it (a newsroom's
  // resizable iframe, the phone layout). Panels overlay the canvas instead of shrinking it:
  // resizing a WebGL canvas costs seconds on a software rasteriser.
  // A view resized by more than a few per cent redraws people at the size that suits it.
  const resized = new ResizeObserver(() => {
    const next = viewScale(container.clientWidth, container.clientHeight);
    if (Math.abs(next - scale) > 0.04) {
      scale = next;
      labels.options.minRadius = labelLook(present, scale).minRadius;
      resizeNodes();
    }
    renderer.scheduleRender();
  });
  resized.observe(container);

  // The names, read from sigma's node display data after each frame. Mounted before the timing
  // below, so that each frame's measure includes placing and drawing them.
  // A theme change builds a new network, so the theme's colours are the labels' for its lifetime.
  const look = labelLook(present, scale);
  const labels = mountLabelLayer(renderer, {
    fontSize: look.fontSize,
    colours: () => ({ text: theme.text, halo: theme.background }),
    covered: () => coveredBySiblings(container),
    // People are drawn smaller in a small view; the size that earns a name shrinks with them.
    minRadius: look.minRadius,
    areaPerLabel: look.areaPerLabel,
    halo: present ? HALO_PX.present : HALO_PX.normal,
  });

  // JS time of each frame, as a User Timing measure (benchmarks read it).
  let renderStart = 0;
  renderer.on("beforeRender", () => (renderStart = performance.now()));
  renderer.on("afterRender", () => performance.measure("sb:render", { start: renderStart, end: performance.now() }));
  renderer.on("enterNode", ({ node }) => handlers.onHover(Number(node)));
  renderer.on("leaveNode", () => handlers.onHover(null));
  renderer.on("clickNode", ({ node }) => handlers.onSelect(Number(node)));
  // A click off the people opens the line under the pointer, if any, else clears the selection.
  // Lines are found here rather than by sigma's edge events, which would draw every edge a
  // second time into the picking buffer on each frame.
  renderer.on("clickStage", ({ event }) => {
    const e = lineAt(event.x, event.y);
    if (e < 0) handlers.onSelect(null);
    else handlers.onConnection(edges.source[e], edges.target[e]);
  });

  const lineAt = (px: number, py: number) =>
    nearestLine(nodeAttrs.map((a) => renderer.graphToViewport({ x: a.x, y: a.y })), edges, edgeWeight, px, py, LINE_PICK_PX);

  /** Where the camera must sit (display units, at camera ratio `ratio`) for the point (x, y) to
   *  appear centred in the view the panel leaves uncovered. */
  const cameraFor = (x: number, y: number, inset: Inset, ratio: number) => {
    const { width, height } = renderer.getDimensions();
    const a = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    const b = renderer.viewportToFramedGraph({ x: width / 2 + inset.left / 2, y: height / 2 + inset.top / 2 });
    const k = ratio / renderer.getCamera().ratio;
    return { x: x - (b.x - a.x) * k, y: y - (b.y - a.y) * k, ratio };
  };

  let highlight: Highlight | null = null;
  // Only what was lit last time is cleared: a period change must not touch every node's state.
  let lit = { nodes: [] as string[], edges: [] as string[], selected: [] as string[] };
  const applyHighlight = () => {
    // Lines hidden in this period stay hidden even when highlighted.
    const nodes = highlight ? highlight.nodes.map(String) : [];
    const links = highlight ? highlight.edges.filter((e) => edgeWeight[e] > 0).map(String) : [];
    const selectedKeys = highlight ? highlight.selected.map(String) : [];
    if (lit.nodes.length) renderer.setNodesState(lit.nodes, { isHighlighted: false });
    if (lit.edges.length) renderer.setEdgesState(lit.edges, { isHighlighted: false });
    if (lit.selected.length) renderer.setNodesState(lit.selected, { isSelected: false });
    if (nodes.length) renderer.setNodesState(nodes, { isHighlighted: true });
    if (links.length) renderer.setEdgesState(links, { isHighlighted: true });
    if (selectedKeys.length) renderer.setNodesState(selectedKeys, { isSelected: true });
    lit = { nodes, edges: links, selected: selectedKeys };
  };

  /** Re-derives each person's radius from the period and the view's size; returns those changed
   *  (and refreshes them itself unless told not to). */
  function resizeNodes(apply = true): string[] {
    const changed: string[] = [];
    const { size: sizes } = nodeLooks(stats, scale * growth);
    for (let i = 0; i < ds.people.count; i++) {
      const a = nodeAttrs[i];
      if (a.size !== sizes[i]) {
        a.size = sizes[i];
        a.hidden = sizes[i] === 0;
        changed.push(nodeKeys[i]);
      }
    }
    if (apply) refresh(changed, []);
    return changed;
  }

  return {
    renderer,
    labels,
    setPeriod(next) {
      stats = next;
      edgeWeight = next.edgeWeight;
      refresh(resizeNodes(false), resizeEdges());
    },
    setCommunities(community, colours) {
      const changedNodes: string[] = [];
      for (let i = 0; i < ds.people.count; i++) {
        const c = community[i];
        const colour = nodeColour(c >= 0 ? colours[c] ?? OTHER_COLOUR : OTHER_COLOUR, theme.name);
        if (nodeAttrs[i].color !== colour) {
          nodeAttrs[i].color = colour;
          changedNodes.push(nodeKeys[i]);
        }
      }
      refresh(changedNodes, []);
    },
    setHighlight(next) {
      highlight = next;
      applyHighlight();
    },
    async flyTo(person, inset = NO_INSET) {
      const d = renderer.getNodeDisplayData(String(person));
      if (!d) return;
      const camera = renderer.getCamera();
      const ratio = Math.min(camera.ratio, 0.35);
      await camera.animate(cameraFor(d.x, d.y, inset, ratio), { duration: 600 });
    },
    async fit(people, inset = NO_INSET, zoomIn = true) {
      const shown = people.map((p) => renderer.getNodeDisplayData(String(p))).filter((d) => d !== undefined);
      if (!shown.length) return;
      const xs = shown.map((d) => d.x);
      const ys = shown.map((d) => d.y);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Display coordinates span about 1 across the whole graph at ratio 1.
      const needed = Math.min(1, Math.max(0.12, Math.max(x1 - x0, y1 - y0) * 1.5));
      const ratio = zoomIn ? needed : Math.max(needed, renderer.getCamera().ratio);
      await renderer.getCamera().animate(cameraFor((x0 + x1) / 2, (y0 + y1) / 2, inset, ratio), { duration: 600 });
    },
    async reveal(people, inset = NO_INSET) {
      const { width, height } = renderer.getDimensions();
      const margin = 24;
      const hidden = people.some((p) => {
        const q = this.positionOf(p);
        return q !== null && (q.x < inset.left + margin || q.x > width - margin || q.y < inset.top + margin || q.y > height - margin);
      });
      if (hidden) await this.fit(people, inset, false);
    },
    positionOf(person) {
      const d = renderer.getNodeDisplayData(String(person));
      if (!d) return null;
      return renderer.graphToViewport({ x: graph.getNodeAttribute(String(person), "x"), y: graph.getNodeAttribute(String(person), "y") });
    },
    dispose() {
      labels.dispose();
      resized.disconnect();
      renderer.kill();
      graph.clear();
    },
  };
}
