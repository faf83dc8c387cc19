// The imported messages in flat columns, as the collector keeps them: one entry per message,
// recipients flat (To, then Cc, then Bcc), subjects interned, and the recipients later copies of a
// message added to it (merged duplicates). Read back as a MessageTable for the dataset encoder.
import type { MessageTable, PlainMessage } from "../data/decode";
import { ownCopy } from "./strings";

/** A message as the collector adds it: people by id, recipients per role. */
export interface ColumnMessage {
  time: number | null;
  sender: number;
  /** To, Cc, Bcc: each person once, in their first role. */
  roles: [number[], number[], number[]];
  subject: string;
  id?: string;
}

export class MessageColumns {
  private readonly time: number[] = [];
  private readonly sender: number[] = [];
  private readonly subject: number[] = [];
  private readonly subjects: string[] = [];
  private readonly subjectIndex = new Map<string, number>();
  private readonly roleCounts: number[] = []; // 3 per message
  private readonly rcptStart: number[] = [];
  private readonly rcpt: number[] = [];
  private readonly ids: (string | undefined)[] = [];
  /** Recipients merged in from later copies, per message index: To, Cc, Bcc. */
  private readonly extra = new Map<number, [number[], number[], number[]]>();

  constructor(private readonly keepIds: boolean) {}

  get count(): number {
    return this.sender.length;
  }

  /** Adds a message; returns its index. */
  push(m: ColumnMessage): number {
    let si = this.subjectIndex.get(m.subject);
    if (si === undefined) {
      const own = ownCopy(m.subject);
      si = this.subjects.length;
      this.subjects.push(own);
      this.subjectIndex.set(own, si);
    }
    this.rcptStart.push(this.rcpt.length);
    for (const list of m.roles) for (const id of list) this.rcpt.push(id);
    this.roleCounts.push(m.roles[0].length, m.roles[1].length, m.roles[2].length);
    this.time.push(m.time ?? NaN);
    this.sender.push(m.sender);
    this.subject.push(si);
    if (this.keepIds) this.ids.push(m.id ? ownCopy(m.id) : undefined);
    return this.sender.length - 1;
  }

  /** Everyone message `index` reached, merged copies' recipients included. */
  recipients(index: number): number[] {
    const start = this.rcptStart[index];
    const n = this.roleCounts[3 * index] + this.roleCounts[3 * index + 1] + this.roleCounts[3 * index + 2];
    return [...this.rcpt.slice(start, start + n), ...(this.extra.get(index)?.flat() ?? [])];
  }

  /** Adds a recipient (in role 0 To, 1 Cc, 2 Bcc) that a later copy of the message lists. */
  addRecipient(index: number, role: number, person: number): void {
    const extra = this.extra.get(index) ?? [[], [], []];
    extra[role].push(person);
    this.extra.set(index, extra);
  }

  /** The messages, for the dataset encoder. */
  table(): MessageTable {
    const n = this.sender.length;
    const plain: PlainMessage = { time: null, sender: 0, to: [], cc: [], bcc: [], subject: "" };
    const at = (i: number): PlainMessage => {
      let k = this.rcptStart[i];
      const take = (count: number) => this.rcpt.slice(k, (k += count));
      const lists = [0, 1, 2].map((r) => take(this.roleCounts[3 * i + r]));
      const extra = this.extra.get(i);
      [plain.to, plain.cc, plain.bcc] = extra ? lists.map((l, r) => [...l, ...extra[r]]) : lists;
      plain.time = Number.isNaN(this.time[i]) ? null : this.time[i];
      plain.sender = this.sender[i];
      plain.subject = this.subjects[this.subject[i]];
      plain.id = this.keepIds ? this.ids[i] : undefined;
      return plain;
    };
    return { count: n, time: (i) => (Number.isNaN(this.time[i]) ? null : this.time[i]), at };
  }
}
