// What every reader (mbox, .eml, Maildir, CSV) yields, one item per message found or per problem.
import type { DateStyle } from "./dates";
import type { MessageFields } from "./headers";

/** The largest header block any reader reads; a larger one is skipped with a reason, never cut. */
export const MAX_HEADER_BYTES = 4 << 20;

/** Where a message or problem is in the input: file plus byte offset or line when known. */
export interface Where {
  file: string;
  offset?: number;
  line?: number;
}

export type ReaderItem =
  /** A message whose headers could be read. `sourceId` is the source's own id for links (file name,
   *  CSV id); `documentId` an id that makes it a different message from any with another one
   *  (a CSV's DocID or Bates number). `dateStyle`: how its date is written (CSV columns). */
  | {
      kind: "message";
      where: Where;
      fields: MessageFields;
      sourceId?: string;
      documentId?: string;
      dateStyle?: DateStyle;
      /** People it names by an Exchange-only address (Outlook), kept by name: counted in the report. */
      unresolved?: number;
    }
  /** A message that was found but could not be read; it is counted and skipped. */
  | { kind: "broken"; where: Where; reason: string }
  /** A file in a folder that is not read as mail (not a message, hidden, unreadable): named in the report. */
  | { kind: "file-skipped"; where: Where; reason: string }
  /** Something wrong with a whole file that did not stop the import (e.g. it is truncated). */
  | { kind: "problem"; where: Where; problem: string }
  /** A file inside an archive begins: what follows, up to the next, is read from it (the report
   *  counts each inner file's messages). */
  | { kind: "entry"; where: Where };

/** Whether a file's first bytes end their lines with CR alone (old Mac mail): they hold a CR and no LF. */
export function crOnlyLines(head: Uint8Array): boolean {
  return head.indexOf(13) >= 0 && head.indexOf(10) < 0;
}

/** CR-only line ends as LF, in a copy (the readers find lines by LF). */
export function crToLf(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = out.indexOf(13); i >= 0; i = out.indexOf(13, i + 1)) out[i] = 10;
  return out;
}

export interface ReadOptions {
  /** Called with the number of bytes consumed since the last call (for progress). */
  onBytes?: (bytes: number) => void;
}

/** An error that stops the import: names the file and what is wrong with it. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "ImportError";
  }
}

export function where(w: Where): string {
  return w.line !== undefined
    ? `${w.file}:${w.line}`
    : w.offset !== undefined
      ? `${w.file} @ byte ${w.offset}`
      : w.file;
}
