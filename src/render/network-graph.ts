// The network's graph and its sigma renderer, built once: one node per person at its layout
// position, one directed edge per pair that wrote, with the initial period's sizes, so the first
// frame needs one pass only. Later periods and communities change attributes in place
// (network-items.ts).
import Graph from "graphology";
import type { Attributes } from "graphology-types";
import Sigma from "sigma";
import { layerFill, layerPlain, pathLine, sdfCircle } from "sigma/rendering";
import { OTHER_COLOUR } from "../communities/describe";
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { PeriodStats } from "../graph/period";
import { nodeColour } from "../theme/theme";
import type { NetworkRenderer } from "./label-layer";
import type { NetworkSettings } from "./settings";
import { edgeSize, nodeLooks, SIGMA_MIN_LINE } from "./sizes";
import { networkStyles, type EdgeAttrs, type NodeAttrs, type NodeState } from "./styles";

export type NetworkGraph = Graph<NodeAttrs, EdgeAttrs>;

/** The graph with the period's look: people at `scale` (viewScale, times projector mode's growth). */
export function buildGraph(
  ds: Dataset,
  edges: EdgeIndex,
  layout: { x: Float32Array; y: Float32Array },
  initial: PeriodStats,
  scale: number,
  s: NetworkSettings,
): NetworkGraph {
  const { size } = nodeLooks(initial, scale, s.nodes);
  const colour = nodeColour(OTHER_COLOUR, s.theme.name);
  const graph: NetworkGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  for (let i = 0; i < ds.people.count; i++) {
    graph.addNode(String(i), {
      x: layout.x[i],
      y: layout.y[i],
      size: size[i],
      color: colour,
      hidden: size[i] === 0,
      label: displayName(ds.people, i),
    });
  }
  for (let e = 0; e < edges.count; e++) {
    const weight = initial.edgeWeight[e];
    graph.addDirectedEdgeWithKey(String(e), String(edges.source[e]), String(edges.target[e]), {
      size: edgeSize(weight, s.present, s.edges),
      hidden: weight <= 0,
    });
  }
  return graph;
}

/** Sigma on the graph, in the container: circles and straight lines, styled by the settings. */
export function createRenderer(
  graph: NetworkGraph,
  container: HTMLElement,
  edgeCount: number,
  s: NetworkSettings,
): NetworkRenderer {
  return new Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>(graph, container, {
    // Only what we draw (circles, straight lines): sigma compiles one shader program from these,
    // and on software WebGL a smaller program compiles much faster.
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
      edges: { paths: [pathLine()], extremities: [], layers: [layerPlain()] },
    },
    styles: networkStyles(edgeCount, s),
    customNodeState: { isSelected: false },
    settings: {
      // Names are placed and drawn by the label layer (no collisions, none cut at the edge).
      renderLabels: false,
      minCameraRatio: s.camera.minRatio,
      maxCameraRatio: s.camera.maxRatio,
      stagePadding: s.camera.stagePadding,
      // Radii are screen pixels (sigma v4 defaults to graph units), framed by positions only,
      // so a node has the same size in every dataset.
      itemSizesReference: "screen",
      autoRescaleContent: "positions",
      hideEdgesOnMove: false,
      minEdgeThickness: SIGMA_MIN_LINE,
      // A container with no width (an embed in a closed tab or a collapsed section) waits for one.
      allowInvalidContainer: true,
    },
  });
}
