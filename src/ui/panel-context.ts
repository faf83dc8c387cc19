// What every panel reads: the dataset, its indexes built once, and the bound actions (never the store).
import type { Dataset } from "../data/types";
import type { Adjacency } from "../graph/adjacency";
import type { EdgeIndex } from "../graph/edges";
import type { CommunityState } from "../communities/runner";
import type { BoundActions } from "../state/actions";
import type { PeopleIndex } from "../data/people-index";

export interface PanelContext {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  people: PeopleIndex;
  /** The timeline's bin edges (UTC ms), for sparklines on the same axis. */
  binEdges: Float64Array;
  actions: BoundActions;
}

/** A person's community in the current run, or null before the first run. */
export function communityOf(c: CommunityState, p: number): { label: string; colour: string; size: number } | null {
  const r = c.result;
  const k = r ? r.community[p] : -1;
  return r && k >= 0 ? { label: r.list[k].label, colour: r.colours[k], size: r.list[k].size } : null;
}
