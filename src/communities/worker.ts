// Web Worker body: runs Louvain off the main thread and transfers the partition back.
import { serveWorker } from "../workers/serve";
import { detectCommunities } from "./detect";
import type { CommunityAnswer, CommunityRequest } from "./protocol";

serveWorker<CommunityRequest, CommunityAnswer>((req) => {
  const t0 = performance.now();
  const out = detectCommunities(req);
  return { res: { ...out, ms: performance.now() - t0 }, transfer: [out.community.buffer] };
});
