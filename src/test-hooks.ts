// A read-mostly handle on window for browser tests and benchmarks (state, actions, positions,
// timings). Registered as a view, so it sees each frame.
import type { Period, PeriodStats } from "./graph/period";
import type { NetworkView } from "./render/network";
import type { BoundActions } from "./state/actions";
import type { Coordinator, Frame, View } from "./state/coordinator";
import type { ViewState } from "./state/view-state";

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
  /** Resolves after the next frame sigma draws. */
  nextFrame(): Promise<number>;
  /** Labels sigma drew in the last frame. */
  displayedLabels(): string[];
  /** The current view's counts. */
  stats(): PeriodStats;
}

declare global {
  interface Window {
    switchboard?: Hooks;
  }
}

export function exposeForTests(coord: Coordinator, network: NetworkView, full: Period, rerun: () => void): Hooks {
  const renderer = network.renderer;
  const hooks: Hooks = {
    state: () => coord.frame().state,
    frame: () => coord.frame(),
    actions: coord.actions,
    full,
    communities: null,
    firstFrameAt: null,
    rerunCommunities: rerun,
    stats: () => coord.frame().derived.stats,
    positionOf: (p) => network.positionOf(p),
    displayedLabels: () => [...renderer.getNodeDisplayedLabels()].map((k) => renderer.getGraph().getNodeAttribute(k, "label")),
    nextFrame: () =>
      new Promise((resolve) => {
        renderer.once("afterRender", () => resolve(performance.now()));
        renderer.scheduleRender();
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
