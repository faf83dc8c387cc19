// Where a reader's bytes come from: a file, a file inside a ZIP, or either of them gzipped. A
// source can be read more than once (a CSV is read in two passes), chunk by chunk, never whole.
// The readers see only this interface; a host in the page would give Files and the web's
// DecompressionStream where this gives Node's files and zlib.
import { createReadStream } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export interface ByteSource {
  /** What the report calls it: a path, or `archive.zip/inner/path`. */
  name: string;
  /** Its size in bytes when known before reading (a gzip's is not). */
  size: number | null;
  /** Its bytes from the start; `step` is the chunk size wanted (a hint: a file honours it). */
  chunks(step?: number): AsyncIterable<Uint8Array>;
}

/** A file on disk (`fsPath`: the name as the file system has it, when not UTF-8). */
export function fileSource(name: string, size: number | null = null, fsPath: string | Buffer = name): ByteSource {
  return {
    name,
    size,
    chunks: (step = 1 << 20) => createReadStream(fsPath, { highWaterMark: step }) as AsyncIterable<Buffer>,
  };
}

/** A ZIP's local file header, or the end record of an empty ZIP. */
export const isZip = (head: Uint8Array) =>
  head.length >= 4 &&
  head[0] === 0x50 &&
  head[1] === 0x4b &&
  (head[2] === 3 || head[2] === 5) &&
  head[3] === head[2] + 1;

/** gzip's magic number. */
export const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/** The source's bytes gunzipped; the name stays (the report names the .gz file). Node's zlib:
 *  four times as quick here as the web's DecompressionStream (100 against 440 ms for 98 MB). */
export function gunzipped(src: ByteSource): ByteSource {
  return {
    name: src.name,
    size: null,
    chunks: () => {
      const gunzip = createGunzip({ chunkSize: 1 << 20 });
      // A source that fails, or data that is not gzip, ends the iteration with the error.
      pipeline(Readable.from(src.chunks()), gunzip, () => {});
      return gunzip as AsyncIterable<Buffer>;
    },
  };
}

/** The first `max` bytes (fewer when the source is shorter), read as chunks and then let go. */
export async function headOf(src: ByteSource, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  for await (const chunk of src.chunks()) {
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    got += chunk.byteLength;
    if (got >= max) break;
  }
  return Buffer.concat(parts).subarray(0, max);
}
