// People of an import: one per normalised address (after aliases), each named by the display name
// used most often. A person known only by a name (FOIA spreadsheets, printed mail) is one person
// per name as written, compared without case or spacing, and never merged with another name.
// Also suggests merges: one display name seen with several addresses.
import type { MailAddress } from "./address";
import { foldText } from "../data/text";
import { ownCopy } from "./strings";

/** Lower-case, no `mailto:`, angle brackets or spaces; "" when the entry has no address. */
export function normaliseAddress(address: string): string {
  return address
    .trim()
    .replace(/^mailto:/i, "")
    .replace(/^<+|>+$/g, "")
    .replace(/^@[^:]*:(?=[^:]*@)/, "") // an obsolete source route: @relay.net:bob@x.org
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** A display name as written, without surrounding quotes and with single spaces. */
export function cleanName(name: string): string {
  if (!/^["'\s]|["'\s]$|\s\s|[\t\n\r]/.test(name)) return name;
  return name.replace(/^["'\s]+|["'\s]+$/g, "").replace(/\s+/g, " ");
}

/** Identity of a name-only person: the name without case or spacing differences. The prefix
 *  keeps it apart from every address. */
const NAME_KEY = "\u0001";
export const nameIdentity = (name: string) => NAME_KEY + name.normalize("NFC").toLowerCase();

/** The key that identifies an entry's person ("" when it names no one); aliases not applied. */
export function personKey(entry: MailAddress): string {
  const address = normaliseAddress(entry.address);
  if (address) return address;
  const name = cleanName(entry.name);
  return name ? nameIdentity(name) : "";
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
  /** Addresses, or for people known only by a name, that name in quotes. */
  addresses: string[];
}

export class People {
  /** Per person: the normalised address, or "" for a person known only by a name. */
  readonly address: string[] = [];
  /** Per person: the identity key (address, or name identity): what de-duplication compares. */
  private readonly key: string[] = [];
  private readonly index = new Map<string, number>();
  /** Raw address as written -> person, so repeats skip normalising. */
  private readonly seenRaw = new Map<string, number>();
  private readonly names: Map<string, number>[] = [];

  constructor(private readonly aliases: Map<string, string> = new Map()) {}

  /** The key after aliases: the canonical address an alias stands for. */
  private canonical(key: string): string {
    return this.aliases.get(key) ?? key;
  }

  private idOfKey(key: string): number {
    const canonical = this.canonical(key);
    let id = this.index.get(canonical);
    if (id === undefined) {
      const own = ownCopy(canonical);
      id = this.address.length;
      this.address.push(own.startsWith(NAME_KEY) ? "" : own);
      this.key.push(own);
      this.names.push(new Map());
      this.index.set(own, id);
    }
    return id;
  }

  /** Person id for an entry, added on first sight; -1 when the entry identifies no one. */
  idOf(entry: MailAddress): number {
    let id = entry.address ? this.seenRaw.get(entry.address) : undefined;
    if (id === undefined) {
      const key = personKey(entry);
      if (!key) return -1;
      id = this.idOfKey(key);
      if (entry.address) this.seenRaw.set(ownCopy(entry.address), id);
    }
    const name = entry.name && cleanName(entry.name);
    const address = this.address[id];
    if (name && (name.length !== address.length || name.toLowerCase() !== address)) {
      const counts = this.names[id];
      const n = counts.get(name);
      if (n === undefined) counts.set(ownCopy(name), 1);
      else counts.set(name, n + 1);
    }
    return id;
  }

  /** The identity key (address or name identity, aliases applied) of the person an entry names,
   *  without adding them: "" when it names no one. De-duplication compares these. */
  keyFor(entry: MailAddress): string {
    const id = entry.address ? this.seenRaw.get(entry.address) : undefined;
    if (id !== undefined) return this.key[id];
    const key = personKey(entry);
    return key && this.canonical(key);
  }

  /** The identity key of a person. */
  keyOf(id: number): string {
    return this.key[id];
  }

  get count(): number {
    return this.address.length;
  }

  /** People known only by a name. */
  get withoutAddress(): number {
    let n = 0;
    for (const a of this.address) if (a === "") n++;
    return n;
  }

  private displayName(id: number): string {
    let best = "";
    let n = 0;
    for (const [name, c] of this.names[id]) if (c > n) [best, n] = [name, c];
    return best;
  }

  /** Each person's most used display name (first seen wins a tie), or "" when none was given. */
  displayNames(): string[] {
    return this.names.map((_, id) => this.displayName(id));
  }

  /** Display names used by more than one person: likely one person, not merged unless the
   *  aliases file says so. Most addresses first. */
  suggestions(limit = 50): AliasSuggestion[] {
    const byName = new Map<string, { name: string; addresses: Set<string> }>();
    this.names.forEach((counts, id) => {
      for (const name of counts.keys()) {
        const k = nameKey(name);
        if (k.length < 3 || !k.includes(" ")) continue; // single words ("admin") say too little
        const entry = byName.get(k) ?? { name, addresses: new Set<string>() };
        entry.addresses.add(this.address[id] || `"${this.displayName(id)}"`);
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
