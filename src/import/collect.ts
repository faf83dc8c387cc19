// Gathers the messages every reader yields: de-duplicates them (merging the recipients of copies
// that differ only in who they list, as a Sent copy lists its Bcc), maps addresses to people, keeps
// them in compact columns, and counts what happened to each so the report adds up:
// found = imported + duplicates + skipped.
import { hash } from "node:crypto";
import type { MessageTable, PlainMessage } from "../data/decode";
import { hasZone, parseMailDate } from "./dates";
import type { MailAddress } from "./address";
import { People } from "./people";
import { ownCopy } from "./strings";
import { where as describe, type ReaderItem, type Where } from "./reader";

const EXAMPLES = 5;

export interface Tally {
  count: number;
  examples: string[];
}

/** A message and the earlier one it pairs with: the copy it repeats, or the one whose Message-ID it shares. */
export interface Pair {
  where: string;
  earlier: string;
  /** A copy listing more people than the earlier one: how many recipients it added to it. */
  merged?: number;
}

/** What became of messages, each tally with examples of where. */
export interface MessageTallies {
  /** Imported, but without a readable date: shown as undated, outside the timeline. */
  undated: Tally;
  /** Imported with a date that names no zone: read in the import's zone. */
  zoneless: Tally;
  /** From names several authors: the first listed (or the one the Sender header names) is the
   *  sender; the others are not in the dataset. */
  severalAuthors: Tally;
  /** Skipped (counted under the reason "no sender"). */
  withoutSender: Tally;
  /** Imported: the sender counts, but the message draws no line. */
  withoutRecipients: Tally;
}

export interface Counts extends MessageTallies {
  found: number;
  imported: number;
  /** Every duplicate, with the message it repeats. */
  duplicates: Pair[];
  /** Imported messages whose Message-ID an earlier, different message has (both kept). */
  conflicts: Pair[];
  skipped: Record<string, Tally>;
  /** Files in folders not read as mail, each named. */
  filesSkipped: { file: string; reason: string }[];
  problems: { where: string; problem: string }[];
  /** Offsets (like "-0400") of the Date headers, by count: a hint at the corpus's time zone. */
  offsets: Map<string, number>;
}

function tally(t: Tally, w: Where): void {
  t.count++;
  if (t.examples.length < EXAMPLES) t.examples.push(describe(w));
}

const digest = (parts: string[]) => hash("sha1", parts.join("\n"), "base64");

type MessageItem = Extract<ReaderItem, { kind: "message" }>;
/** A message kept with a Message-ID, as its copies are compared with it. */
interface Kept {
  sender: string;
  when: string;
  subject: string;
  where: Where;
  index: number;
}
type Identity = { kind: "new" } | { kind: "duplicate"; of: Where } | { kind: "merge"; into: Kept; keys: string[][] };

export class Collector {
  readonly people: People;
  readonly counts: Counts = {
    found: 0,
    imported: 0,
    duplicates: [],
    conflicts: [],
    skipped: {},
    filesSkipped: [],
    undated: { count: 0, examples: [] },
    zoneless: { count: 0, examples: [] },
    severalAuthors: { count: 0, examples: [] },
    withoutSender: { count: 0, examples: [] },
    withoutRecipients: { count: 0, examples: [] },
    problems: [],
    offsets: new Map(),
  };
  /** Identity of each message kept without a Message-ID -> where it is. */
  private readonly seen = new Map<string, Where>();
  /** Message-ID -> the messages kept with it (one, unless it is reused), by index. */
  private readonly seenIds = new Map<string, Kept[]>();
  /** Recipients merged in from later copies, per message index: To, Cc, Bcc. */
  private readonly extra = new Map<number, [number[], number[], number[]]>();
  private readonly rcptStart: number[] = [];
  // One entry per imported message; recipients flat, To then Cc then Bcc.
  private readonly time: number[] = [];
  private readonly sender: number[] = [];
  private readonly subject: number[] = [];
  private readonly subjects: string[] = [];
  private readonly subjectIndex = new Map<string, number>();
  private readonly roleCounts: number[] = []; // 3 per message
  private readonly rcpt: number[] = [];
  private readonly ids: (string | undefined)[] = [];

  constructor(
    aliases: Map<string, string>,
    private readonly zone: string,
    private readonly keepIds: boolean,
  ) {
    this.people = new People(aliases);
  }

  private skip(reason: string, w: Where): void {
    this.counts.skipped[reason] ??= { count: 0, examples: [] };
    tally(this.counts.skipped[reason], w);
  }

  /** The person keys a message lists (all roles), merged copies' included. */
  private recipientKeys(index: number): Set<string> {
    const start = this.rcptStart[index];
    const n = this.roleCounts[3 * index] + this.roleCounts[3 * index + 1] + this.roleCounts[3 * index + 2];
    const ids = [...this.rcpt.slice(start, start + n), ...(this.extra.get(index)?.flat() ?? [])];
    return new Set(ids.map((id) => this.people.keyOf(id)));
  }

  /** What an arriving message is. Two copies are one message when they share a Message-ID,
   *  sender, time and subject, and one lists everyone the other does: a copy listing more people
   *  (the Sent copy with its Bcc, a copy with an extra Cc) gives the kept one its recipients. A
   *  shared Message-ID otherwise (a mail merge) is a conflict: both kept. Without a Message-ID,
   *  copies must match in sender, time, recipients, subject and document id. */
  private identify(item: MessageItem, senderKey: string, time: number | null): Identity {
    const f = item.fields;
    const when = time === null ? `raw:${f.date}` : String(time);
    const keys = [f.to, f.cc, f.bcc].map((list) => list.map((e) => this.people.keyFor(e)).filter(Boolean));
    if (!f.messageId) {
      const sorted = keys.flat().sort();
      const key = digest(["h", senderKey, when, ...sorted, "\u0000", f.subject, item.documentId ?? ""]);
      const copy = this.seen.get(key);
      if (copy) return { kind: "duplicate", of: copy };
      this.seen.set(key, item.where);
      return { kind: "new" };
    }
    const idKey = digest(["i", f.messageId]);
    const same = this.seenIds.get(idKey) ?? [];
    if (!same.length) this.seenIds.set(idKey, same);
    const mine = new Set(keys.flat());
    for (const kept of same) {
      if (kept.sender !== senderKey || kept.when !== when || kept.subject !== f.subject) continue;
      const theirs = this.recipientKeys(kept.index);
      if ([...mine].every((k) => theirs.has(k))) return { kind: "duplicate", of: kept.where };
      if ([...theirs].every((k) => mine.has(k))) return { kind: "merge", into: kept, keys };
    }
    if (same.length) this.counts.conflicts.push({ where: describe(item.where), earlier: describe(same[0].where) });
    same.push({ sender: senderKey, when, subject: f.subject, where: item.where, index: this.sender.length });
    return { kind: "new" };
  }

  /** Adds to a kept message the people a later copy lists that it does not, each in the copy's role. */
  private merge(into: Kept, entries: MailAddress[][], keys: string[][]): number {
    const theirs = this.recipientKeys(into.index);
    const extra = this.extra.get(into.index) ?? [[], [], []];
    let added = 0;
    entries.forEach((list, role) =>
      list.forEach((entry, i) => {
        if (!keys[role][i] || theirs.has(keys[role][i])) return;
        theirs.add(keys[role][i]);
        extra[role].push(this.people.idOf(entry));
        added++;
      }),
    );
    this.extra.set(into.index, extra);
    return added;
  }

  add(item: ReaderItem): void {
    if (item.kind === "problem") {
      this.counts.problems.push({ where: describe(item.where), problem: item.problem });
      return;
    }
    if (item.kind === "file-skipped") {
      this.counts.filesSkipped.push({ file: item.where.file, reason: item.reason });
      return;
    }
    this.counts.found++;
    if (item.kind === "broken") {
      this.skip(item.reason, item.where);
      return;
    }
    const f = item.fields;
    const senderEntry: MailAddress | undefined = f.from[0];
    if (f.from.length > 1) tally(this.counts.severalAuthors, item.where);
    const senderKey = senderEntry ? this.people.keyFor(senderEntry) : "";
    if (!senderKey) {
      tally(this.counts.withoutSender, item.where);
      this.skip("no sender", item.where);
      return;
    }
    const time = parseMailDate(f.date, this.zone, item.dateStyle);
    const identity = this.identify(item, senderKey, time);
    if (identity.kind === "duplicate") {
      this.counts.duplicates.push({ where: describe(item.where), earlier: describe(identity.of) });
      return;
    }
    if (identity.kind === "merge") {
      const merged = this.merge(identity.into, [f.to, f.cc, f.bcc], identity.keys);
      this.counts.duplicates.push({ where: describe(item.where), earlier: describe(identity.into.where), merged });
      return;
    }
    const sender = this.people.idOf(senderEntry!);
    // Each person once per message, in their first role.
    const taken = new Set<number>();
    const recipients: number[] = [];
    const roles = [f.to, f.cc, f.bcc].map((list) => {
      let n = 0;
      for (const entry of list) {
        const id = this.people.idOf(entry);
        if (id < 0 || taken.has(id)) continue;
        taken.add(id);
        recipients.push(id);
        n++;
      }
      return n;
    });
    if (recipients.length === 0) tally(this.counts.withoutRecipients, item.where);
    if (time === null) tally(this.counts.undated, item.where);
    else if (!hasZone(f.date)) tally(this.counts.zoneless, item.where);
    const offset = /([+-]\d{4})\s*(?:\(.*\))?\s*$/.exec(f.date)?.[1];
    if (offset) this.counts.offsets.set(offset, (this.counts.offsets.get(offset) ?? 0) + 1);

    let si = this.subjectIndex.get(f.subject);
    if (si === undefined) {
      const own = ownCopy(f.subject);
      si = this.subjects.length;
      this.subjects.push(own);
      this.subjectIndex.set(own, si);
    }
    this.rcptStart.push(this.rcpt.length);
    for (const id of recipients) this.rcpt.push(id);
    this.time.push(time ?? NaN);
    this.sender.push(sender);
    this.subject.push(si);
    this.roleCounts.push(roles[0], roles[1], roles[2]);
    if (this.keepIds) {
      const id = item.sourceId ?? f.messageId;
      this.ids.push(id ? ownCopy(id) : undefined);
    }
    this.counts.imported++;
  }

  /** The imported messages, for the dataset encoder. */
  messages(): MessageTable {
    const n = this.sender.length;
    const start = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++)
      start[i + 1] = start[i] + this.roleCounts[3 * i] + this.roleCounts[3 * i + 1] + this.roleCounts[3 * i + 2];
    const plain: PlainMessage = { time: null, sender: 0, to: [], cc: [], bcc: [], subject: "" };
    return {
      count: n,
      time: (i) => (Number.isNaN(this.time[i]) ? null : this.time[i]),
      at: (i) => {
        let k = start[i];
        const take = (count: number) => this.rcpt.slice(k, (k += count));
        plain.time = Number.isNaN(this.time[i]) ? null : this.time[i];
        plain.sender = this.sender[i];
        plain.to = take(this.roleCounts[3 * i]);
        plain.cc = take(this.roleCounts[3 * i + 1]);
        plain.bcc = take(this.roleCounts[3 * i + 2]);
        const extra = this.extra.get(i);
        if (extra) [plain.to, plain.cc, plain.bcc] = [plain.to, plain.cc, plain.bcc].map((l, r) => [...l, ...extra[r]]);
        plain.subject = this.subjects[this.subject[i]];
        plain.id = this.keepIds ? this.ids[i] : undefined;
        return plain;
      },
    };
  }

  skippedCount(): number {
    return Object.values(this.counts.skipped).reduce((sum, t) => sum + t.count, 0);
  }
}
