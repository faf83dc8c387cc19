// Header text that is not a plain address list: lists of names without addresses (FOIA
// spreadsheets, printed mail), separators outside quotes, and HTML-escaped headers (web archives).
import { decodeWords } from "postal-mime";
import { fixC1 } from "./cp1252";
import type { MailAddress } from "./address";

const ENTITY_BEFORE = /&(?:[a-z][a-z0-9]{1,7}|#\d{1,6}|#x[0-9a-f]{1,6})$/i;
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};
/** Web archives write some headers HTML-escaped (`Bob &lt;bob@x&gt;`, `&ndash;`): read them as text. */
export function decodeEntities(value: string): string {
  return value.replace(
    /&(?:([a-z][a-z0-9]{1,7})|#(\d{1,6})|#x([0-9a-f]{1,6}));/gi,
    (m, name?: string, dec?: string, hex?: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? m;
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    },
  );
}

/** Splits on `sep` outside double quotes (a quoted display name may hold it); `;` ending an HTML
 *  character reference (`&amp;`) does not split. */
export function splitOutsideQuotes(value: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted && !(sep === ";" && ENTITY_BEFORE.test(value.slice(Math.max(from, i - 12), i)))) {
      // (a `;` that ends an HTML character reference, `&ndash;`, is part of the text)
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** A list with names but no address at all (`Clinton, Hillary`, `H; Mills, Cheryl`): each name is
 *  one person. With `;` in it, `;` separates people; otherwise a one-word part followed by
 *  another is "Last, First", and parts of two or more words are people of their own. */
export function parseNames(value: string): MailAddress[] {
  const semi = splitOutsideQuotes(value, ";");
  const names: string[] = [];
  if (semi.length > 1) names.push(...semi);
  else {
    const parts = splitOutsideQuotes(value, ",");
    for (let i = 0; i < parts.length; i++) {
      const single = !parts[i].startsWith('"') && !/\s/.test(parts[i]);
      if (single && i + 1 < parts.length && !parts[i + 1].startsWith('"')) names.push(`${parts[i]}, ${parts[++i]}`);
      else names.push(parts[i]);
    }
  }
  return names
    .map((n) => ({
      name: fixC1(decodeWords(n.replace(/^"|"$/g, "").replace(/\\(.)/g, "$1")))
        .replace(/\s+/g, " ")
        .trim(),
      address: "",
    }))
    .filter((e) => e.name !== "");
}
