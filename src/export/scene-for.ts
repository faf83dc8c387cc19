// The network scene an export or the still image draws: the live view (render/scene-builder.ts),
// recoloured when the export asks for the other theme than the one on screen (backgrounds,
// dimmed people, lines and community colours each have a variant per theme).
import { OTHER_COLOUR } from "../communities/describe";
import type { NetworkView } from "../render/network";
import { buildNetworkScene } from "../render/scene-builder";
import type { Frame } from "../state/coordinator";
import { nodeColour, THEMES, type ThemeName } from "../theme/theme";
import type { NetworkScene } from "./scene";

/** The scene drawn on one theme, as it looks on another. */
export function retheme(scene: NetworkScene, frame: Frame, from: ThemeName, to: ThemeName): NetworkScene {
  if (from === to) return scene;
  const [a, b] = [THEMES[from], THEMES[to]];
  const r = frame.derived.communities.result;
  const base = (p: number) => (r && r.community[p] >= 0 ? r.colours[r.community[p]] ?? OTHER_COLOUR : OTHER_COLOUR);
  return {
    ...scene,
    nodes: scene.nodes.map((n) => ({ ...n, fill: n.fill === a.dimmed ? b.dimmed : nodeColour(base(n.person), to) })),
    edges: scene.edges.map((e) => ({
      ...e, colour: e.colour === a.edgeLit ? b.edgeLit : e.colour.replace(`rgba(${a.edgeRgb},`, `rgba(${b.edgeRgb},`),
    })),
    labels: scene.labels.map((l) => ({ ...l, colour: b.text, halo: b.background })),
  };
}

export function sceneFor(network: NetworkView, frame: Frame, width: number, height: number, theme: ThemeName): NetworkScene {
  const shown = frame.derived.theme;
  const scene = buildNetworkScene(network, width, height, { text: THEMES[theme].text, halo: THEMES[theme].background });
  return retheme(scene, frame, shown, theme);
}
