// Gathers the messages every reader yields: de-duplicates them (merging the recipients of copies
// that differ only in who they list, as a Sent copy lists its Bcc), maps addresses to people, keeps
// them in compact columns, and counts what happened to each so the report adds up:
// found = imported + duplicates + skipped.
import { hash } from "node:crypto";
import type { MessageTable } from "../data/decode";
import { MessageColumns } from "./columns";
import { hasZone, parseMailDate } from "./dates";
import type { MailAddress } from "./address";
import { People } from "./people";
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
  /** Naming someone by an Exchange address only (Outlook, no SMTP address): kept by name. */
  exchangeOnly: Tally;
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
    exchangeOnly: { count: 0, examples: [] },
    withoutSender: { count: 0, examples: [] },
    withoutRecipients: { count: 0, examples: [] },
    problems: [],
    offsets: new Map(),
  };
  /** Identity of each message kept without a Message-ID -> where it is. */
  private readonly seen = new Map<string, Where>();
  /** Message-ID -> the messages kept with it (one, unless it is reused), by index. */
  private readonly seenIds = new Map<string, Kept[]>();
  private readonly columns: MessageColumns;

  constructor(
    aliases: Map<string, string>,
    private readonly zone: string,
    private readonly keepIds: boolean,
  ) {
    this.people = new People(aliases);
    this.columns = new MessageColumns(keepIds);
  }

  private skip(reason: string, w: Where): void {
    this.counts.skipped[reason] ??= { count: 0, examples: [] };
    tally(this.counts.skipped[reason], w);
  }

  /** The person keys a message lists (all roles), merged copies' included. */
  private recipientKeys(index: number): Set<string> {
    return new Set(this.columns.recipients(index).map((id) => this.people.keyOf(id)));
  }

  /** What an arriving message is. Two copies are one message when they share a Message-ID,
   *  sender, time and subject, and one lists everyone the other does: a copy listing more people
   *  (the Sent copy with its Bcc, a copy with an extra Cc) gives the kept one its recipients. A
   *  shared Message-ID otherwise (a mail merge) is a conflict: both kept. Without a Message-ID,
   *  copies must match in sender, time, recipients, subject and document id. */
  private identify(item: MessageItem, senderKey: string, time: number | null): Identity {
    const f = item.fields;
    const when = time === null ? `raw:${f.date}` : String(time);
    // Person keys per role, aligned with the entries ("" for an entry that names no one).
    const keysOf = () => [f.to, f.cc, f.bcc].map((list) => list.map((e) => this.people.keyFor(e)));
    if (!f.messageId) {
      const sorted = keysOf().flat().filter(Boolean).sort();
      const key = digest(["h", senderKey, when, ...sorted, "\u0000", f.subject, item.documentId ?? ""]);
      const copy = this.seen.get(key);
      if (copy) return { kind: "duplicate", of: copy };
      this.seen.set(key, item.where);
      return { kind: "new" };
    }
    const idKey = digest(["i", f.messageId]);
    const mine: Kept = { sender: senderKey, when, subject: f.subject, where: item.where, index: this.columns.count };
    const same = this.seenIds.get(idKey);
    if (!same) {
      this.seenIds.set(idKey, [mine]); // nearly every message: its Message-ID is new
      return { kind: "new" };
    }
    const keys = keysOf();
    const listed = new Set(keys.flat().filter(Boolean));
    for (const kept of same) {
      if (kept.sender !== senderKey || kept.when !== when || kept.subject !== f.subject) continue;
      const theirs = this.recipientKeys(kept.index);
      if ([...listed].every((k) => theirs.has(k))) return { kind: "duplicate", of: kept.where };
      if ([...theirs].every((k) => listed.has(k))) return { kind: "merge", into: kept, keys };
    }
    this.counts.conflicts.push({ where: describe(item.where), earlier: describe(same[0].where) });
    same.push(mine);
    return { kind: "new" };
  }

  /** Adds to a kept message the people a later copy lists that it does not, each in the copy's role. */
  private merge(into: Kept, entries: MailAddress[][], keys: string[][]): number {
    const theirs = this.recipientKeys(into.index);
    let added = 0;
    entries.forEach((list, role) =>
      list.forEach((entry, i) => {
        if (!keys[role][i] || theirs.has(keys[role][i])) return;
        theirs.add(keys[role][i]);
        this.columns.addRecipient(into.index, role, this.people.idOf(entry));
        added++;
      }),
    );
    return added;
  }

  add(item: ReaderItem): void {
    if (item.kind === "entry") return; // the run counts per inner file
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
    if (item.unresolved) tally(this.counts.exchangeOnly, item.where);
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
    const roles: [number[], number[], number[]] = [[], [], []];
    [f.to, f.cc, f.bcc].forEach((list, role) => {
      for (const entry of list) {
        const id = this.people.idOf(entry);
        if (id < 0 || taken.has(id)) continue;
        taken.add(id);
        roles[role].push(id);
      }
    });
    if (taken.size === 0) tally(this.counts.withoutRecipients, item.where);
    if (time === null) tally(this.counts.undated, item.where);
    else if (!hasZone(f.date)) tally(this.counts.zoneless, item.where);
    const offset = /([+-]\d{4})\s*(?:\(.*\))?\s*$/.exec(f.date)?.[1];
    if (offset) this.counts.offsets.set(offset, (this.counts.offsets.get(offset) ?? 0) + 1);
    const id = this.keepIds ? item.sourceId || f.messageId || undefined : undefined;
    this.columns.push({ time, sender, roles, subject: f.subject, id });
    this.counts.imported++;
  }

  /** The imported messages, for the dataset encoder. */
  messages(): MessageTable {
    return this.columns.table();
  }

  skippedCount(): number {
    return Object.values(this.counts.skipped).reduce((sum, t) => sum + t.count, 0);
  }
}
