// A dataset as opened: bytes -> text -> JSON -> validated -> decoded, with its edge index and
// adjacency (the indexes every view needs, and the costliest to build). Pure and synchronous:
// the decode worker runs it off the page's thread (decode-client.ts); tests call it directly.
import { buildAdjacency, type Adjacency } from "../graph/adjacency";
import { buildEdgeIndex, type EdgeIndex } from "../graph/edges";
import type { Served } from "../workers/serve";
import { DatasetError } from "./errors";
import { parseDataset } from "./load";
import type { Dataset } from "./types";

export interface Opened {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
}

/** UTF-8 bytes of a dataset file, opened; throws a DatasetError naming `source` when it is not one. */
export function openBytes(bytes: Uint8Array, source: string): Opened {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DatasetError("(file)", "is not UTF-8 text", source);
  }
  const ds = parseDataset(text, source);
  const edges = buildEdgeIndex(ds);
  return { ds, edges, adj: buildAdjacency(ds, edges) };
}

/** The buffers of an opened dataset's typed arrays, once each: what a worker transfers, not copies. */
export function openedBuffers({ ds, edges, adj }: Opened): ArrayBuffer[] {
  const views = (o: object) => Object.values(o).flatMap((v: unknown) => (ArrayBuffer.isView(v) ? [v] : []));
  const all = [...views(ds.messages), ...(ds.layout ? views(ds.layout) : []), ...views(edges), ...views(adj)];
  return [...new Set(all.map((v) => v.buffer as ArrayBuffer))];
}

/** What the decode worker is asked: a file's bytes (transferred) and its name for messages. */
export interface DecodeRequest {
  bytes: ArrayBuffer;
  source: string;
}
/** Its answer: the dataset opened, or what makes the file invalid (a DatasetError's parts). */
export type DecodeAnswer = { opened: Opened } | { invalid: { field: string; problem: string; source: string } };

/** The decode worker's handler: a DatasetError comes back as a value, so the page can show its
 *  file, field and record as it would have had it opened the file itself. */
export function answerDecode(req: DecodeRequest): Served<DecodeAnswer> {
  try {
    const opened = openBytes(new Uint8Array(req.bytes), req.source);
    return { res: { opened }, transfer: openedBuffers(opened) };
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    return { res: { invalid: { field: e.field, problem: e.problem, source: e.source } } };
  }
}
