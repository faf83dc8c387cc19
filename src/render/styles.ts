// Sigma v4 style rules for the network's people: community colours and hover/selection focus
// (people with no message in the period have size 0, set by network-items.ts). The lines are not
// sigma's (edge-layer.ts). Sigma draws no names (renderLabels: false): the label layer places
// them, reading the `labelVisibility` these rules set (hidden for the dimmed, visible for the
// selected) from sigma's display data.
import { DEFAULT_STYLES } from "sigma";
import type { StylesDeclaration } from "sigma/types";
import type { NetworkSettings } from "./settings";

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  /** The person's name as the label layer draws it. Not `label`: sigma would lay out glyphs for
   *  every person's label on every refresh, though it draws none. */
  name: string;
  color: string;
  /** No message in the period. */
  hidden: boolean;
  [key: string]: unknown;
}
/** Sigma's graph has no edges (the lines are edge-model.ts's), so edges carry nothing. */
export type EdgeAttrs = Record<string, never>;
export interface NodeState {
  isSelected: boolean;
}

/** Style rules in the settings' theme. */
export function networkStyles(s: NetworkSettings): StylesDeclaration<NodeAttrs, EdgeAttrs, NodeState> {
  const { theme } = s;
  return {
    nodes: [
      DEFAULT_STYLES.nodes,
      { color: { attribute: "color", defaultValue: "#999" } },
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
    edges: {},
  };
}
