// What every panel reads: the dataset, its indexes built once, and the store.
import type { Dataset } from "../data/types";
import type { Adjacency } from "../graph/adjacency";
import type { EdgeIndex } from "../graph/edges";
import type { AppState } from "../state/app-state";
import type { Store } from "../state/store";
import type { PeopleIndex } from "./people-index";

export interface PanelContext {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  people: PeopleIndex;
  /** The timeline's bin edges (UTC ms), for sparklines on the same axis. */
  binEdges: Float64Array;
  store: Store<AppState>;
  /** The person's community in the current run, or null before the first run. */
  communityOf(p: number): { label: string; colour: string; size: number } | null;
}
