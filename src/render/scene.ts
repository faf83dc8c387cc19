// What an export draws: the network exactly as on screen (positions in the export's own pixels,
// colours after highlight and dimming, the labels placed without collisions) and the frame around
// it (title, period, legend, credit). Pure data: PNG (canvas 2D), SVG and the live view's static
// fallback image are all drawn from a Scene.

export type Theme = "light" | "dark";

export interface SceneNode {
  person: number;
  /** Centre and radius, CSS px in the network area. */
  x: number;
  y: number;
  r: number;
  /** Fill, a CSS colour. */
  fill: string;
  /** Outline for pale colours (null: none). */
  stroke: string | null;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Line width, CSS px. */
  width: number;
  /** CSS colour, possibly with alpha (rgba). */
  colour: string;
}

export interface SceneLabel {
  text: string;
  /** Left end of the text's baseline, CSS px in the network area. */
  x: number;
  y: number;
  /** Font size, CSS px. */
  size: number;
  bold: boolean;
  colour: string;
  /** Halo drawn behind the text (the background colour), so lines never cross a name. */
  halo: string;
}

/** The network part of a scene, in an area `width` × `height` CSS px. */
export interface NetworkScene {
  width: number;
  height: number;
  /** Back to front: edges are drawn first, then nodes, then labels. */
  edges: SceneEdge[];
  nodes: SceneNode[];
  labels: SceneLabel[];
}

export interface LegendItem {
  colour: string;
  label: string;
}

export interface ThemeColours {
  background: string;
  text: string;
  muted: string;
}

/** Everything around the network in an export. */
export interface SceneFrame {
  title: string;
  /** The period and its counts, e.g. "13 Feb – 25 May 2016 · 1,204 messages · 310 people". */
  subtitle: string;
  legend: LegendItem[];
  /** E.g. "Source: WikiLeaks, 2016 · Made with Switchboard". */
  credit: string;
  theme: Theme;
  colours: ThemeColours;
}
