// The network as a view: draws each frame's counts, colours and highlight into sigma, keeps the
// camera in the view state (setCamera on every move; a restored view puts the camera back), and
// moves the camera for the actions that ask for it (find a person, open a chain or a connection).
// A theme change or projector mode (f.present) rebuilds the sigma instance (its styles are fixed at
// construction). A lost WebGL
// context (a page with more graphics than the browser keeps) shows a still image of the view
// until sigma restores it, or until the reader asks for the live view again.
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { THEMES } from "../theme/theme";
import { reducedMotion, STEP_MS } from "../render/motion";
import { mountLostContext, type LostContext } from "../render/lost-context";
import { mountNetwork, type Inset, type NetworkView } from "../render/network";

const HOME = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

export interface NetworkPane extends View {
  /** The live sigma network (a new one after a theme change or a lost context). */
  readonly network: NetworkView;
  /** Puts the camera back to the whole network. */
  resetCamera(): void;
}

export interface NetworkPaneOptions {
  /** Draws a still image of the view into a 2D canvas of this CSS size (the lost-context fallback). */
  still?: (network: NetworkView, canvas: HTMLCanvasElement, frame: Frame) => void;
  /** Called on every sigma instance built (settings an embed changes, e.g. gestures). */
  configure?: (network: NetworkView) => void;
}

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
  let silent = false;
  const onCamera = () => {
    if (silent) return;
    const c = network.renderer.getCamera().getState();
    actions.setCamera({ x: c.x, y: c.y, ratio: c.ratio });
  };
  /** Puts the camera where the state says, without telling the state again. */
  const place = (c: { x: number; y: number; ratio: number } | null, animate = false) => {
    const camera = network.renderer.getCamera();
    const now = camera.getState();
    const want = c ?? HOME;
    if (now.x === want.x && now.y === want.y && now.ratio === want.ratio) return;
    camera.cancelAnimation();
    silent = true;
    if (!animate) {
      camera.setState({ ...want, angle: 0 });
      silent = false;
      return;
    }
    // A story's step: the camera glides there (the state already holds where it ends).
    const done = () => void (silent = false);
    camera.animate({ ...want, angle: 0 }, { duration: STEP_MS, easing: "cubicInOut" }).then(done, done);
  };
  /** Draws everything the frame says into a freshly built network. */
  const paint = (f: Frame) => {
    const r = f.derived.communities.result;
    if (r) network.setCommunities(r.community, r.colours);
    network.setHighlight(f.derived.highlight);
    place(f.state.camera);
  };
  let lost: LostContext | null = null;
  const build = (f: Frame) => {
    network = mountNetwork(el, ds, edges, layout, f.derived.stats, {
      onHover: (p) => actions.hover(p),
      onSelect: (p) => actions.selectPerson(p),
      onConnection: (a, b) => actions.openConnection(a, b),
    }, THEMES[f.derived.theme], f.state.flags.present === "1");
    opts.configure?.(network);
    network.renderer.getCamera().on("updated", onCamera);
    network.renderer.on("webglContextLost", () => lost?.show());
    network.renderer.on("webglContextRestored", () => lost?.hide());
    paint(f);
    el.dataset.theme = f.derived.theme;
  };
  const rebuild = () => {
    network.renderer.getCamera().off("updated", onCamera);
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
    resetCamera() {
      void network.renderer.getCamera().animate(HOME, { duration: 400 });
    },
    update(next, prev) {
      frame = next;
      const { state, derived, cause } = next;
      if (!prev) return;
      if (prev.derived.theme !== derived.theme || prev.state.flags.present !== state.flags.present) {
        rebuild();
        return;
      }
      if (prev.derived.stats !== derived.stats) network.setPeriod(derived.stats);
      const r = derived.communities.result;
      if (r && r !== prev.derived.communities.result) network.setCommunities(r.community, r.colours);
      if (prev.derived.highlight !== derived.highlight) network.setHighlight(derived.highlight);
      if (lost?.shown() && (prev.derived.stats !== derived.stats || prev.derived.highlight !== derived.highlight)) lost.show();
      if (cause === "restore") place(state.camera);
      else if (cause === "playStory" || cause === "stepStory") place(state.camera, !reducedMotion());
      else if (cause === "findPerson" && state.selected !== null) void network.flyTo(state.selected, inset());
      else if (cause === "openChain" && state.chain) {
        void network.fit(derived.chain ? derived.chain.people : [state.chain.a, state.chain.b], inset());
      } else if (cause === "openConnection" && state.connection) {
        void network.reveal([state.connection.a, state.connection.b], inset());
      } else if (cause === "selectPerson" && state.selected !== null) void network.reveal([state.selected], inset());
    },
    dispose() {
      lost?.dispose();
      network.renderer.getCamera().off("updated", onCamera);
      network.dispose();
    },
  };
}
