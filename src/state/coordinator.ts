// The coordinator: one view state (the store), its derived values and the registered views. After
// every action it derives the values again (memoised: unchanged inputs give the same objects) and
// hands each view the new frame and the previous one; views compare what they draw from.
// Disposing the coordinator disposes every view, in reverse order of registration.
import type { ActionName, BoundActions } from "./actions";
import type { Derived } from "./derived";
import type { Store } from "./store";
import type { ViewState } from "./view-state";
import type { CommunityState } from "../communities/runner";

/** What caused a frame: an action, the first drawing, or new communities from the worker. Only the
 *  history reads it (each action says how it treats the history); views compare frames instead. */
export type Cause = ActionName | "mount" | "communities";

export interface Frame {
  state: ViewState;
  derived: Derived;
  cause: Cause;
}

/** The values a view draws from, read out of a frame (compared one by one with ===). */
export type Reads = (f: Frame) => readonly unknown[];

/** Whether a view that draws from `reads` has anything new to draw: always on the first frame. */
export function changed(reads: Reads, now: Frame, prev: Frame | null): boolean {
  if (!prev) return true;
  const [a, b] = [reads(now), reads(prev)];
  return a.length !== b.length || a.some((v, i) => v !== b[i]);
}

/** Every panel, the network and the timeline: drawn from frames, disposed once. */
export interface View {
  /** prev is null for the first frame. */
  update(frame: Frame, prev: Frame | null): void;
  dispose(): void;
}

export interface Coordinator {
  actions: BoundActions;
  frame(): Frame;
  /** Adds a view and draws the current frame in it. */
  register<V extends View>(view: V): V;
  /** Something to undo on dispose that is not a view (a listener, a timer). */
  onDispose(fn: () => void): void;
  /** New communities (or their status) from the runner. */
  setCommunities(c: CommunityState): void;
  dispose(): void;
}

export function createCoordinator(
  store: Store,
  derive: (s: ViewState, c: CommunityState) => Derived,
  communities: CommunityState,
): Coordinator {
  let community = communities;
  let frame: Frame = { state: store.get(), derived: derive(store.get(), community), cause: "mount" };
  const views: View[] = [];
  const cleanups: (() => void)[] = [];
  let disposed = false;
  // A view that acts while frames are handed out (the runner turning busy) queues its frame: every
  // view sees every frame, in order, and never a stale one after a newer one.
  const queue: { state: ViewState; cause: Cause }[] = [];
  let emitting = false;
  const emit = (cause: Cause) => {
    queue.push({ state: store.get(), cause });
    if (emitting) return;
    emitting = true;
    try {
      for (let next = queue.shift(); next && !disposed; next = queue.shift()) {
        const prev = frame;
        frame = { state: next.state, derived: derive(next.state, community), cause: next.cause };
        // One view that fails must not leave the others behind.
        for (const v of [...views]) {
          try {
            v.update(frame, prev);
          } catch (e) {
            console.error(e);
          }
        }
      }
    } finally {
      emitting = false;
      queue.length = 0;
    }
  };
  const unsubscribe = store.subscribe((_s, _prev, action) => emit(action));
  return {
    actions: store.actions,
    frame: () => frame,
    register(view) {
      views.push(view);
      view.update(frame, null);
      return view;
    },
    onDispose(fn) {
      cleanups.push(fn);
    },
    setCommunities(c) {
      community = c;
      emit("communities");
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      for (const fn of cleanups.reverse()) fn();
      for (const v of views.reverse()) v.dispose();
    },
  };
}
