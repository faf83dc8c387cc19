// People of an import: one per normalised address (after aliases), each named by the display name
// used most often. Also suggests merges: one display name seen with several addresses.
import type { MailAddress } from "./headers";
import { foldText } from "../data/text";
import { ownCopy } from "./strings";

/** Lower-case, no `mailto:`, angle brackets or spaces. An entry with only a name (some CSV
 *  exports list names) is known by the name. Empty when there is nothing to identify. */
export function normaliseAddress(entry: MailAddress): string {
  const address = entry.address.trim().replace(/^mailto:/i, "").replace(/^<+|>+$/g, "").replace(/\s+/g, "").toLowerCase();
  if (address) return address;
  return entry.name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Name for comparing display names: no accents, case, punctuation or order ("Walsh, Alice" = "Alice Walsh"). */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .sort()
    .join(" ");
}

export interface AliasSuggestion {
  name: string;
  addresses: string[];
}

export class People {
  readonly address: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly names: Map<string, number>[] = [];

  constructor(private readonly aliases: Map<string, string> = new Map()) {}

  /** Person id for an entry, added on first sight; -1 when the entry identifies no one. */
  idOf(entry: MailAddress): number {
    const raw = normaliseAddress(entry);
    if (!raw) return -1;
    const address = this.aliases.get(raw) ?? raw;
    let id = this.index.get(address);
    if (id === undefined) {
      const own = ownCopy(address);
      id = this.address.length;
      this.address.push(own);
      this.names.push(new Map());
      this.index.set(own, id);
    }
    const name = entry.name.replace(/^["']+|["']+$/g, "").replace(/\s+/g, " ").trim();
    if (name && name.toLowerCase() !== address) {
      const counts = this.names[id];
      const n = counts.get(name);
      if (n === undefined) counts.set(ownCopy(name), 1);
      else counts.set(name, n + 1);
    }
    return id;
  }

  get count(): number {
    return this.address.length;
  }

  /** Each person's most used display name (first seen wins a tie), or "" when none was given. */
  displayNames(): string[] {
    return this.names.map((counts) => {
      let best = "";
      let n = 0;
      for (const [name, c] of counts) if (c > n) [best, n] = [name, c];
      return best;
    });
  }

  /** Display names used by more than one address: likely one person, not merged unless the
   *  aliases file says so. Most addresses first. */
  suggestions(limit = 50): AliasSuggestion[] {
    const byName = new Map<string, { name: string; addresses: Set<string> }>();
    this.names.forEach((counts, id) => {
      for (const name of counts.keys()) {
        const k = nameKey(name);
        if (k.length < 3 || !k.includes(" ")) continue; // single words ("admin") say too little
        const entry = byName.get(k) ?? { name, addresses: new Set<string>() };
        entry.addresses.add(this.address[id]);
        byName.set(k, entry);
      }
    });
    return [...byName.values()]
      .filter((e) => e.addresses.size > 1)
      .map((e) => ({ name: e.name, addresses: [...e.addresses].sort() }))
      .sort((a, b) => b.addresses.length - a.addresses.length || a.name.localeCompare(b.name))
      .slice(0, limit);
  }
}
