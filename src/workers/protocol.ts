// Messages between a worker client (client.ts) and a worker body (serve.ts), for any request and
// result types. The worker says when it is ready; each request carries an id its answer repeats.

/** Posted once by the worker when its module has loaded (every import resolved, top level run). */
export interface ReadyMessage {
  type: "ready";
}

/** A request; its transferable buffers travel in postMessage's transfer list. */
export interface RequestMessage<Req> {
  id: number;
  req: Req;
}

/** An answer: the handler's result and the time it took in the worker (ms), or its error text. */
export type AnswerMessage<Res> =
  | { id: number; ok: true; res: Res; ms: number }
  | { id: number; ok: false; error: string };

export type WorkerMessage<Res> = ReadyMessage | AnswerMessage<Res>;

export function isReady<Res>(msg: WorkerMessage<Res>): msg is ReadyMessage {
  return "type" in msg && msg.type === "ready";
}
