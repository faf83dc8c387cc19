// Sigma v4 style rules for the network: community colours, period visibility, hover/selection focus.
import { DEFAULT_STYLES } from "sigma";
import type { StylesDeclaration } from "sigma/types";
import type { ThemeColours } from "../theme/theme";

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
  hidden: boolean;
  [key: string]: unknown;
}
export interface NodeState { isSelected: boolean }


/** Edge opacity for a dataset: the more edges, the fainter each, so the whole-period view stays a
 *  light web behind the people instead of a dark mass (12 % for 3,000 edges, 3 % for 40,000,
 *  2.5 % at least). Fixed per dataset, so brushing restyles nothing extra. */
export function edgeOpacity(edgeCount: number): number {
  return Math.min(0.12, Math.max(0.025, 0.09 * Math.sqrt(5000 / Math.max(1, edgeCount))));
}

const edgeGrey = (theme: ThemeColours, opacity: number) => `rgba(${theme.edgeRgb}, ${opacity.toFixed(3)})`;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Style rules for a dataset with `edgeCount` edges, on a theme's background. On the dark theme
 *  lines are a little stronger: light lines on dark read fainter than dark lines on white. */
export function networkStyles(edgeCount: number, theme: ThemeColours): StylesDeclaration<NodeAttrs, EdgeAttrs, NodeState> {
  const base = edgeGrey(theme, edgeOpacity(edgeCount) * (theme.name === "dark" ? 1.4 : 1));
  return {
    nodes: [
      DEFAULT_STYLES.nodes,
      { color: { attribute: "color", defaultValue: "#999" }, labelFont: FONT, labelSize: 13, labelColor: theme.text },
      // People with no message in the period shrink to nothing; changing visibility instead would make
      // sigma reprocess every edge on each brush move.
      { whenData: { hidden: true }, then: { size: 0, labelVisibility: "hidden" } },
      { when: (_a, s, g) => g.hasHighlighted && !s.isHighlighted, then: { color: theme.dimmed, labelVisibility: "hidden" } },
      { whenState: "isSelected", then: { labelVisibility: "visible", backdropVisibility: "visible", depth: "topNodes" } },
    ],
    // Edges are the bulk of the work (a quarter of a million in a 100,000-message corpus), so their
    // rules are few and cheap: one colour function, size from data, hidden when idle in the period.
    // No depth rule: highlighted edges need not be raised, since the others are faint, and
    // evaluating one more rule per edge costs a tenth of a brush move. The colour depends on the
    // edge's own state only: a rule reading the graph's "something is highlighted" flag makes
    // sigma restyle every edge when a selection starts or ends (0.7 s at 250,000 edges), while the
    // unlit edges are already faint enough (2.5–12 %) to recede behind the lit ones.
    edges: {
      size: { attribute: "size", defaultValue: 0 },
      color: { whenState: "isHighlighted", then: theme.edgeLit, else: base },
      visibility: { whenData: { hidden: true }, then: "hidden", else: "visible" },
    },
  };
}
