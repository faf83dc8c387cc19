// The graph both workers take (Louvain communities, the layout): people numbered 0 … nodeCount-1
// and the edges as three parallel typed arrays, which travel to a worker without copying.
export interface GraphArrays {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  /** Per edge; what a weight means is the worker's to say. */
  weight: Float32Array;
}

/** A copy of a worker's input with its own edge arrays, and their buffers to transfer: the worker
 *  takes the copy's, and the caller keeps its arrays. */
export function transferableCopy<T extends GraphArrays>(input: T): { copy: T; transfer: Transferable[] } {
  const copy: T = {
    ...input,
    source: input.source.slice(),
    target: input.target.slice(),
    weight: input.weight.slice(),
  };
  return { copy, transfer: [copy.source.buffer, copy.target.buffer, copy.weight.buffer] };
}
