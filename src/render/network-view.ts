// The network as a view: draws each frame's counts, colours and highlight into sigma, keeps the
// camera in the view state (setCamera on every move; a restored view puts the camera back), and
// moves the camera for the actions that ask for it (find a person, open a chain or a connection).
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import type { BoundActions } from "../state/actions";
import type { Frame, View } from "../state/coordinator";
import { mountNetwork, type Inset, type NetworkView } from "./network";

const HOME = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

export interface NetworkPane extends View {
  network: NetworkView;
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
): NetworkPane {
  const network = mountNetwork(el, ds, edges, layout, first.derived.stats, {
    onHover: (p) => actions.hover(p),
    onSelect: (p) => actions.selectPerson(p),
    onConnection: (a, b) => actions.openConnection(a, b),
  });
  const camera = network.renderer.getCamera();
  let silent = false;
  const onCamera = () => {
    if (silent) return;
    const c = camera.getState();
    actions.setCamera({ x: c.x, y: c.y, ratio: c.ratio });
  };
  camera.on("updated", onCamera);
  /** Puts the camera where the state says, without telling the state again. */
  const place = (c: { x: number; y: number; ratio: number } | null) => {
    const now = camera.getState();
    const want = c ?? HOME;
    if (now.x === want.x && now.y === want.y && now.ratio === want.ratio) return;
    camera.cancelAnimation();
    silent = true;
    camera.setState({ ...want, angle: 0 });
    silent = false;
  };

  return {
    network,
    update({ state, derived, cause }, prev) {
      if (!prev) {
        if (derived.communities.result) network.setCommunities(derived.communities.result.community, derived.communities.result.colours);
        network.setHighlight(derived.highlight);
        place(state.camera);
        return;
      }
      if (prev.derived.stats !== derived.stats) network.setPeriod(derived.stats);
      const r = derived.communities.result;
      if (r && r !== prev.derived.communities.result) network.setCommunities(r.community, r.colours);
      if (prev.derived.highlight !== derived.highlight) network.setHighlight(derived.highlight);
      if (cause === "restore") place(state.camera);
      else if (cause === "findPerson" && state.selected !== null) void network.flyTo(state.selected, inset());
      else if (cause === "openChain" && state.chain) {
        void network.fit(derived.chain ? derived.chain.people : [state.chain.a, state.chain.b], inset());
      } else if (cause === "openConnection" && state.connection) {
        void network.reveal([state.connection.a, state.connection.b], inset());
      } else if (cause === "selectPerson" && state.selected !== null) void network.reveal([state.selected], inset());
    },
    dispose() {
      camera.off("updated", onCamera);
      network.dispose();
    },
  };
}
