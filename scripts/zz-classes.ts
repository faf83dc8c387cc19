import { readFileSync } from "node:fs";
import { decodeDataset } from "../src/data/decode";
import { buildEdgeIndex } from "../src/graph/edges";
import { edgeClass } from "../src/render/sizes";
for (const f of process.argv.slice(2)) {
  const ds = decodeDataset(JSON.parse(readFileSync(f, "utf8")));
  const ix = buildEdgeIndex(ds);
  const counts = [0, 0, 0, 0, 0];
  for (let e = 0; e < ix.count; e++) counts[edgeClass(ix.totalWeight[e])]++;
  console.log(f, ix.count, counts.join(" "));
}
