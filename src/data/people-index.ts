// The people search index (MiniSearch over names and addresses: prefix and typo-tolerant, accents
// and case ignored), built once in small chunks so a large cast never blocks the page, and shared
// by every search box.
import MiniSearch from "minisearch";
import type { Dataset } from "./types";
import { foldText } from "./text";

export interface PeopleIndex {
  /** Best matches first. */
  search(query: string, limit: number): number[];
  /** Resolves when every person is indexed; earlier searches see those indexed so far. */
  ready: Promise<void>;
}

const tokenize = (text: string) => text.split(/[\s@._\-,'’]+/).filter(Boolean);

export function buildPeopleIndex(
  ds: { people: Pick<Dataset["people"], "count" | "name" | "address"> },
  opts: { chunk?: number } = {},
): PeopleIndex {
  const { name, address } = ds.people;
  const index = new MiniSearch<{ id: number; name: string; address: string }>({
    fields: ["name", "address"],
    tokenize,
    processTerm: (term) => foldText(term),
    searchOptions: { prefix: true, fuzzy: 0.25, maxFuzzy: 2, boost: { name: 2 }, combineWith: "AND" },
  });
  const docs = Array.from({ length: ds.people.count }, (_, id) => ({ id, name: name[id], address: address[id] }));
  const ready = opts.chunk ? index.addAllAsync(docs, { chunkSize: opts.chunk }) : Promise.resolve(index.addAll(docs));
  /** Whether one of the person's words starts with `letter` (already folded). */
  const hasInitial = (id: number, letter: string) =>
    tokenize(`${name[id]} ${address[id]}`).some((w) => foldText(w).startsWith(letter));
  return {
    ready,
    search: (query, limit) => {
      // A one-letter word would expand to every name with that initial (tens of thousands in a
      // big corpus), so it only narrows what the longer words found.
      const words = tokenize(foldText(query));
      const long = words.filter((w) => w.length > 1);
      const initials = words.filter((w) => w.length === 1);
      if (!long.length) return [];
      const out: number[] = [];
      for (const r of index.search(long.join(" "))) {
        const id = r.id as number;
        if (initials.every((l) => hasInitial(id, l))) out.push(id);
        if (out.length === limit) break;
      }
      return out;
    },
  };
}
