// The embed snippet (pure, no DOM): the link to a view turned into an embed link (f.embed=1 and
// the embed options in its hash), and the <iframe> a graphics desk pastes into an article. The
// iframe is responsive without a script (CSS aspect-ratio, a min-height that keeps it usable at
// 320 px); every attribute value is HTML-escaped, since the title comes from the dataset.

export type EmbedTheme = "auto" | "light" | "dark";
export type EmbedAspect = "16:9" | "4:3" | "1:1" | "3:4";

export interface EmbedOptions {
  /** A compact timeline under the network. */
  timeline: boolean;
  /** The side panels (person, connection…) may open. */
  panels: boolean;
  theme: EmbedTheme;
}

export interface SnippetOptions {
  /** The dataset's title: the iframe's accessible name. */
  title: string;
  aspect: EmbedAspect;
  /** Widest the embed grows, in CSS px (none when left out). */
  maxWidth?: number;
}

export const EMBED_ASPECTS: readonly EmbedAspect[] = ["16:9", "4:3", "1:1", "3:4"];

/** The flags embed mode reads; any already in a link are replaced. */
const EMBED_FLAGS = new Set(["f.embed", "f.timeline", "f.panels", "f.theme"]);

/** Height of the embed at least this tall whatever its width (none for tall aspects, which are
 *  tall enough at 320 px already). */
const MIN_HEIGHT: Record<EmbedAspect, number> = { "16:9": 420, "4:3": 420, "1:1": 360, "3:4": 0 };

const TITLE_WHEN_EMPTY = "Email network (Switchboard)";

/** Width over height of an aspect. */
export function aspectRatio(aspect: EmbedAspect): number {
  const [w, h] = aspect.split(":").map(Number);
  return w / h;
}

/** The height, in CSS px, the snippet's iframe takes at a width (what its CSS computes). */
export function embedHeight(width: number, aspect: EmbedAspect): number {
  return Math.max(width / aspectRatio(aspect), MIN_HEIGHT[aspect]);
}

/** A setting's name as the app reads it (unescaped, lower case). */
function keyOf(segment: string): string {
  const eq = segment.indexOf("=");
  const raw = eq < 0 ? segment : segment.slice(0, eq);
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** The link to a view with the embed flags in its hash; the view's other settings are kept as written. */
export function embedUrl(viewUrl: string, opts: EmbedOptions): string {
  const cut = viewUrl.indexOf("#");
  const base = cut < 0 ? viewUrl : viewUrl.slice(0, cut);
  const hash = cut < 0 ? "" : viewUrl.slice(cut + 1);
  const kept = hash.split("&").filter((s) => s !== "" && !EMBED_FLAGS.has(keyOf(s)));
  // In the order the app writes flags (by name), so an embed link reads as the app would write it.
  const flags = ["f.embed=1"];
  if (opts.panels) flags.push("f.panels=1");
  if (opts.theme !== "auto") flags.push(`f.theme=${opts.theme}`);
  if (opts.timeline) flags.push("f.timeline=1");
  return `${base}#${[...kept, ...flags].join("&")}`;
}

/** Text made safe inside a double-quoted HTML attribute (and as text). */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The <iframe> to paste. Throws for a src that is not an http(s) address (nothing else can embed the app). */
export function embedSnippet(url: string, opts: SnippetOptions): string {
  if (!/^https?:\/\//i.test(url)) throw new Error(`an embed needs an http(s) address, not ${url.slice(0, 40)}`);
  const style = ["display:block", "width:100%"];
  const maxWidth = opts.maxWidth === undefined ? NaN : Math.round(opts.maxWidth);
  if (Number.isFinite(maxWidth) && maxWidth > 0) style.push(`max-width:${maxWidth}px`);
  style.push(`aspect-ratio:${opts.aspect.replace(":", "/")}`);
  if (MIN_HEIGHT[opts.aspect] > 0) style.push(`min-height:${MIN_HEIGHT[opts.aspect]}px`);
  style.push("border:0");
  // Control characters and line breaks would only confuse a screen reader (and the desk's CMS).
  const title = opts.title.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim() || TITLE_WHEN_EMPTY;
  const attributes: [string, string][] = [
    ["src", url],
    ["title", title],
    ["style", style.join(";")],
    ["loading", "lazy"],
    ["allow", "clipboard-write; fullscreen"],
    ["referrerpolicy", "no-referrer"],
  ];
  return `<iframe ${attributes.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(" ")}></iframe>`;
}
