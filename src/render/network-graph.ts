// The network's graph and its sigma renderer, built once: one node per person at its layout
// position, with the initial period's sizes, so the first frame needs one pass only. The graph has
// no edges: the lines are drawn by their own layer (edge-layer.ts) from the edge model, since
// sigma's processing of a quarter of a million edges is what made large corpora slow. Later periods
// and communities change attributes in place (network-items.ts).
import Graph from "graphology";
import type { Attributes } from "graphology-types";
import Sigma from "sigma";
import { layerFill, layerPlain, pathLine, sdfCircle } from "sigma/rendering";
import { OTHER_COLOUR } from "../communities/describe";
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import type { PeriodStats } from "../graph/period";
import { nodeColour } from "../theme/theme";
import type { NetworkRenderer } from "./label-layer";
import type { NetworkSettings } from "./settings";
import { nodeLooks } from "./sizes";
import { networkStyles, type EdgeAttrs, type NodeAttrs, type NodeState } from "./styles";

export type NetworkGraph = Graph<NodeAttrs, EdgeAttrs>;

/** The graph with the period's look: people at `scale` (viewScale, times projector mode's growth). */
export function buildGraph(
  ds: Dataset,
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
      name: displayName(ds.people, i),
    });
  }
  return graph;
}

/** Sigma on the graph, in the container: circles and straight lines, styled by the settings. */
export function createRenderer(graph: NetworkGraph, container: HTMLElement, s: NetworkSettings): NetworkRenderer {
  return new Sigma<NodeAttrs, EdgeAttrs, Attributes, NodeState>(graph, container, {
    // Only what we draw (circles; sigma must have an edge program, though it draws no edge): sigma
    // compiles one shader program from these, and on software WebGL a smaller one compiles faster.
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
      edges: { paths: [pathLine()], extremities: [], layers: [layerPlain()] },
    },
    styles: networkStyles(s),
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
      // A container with no width (an embed in a closed tab or a collapsed section) waits for one.
      allowInvalidContainer: true,
    },
  });
}
