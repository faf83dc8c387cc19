// The layout a dataset file carries, as the importer and the sample generator write it: computed
// with the one seed the app uses, positions rounded to a tenth (the file stays small).
import { decodeDataset } from "../data/decode";
import type { DatasetFile } from "../data/types";
import { buildEdgeIndex } from "./edges";
import { computeLayout } from "./layout";
import { SEED } from "./random";

export function layoutForFile(file: DatasetFile): { x: number[]; y: number[] } {
  const ds = decodeDataset(file);
  const edges = buildEdgeIndex(ds);
  const { x, y } = computeLayout({
    nodeCount: ds.people.count,
    source: edges.source,
    target: edges.target,
    weight: edges.strength,
    seed: SEED,
  });
  const round = (a: Float32Array) => Array.from(a, (v) => Math.round(v * 10) / 10);
  return { x: round(x), y: round(y) };
}
