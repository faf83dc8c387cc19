// Worker side of the protocol: runs a handler for each request, answers with its result (and the
// buffers to transfer) or its error text, and says "ready" once the worker's module has loaded.
import type { AnswerMessage, ReadyMessage, RequestMessage } from "./protocol";

/** What a handler returns: the result, and the buffers inside it to transfer rather than copy. */
export interface Served<Res> {
  res: Res;
  transfer?: Transferable[];
}

/** The part of a worker's global scope this needs (a parameter so tests can pass a stand-in). */
export interface WorkerScope {
  onmessage: ((ev: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** Call at the end of a worker module's top level: answers requests with `handler`, then posts
 *  "ready". A handler may be async; the client sends one request at a time. */
export function serveWorker<Req, Res>(
  handler: (req: Req) => Served<Res> | Promise<Served<Res>>,
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  scope.onmessage = async (ev: MessageEvent) => {
    const { id, req } = ev.data as RequestMessage<Req>;
    const t0 = performance.now();
    try {
      const { res, transfer = [] } = await handler(req);
      const answer: AnswerMessage<Res> = { id, ok: true, res, ms: performance.now() - t0 };
      scope.postMessage(answer, transfer);
    } catch (e) {
      const answer: AnswerMessage<Res> = { id, ok: false, error: e instanceof Error ? e.message || e.name : String(e) };
      scope.postMessage(answer);
    }
  };
  const ready: ReadyMessage = { type: "ready" };
  scope.postMessage(ready);
}
