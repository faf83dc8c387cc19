// ZIP archives, as leaks and legal productions arrive: every entry read in turn as a stream (never
// the whole archive in memory), judged by its content as a folder's files are: an mbox, a mail
// message, a CSV, a gzipped one of those, or a ZIP inside the ZIP (read the same way). Encrypted
// entries, damaged entries and files that are not mail are named in the report; the rest go on.
// zip.js reads a Blob: a File in the page, `fs.openAsBlob` on the command line.
import { BlobReader, BlobWriter, configure, type Entry, type FileEntry, ZipReader } from "@zip.js/zip.js";
import { decodeHead, readCsv } from "./csv";
import type { CsvColumns } from "./csv-columns";
import type { DateStyle } from "./dates";
import { isCsvHeader } from "./detect";
import { notMailByName, readMailFile } from "./files";
import { isSeparatorLine, readMbox } from "./mbox";
import { ImportError, type ReaderItem } from "./reader";
import { gunzipped, headOf, isGzip, isZip, type ByteSource } from "./source";

// The import already runs off the page's thread (or in Node): no workers of zip.js's own.
configure({ useWebWorkers: false });

export interface ZipOptions {
  onBytes?: (bytes: number) => void;
  columns: CsvColumns;
  dateStyle?: DateStyle;
}

/** An entry's bytes, streamed out of the archive; its CRC is checked as it ends. */
function entrySource(name: string, entry: FileEntry): ByteSource {
  return {
    name,
    size: entry.uncompressedSize,
    chunks: async function* () {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const done = entry.getData(writable, { checkSignature: true }).then(
        () => null,
        (err: unknown) => err,
      );
      const reader = readable.getReader();
      try {
        for (;;) {
          const { done: end, value } = await reader.read();
          if (end) break;
          yield value;
        }
      } finally {
        await reader.cancel().catch(() => {});
      }
      const err = await done;
      if (err) throw err;
    },
  };
}

/** What an entry holds, from its first bytes (gunzipped when it is gzipped). */
async function* readEntry(src: ByteSource, entry: FileEntry, opts: ZipOptions): AsyncGenerator<ReaderItem> {
  let head = await headOf(src, 64 << 10);
  if (isZip(head)) {
    const blob = await entry.getData(new BlobWriter(), { checkSignature: true });
    return yield* readZipBlob(src.name, blob, opts);
  }
  if (isGzip(head)) {
    src = gunzipped(src);
    head = await headOf(src, 64 << 10);
  }
  const nl = head.indexOf(10);
  const firstLine = head.toString("latin1", 0, nl < 0 ? head.length : nl).replace(/\r$/, "");
  if (isSeparatorLine(firstLine)) return yield* readMbox(src, {});
  const csv = decodeHead(head);
  if (/\.(csv|tsv)(\.gz)?$/i.test(src.name) || (!head.includes(0) && isCsvHeader(csv, opts.columns, src.name)))
    return yield* readCsv(src, csv, opts.columns, { dateStyle: opts.dateStyle });
  yield* readMailFile(src, /\.eml(\.gz)?$/i.test(src.name), {});
}

function skipped(name: string, entry: Entry): string | null {
  const parts = entry.filename.split("/");
  const byName = notMailByName({ path: name, fsPath: name, parents: parts.slice(0, -1), size: 0 });
  if (byName) return byName;
  if (entry.encrypted)
    return "encrypted (password-protected): extract the archive with its password, then import the files";
  return null;
}

/** Every entry of an archive held in a Blob; `name` is the archive's as the report shows it. */
export async function* readZipBlob(name: string, blob: Blob, opts: ZipOptions): AsyncGenerator<ReaderItem> {
  const zip = new ZipReader(new BlobReader(blob));
  try {
    let entries: AsyncGenerator<Entry, boolean>;
    try {
      entries = zip.getEntriesGenerator();
    } catch (err) {
      throw new ImportError(name, `not a readable ZIP archive (${(err as Error).message})`);
    }
    for await (const entry of readable(entries, name)) {
      if (entry.directory) continue;
      const inner = `${name}/${entry.filename}`;
      yield { kind: "entry", where: { file: inner } };
      const why = skipped(inner, entry);
      if (why) yield { kind: "file-skipped", where: { file: inner }, reason: why };
      else {
        try {
          yield* readEntry(entrySource(inner, entry), entry, opts);
        } catch (err) {
          if (err instanceof ImportError) throw err;
          yield {
            kind: "problem",
            where: { file: inner },
            problem: `could not be read from the archive (${(err as Error).message}); what came before the damage was kept`,
          };
        }
      }
      opts.onBytes?.(entry.compressedSize);
    }
  } finally {
    await zip.close();
  }
}

/** The archive's entries; an archive whose directory cannot be read stops the import, named. */
async function* readable(entries: AsyncGenerator<Entry, boolean>, name: string): AsyncGenerator<Entry> {
  try {
    for await (const e of entries) yield e;
  } catch (err) {
    throw new ImportError(name, `not a readable ZIP archive (${(err as Error).message})`);
  }
}

/** A ZIP file on disk. In Node, zip.js's own inflate is twice as quick as the native
 *  DecompressionStream (a 98 MB entry: 250 against 600 ms), so it is used here. */
export async function* readZip(path: string, opts: ZipOptions): AsyncGenerator<ReaderItem> {
  const { openAsBlob } = await import("node:fs");
  configure({ useCompressionStream: false });
  yield* readZipBlob(path, await openAsBlob(path), opts);
}
