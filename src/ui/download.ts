// Saving an export: a Blob handed to the browser's download through an <a download> and an object
// URL (revoked once the download has started), and file names made from the dataset's title and
// the period, in safe characters only ("federal-party-2016-03-19-to-2016-04-28-people.csv").
import type { Period } from "../graph/period";
import { localDay } from "../time/zone";

const MAX_SLUG = 60;

/** Lower-case ASCII letters, digits and single hyphens; accents dropped, other scripts removed. */
export function slug(text: string, fallback = "switchboard"): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = s.slice(0, MAX_SLUG).replace(/-+$/, "");
  return cut || fallback;
}

/** "<title>-<first day>-to-<last day>[-<what>].<ext>", days in the corpus time zone. */
export function exportFileName(title: string, period: Period, timeZone: string, what: string, ext: string): string {
  const from = localDay(period.start, timeZone);
  const to = localDay(Math.max(period.start, period.end - 1), timeZone);
  const days = from === to ? from : `${from}-to-${to}`;
  const extra = what ? `-${slug(what, "")}`.replace(/-$/, "") : "";
  return `${slug(title)}-${days}${extra}.${slug(ext, "txt")}`;
}

/** Starts the browser's download of `blob` as `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has its own reference once started; a moment later the URL can go.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
