// The network's camera moves: fly to a person, fit a group, pan to people out of view; each lands
// the point centred in the part of the view a panel leaves uncovered. Glides and limits come from
// the camera settings.
import type { NetworkRenderer } from "./label-layer";
import type { CameraSettings } from "./settings";

/** Part of the view covered by a panel: its width on the left, or its height on top. */
export interface Inset {
  left: number;
  top: number;
}
export const NO_INSET: Inset = { left: 0, top: 0 };

/** Where the camera must sit (display units, at camera ratio `ratio`) for the point (x, y) to
 *  appear centred in the view the panel leaves uncovered. */
function cameraFor(renderer: NetworkRenderer, x: number, y: number, inset: Inset, ratio: number) {
  const { width, height } = renderer.getDimensions();
  const a = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
  const b = renderer.viewportToFramedGraph({ x: width / 2 + inset.left / 2, y: height / 2 + inset.top / 2 });
  const k = ratio / renderer.getCamera().ratio;
  return { x: x - (b.x - a.x) * k, y: y - (b.y - a.y) * k, ratio };
}

/** Viewport position (CSS px) of a person shown, else null. */
export function positionOf(renderer: NetworkRenderer, person: number): { x: number; y: number } | null {
  const key = String(person);
  if (!renderer.getNodeDisplayData(key)) return null;
  const graph = renderer.getGraph();
  return renderer.graphToViewport({ x: graph.getNodeAttribute(key, "x"), y: graph.getNodeAttribute(key, "y") });
}

/** Glides to a person, zooming in to the settings' flyToRatio if the camera is further out. */
export async function flyTo(renderer: NetworkRenderer, person: number, inset: Inset, s: CameraSettings): Promise<void> {
  const d = renderer.getNodeDisplayData(String(person));
  if (!d) return;
  const camera = renderer.getCamera();
  const ratio = Math.min(camera.ratio, s.flyToRatio);
  await camera.animate(cameraFor(renderer, d.x, d.y, inset, ratio), { duration: s.glideMs });
}

/** Glides so that all these people are in the uncovered view (zooming in to them unless told not to). */
export async function fitPeople(
  renderer: NetworkRenderer,
  people: number[],
  inset: Inset,
  zoomIn: boolean,
  s: CameraSettings,
): Promise<void> {
  const shown = people.map((p) => renderer.getNodeDisplayData(String(p))).filter((d) => d !== undefined);
  if (!shown.length) return;
  const xs = shown.map((d) => d.x);
  const ys = shown.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Display coordinates span about 1 across the whole graph at ratio 1.
  const needed = Math.min(s.fitMaxRatio, Math.max(s.fitMinRatio, Math.max(x1 - x0, y1 - y0) * s.fitPadding));
  const ratio = zoomIn ? needed : Math.max(needed, renderer.getCamera().ratio);
  await renderer
    .getCamera()
    .animate(cameraFor(renderer, (x0 + x1) / 2, (y0 + y1) / 2, inset, ratio), { duration: s.glideMs });
}

/** Pans (and zooms out if need be) when one of them is out of view or under the panel. */
export async function reveal(
  renderer: NetworkRenderer,
  people: number[],
  inset: Inset,
  s: CameraSettings,
): Promise<void> {
  const { width, height } = renderer.getDimensions();
  const margin = s.revealMargin;
  const hidden = people.some((p) => {
    const q = positionOf(renderer, p);
    return (
      q !== null &&
      (q.x < inset.left + margin || q.x > width - margin || q.y < inset.top + margin || q.y > height - margin)
    );
  });
  if (hidden) await fitPeople(renderer, people, inset, false, s);
}
