// Dataset -> directed sender→recipient edge index (pure). Built once; periods only re-weight it.
import type { Dataset } from "../data/types";

export interface EdgeIndex {
  count: number;
  source: Int32Array;
  target: Int32Array;
  /** Messages over the whole corpus per edge (dated and undated). */
  totalWeight: Float32Array;
  /** Tie strength for layout: each message adds 1 / (its number of recipients), so a mass
   *  mailing to 200 people says less about who works with whom than a one-to-one note. */
  strength: Float32Array;
  /** CSR: the distinct edges message m contributes to are msgEdge[msgEdgeStart[m] .. msgEdgeStart[m+1]). */
  msgEdgeStart: Int32Array;
  msgEdge: Int32Array;
  /** Per msgEdge entry, the roles the recipient has in that message: bit 0 To, 1 Cc, 2 Bcc. */
  msgEdgeRoles: Uint8Array;
}

/** One edge per (sender, recipient) pair; a message counts once per edge whatever the role.
 *  Self-addressed copies (sender among recipients) are not edges. */
export function buildEdgeIndex(ds: Dataset): EdgeIndex {
  const { sender, rcptStart, rcpt, rcptRole, count: n } = ds.messages;
  const p = ds.people.count;
  const key = new Map<number, number>();
  const source: number[] = [];
  const target: number[] = [];
  const msgEdgeStart = new Int32Array(n + 1);
  const msgEdge: number[] = [];
  const msgEdgeRoles: number[] = [];
  for (let m = 0; m < n; m++) {
    const s = sender[m];
    const first = msgEdge.length;
    for (let j = rcptStart[m]; j < rcptStart[m + 1]; j++) {
      const r = rcpt[j];
      if (r === s) continue;
      const k = s * p + r;
      let e = key.get(k);
      if (e === undefined) {
        e = source.length;
        key.set(k, e);
        source.push(s);
        target.push(r);
      }
      // A recipient listed twice (To and Cc) still makes one message on that edge.
      const bit = 1 << rcptRole[j];
      let q = first;
      while (q < msgEdge.length && msgEdge[q] !== e) q++;
      if (q < msgEdge.length) msgEdgeRoles[q] |= bit;
      else {
        msgEdge.push(e);
        msgEdgeRoles.push(bit);
      }
    }
    msgEdgeStart[m + 1] = msgEdge.length;
  }
  const totalWeight = new Float32Array(source.length);
  const strength = new Float32Array(source.length);
  for (let m = 0; m < n; m++) {
    const k = msgEdgeStart[m + 1] - msgEdgeStart[m];
    for (let j = msgEdgeStart[m]; j < msgEdgeStart[m + 1]; j++) {
      totalWeight[msgEdge[j]]++;
      strength[msgEdge[j]] += 1 / k;
    }
  }
  return {
    count: source.length,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    totalWeight,
    strength,
    msgEdgeStart,
    msgEdge: Int32Array.from(msgEdge),
    msgEdgeRoles: Uint8Array.from(msgEdgeRoles),
  };
}
