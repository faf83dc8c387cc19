// Derived values, declared once from their inputs: the people the organisation filter keeps, the
// period's counts, the timeline's kept bars, the chain, the highlight. Each is recomputed only when
// an input changes and is never modified after it is published (views compare them by identity).
import type { Dataset } from "../data/types";
import type { Adjacency } from "../graph/adjacency";
import { strongestChain, type Chain } from "../graph/chain";
import type { EdgeIndex } from "../graph/edges";
import { allowedPeople, DEFAULT_FILTERS, type Filters } from "../graph/filters";
import { computePeriodStats, messageRule, type Focus, type PeriodStats } from "../graph/period";
import type { CommunityState } from "../communities/runner";
import { highlightFor, type Highlight } from "../graph/highlight";
import { correspondents, summarisePerson, type Correspondent, type PersonSummary } from "../graph/person";
import { binShown } from "../time/bins";
import { resolveTheme, type ThemeName } from "../theme/theme";
import { memo } from "./memo";
import type { Pair, ViewState } from "./view-state";

export interface Derived {
  allowed: Uint8Array;
  stats: PeriodStats;
  /** Messages per timeline bar that the filters keep. */
  shownBins: Int32Array;
  /** The strongest chain for the open chain pair; null when none is open or none joins them. */
  chain: Chain | null;
  communities: CommunityState;
  /** The selected person's counts and correspondents in the period (null: no one selected). */
  person: PersonSummary | null;
  /** Everyone they exchanged shown messages with, most first: the arrow keys' order. */
  correspondents: Correspondent[];
  /** The highlighted community's number in the current run (from the member that names it). */
  litCommunity: number | null;
  highlight: Highlight | null;
  /** The theme shown: the view's choice, else the reader's system preference. */
  theme: ThemeName;
}

export interface DeriveInputs {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  binEdges: Float64Array;
}

/** A function from (view state, community state) to the derived values, memoised per value. */
export function createDerive({ ds, edges, adj, binEdges }: DeriveInputs): (s: ViewState, c: CommunityState) => Derived {
  const allowed = memo((orgs: string[], orgMode: Filters["orgMode"]) =>
    allowedPeople(ds, { ...DEFAULT_FILTERS, orgs, orgMode }),
  );
  const stats = memo((start: number, end: number, filters: Filters, focus: Focus | null, keep: Uint8Array) =>
    computePeriodStats(ds, edges, { start, end }, { filters, allowed: keep, focus, adjacency: adj }),
  );
  const shownBins = memo((roles: Filters["roles"], mass: number | null, keep: Uint8Array) =>
    binShown(ds, edges, messageRule({ ...DEFAULT_FILTERS, roles, massMailing: mass }, keep), binEdges),
  );
  const chain = memo((pair: Pair | null, w: Float32Array) =>
    pair ? strongestChain(adj, edges, w, pair.a, pair.b) : null,
  );
  const person = memo((p: number | null, st: PeriodStats) =>
    p === null ? null : summarisePerson(ds, edges, adj, st, p),
  );
  const order = memo((summary: PersonSummary | null) => (summary ? correspondents(summary) : []));
  // The highlight reads the community assignment only: the runner turning busy or ready with the
  // same assignment changes nothing lit.
  const lit = memo((member: number | null, of: Int32Array | null) =>
    member === null || !of || of[member] < 0 ? null : of[member],
  );
  const highlight = memo(
    (
      hovered: number | null,
      selected: number | null,
      connection: Pair | null,
      ch: Chain | null,
      c: number | null,
      of: Int32Array | null,
      w: Float32Array,
    ) => {
      const community = c !== null && of ? { of, lit: c } : null;
      return highlightFor({ hovered, selected, connection, chain: ch, community }, edges, adj, w);
    },
  );

  return (s, communities) => {
    const f = s.filters;
    const keep = allowed(f.orgs, f.orgMode);
    const st = stats(s.period.start, s.period.end, f, s.focus, keep);
    const ch = chain(s.chain, st.edgeWeight);
    const assignment = communities.result?.community ?? null;
    const litCommunity = lit(s.community, assignment);
    const summary = person(s.selected, st);
    return {
      allowed: keep,
      stats: st,
      shownBins: shownBins(f.roles, f.massMailing, keep),
      chain: ch,
      person: summary,
      correspondents: order(summary),
      communities,
      litCommunity,
      highlight: highlight(s.hovered, s.selected, s.connection, ch, litCommunity, assignment, st.edgeWeight),
      theme: resolveTheme(s.flags.theme, s.systemDark),
    };
  };
}
