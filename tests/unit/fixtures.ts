// Small datasets built by the tests themselves.
import { encodeDataset, type PlainMessage } from "../../src/data/decode";
import type { DatasetFile } from "../../src/data/types";

export const T0 = Date.UTC(2016, 3, 1, 12); // 1 Apr 2016 12:00 UTC
export const DAY = 86_400_000;

/** People 0..n-1 named "Person i"; messages as given. */
export function tinyFile(people: number, messages: PlainMessage[], extra: Partial<DatasetFile> = {}): DatasetFile {
  const file = encodeDataset({
    meta: { title: "Test corpus", synthetic: true, timeZone: "UTC" },
    people: {
      address: Array.from({ length: people }, (_, i) => `p${i}@example.org`),
      name: Array.from({ length: people }, (_, i) => `Person ${i}`),
    },
    messages,
  });
  return { ...file, ...extra };
}

export function msg(day: number, sender: number, to: number[], cc: number[] = [], subject = "Hello"): PlainMessage {
  return { time: day === null ? null : T0 + day * DAY, sender, to, cc, bcc: [], subject };
}
