// A read-mostly handle on window for browser tests and benchmarks (state, actions, positions,
// timings). Registered as a view, so it sees each frame.
import type { Period, PeriodStats } from "../graph/period";
import type { NetworkScene } from "../render/scene";
import { labelBox } from "../render/labels";
import type { NetworkView } from "../render/network";
import { buildNetworkScene } from "../render/scene-builder";
import type { BoundActions } from "../state/actions";
import type { Coordinator, Frame, View } from "../state/coordinator";
import type { ViewState } from "../state/view-state";

export interface Hooks extends View {
  state(): ViewState;
  frame(): Frame;
  actions: BoundActions;
  full: Period;
  /** Set when a community run has been applied (benchmarks clear it and wait). */
  communities: { count: number; modularity: number; ms: number } | null;
  /** performance.now() of the first animation frame after the network was drawn. */
  firstFrameAt: number | null;
  /** Runs community detection again for the current period (benchmarks). */
  rerunCommunities(): void;
  /** Viewport position (CSS px, relative to the network element) of a person. */
  positionOf(person: number): { x: number; y: number } | null;
  /** Resolves once the network shows the current view: at once when sigma has no frame to draw,
   *  else after the frame it has scheduled (a frame not needed costs a second on software WebGL). */
  nextFrame(): Promise<number>;
  /** The names on the network in the last frame. */
  displayedLabels(): string[];
  /** Each name's box in the last frame (text plus padding), CSS px relative to the network element. */
  labelBoxes(): LabelBoxHook[];
  /** The network as an export of width × height would draw it. */
  scene(width: number, height: number): NetworkScene;
  /** The current view's counts. */
  stats(): PeriodStats;
  /** Where sigma's camera is now (mid-flight too), as opposed to where the state says it goes. */
  camera(): { x: number; y: number; ratio: number };
}

export interface LabelBoxHook {
  text: string;
  bold: boolean;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

declare global {
  interface Window {
    switchboard?: Hooks;
  }
}

/** `pane.network` is read on each call: the network is rebuilt on a theme change or a lost context. */
export function exposeForTests(
  coord: Coordinator,
  pane: { readonly network: NetworkView },
  full: Period,
  rerun: () => void,
): Hooks {
  const hooks: Hooks = {
    state: () => coord.frame().state,
    frame: () => coord.frame(),
    actions: coord.actions,
    full,
    communities: null,
    firstFrameAt: null,
    rerunCommunities: rerun,
    stats: () => coord.frame().derived.stats,
    camera: () => {
      const c = pane.network.renderer.getCamera().getState();
      return { x: c.x, y: c.y, ratio: c.ratio };
    },
    positionOf: (p) => pane.network.positionOf(p),
    displayedLabels: () => pane.network.labels.placed().map((l) => l.text),
    labelBoxes: () => {
      const { labels } = pane.network;
      return labels.placed().map((l) => {
        const b = labelBox(l, labels.options.fontSize);
        return { text: l.text, bold: l.bold, left: b.x0, top: b.y0, right: b.x1, bottom: b.y1 };
      });
    },
    scene: (w, h) => buildNetworkScene(pane.network, w, h, pane.network.labels.options.colours()),
    nextFrame: () =>
      new Promise((resolve) => {
        const renderer = pane.network.renderer;
        const pending = renderPending(renderer);
        if (pending === false) return resolve(performance.now());
        renderer.once("afterRender", () => resolve(performance.now()));
        if (pending === null) renderer.scheduleRender();
      }),
    update({ derived }, prev) {
      const r = derived.communities.result;
      if (r && derived.communities.status === "ready" && (!prev || prev.derived.communities !== derived.communities)) {
        hooks.communities = { count: r.count, modularity: r.modularity, ms: r.ms };
      }
    },
    dispose() {
      if (window.switchboard === hooks) delete window.switchboard;
    },
  };
  window.switchboard = hooks;
  return hooks;
}

/** Whether sigma has a frame scheduled (its private `renderFrame`, the pending animation frame);
 *  null when this sigma does not say, and the caller draws one to be sure. */
function renderPending(renderer: NetworkView["renderer"]): boolean | null {
  const frame = (renderer as unknown as { renderFrame?: unknown }).renderFrame;
  return frame === undefined ? null : frame !== null;
}
