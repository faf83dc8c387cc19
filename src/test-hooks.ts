// A read-mostly handle on window for browser tests and benchmarks (positions, timings, state).
import type { Period, PeriodStats } from "./graph/period";
import type { NetworkView } from "./render/network";
import type { AppState } from "./state/app-state";
import type { Store } from "./state/store";

export interface Hooks {
  store: Store<AppState>;
  full: Period;
  communities: { count: number; modularity: number; ms: number } | null;
  /** performance.now() of the first animation frame after the network was drawn, i.e. when the
   *  first frame is on screen. */
  firstFrameAt: number | null;
  /** Runs community detection again for the current period (benchmarks). */
  rerunCommunities(): void;
  /** Viewport position (CSS px, relative to the network element) of a person. */
  positionOf(person: number): { x: number; y: number } | null;
  /** Resolves after the next frame sigma draws. */
  nextFrame(): Promise<number>;
  /** Labels sigma drew in the last frame. */
  displayedLabels(): string[];
  /** The current view's counts (benchmarks pick people from them). */
  stats(): PeriodStats;
}

declare global {
  interface Window {
    switchboard?: Hooks;
  }
}

export function exposeForTests(ctx: { store: Store<AppState>; network: NetworkView; full: Period; rerunCommunities(): void; stats(): PeriodStats }): Hooks {
  const hooks: Hooks = {
    stats: ctx.stats,
    firstFrameAt: null,
    rerunCommunities: ctx.rerunCommunities,
    store: ctx.store,
    full: ctx.full,
    communities: null,
    positionOf: (p) => ctx.network.positionOf(p),
    displayedLabels: () => [...ctx.network.renderer.getNodeDisplayedLabels()].map((k) => ctx.network.renderer.getGraph().getNodeAttribute(k, "label")),
    nextFrame: () =>
      new Promise((resolve) => {
        ctx.network.renderer.once("afterRender", () => resolve(performance.now()));
        ctx.network.renderer.scheduleRender();
      }),
  };
  window.switchboard = hooks;
  return hooks;
}
