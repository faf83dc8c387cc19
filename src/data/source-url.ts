// A message's link to its source document, from the dataset's messageUrlTemplate: only ever http(s).
import type { Dataset } from "./types";

/** The message's link to its source document, only when it is http(s) and the message has an id of
 *  its own (a message without one is never linked to another's document). */
export function sourceUrl(ds: Dataset, m: number): string | null {
  const template = ds.meta.messageUrlTemplate;
  const id = ds.messages.id?.[m];
  if (!template || id === undefined || id === "") return null;
  try {
    const url = new URL(template.replace("{id}", encodeURIComponent(String(id))), location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
