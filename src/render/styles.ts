// Sigma v4 style rules for the network: community colours, period visibility, hover/selection focus.
// Projector mode (f.present=1) draws the lines several times stronger, so they survive a projector.
// Sigma draws no names (renderLabels: false): the label layer places them, reading the
// `labelVisibility` these rules set (hidden for people out of the period or dimmed, visible for the
// selected) from sigma's display data.
import { DEFAULT_STYLES } from "sigma";
import type { StylesDeclaration } from "sigma/types";
import type { ThemeColours } from "../theme/theme";
import type { NetworkSettings } from "./settings";
import { edgeOpacity, presentEdgeOpacity, SIGMA_LINE_FACTOR } from "./sizes";

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
export interface NodeState {
  isSelected: boolean;
}

const edgeGrey = (theme: ThemeColours, opacity: number) => `rgba(${theme.edgeRgb}, ${opacity.toFixed(3)})`;

/** The unlit lines' colour for a dataset with `edgeCount` edges. On the dark theme lines are a
 *  little stronger on screen: light lines on dark read fainter than dark lines on white. Not in
 *  projector mode, where light lines already glow into a mass. */
function edgeColour(edgeCount: number, s: NetworkSettings): string {
  const { theme, present, edges } = s;
  const opacity = present ? presentEdgeOpacity(edgeCount, edges) : edgeOpacity(edgeCount, edges);
  return edgeGrey(theme, Math.min(1, opacity * (theme.name === "dark" && !present ? edges.darkBoost : 1)));
}

/** Style rules for a dataset with `edgeCount` edges, in the settings' theme and mode. */
export function networkStyles(
  edgeCount: number,
  s: NetworkSettings,
): StylesDeclaration<NodeAttrs, EdgeAttrs, NodeState> {
  const { theme } = s;
  return {
    nodes: [
      DEFAULT_STYLES.nodes,
      { color: { attribute: "color", defaultValue: "#999" } },
      // People with no message in the period shrink to nothing; changing visibility instead would make
      // sigma reprocess every edge on each brush move.
      { whenData: { hidden: true }, then: { size: 0, labelVisibility: "hidden" } },
      {
        when: (_a, st, g) => g.hasHighlighted && !st.isHighlighted,
        then: { color: theme.dimmed, labelVisibility: "hidden" },
      },
      // The selected person is raised, on sigma's backdrop (drawn even without sigma's labels).
      {
        whenState: "isSelected",
        then: { labelVisibility: "visible", backdropVisibility: "visible", depth: "topNodes" },
      },
    ],
    // Edges are the bulk of the work (a quarter of a million in a 100,000-message corpus), so their
    // rules are few and cheap: one colour function, size from data, hidden when idle in the period.
    // No depth rule: highlighted edges need not be raised, since the others are faint, and
    // evaluating one more rule per edge costs a tenth of a brush move. The colour depends on the
    // edge's own state only: a rule reading the graph's "something is highlighted" flag makes
    // sigma restyle every edge when a selection starts or ends (0.7 s at 250,000 edges), while the
    // unlit edges are already faint enough (2.5–12 %) to recede behind the lit ones.
    edges: {
      size: (a) => a.size * SIGMA_LINE_FACTOR,
      color: { whenState: "isHighlighted", then: theme.edgeLit, else: edgeColour(edgeCount, s) },
      visibility: { whenData: { hidden: true }, then: "hidden", else: "visible" },
    },
  };
}
