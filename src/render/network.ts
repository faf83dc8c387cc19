// The sigma (v4, WebGL) network: built once from the edge index and positions; a period or new
// communities only change attributes (size, colour, hidden) and redraw. Nodes never move.
import Graph from "graphology";
import type { Attributes } from "graphology-types";
import Sigma from "sigma";
import { layerFill, layerPlain, pathLine, sdfCircle } from "sigma/rendering";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { PeriodStats } from "../graph/period";
import { OTHER_COLOUR } from "../communities/describe";
import type { Highlight } from "./highlight";
import { networkStyles, type EdgeAttrs, type NodeAttrs, type NodeState } from "./styles";

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
  /** Flies the camera to a person. */
  flyTo(person: number): Promise<void>;
  /** Flies the camera so that all these people are in view. */
  fit(people: number[]): Promise<void>;
  /** Viewport position (CSS px) of a person, for tests and tooltips. */
  positionOf(person: number): { x: number; y: number } | null;
  renderer: Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>;
  dispose(): void;
}

/** Largest radius in screen pixels: smaller when there are many people, so crowds stay legible. */
export function maxRadius(people: number): number {
  return Math.min(16, Math.max(6, 125 / Math.cbrt(Math.max(1, people))));
}

/** Node radius in screen pixels from messages sent + received (area grows with the count). */
export function nodeSize(messages: number, max: number, largest: number): number {
  return messages <= 0 ? 0 : 2 + (largest - 2) * Math.sqrt(messages / Math.max(1, max));
}

/** Edge thickness in four classes of messages in the period (1, 2–4, 5–19, 20+): few edges change
 *  class as the brush moves, so few need repainting. */
export function edgeSize(messages: number): number {
  return messages <= 0 ? 0 : messages < 2 ? 0.6 : messages < 5 ? 1.1 : messages < 20 ? 1.8 : 2.8;
}

/** Radius per person for a period: 0 for people with no message in it. */
export function nodeLooks(stats: PeriodStats): { size: Float32Array } {
  const n = stats.sent.length;
  let max = 1;
  let active = 0;
  for (let i = 0; i < n; i++) {
    const k = stats.sent[i] + stats.received[i];
    if (k > 0) active++;
    if (k > max) max = k;
  }
  const largest = maxRadius(active);
  const size = new Float32Array(n);
  for (let i = 0; i < n; i++) size[i] = nodeSize(stats.sent[i] + stats.received[i], max, largest);
  return { size };
}

export function mountNetwork(
  container: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  layout: { x: Float32Array; y: Float32Array },
  initial: PeriodStats,
  handlers: NetworkHandlers,
): NetworkView {
  // Items are created with the initial period's look, so the first frame needs one pass only.
  const looks = nodeLooks(initial);
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: false, allowSelfLoops: false });
  for (let i = 0; i < ds.people.count; i++) {
    graph.addNode(String(i), {
      x: layout.x[i], y: layout.y[i], size: looks.size[i], color: OTHER_COLOUR, hidden: looks.size[i] === 0,
      label: ds.people.name[i] || ds.people.address[i],
    });
  }
  for (let e = 0; e < edges.count; e++) {
    graph.addDirectedEdgeWithKey(String(e), String(edges.source[e]), String(edges.target[e]), { size: edgeSize(initial.edgeWeight[e]), hidden: initial.edgeWeight[e] <= 0 });
  }
  let edgeWeight: Float32Array = initial.edgeWeight;

  const renderer = new Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>(graph, container, {
    // Only what we draw (circles, straight lines): sigma compiles one shader program from these,
    // and on software WebGL a smaller program compiles much faster.
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
      edges: { paths: [pathLine()], extremities: [], layers: [layerPlain()] },
    },
    styles: networkStyles(edges.count),
    customNodeState: { isSelected: false },
    settings: {
      // One label per 150-px cell, its biggest node's: names never pile up, and the most
      // connected people are always named.
      labelDensity: 1,
      labelGridCellSize: 150,
      labelRenderedSizeThreshold: 2.5,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      stagePadding: 30,
      // Radii are screen pixels (sigma v4 defaults to graph units), framed by positions only,
      // so a node has the same size in every dataset.
      itemSizesReference: "screen",
      autoRescaleContent: "positions",
      hideEdgesOnMove: false,
      // Clicking a line opens the messages behind it.
      enableEdgeEvents: true,
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
    // Nodes are re-indexed (the label grid ranks them by size); edges are repainted in place,
    // since indexing them would make sigma reprocess the whole graph.
    if (nodes.length) renderer.refresh({ partialGraph: { nodes }, skipIndexation: false, schedule: true });
    if (links.length) renderer.refresh({ partialGraph: { edges: links }, skipIndexation: true, schedule: true });
  };
  /** Re-derives each edge's thickness from its weight in the period; returns those that changed. */
  const resizeEdges = () => {
    const changed: string[] = [];
    for (let e = 0; e < edges.count; e++) {
      const a = edgeAttrs[e];
      const size = edgeSize(edgeWeight[e]);
      if (a.size !== size) {
        a.size = size;
        a.hidden = size === 0;
        changed.push(edgeKeys[e]);
      }
    }
    return changed;
  };

  // Sigma only watches the window; the container also changes size when a panel opens beside it.
  const resized = new ResizeObserver(() => renderer.scheduleRender());
  resized.observe(container);

  // JS time of each frame, as a User Timing measure (benchmarks read it).
  let renderStart = 0;
  renderer.on("beforeRender", () => (renderStart = performance.now()));
  renderer.on("afterRender", () => performance.measure("sb:render", { start: renderStart, end: performance.now() }));
  renderer.on("enterNode", ({ node }) => handlers.onHover(Number(node)));
  renderer.on("leaveNode", () => handlers.onHover(null));
  renderer.on("clickNode", ({ node }) => handlers.onSelect(Number(node)));
  renderer.on("clickStage", () => handlers.onSelect(null));
  renderer.on("clickEdge", ({ edge }) => handlers.onConnection(edges.source[Number(edge)], edges.target[Number(edge)]));
  renderer.on("enterEdge", () => container.classList.add("over-edge"));
  renderer.on("leaveEdge", () => container.classList.remove("over-edge"));

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

  return {
    renderer,
    setPeriod(stats) {
      edgeWeight = stats.edgeWeight;
      const changedNodes: string[] = [];
      const { size: sizes } = nodeLooks(stats);
      for (let i = 0; i < ds.people.count; i++) {
        const a = nodeAttrs[i];
        if (a.size !== sizes[i]) {
          a.size = sizes[i];
          a.hidden = sizes[i] === 0;
          changedNodes.push(nodeKeys[i]);
        }
      }
      // Re-indexing the changed nodes keeps the label grid naming this period's biggest people.
      refresh(changedNodes, resizeEdges());
    },
    setCommunities(community, colours) {
      const changedNodes: string[] = [];
      for (let i = 0; i < ds.people.count; i++) {
        const c = community[i];
        const colour = c >= 0 ? colours[c] ?? OTHER_COLOUR : OTHER_COLOUR;
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
    async flyTo(person) {
      const d = renderer.getNodeDisplayData(String(person));
      if (!d) return;
      const camera = renderer.getCamera();
      await camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.35) }, { duration: 600 });
    },
    async fit(people) {
      const shown = people.map((p) => renderer.getNodeDisplayData(String(p))).filter((d) => d !== undefined);
      if (!shown.length) return;
      const xs = shown.map((d) => d.x);
      const ys = shown.map((d) => d.y);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Display coordinates span about 1 across the whole graph at ratio 1.
      const ratio = Math.min(1, Math.max(0.12, Math.max(x1 - x0, y1 - y0) * 1.5));
      await renderer.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 600 });
    },
    positionOf(person) {
      const d = renderer.getNodeDisplayData(String(person));
      if (!d) return null;
      return renderer.graphToViewport({ x: graph.getNodeAttribute(String(person), "x"), y: graph.getNodeAttribute(String(person), "y") });
    },
    dispose() {
      resized.disconnect();
      renderer.kill();
      graph.clear();
    },
  };
}
