// Loading a dataset from a URL or a File: fetch/read -> JSON.parse -> validate -> decode.
import { decodeDataset } from "./decode";
import { DatasetError } from "./errors";
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

export async function loadDatasetFromUrl(url: string, signal?: AbortSignal): Promise<Dataset> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DatasetError("(file)", `could not be fetched (${(e as Error).message})`, url);
  }
  if (!res.ok) throw new DatasetError("(file)", `could not be loaded: HTTP ${res.status} ${res.statusText}`.trim(), url);
  const text = await res.text();
  signal?.throwIfAborted();
  return parseDataset(text, url);
}

export async function loadDatasetFromFile(file: File): Promise<Dataset> {
  return parseDataset(await file.text(), file.name);
}
