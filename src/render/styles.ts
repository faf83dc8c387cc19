// Sigma v4 style rules for the network: community colours, period visibility, hover/selection focus.
import { DEFAULT_STYLES } from "sigma";
import type { StylesDeclaration } from "sigma/types";

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  /** No message in the period. */
  hidden: boolean;
  [key: string]: unknown;
}
export interface EdgeAttrs {
  size: number;
  color: string;
  hidden: boolean;
  [key: string]: unknown;
}
export interface NodeState { isSelected: boolean }

export const DIMMED = "#e3e3e3";
export const EDGE_COLOUR = "rgba(96, 104, 112, 0.09)";
export const EDGE_HIGHLIGHT = "rgba(40, 48, 56, 0.55)";
export const EDGE_DIMMED = "rgba(96, 104, 112, 0.03)";
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const NETWORK_STYLES: StylesDeclaration<NodeAttrs, EdgeAttrs, NodeState> = {
  nodes: [
    DEFAULT_STYLES.nodes,
    { color: { attribute: "color", defaultValue: "#999" }, labelFont: FONT, labelSize: 13, labelColor: "#1a1a1a" },
    // People with no message in the period shrink to nothing; changing visibility instead would make
    // sigma reprocess every edge on each brush move.
    { whenData: { hidden: true }, then: { size: 0, labelVisibility: "hidden" } },
    { when: (_a, s, g) => g.hasHighlighted && !s.isHighlighted, then: { color: DIMMED, labelVisibility: "hidden" } },
    { whenState: "isSelected", then: { labelVisibility: "visible", backdropVisibility: "visible", depth: "topNodes" } },
  ],
  // Edges are the bulk of the work (a quarter of a million in a 100,000-message corpus), so their
  // rules are few and cheap: one colour function, size from data, hidden when idle in the period.
  edges: {
    depth: { whenState: "isHighlighted", then: "topEdges", else: "edges" },
    size: { attribute: "size", defaultValue: 0 },
    color: (_a, s, g) => (!g.hasHighlighted ? EDGE_COLOUR : s.isHighlighted ? EDGE_HIGHLIGHT : EDGE_DIMMED),
    visibility: { whenData: { hidden: true }, then: "hidden", else: "visible" },
  },
};
