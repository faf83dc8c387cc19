// What the communities client and its worker exchange (over the generic protocol in src/workers/).
import type { GraphArrays } from "../graph/graph-input";
import type { DetectRequest, DetectResult } from "./detect";

export type CommunityRequest = DetectRequest;

/** The partition and the time detection took in the worker (ms). */
export type CommunityAnswer = DetectResult & { ms: number };

/** The watchdog's budget: 10 s, plus 40 µs per edge listed (weight 0 included), about 20× what
 *  Louvain takes on a 2-core laptop (1 s for 250,000 edges), so only a stuck worker trips it. */
export function communityTimeoutMs(req: GraphArrays): number {
  return 10_000 + (40 * req.source.length) / 1000;
}
