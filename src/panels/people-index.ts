// The people search index (MiniSearch over names and addresses: prefix and typo-tolerant, accents
// and case ignored), built once and shared by every search box.
import MiniSearch from "minisearch";
import type { Dataset } from "../data/types";
import { foldText } from "../data/text";

export interface PeopleIndex {
  /** Best matches first. */
  search(query: string, limit: number): number[];
}

export function buildPeopleIndex(ds: Dataset): PeopleIndex {
  const index = new MiniSearch<{ id: number; name: string; address: string }>({
    fields: ["name", "address"],
    tokenize: (text) => text.split(/[\s@._\-,'’]+/).filter(Boolean),
    processTerm: (term) => foldText(term),
    searchOptions: { prefix: true, fuzzy: 0.25, boost: { name: 2 }, combineWith: "AND" },
  });
  index.addAll(Array.from({ length: ds.people.count }, (_, id) => ({ id, name: ds.people.name[id], address: ds.people.address[id] })));
  return {
    search: (query, limit) => {
      const q = query.trim();
      return q ? index.search(q).slice(0, limit).map((r) => r.id as number) : [];
    },
  };
}
