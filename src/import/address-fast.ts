// The address lists nearly every header holds (`"Name" <a@x>, Name <b@y>, c@z`), read with one
// sticky regular expression instead of a full RFC 5322 tokenizer: the importer's hottest path.
// Anything else (comments, groups, escapes, names without addresses) returns null and goes to
// postal-mime; tests check both give the same entries wherever this one answers.

const ADDR = String.raw`[^\s<>"(),;:\\@]+@[^\s<>"(),;:\\@]+`;
const ENTRY = new RegExp(
  String.raw`\s*(?:"([^"\\]*)"\s*<(${ADDR})>|([^\s<>"(),;:\\@](?:[^<>"(),;:\\@\t]*[^\s<>"(),;:\\@])?)?\s*<(${ADDR})>|(${ADDR}))\s*(,|$)`,
  "y",
);

export interface RawEntry {
  name: string;
  address: string;
}

/** The entries of a simple list, names still encoded; null when the list is not simple. */
export function simpleAddressList(value: string): RawEntry[] | null {
  const out: RawEntry[] = [];
  ENTRY.lastIndex = 0;
  for (;;) {
    const at = ENTRY.lastIndex;
    const m = ENTRY.exec(value);
    if (!m || ENTRY.lastIndex === at) return null;
    const unquoted = m[3];
    if (unquoted?.includes("  ")) return null; // the tokenizer folds runs of space
    out.push(
      m[2] !== undefined
        ? { name: m[1], address: m[2] }
        : m[4] !== undefined
          ? { name: unquoted ?? "", address: m[4] }
          : { name: "", address: m[5] },
    );
    if (m[6] === "") return out;
  }
}
