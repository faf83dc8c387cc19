// Streaming mbox reader: finds each message by its `From ` separator line, parses the header block
// and skips the body without decoding it, so memory stays flat however large the file is.
import type { ByteSource } from "./source";
import { parseHeaderBlock } from "./headers";
import { crOnlyLines, crToLf, MAX_HEADER_BYTES, type ReadOptions, type ReaderItem } from "./reader";

const NL = 10;
const FROM_LINE = Buffer.from("\nFrom ");

/** A `From ` line that starts a message (mboxo/mboxrd, pipermail, Google Takeout): the word, a
 *  sender (any bytes, even non-ASCII), then a date with a time of day and a year. */
export function isSeparatorLine(line: string): boolean {
  return line.startsWith("From ") && /\d{1,2}:\d{2}/.test(line) && /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/.test(line);
}

/** Index of the first empty line at or after `from` (the `\n` that ends the line before it), or -1.
 *  The CRLF search stops where the LF one matched, so neither scans the whole buffer per message. */
function blankLine(buf: Buffer, from: number): number {
  const a = buf.indexOf("\n\n", from);
  const b = (a < 0 ? buf : buf.subarray(0, a)).indexOf("\n\r\n", from);
  return b < 0 ? a : b;
}

/** `file` names the mbox in the report; `fsPath` opens it (the bytes of a name that is not UTF-8). */
/** An mboxcl2 message's body length, from its `Content-Length` header. */
function contentLength(block: Buffer): number | null {
  // Most blocks have none: look at the bytes before making a string of them.
  if (!block.includes("ength:") && !block.includes("ENGTH:")) return null;
  const m = /^content-length:[ \t]*(\d{1,12})[ \t]*\r?$/im.exec(block.toString("latin1"));
  return m ? Number(m[1]) : null;
}

/** Where a body of a stated length ends: the next separator line's index, "eof", "bad" when no
 *  separator follows it (the length is wrong), or "wait" for more of the file. */
function lengthEnd(buf: Buffer, at: number, final: boolean): number | "eof" | "bad" | "wait" {
  if (at > buf.length) return final ? "bad" : "wait";
  if (at + 2 >= buf.length && !final) return "wait";
  let p = at;
  for (let k = 0; k < 2; k++) p += buf[p] === NL ? 1 : buf[p] === 13 && buf[p + 1] === NL ? 2 : 0;
  if (p >= buf.length) return final ? "eof" : "wait";
  const nl = buf.indexOf(NL, p);
  if (nl < 0 && !final) return "wait";
  return isSeparatorLine(buf.toString("latin1", p, nl < 0 ? buf.length : nl)) ? p : "bad";
}

export async function* readMbox(src: ByteSource, opts: ReadOptions = {}): AsyncGenerator<ReaderItem> {
  const file = src.name;
  let buf: Buffer = Buffer.alloc(0);
  let base = 0; // file offset of buf[0]
  let state = "start" as "start" | "headers" | "body";
  let msgStart = 0; // buf index of the current message's separator line
  let hdrStart = 0; // buf index of its first header line
  let scan = 0; // buf index where the next search starts
  let lastByte = NL;
  /** mboxcl2: the file offset where the current body ends, by its Content-Length. */
  let jump: number | null = null;
  /** While jumping: the first separator line inside the body, should the length prove wrong. */
  let fallback = -1;

  const headerItem = (end: number): ReaderItem => {
    const where = { file, offset: base + msgStart };
    if (end - hdrStart > MAX_HEADER_BYTES)
      return { kind: "broken", where, reason: `headers longer than ${MAX_HEADER_BYTES >> 20} MB` };
    const block = buf.subarray(hdrStart, end);
    if (block.includes(0)) return { kind: "broken", where, reason: "binary data in the headers" };
    const fields = parseHeaderBlock(block);
    return fields
      ? { kind: "message", where, fields }
      : { kind: "broken", where, reason: "no mail headers after the From line" };
  };

  /** Consumes what it can of buf; yields items. `final` when the file has ended. */
  function* consume(final: boolean): Generator<ReaderItem> {
    for (;;) {
      if (state === "start") {
        // Blank lines before the first message (a file read with --kind mbox) are no message.
        let at = 0;
        for (
          let nl = buf.indexOf(NL);
          nl >= 0 && buf.toString("latin1", at, nl).trim() === "";
          nl = buf.indexOf(NL, at)
        )
          at = nl + 1;
        const nl = buf.indexOf(NL, at);
        if (nl < 0 && !final) return;
        if (final && buf.toString("latin1", at).trim() === "") return;
        msgStart = at;
        // Read with --kind mbox, a file may not open with a separator: then it opens with headers.
        const first = buf.toString("latin1", at, nl < 0 ? buf.length : nl).replace(/\r$/, "");
        hdrStart = !isSeparatorLine(first) ? at : nl < 0 ? buf.length : nl + 1;
        scan = hdrStart;
        state = "headers";
        continue;
      }
      if (state === "headers") {
        // The block ends at its first empty line, or at the next separator if it has no body.
        const atStart = buf[hdrStart] === NL || (buf[hdrStart] === 13 && buf[hdrStart + 1] === NL);
        const blank = atStart ? hdrStart - 1 : blankLine(buf, Math.max(hdrStart, scan));
        // Only a separator before the empty line matters, so search no further than that.
        const upTo = blank < 0 ? buf : buf.subarray(0, blank);
        let sep = upTo.indexOf(FROM_LINE, Math.max(hdrStart - 1, scan));
        while (sep >= 0 && (blank < 0 || sep < blank)) {
          const nl = buf.indexOf(NL, sep + 1);
          if (nl < 0 && !final) break;
          if (isSeparatorLine(buf.toString("latin1", sep + 1, nl < 0 ? buf.length : nl))) break;
          sep = upTo.indexOf(FROM_LINE, sep + 1);
        }
        if (sep >= 0 && (blank < 0 || sep < blank)) {
          const nl = buf.indexOf(NL, sep + 1);
          if (nl < 0 && !final) return;
          yield headerItem(sep + 1);
          msgStart = sep + 1;
          hdrStart = nl < 0 ? buf.length : nl + 1;
          scan = hdrStart;
          continue;
        }
        if (blank < 0) {
          if (buf.length - hdrStart > MAX_HEADER_BYTES) {
            yield headerItem(buf.length);
            state = "body";
            scan = buf.length;
            continue;
          }
          if (!final) {
            scan = Math.max(hdrStart, buf.length - 8);
            return;
          }
          // The file ends inside the headers (every message has an empty line after them). Cut at a
          // line end, the lines read are whole and the message is kept; cut mid-line, it is not.
          const where = { file, offset: base + msgStart };
          const at = { file, offset: base + buf.length };
          if (lastByte === NL && buf.length > hdrStart) {
            yield headerItem(buf.length);
            yield {
              kind: "problem",
              where: at,
              problem:
                "truncated mbox: the file ends inside the headers of its last message (imported with the header lines that are there)",
            };
          } else {
            yield { kind: "broken", where, reason: "truncated: the file ends inside this message's headers" };
            yield {
              kind: "problem",
              where: at,
              problem: "truncated mbox: the file ends in the middle of a message's headers",
            };
          }
          return;
        }
        yield headerItem(blank + 1);
        state = "body";
        scan = blank + 1;
        const length = contentLength(buf.subarray(hdrStart, blank + 1));
        if (length !== null && !atStart) jump = base + blank + (buf[blank + 1] === 13 ? 3 : 2) + length;
        continue;
      }
      if (jump !== null) {
        // mboxcl2: the body runs for its Content-Length, whatever `From ` lines it quotes.
        const at = jump - base;
        for (let sep = buf.indexOf(FROM_LINE, scan); sep >= 0 && sep < at - 1; sep = buf.indexOf(FROM_LINE, sep + 1)) {
          const nl = buf.indexOf(NL, sep + 1);
          if (nl < 0) break;
          if (fallback < 0 && isSeparatorLine(buf.toString("latin1", sep + 1, nl))) fallback = sep;
          scan = sep + 1;
        }
        const end = lengthEnd(buf, at, final);
        if (end === "wait") {
          scan = Math.max(scan, Math.min(at, buf.length) - FROM_LINE.length);
          return;
        }
        jump = null;
        if (typeof end === "number") {
          const nl = buf.indexOf(NL, end);
          msgStart = end;
          hdrStart = nl < 0 ? buf.length : nl + 1;
          scan = hdrStart;
          state = "headers";
        } else if (end === "bad" && fallback >= 0)
          scan = fallback; // the length is wrong: read the body like one without it
        else if (end === "eof") scan = buf.length;
        fallback = -1;
        continue;
      }
      // Body: jump from one `\nFrom ` to the next until one is a real separator line.
      const sep = buf.indexOf(FROM_LINE, scan);
      if (sep < 0) {
        if (final && lastByte !== NL)
          yield {
            kind: "problem",
            where: { file, offset: base + buf.length },
            problem: "the file does not end with a line break; it may be truncated",
          };
        scan = Math.max(scan, buf.length - FROM_LINE.length);
        return;
      }
      const nl = buf.indexOf(NL, sep + 1);
      if (nl < 0 && !final) {
        scan = sep;
        return;
      }
      if (isSeparatorLine(buf.toString("latin1", sep + 1, nl < 0 ? buf.length : nl))) {
        msgStart = sep + 1;
        hdrStart = nl < 0 ? buf.length : nl + 1;
        scan = hdrStart;
        state = "headers";
      } else scan = sep + 1;
    }
  }

  let crOnly: boolean | undefined;
  for await (const bytes of src.chunks()) {
    const raw = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    opts.onBytes?.(raw.length);
    crOnly ??= crOnlyLines(raw.subarray(0, 64 << 10)); // old Mac line ends: read as lines
    const chunk = crOnly ? crToLf(raw) : raw;
    lastByte = chunk[chunk.length - 1];
    // Keep only what is still needed: the current header block, or a few bytes of body.
    const keep =
      state === "body" ? Math.min(scan, buf.length, fallback < 0 ? Infinity : fallback) : Math.min(msgStart, hdrStart);
    buf = keep >= buf.length ? chunk : Buffer.concat([buf.subarray(keep), chunk]);
    base += keep;
    msgStart -= keep;
    hdrStart -= keep;
    scan -= keep;
    if (fallback >= 0) fallback -= keep;
    yield* consume(false);
  }
  yield* consume(true);
}
