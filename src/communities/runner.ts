// Communities as an asynchronous derived value: wanted for (connection weights, resolution), found
// by the worker, coloured against the whole-period communities (the anchor), so the same view gets
// the same colours whatever path led to it. Reports busy / ready / error; retry after a failure.
import type { Dataset } from "../data/types";
import type { EdgeIndex } from "../graph/edges";
import { SEED } from "../graph/random";
import { timed } from "../data/perf";
import type { CommunityClient } from "./client";
import type { DetectResult } from "./detect";
import { assignColours, describeCommunities, type CommunitySummary } from "./describe";

export interface CommunityResult {
  community: Int32Array;
  count: number;
  modularity: number;
  colours: string[];
  list: CommunitySummary[];
  /** Worker time of the run. */
  ms: number;
}

export interface CommunityState {
  status: "waiting" | "busy" | "ready" | "error";
  /** The latest result (kept while a new one is found, so colours do not flash). */
  result: CommunityResult | null;
  error: string | null;
}

export interface CommunityRunner {
  /** Communities are wanted for these weights (a period's, never changed after) and resolution. */
  want(weight: Float32Array, resolution: number): void;
  /** Runs again for what is wanted now (after a failure, or for a benchmark). */
  retry(): void;
  state(): CommunityState;
  dispose(): void;
}

const DEBOUNCE_MS = 120;

function sameWeights(a: Float32Array, b: Float32Array): boolean {
  if (a === b) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function createCommunityRunner(
  ds: Dataset,
  edges: EdgeIndex,
  client: CommunityClient,
  /** The whole period's weights with no filter: colours are anchored to its communities. Asked
   *  for at the first run, once (not while the page mounts: at 500,000 messages it is 50 ms). */
  anchorWeights: () => Float32Array,
  onChange: (s: CommunityState) => void,
): CommunityRunner {
  let state: CommunityState = { status: "waiting", result: null, error: null };
  let wanted: { weight: Float32Array; resolution: number } | null = null;
  let anchor: Promise<DetectResult & { ms: number }> | null = null;
  let anchorWeight: Float32Array | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let disposed = false;
  const publish = (next: CommunityState) => {
    state = next;
    if (!disposed) onChange(state);
  };
  const detect = (weight: Float32Array, resolution: number) =>
    client.detect({
      nodeCount: ds.people.count,
      source: edges.source,
      target: edges.target,
      weight,
      seed: SEED,
      resolution,
    });

  const run = async () => {
    if (!wanted || disposed) return;
    const { weight, resolution } = wanted;
    const mine = ++generation;
    if (state.status !== "busy") publish({ ...state, status: "busy", error: null });
    try {
      anchorWeight ??= anchorWeights();
      anchor ??= detect(anchorWeight, 1).then((r) => {
        if (!r) throw new Error("the anchor run was superseded");
        return r;
      });
      const base = await anchor;
      // The whole period with no filter at the default resolution is the anchor itself.
      const r = resolution === 1 && sameWeights(weight, anchorWeight) ? base : await detect(weight, resolution);
      if (!r || mine !== generation || disposed) return;
      const colours = timed("sb:colours", () => assignColours(base, r.community, r.count));
      const list = timed("sb:describe", () => describeCommunities(ds, edges, weight, r.community, r.count, colours));
      publish({ status: "ready", error: null, result: { ...r, colours, list } });
    } catch (e) {
      if (mine !== generation || disposed) return;
      anchor = null;
      publish({ status: "error", result: state.result, error: (e as Error).message });
    }
  };

  return {
    want(weight, resolution) {
      if (wanted && wanted.weight === weight && wanted.resolution === resolution) return;
      const first = state.status === "waiting";
      wanted = { weight, resolution };
      generation++; // a run in flight for other weights must not publish

      clearTimeout(timer);
      // Busy at once: what is shown is no longer this view's communities.
      if (state.status !== "busy") publish({ ...state, status: "busy", error: null });
      timer = setTimeout(() => void run(), first ? 0 : DEBOUNCE_MS);
    },
    retry() {
      clearTimeout(timer);
      generation++;
      void run();
    },
    state: () => state,
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
