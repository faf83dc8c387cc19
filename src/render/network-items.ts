// The network's people and lines as the view changes: a period resizes them, a resized view
// redraws people at the size that suits it, communities recolour people, a highlight lights some
// up and dims the rest. People are sigma's nodes: their attribute objects are changed in place and
// sigma is told exactly which to refresh (graphology's bulk updaters make sigma reprocess every
// node). Lines are not in sigma's graph at all: they live in the edge model, drawn by the lines'
// own layer (edge-layer.ts), so a brush move rewrites a few bytes per changed line.
import { OTHER_COLOUR } from "../communities/describe";
import type { EdgeIndex } from "../graph/edges";
import type { Highlight } from "../graph/highlight";
import type { PeriodStats } from "../graph/period";
import { nodeColour } from "../theme/theme";
import type { NetworkRenderer } from "./label-layer";
import type { EdgeModel } from "./edge-model";
import { nearestLine } from "./line-pick";
import type { NetworkGraph } from "./network-graph";
import type { NetworkSettings } from "./settings";
import { nodeLooks } from "./sizes";
import type { NodeAttrs } from "./styles";

export class NetworkItems {
  private stats: PeriodStats;
  private nodeScale: number;
  private readonly nodeKeys: string[];
  private readonly nodeAttrs: NodeAttrs[];
  /** Only what was lit last time is cleared: a period change must not touch every node's state. */
  private lit = { nodes: [] as string[], selected: [] as string[] };

  /** `nodeScale`: how much people are scaled (the view's scale times projector mode's growth). */
  constructor(
    private readonly renderer: NetworkRenderer,
    graph: NetworkGraph,
    private readonly edges: EdgeIndex,
    private readonly lines: EdgeModel,
    initial: PeriodStats,
    nodeScale: number,
    private readonly settings: NetworkSettings,
  ) {
    this.stats = initial;
    this.nodeScale = nodeScale;
    this.nodeKeys = graph.nodes();
    this.nodeAttrs = this.nodeKeys.map((k) => graph.getNodeAttributes(k));
  }

  setPeriod(stats: PeriodStats): void {
    const before = this.stats.edgeWeight;
    this.stats = stats;
    const lines = this.lines.setWeights(stats.edgeWeight, before);
    this.refresh(this.resizeNodes(), lines > 0);
  }

  setNodeScale(nodeScale: number): void {
    this.nodeScale = nodeScale;
    this.refresh(this.resizeNodes(), false);
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
    this.refresh(changed, false);
  }

  /** Lights up these people and lines and dims the rest; null lights everything. Lines hidden in
   *  this period stay hidden even when highlighted. */
  setHighlight(h: Highlight | null): void {
    const { renderer, lit } = this;
    const nodes = h ? h.nodes.map(String) : [];
    const selected = h ? h.selected.map(String) : [];
    if (lit.nodes.length) renderer.setNodesState(lit.nodes, { isHighlighted: false });
    if (lit.selected.length) renderer.setNodesState(lit.selected, { isSelected: false });
    if (nodes.length) renderer.setNodesState(nodes, { isHighlighted: true });
    if (selected.length) renderer.setNodesState(selected, { isSelected: true });
    this.lit = { nodes, selected };
    if (this.lines.setLit(h ? h.edges : [])) renderer.scheduleRender();
  }

  /** The line shown under the viewport point (px, py), within the settings' pick distance; -1 for none. */
  lineAt(px: number, py: number): number {
    const at = this.nodeAttrs.map((a) => this.renderer.graphToViewport({ x: a.x, y: a.y }));
    return nearestLine(at, this.edges, this.stats.edgeWeight, px, py, this.settings.camera.linePickPx);
  }

  /** Sigma reprocesses the people whose look changed, in place (nobody moves, so nothing needs
   *  indexing again: with indexing, sigma would re-add all of them to its program); changed lines
   *  only need a frame. */
  private refresh(nodes: string[], lines: boolean): void {
    if (nodes.length) this.renderer.refresh({ partialGraph: { nodes }, skipIndexation: true, schedule: true });
    else if (lines) this.renderer.scheduleRender();
  }

  /** Re-derives each person's radius from the period and the scale; returns those that changed. */
  private resizeNodes(): string[] {
    const { size } = nodeLooks(this.stats, this.nodeScale, this.settings.nodes);
    return resize(this.nodeAttrs, this.nodeKeys, (i) => size[i]);
  }
}

/** Sets each item's size (hidden at 0); returns the keys of those whose size changed. */
function resize(attrs: { size: number; hidden: boolean }[], keys: string[], sizeOf: (i: number) => number): string[] {
  const changed: string[] = [];
  for (let i = 0; i < attrs.length; i++) {
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
