// The network as a view: draws each frame's counts, colours and highlight into sigma, keeps the
// camera in the view state (setCamera on every move), and makes each camera move an action asks
// for (state.aim: fly to a person found, reveal, frame a chain, go home, put a restored view back).
// A theme change or projector mode (f.present) rebuilds the sigma instance (its styles are fixed at
// construction). A lost WebGL
// context (a page with more graphics than the browser keeps) shows a still image of the view
// until sigma restores it, or until the reader asks for the live view again. A caption says when
// the zoom leaves out the thinnest lines (lines-caption.ts).
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { CameraState } from "sigma/types";
import type { BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { HOME_CAMERA, type Camera, type CameraAim } from "../state/view-state";
import { THEMES } from "../theme/theme";
import { reducedMotion, STEP_MS } from "../render/motion";
import { mountLostContext, type LostContext } from "../render/lost-context";
import { mountNetwork, type Inset, type NetworkView } from "../render/network";
import { mountLinesCaption } from "./lines-caption";

const HOME = { ...HOME_CAMERA, angle: 0 };

export interface NetworkPane extends View {
  /** The live sigma network (a new one after a theme change or a lost context). */
  readonly network: NetworkView;
}

export interface NetworkPaneOptions {
  /** Draws a still image of the view into a 2D canvas of this CSS size (the lost-context fallback). */
  still?: (network: NetworkView, canvas: HTMLCanvasElement, frame: Frame) => void;
  /** Called on every sigma instance built (settings an embed changes, e.g. gestures). */
  configure?: (network: NetworkView) => void;
}

/** Tells the state where sigma's camera is: after each move, and for an animated move (a glide, a
 *  fly-to, a wheel zoom) where it goes when it starts and where it ended, not each of its frames.
 *  A move that lands where the state already is changes nothing. Returns the unsubscribe. */
function reportCamera(network: NetworkView, report: (c: Camera) => void): () => void {
  const camera = network.renderer.getCamera();
  let animating = false;
  const tell = (c: CameraState = camera.getState()) => report({ x: c.x, y: c.y, ratio: c.ratio });
  const listeners = {
    updated: () => animating || tell(),
    // The state holds where an animated move goes from its start (a step saved meanwhile keeps it).
    animationStart: ({ to }: { to: CameraState }) => {
      animating = true;
      tell(to);
    },
    // Where it ended, which is elsewhere when it was cut short.
    animationEnd: () => {
      animating = false;
      tell();
    },
  } as const;
  for (const [event, fn] of Object.entries(listeners)) camera.on(event as keyof typeof listeners, fn);
  return () => {
    for (const [event, fn] of Object.entries(listeners)) camera.off(event as keyof typeof listeners, fn);
  };
}

/** Puts the camera where the state says (a story's step glides there). */
function placeCamera(network: NetworkView, c: Camera | null, glide = false) {
  const camera = network.renderer.getCamera();
  const now = camera.getState();
  const want = c ?? HOME;
  if (now.x === want.x && now.y === want.y && now.ratio === want.ratio) return;
  camera.cancelAnimation();
  if (glide) void camera.animate({ ...want, angle: 0 }, { duration: STEP_MS, easing: "cubicInOut" });
  else camera.setState({ ...want, angle: 0 });
}

/** The camera move an action asked for; `inset` is what the drawer covers. */
function aimCamera(network: NetworkView, { state, derived }: Frame, aim: CameraAim, inset: Inset) {
  if (aim.kind === "place") placeCamera(network, state.camera, aim.glide && !reducedMotion());
  else if (aim.kind === "home") void network.renderer.getCamera().animate(HOME, { duration: 400 });
  else if (aim.kind === "fly") void network.flyTo(aim.person, inset);
  else if (aim.kind === "reveal") void network.reveal(aim.people, inset);
  else if (state.chain) void network.fit(derived.chain ? derived.chain.people : [state.chain.a, state.chain.b], inset);
}

/** What pointing at the network does. */
const pointerActions = (actions: BoundActions) => ({
  onHover: (p: number | null) => actions.hover(p),
  onSelect: (p: number | null) => actions.selectPerson(p),
  onConnection: (a: number, b: number) => actions.openConnection(a, b),
});

export function mountNetworkView(
  el: HTMLElement,
  ds: Dataset,
  edges: EdgeIndex,
  layout: { x: Float32Array; y: Float32Array },
  first: Frame,
  actions: BoundActions,
  /** What the drawer covers of the network now. */
  inset: () => Inset,
  opts: NetworkPaneOptions = {},
): NetworkPane {
  let frame = first;
  let network: NetworkView;
  let unreport = () => {};
  /** Draws everything the frame says into a freshly built network. */
  const paint = (f: Frame) => {
    const r = f.derived.communities.result;
    if (r) network.setCommunities(r.community, r.colours);
    network.setHighlight(f.derived.highlight);
    placeCamera(network, f.state.camera);
    caption.show(network.lines, (f.state.camera ?? HOME).ratio);
  };
  let lost: LostContext | null = null;
  const caption = mountLinesCaption(el);
  const build = (f: Frame) => {
    const look = { theme: THEMES[f.derived.theme], present: f.state.flags.present === "1" };
    network = mountNetwork(el, ds, edges, layout, f.derived.stats, pointerActions(actions), look);
    opts.configure?.(network);
    unreport = reportCamera(network, (c) => actions.setCamera(c));
    network.renderer.on("webglContextLost", () => lost?.show());
    network.renderer.on("webglContextRestored", () => lost?.hide());
    paint(f);
    el.dataset.theme = f.derived.theme;
  };
  const rebuild = () => {
    unreport();
    network.dispose();
    build(frame);
  };
  build(first);
  lost = mountLostContext(el, {
    draw: (canvas) => opts.still?.(network, canvas, frame),
    rebuild,
  });

  return {
    get network() {
      return network;
    },
    update(next, prev) {
      frame = next;
      const { state, derived } = next;
      if (!prev) return;
      if (prev.derived.theme !== derived.theme || prev.state.flags.present !== state.flags.present) {
        rebuild();
        return;
      }
      if (prev.derived.stats !== derived.stats) network.setPeriod(derived.stats);
      const r = derived.communities.result;
      if (r && r !== prev.derived.communities.result) network.setCommunities(r.community, r.colours);
      if (prev.derived.highlight !== derived.highlight) network.setHighlight(derived.highlight);
      if (lost?.shown() && (prev.derived.stats !== derived.stats || prev.derived.highlight !== derived.highlight))
        lost.show();
      if (state.aim && state.aim !== prev.state.aim) aimCamera(network, next, state.aim, inset());
      if (prev.derived.stats !== derived.stats || prev.state.camera !== state.camera)
        caption.show(network.lines, (state.camera ?? HOME).ratio);
    },
    dispose() {
      caption.dispose();
      lost?.dispose();
      unreport();
      network.dispose();
    },
  };
}
