// The network scene an export or the still image draws: the live view (render/scene-builder.ts),
// cropped to the people on screen that no panel covers,
// recoloured when the export asks for the other theme than the one on screen (backgrounds,
// dimmed people, lines and community colours each have a variant per theme).
import { OTHER_COLOUR } from "../communities/describe";
import { drawnNodes } from "../render/label-layer";
import type { Inset, NetworkView } from "../render/network";
import { buildNetworkScene } from "../render/scene-builder";
import type { Frame } from "../state/coordinator";
import { nodeColour, THEMES, type ThemeName } from "../theme/theme";
import type { NetworkScene } from "../render/scene";

/** The scene drawn on one theme, as it looks on another. */
export function retheme(scene: NetworkScene, frame: Frame, from: ThemeName, to: ThemeName): NetworkScene {
  if (from === to) return scene;
  const [a, b] = [THEMES[from], THEMES[to]];
  const r = frame.derived.communities.result;
  const base = (p: number) => (r && r.community[p] >= 0 ? (r.colours[r.community[p]] ?? OTHER_COLOUR) : OTHER_COLOUR);
  return {
    ...scene,
    nodes: scene.nodes.map((n) => ({ ...n, fill: n.fill === a.dimmed ? b.dimmed : nodeColour(base(n.person), to) })),
    edges: scene.edges.map((e) => ({
      ...e,
      colour: e.colour === a.edgeLit ? b.edgeLit : e.colour.replace(`rgba(${a.edgeRgb},`, `rgba(${b.edgeRgb},`),
    })),
    labels: scene.labels.map((l) => ({ ...l, colour: b.text, halo: b.background })),
  };
}

/** Room left around the people for their names, CSS px of the view. */
const MARGIN = 60;

/** The part of the view an export draws: what the panel leaves uncovered, cropped to the people
 *  drawn there (and room for their names), so the network fills the image. */
export function exportRegion(
  nodes: { x: number; y: number; r: number }[],
  view: { width: number; height: number },
  inset: Inset,
): { left: number; top: number; width: number; height: number } {
  const open = { left: inset.left, top: inset.top, right: view.width, bottom: view.height };
  const inside = nodes.filter((n) => n.x >= open.left && n.x <= open.right && n.y >= open.top && n.y <= open.bottom);
  if (!inside.length)
    return { left: open.left, top: open.top, width: open.right - open.left, height: open.bottom - open.top };
  const left = Math.max(open.left, Math.min(...inside.map((n) => n.x - n.r)) - MARGIN);
  const top = Math.max(open.top, Math.min(...inside.map((n) => n.y - n.r)) - MARGIN);
  const right = Math.min(open.right, Math.max(...inside.map((n) => n.x + n.r)) + MARGIN);
  const bottom = Math.min(open.bottom, Math.max(...inside.map((n) => n.y + n.r)) + MARGIN);
  return { left, top, width: right - left, height: bottom - top };
}

/** `inset`: what a panel covers, for an export cropped to the people; null: the whole view as it is
 *  on screen, pixel for pixel (the still image). */
export function sceneFor(
  network: NetworkView,
  frame: Frame,
  width: number,
  height: number,
  theme: ThemeName,
  inset: Inset | null = null,
): NetworkScene {
  const { renderer } = network;
  const region = inset
    ? exportRegion(drawnNodes(renderer, renderer.getGraph().nodes()), renderer.getDimensions(), inset)
    : undefined;
  const colours = { text: THEMES[theme].text, halo: THEMES[theme].background };
  return retheme(
    buildNetworkScene(network, width, height, colours, undefined, region),
    frame,
    frame.derived.theme,
    theme,
  );
}
