// Datasets the browser tests serve besides the sample: a synthetic corpus from the sample's own
// generator (with or without a precomputed layout) and tiny hand-written ones.
import { encodeDataset } from "../../src/data/decode";
import type { DatasetFile } from "../../src/data/types";
import { makeCorpus } from "../../scripts/sample/model";

export interface CorpusOptions {
  people?: number;
  messages?: number;
  seed?: number;
  layout?: boolean;
  source?: string;
}

/** A generated corpus (120 people, 900 messages, seed 5 unless told); `layout` adds fixed positions,
 *  otherwise the app lays it out in its worker. */
export function corpus(title: string, opts: CorpusOptions = {}): DatasetFile {
  const { people, messages } = makeCorpus({
    people: opts.people ?? 120,
    messages: opts.messages ?? 900,
    seed: opts.seed ?? 5,
  });
  const file = encodeDataset({
    meta: { title, synthetic: false, timeZone: "UTC", ...(opts.source ? { source: opts.source } : {}) },
    people: { address: people.map((p) => p.address), name: people.map((p) => p.name) },
    messages,
  });
  if (opts.layout) file.layout = { x: people.map((_, i) => Math.cos(i)), y: people.map((_, i) => Math.sin(i * 1.3)) };
  return file;
}
