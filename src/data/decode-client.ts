// Opens a dataset's bytes in a worker (decode.worker.ts), so a large file never freezes the page:
// the bytes go in and the typed arrays come back as transfers, not copies. A small file is opened
// on the page, sooner than a worker could start; so is any file where no worker can start (a
// browser or host that refuses module workers).
import { createWorkerClient, WorkerFailure, type WorkerClient } from "../workers/client";
import { DatasetError } from "./errors";
import { openBytes, type DecodeAnswer, type DecodeRequest, type Opened } from "./opened";

/** The watchdog's budget: 30 s plus 1 s per MB, far above the 1.2 s a 22 MB file takes on 2 cores. */
export const decodeTimeoutMs = (req: DecodeRequest) => 30_000 + req.bytes.byteLength / 1000;

const decodeWorker = () => new Worker(new URL("./decode.worker.ts", import.meta.url), { type: "module" });

/** Below this a file is opened on the page's thread: it takes less than starting a worker does
 *  (the 750 kB sample opens in about 30 ms, and a worker costs about as much before it starts). */
export const ON_PAGE_BYTES = 1 << 20;

/** Opens a dataset file's bytes (handed over): a small one here, a larger one in a worker. */
export async function openDataset(bytes: Uint8Array, source: string, makeWorker = decodeWorker): Promise<Opened> {
  if (bytes.byteLength < ON_PAGE_BYTES) return openBytes(bytes, source);
  return openInWorker(bytes, source, makeWorker);
}

/** Opens `bytes` (handed over: the caller must not use them after) in a worker of its own. */
export async function openInWorker(bytes: Uint8Array, source: string, makeWorker = decodeWorker): Promise<Opened> {
  const client = createWorkerClient<DecodeRequest, DecodeAnswer>({
    name: "dataset",
    make: makeWorker,
    timeoutMs: decodeTimeoutMs,
  });
  try {
    return await openWith(client, bytes, source);
  } finally {
    client.dispose();
  }
}

async function openWith(client: WorkerClient<DecodeRequest, DecodeAnswer>, bytes: Uint8Array, source: string) {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
  const answer = await client.request({ bytes: buffer, source }, [buffer]).catch((e: unknown) => {
    // The bytes go with the request once the worker is ready; one that never started leaves them here.
    if (e instanceof WorkerFailure && e.kind === "load" && buffer.byteLength > 0)
      return { opened: openBytes(new Uint8Array(buffer), source) };
    throw e;
  });
  if (!answer) throw new Error(`${source}: the dataset was not opened`);
  if ("invalid" in answer) throw new DatasetError(answer.invalid.field, answer.invalid.problem, answer.invalid.source);
  return answer.opened;
}
