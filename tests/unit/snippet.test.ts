// The embed snippet: the embed link's flags (added, replaced, the rest of the hash kept), and the
// <iframe> read back with a strict parser of its own: every attribute, escaping of hostile titles.
import { describe, expect, it } from "vitest";
import { embedHeight, embedSnippet, embedUrl, type EmbedOptions } from "../../src/publish/snippet";

const VIEW = "https://news.example/graphics/switchboard/?data=dnc.json#from=2016-04-01&person=jane@dnc.org&mass=20";
const PLAIN: EmbedOptions = { timeline: false, panels: false, theme: "auto" };
const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'" };

/** The iframe's attributes, by a grammar that admits nothing else: one <iframe>, double-quoted
 *  values with no raw '"', '<', '>' or unescaped '&', nothing after </iframe>. */
function parseIframe(html: string): Map<string, string> {
  const whole = /^<iframe((?:\s+[a-z-]+="[^"<>]*")*)><\/iframe>$/.exec(html);
  if (!whole) throw new Error(`not one well-formed iframe: ${html}`);
  const attributes = new Map<string, string>();
  for (const m of whole[1].matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
    if (attributes.has(m[1])) throw new Error(`attribute ${m[1]} twice`);
    if (/&(?!(amp|quot|lt|gt|#39);)/.test(m[2])) throw new Error(`raw & in ${m[1]}`);
    attributes.set(
      m[1],
      m[2].replace(/&(amp|quot|lt|gt|#39);/g, (_, e: string) => ENTITIES[e]),
    );
  }
  return attributes;
}

/** A hash as its settings, in order. */
const settings = (url: string) => url.slice(url.indexOf("#") + 1).split("&");

describe("embedUrl", () => {
  it("adds f.embed=1 and keeps the address and every other setting in order", () => {
    const url = embedUrl(VIEW, PLAIN);
    expect(url.slice(0, url.indexOf("#"))).toBe("https://news.example/graphics/switchboard/?data=dnc.json");
    expect(settings(url)).toEqual(["from=2016-04-01", "person=jane@dnc.org", "mass=20", "f.embed=1"]);
  });

  it("writes each option as its flag, and leaves defaults out", () => {
    expect(settings(embedUrl(VIEW, { timeline: true, panels: false, theme: "auto" })).slice(3)).toEqual([
      "f.embed=1",
      "f.timeline=1",
    ]);
    expect(settings(embedUrl(VIEW, { timeline: false, panels: true, theme: "dark" })).slice(3)).toEqual([
      "f.embed=1",
      "f.panels=1",
      "f.theme=dark",
    ]);
    expect(settings(embedUrl(VIEW, { timeline: true, panels: true, theme: "light" })).slice(3)).toEqual([
      "f.embed=1",
      "f.panels=1",
      "f.theme=light",
      "f.timeline=1",
    ]);
  });

  it("replaces embed flags already in the link, however written, and keeps other flags", () => {
    const old = `${VIEW}&f.embed=0&F.Timeline=1&f%2Epanels=1&f.theme=dark&f.other=x&f.embedded=2`;
    const url = embedUrl(old, { timeline: false, panels: false, theme: "light" });
    expect(settings(url)).toEqual([
      "from=2016-04-01",
      "person=jane@dnc.org",
      "mass=20",
      "f.other=x",
      "f.embedded=2",
      "f.embed=1",
      "f.theme=light",
    ]);
    // Embedding an embed link again gives the same link.
    expect(embedUrl(url, { timeline: false, panels: false, theme: "light" })).toBe(url);
  });

  it("gives a link with no hash one, and drops empty settings", () => {
    expect(embedUrl("http://127.0.0.1:8000/app/", PLAIN)).toBe("http://127.0.0.1:8000/app/#f.embed=1");
    expect(embedUrl("http://127.0.0.1:8000/app/#", PLAIN)).toBe("http://127.0.0.1:8000/app/#f.embed=1");
    expect(embedUrl("http://h/app/#&person=a@b&&", PLAIN)).toBe("http://h/app/#person=a@b&f.embed=1");
  });
});

describe("embedSnippet", () => {
  const url = embedUrl(VIEW, { timeline: true, panels: false, theme: "dark" });

  it("is one iframe with every attribute a newsroom page needs", () => {
    const a = parseIframe(embedSnippet(url, { title: "DNC mailbox", aspect: "16:9" }));
    expect([...a.keys()].sort()).toEqual(["allow", "loading", "referrerpolicy", "src", "style", "title"]);
    expect(a.get("src")).toBe(url);
    expect(a.get("title")).toBe("DNC mailbox");
    expect(a.get("loading")).toBe("lazy");
    expect(a.get("allow")).toBe("clipboard-write; fullscreen");
    expect(a.get("referrerpolicy")).toBe("no-referrer");
    const style = a.get("style")!.split(";");
    expect(style).toEqual(["display:block", "width:100%", "aspect-ratio:16/9", "min-height:420px", "border:0"]);
  });

  it("escapes the ampersands of the link, so the browser reads back the same address", () => {
    const html = embedSnippet(url, { title: "t", aspect: "16:9" });
    expect(html).toContain("&amp;person=jane@dnc.org&amp;mass=20");
    expect(html).not.toMatch(/&(?!(amp|quot|lt|gt|#39);)/);
  });

  it("keeps a hostile title inside its attribute", () => {
    const hostile = `"><script>alert('x')</script><iframe src="javascript:alert(1)" a='`;
    const html = embedSnippet(url, { title: hostile, aspect: "4:3" });
    expect(html).not.toContain("<script");
    expect(html.match(/</g)).toHaveLength(2); // <iframe and </iframe>
    expect(html.match(/"/g)).toHaveLength(12); // the quotes of six attributes only
    const a = parseIframe(html);
    expect(a.get("title")).toBe(hostile);
    expect(a.get("src")).toBe(url);
    expect(html).toContain("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  });

  it("folds line breaks and control characters of a title to spaces, and names an untitled embed", () => {
    const folded = embedSnippet(url, { title: " Leak\n\tof\u0000 2016 ", aspect: "1:1" });
    expect(parseIframe(folded).get("title")).toBe("Leak of 2016");
    expect(parseIframe(embedSnippet(url, { title: " \n", aspect: "1:1" })).get("title")).toBe(
      "Email network (Switchboard)",
    );
  });

  it("has each aspect ratio, a min-height for the wide ones, and an optional max-width", () => {
    const style = (aspect: "16:9" | "4:3" | "1:1" | "3:4", maxWidth?: number) =>
      parseIframe(embedSnippet(url, { title: "t", aspect, maxWidth })).get("style");
    expect(style("4:3")).toBe("display:block;width:100%;aspect-ratio:4/3;min-height:420px;border:0");
    expect(style("1:1")).toBe("display:block;width:100%;aspect-ratio:1/1;min-height:360px;border:0");
    expect(style("3:4")).toBe("display:block;width:100%;aspect-ratio:3/4;border:0");
    expect(style("16:9", 960.4)).toBe(
      "display:block;width:100%;max-width:960px;aspect-ratio:16/9;min-height:420px;border:0",
    );
    expect(style("16:9", 0)).toBe(style("16:9"));
    expect(style("16:9", Number.NaN)).toBe(style("16:9"));
  });

  it("refuses an address that is not http(s)", () => {
    expect(() => embedSnippet("javascript:alert(1)", { title: "t", aspect: "16:9" })).toThrow(/http/);
    expect(() => embedSnippet("file:///home/me/app/#f.embed=1", { title: "t", aspect: "16:9" })).toThrow(/http/);
  });
});

describe("embedHeight", () => {
  it("is the width over the aspect, but never under the min-height", () => {
    expect(embedHeight(1000, "16:9")).toBeCloseTo(562.5, 6);
    expect(embedHeight(320, "16:9")).toBe(420);
    expect(embedHeight(375, "1:1")).toBe(375);
    expect(embedHeight(320, "1:1")).toBe(360);
    expect(embedHeight(375, "3:4")).toBe(500);
    expect(embedHeight(1000, "4:3")).toBeCloseTo(750, 6);
  });
});
