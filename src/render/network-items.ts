// The network's people and lines as the view changes: a period resizes them, a resized view
// redraws people at the size that suits it, communities recolour people, a highlight lights some
// up and dims the rest. Attribute objects are changed in place and sigma is told exactly which
// items to refresh: graphology's bulk updaters make sigma reprocess every node and edge, which is
// what a brush move must not cost. Nothing else listens to this graph.
import { OTHER_COLOUR } from "../communities/describe";
import type { EdgeIndex } from "../graph/edges";
import type { Highlight } from "../graph/highlight";
import type { PeriodStats } from "../graph/period";
import { nodeColour } from "../theme/theme";
import type { NetworkRenderer } from "./label-layer";
import { nearestLine } from "./line-pick";
import type { NetworkGraph } from "./network-graph";
import type { NetworkSettings } from "./settings";
import { edgeSize, nodeLooks } from "./sizes";
import type { EdgeAttrs, NodeAttrs } from "./styles";

export class NetworkItems {
  private stats: PeriodStats;
  private nodeScale: number;
  private readonly nodeKeys: string[];
  private readonly edgeKeys: string[];
  private readonly nodeAttrs: NodeAttrs[];
  private readonly edgeAttrs: EdgeAttrs[];
  /** Only what was lit last time is cleared: a period change must not touch every node's state. */
  private lit = { nodes: [] as string[], edges: [] as string[], selected: [] as string[] };

  /** `nodeScale`: how much people are scaled (the view's scale times projector mode's growth). */
  constructor(
    private readonly renderer: NetworkRenderer,
    graph: NetworkGraph,
    private readonly edges: EdgeIndex,
    initial: PeriodStats,
    nodeScale: number,
    private readonly settings: NetworkSettings,
  ) {
    this.stats = initial;
    this.nodeScale = nodeScale;
    this.nodeKeys = graph.nodes();
    this.edgeKeys = graph.edges();
    this.nodeAttrs = this.nodeKeys.map((k) => graph.getNodeAttributes(k));
    this.edgeAttrs = this.edgeKeys.map((k) => graph.getEdgeAttributes(k));
  }

  setPeriod(stats: PeriodStats): void {
    const before = this.stats.edgeWeight;
    this.stats = stats;
    this.refresh(this.resizeNodes(), this.resizeEdges(before));
  }

  setNodeScale(nodeScale: number): void {
    this.nodeScale = nodeScale;
    this.refresh(this.resizeNodes(), []);
  }

  setCommunities(community: Int32Array, colours: string[]): void {
    const changed: string[] = [];
    const theme = this.settings.theme.name;
    this.nodeAttrs.forEach((a, i) => {
      const c = community[i];
      const colour = nodeColour(c >= 0 ? (colours[c] ?? OTHER_COLOUR) : OTHER_COLOUR, theme);
      if (a.color !== colour) {
        a.color = colour;
        changed.push(this.nodeKeys[i]);
      }
    });
    this.refresh(changed, []);
  }

  /** Lights up these people and lines and dims the rest; null lights everything. Lines hidden in
   *  this period stay hidden even when highlighted. */
  setHighlight(h: Highlight | null): void {
    const { renderer, lit } = this;
    const weight = this.stats.edgeWeight;
    const nodes = h ? h.nodes.map(String) : [];
    const edges = h ? h.edges.filter((e) => weight[e] > 0).map(String) : [];
    const selected = h ? h.selected.map(String) : [];
    if (lit.nodes.length) renderer.setNodesState(lit.nodes, { isHighlighted: false });
    if (lit.edges.length) renderer.setEdgesState(lit.edges, { isHighlighted: false });
    if (lit.selected.length) renderer.setNodesState(lit.selected, { isSelected: false });
    if (nodes.length) renderer.setNodesState(nodes, { isHighlighted: true });
    if (edges.length) renderer.setEdgesState(edges, { isHighlighted: true });
    if (selected.length) renderer.setNodesState(selected, { isSelected: true });
    this.lit = { nodes, edges, selected };
  }

  /** The line shown under the viewport point (px, py), within the settings' pick distance; -1 for none. */
  lineAt(px: number, py: number): number {
    const at = this.nodeAttrs.map((a) => this.renderer.graphToViewport({ x: a.x, y: a.y }));
    return nearestLine(at, this.edges, this.stats.edgeWeight, px, py, this.settings.camera.linePickPx);
  }

  private refresh(nodes: string[], links: string[]): void {
    // Nodes are re-indexed (their sizes change); edges are repainted in place, since indexing them
    // would make sigma reprocess the whole graph.
    if (nodes.length) this.renderer.refresh({ partialGraph: { nodes }, skipIndexation: false, schedule: true });
    if (links.length) this.renderer.refresh({ partialGraph: { edges: links }, skipIndexation: true, schedule: true });
  }

  /** Re-derives each person's radius from the period and the scale; returns those that changed. */
  private resizeNodes(): string[] {
    const { size } = nodeLooks(this.stats, this.nodeScale, this.settings.nodes);
    return resize(this.nodeAttrs, this.nodeKeys, (i) => size[i]);
  }

  /** Re-derives the thickness of each line whose weight differs from `before`; returns those whose
   *  thickness changed (a brush move changes few of a large corpus's lines). */
  private resizeEdges(before: Float32Array): string[] {
    const weight = this.stats.edgeWeight;
    const { present, edges } = this.settings;
    return resize(
      this.edgeAttrs,
      this.edgeKeys,
      (e) => edgeSize(weight[e], present, edges),
      (e) => weight[e] === before[e],
    );
  }
}

/** Sets each item's size (hidden at 0), skipping those `unchanged` vouches for; returns the keys of
 *  those whose size changed. */
function resize(
  attrs: { size: number; hidden: boolean }[],
  keys: string[],
  sizeOf: (i: number) => number,
  unchanged: (i: number) => boolean = () => false,
): string[] {
  const changed: string[] = [];
  for (let i = 0; i < attrs.length; i++) {
    if (unchanged(i)) continue;
    const a = attrs[i];
    const size = sizeOf(i);
    if (a.size !== size) {
      a.size = size;
      a.hidden = size === 0;
      changed.push(keys[i]);
    }
  }
  return changed;
}
