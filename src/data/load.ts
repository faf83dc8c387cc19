// Loading a dataset from a URL or a File: fetch/read the bytes (reporting download progress), then
// open them (opened.ts: JSON.parse -> validate -> decode -> indexes; in the page, a large file in
// a worker: decode-client.ts).
import { concatBytes } from "./bytes";
import { decodeDataset } from "./decode";
import { DatasetError } from "./errors";
import type { Opened } from "./opened";
import type { Dataset } from "./types";
import { validateDataset } from "./validate";

export function parseDataset(text: string, source: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DatasetError("(file)", `is not valid JSON (${(e as Error).message})`, source);
  }
  return decodeDataset(validateDataset(json, source));
}

/** How much of a download has arrived; total is null when the server does not say (or compresses). */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
}

/** The body's size in bytes as it will arrive, when the response says: not when it is compressed
 *  (Content-Length then counts the compressed bytes, and the body is read decompressed). */
function expectedSize(res: Response): number | null {
  const encoding = res.headers.get("Content-Encoding");
  if (encoding && encoding.toLowerCase() !== "identity") return null;
  const length = Number(res.headers.get("Content-Length") ?? NaN);
  return Number.isSafeInteger(length) && length > 0 ? length : null;
}

/** Reads the body as a stream, reporting progress after each chunk, into one array of bytes. */
async function readBytes(
  res: Response,
  signal: AbortSignal | undefined,
  onProgress: (p: DownloadProgress) => void,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  let total = expectedSize(res);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (signal?.aborted) {
      await reader.cancel();
      signal.throwIfAborted();
    }
    loaded += value.byteLength;
    parts.push(value);
    if (total !== null && loaded > total) total = null;
    onProgress({ loaded, total });
  }
  return concatBytes(parts);
}

/** Opens a dataset file's bytes (they are handed over): openDataset in the page, openBytes elsewhere. */
export type OpenBytes = (bytes: Uint8Array, source: string) => Promise<Opened>;

/** Fetches and opens a dataset; onProgress hears how much has arrived as it downloads. */
export async function loadDatasetFromUrl(
  url: string,
  open: OpenBytes,
  signal?: AbortSignal,
  onProgress: (p: DownloadProgress) => void = () => {},
): Promise<Opened> {
  let res: Response;
  let bytes: Uint8Array;
  try {
    // Never followed: a redirect (an open one on this host) could hand another site's dataset to
    // the app under this site's address, and would make a request to another host.
    res = await fetch(url, { signal, redirect: "manual" });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DatasetError("(file)", `could not be fetched (${(e as Error).message})`, url);
  }
  if (res.type === "opaqueredirect" || (res.status >= 300 && res.status < 400))
    throw new DatasetError(
      "(file)",
      "the server answered with a redirect, which Switchboard does not follow for datasets: give the dataset's own address",
      url,
    );
  if (!res.ok)
    throw new DatasetError("(file)", `could not be loaded: HTTP ${res.status} ${res.statusText}`.trim(), url);
  try {
    bytes = await readBytes(res, signal, onProgress);
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DatasetError("(file)", `could not be downloaded (${(e as Error).message})`, url);
  }
  signal?.throwIfAborted();
  return open(bytes, url);
}

export async function loadDatasetFromFile(file: File, open: OpenBytes): Promise<Opened> {
  return open(new Uint8Array(await file.arrayBuffer()), file.name);
}
