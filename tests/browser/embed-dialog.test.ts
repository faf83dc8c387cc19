// The Embed… dialog: it writes the iframe code for the current view in embed mode, updates it live,
// previews it at phone and desktop width (only while open), copies it, closes on Escape with focus
// back on its button; the code pasted into an article page loads the app; a dataset from disk
// cannot be embedded and the dialog says so.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./harness";
import { raw, SAMPLE, TITLE } from "./sample";
import { useBrowser } from "./use-browser";

const CLIPBOARD = ["clipboard-read", "clipboard-write"];
const READY = 120_000;

const env = useBrowser();

/** The attributes of the iframe in a snippet, as this browser parses it. */
async function iframeOf(page: Page, snippet: string): Promise<Record<string, string>> {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const frames = doc.body.querySelectorAll("iframe");
    if (frames.length !== 1 || doc.body.children.length !== 1) throw new Error(`not one iframe: ${html}`);
    return Object.fromEntries([...frames[0].attributes].map((a) => [a.name, a.value]));
  }, snippet);
}

/** The settings of a URL's hash, unescaped. */
function hashOf(url: string): Map<string, string> {
  const body = new URL(url).hash.slice(1);
  return new Map(body.split("&").map((s) => s.split("=").map(decodeURIComponent) as [string, string]));
}

async function openDialog(page: Page) {
  await page.locator('[data-control="embed"]').click();
  await page.waitForFunction(() => document.querySelector<HTMLDialogElement>(".embed-dialog")?.open === true);
  return page.locator(".embed-dialog");
}

const code = (page: Page) => page.locator(".embed-code").inputValue();

/** Waits until both previews show the app, loaded from this address. */
async function previewsReady(page: Page, src: string) {
  await page.waitForFunction(
    (want) => {
      const frames = [...document.querySelectorAll<HTMLIFrameElement>(".embed-preview-frame")];
      return (
        frames.length === 2 &&
        frames.every(
          (f) =>
            f.src === want &&
            f.contentWindow?.location.href === want &&
            f.contentDocument?.body?.dataset.status === "ready",
        )
      );
    },
    src,
    { timeout: READY, polling: 200 },
  );
}

describe("the Embed… dialog", () => {
  it("writes the code for the current view, previews it at two widths, copies it and closes on Escape", async () => {
    const desktop = { width: 1280, height: 800 };
    const { page, errors, foreign } = await env.open("", desktop, { permissions: CLIPBOARD });
    await page.evaluate(() => window.switchboard!.actions.selectPerson(0));
    const dialog = await openDialog(page);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    const labelledBy = await dialog.getAttribute("aria-labelledby");
    expect(await page.locator(`[id="${labelledBy}"]`).textContent()).toBe("Embed this view");

    const first = await iframeOf(page, await code(page));
    expect(Object.keys(first).sort()).toEqual(["allow", "loading", "referrerpolicy", "src", "style", "title"]);
    expect(first.title).toBe(TITLE);
    expect(first.loading).toBe("lazy");
    expect(first.src.startsWith(`${env.served.url}/app/#`)).toBe(true);
    const settings = hashOf(first.src);
    expect(settings.get("person")).toBe(raw.people.address[0]);
    expect(settings.get("f.embed")).toBe("1");
    expect(settings.has("f.timeline")).toBe(false);
    // Everything else is the view's own link.
    const view = await page.evaluate(() => location.hash.slice(1));
    expect(new URL(first.src).hash.slice(1)).toBe(`${view}&f.embed=1`);

    await dialog.getByLabel("Compact timeline").check();
    const second = await iframeOf(page, await code(page));
    expect(hashOf(second.src).get("f.timeline")).toBe("1");
    expect(second.src).toBe(`${first.src}&f.timeline=1`);
    await dialog.getByLabel("Dark").check();
    await page.locator(".embed-options select").selectOption("1:1");
    const third = await iframeOf(page, await code(page));
    expect(hashOf(third.src).get("f.theme")).toBe("dark");
    expect(third.style).toContain("aspect-ratio:1/1");

    // The previews reload with the code's address and show the app, at the embed's own widths, inside the dialog.
    await previewsReady(page, third.src);
    const boxes = await page.evaluate(() => {
      const d = document.querySelector(".embed-dialog")!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>(".embed-preview")].map((f) => {
        const frame = f.querySelector("iframe")!;
        const r = frame.getBoundingClientRect();
        return {
          label: f.querySelector("figcaption")!.textContent,
          inner: frame.contentWindow!.innerWidth,
          innerHeight: frame.contentWindow!.innerHeight,
          width: r.width,
          height: r.height,
          inside: r.left >= d.left && r.right <= d.right,
        };
      });
    });
    expect(boxes.map((b) => [b.label, b.inner, b.innerHeight])).toEqual([
      ["Phone, 375 px", 375, 375],
      ["Desktop, 1000 px", 1000, 1000],
    ]);
    for (const b of boxes) {
      expect(b.inside).toBe(true);
      expect(b.width).toBeLessThan(b.inner);
    }
    // One scale for both, so the phone is as narrow beside the desktop as it will be.
    expect(boxes[0].width / boxes[1].width).toBeCloseTo(375 / 1000, 2);

    await page.locator('[data-control="embed-copy"]').click();
    await page.waitForFunction(() => document.querySelector(".embed-status")?.textContent?.startsWith("Code copied"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code(page));
    await screenshot(page, "embed-dialog");

    // On a phone the previews are stacked, each scaled to the dialog's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.querySelector(".embed-previews")?.classList.contains("stacked"));
    const stacked = await page.evaluate(() => {
      const d = document.querySelector(".embed-dialog")!.getBoundingClientRect();
      return [...document.querySelectorAll(".embed-preview-frame")].map((f) => {
        const r = f.getBoundingClientRect();
        return r.left >= d.left && r.right <= d.right && r.width > 100;
      });
    });
    expect(stacked).toEqual([true, true]);
    await screenshot(page, "embed-dialog-phone");

    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>(".embed-dialog")?.open === false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-control"))).toBe("embed");
    // Escape closed the dialog only, not the person behind it.
    expect(await page.evaluate(() => window.switchboard!.state().selected)).toBe(0);
    // The previews' apps are gone with the dialog (each held a WebGL context).
    expect(await page.locator(".embed-preview-frame").count()).toBe(0);
    expect(await page.evaluate(() => window.frames.length)).toBe(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("gives code that loads the app inside an article, and selects it when the clipboard is refused", async () => {
    const { page, errors, foreign } = await env.open("", { width: 1280, height: 800 });
    await page.evaluate(() => window.switchboard!.actions.selectPerson(3));
    await openDialog(page);
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
    });
    await page.locator('[data-control="embed-copy"]').click();
    await page.waitForFunction(() => document.querySelector(".embed-status")?.textContent?.startsWith("Press Ctrl+C"));
    const selected = await page.evaluate(() => {
      const t = document.activeElement as HTMLTextAreaElement;
      const focused = t.classList.contains("embed-code");
      return { focused, start: t.selectionStart, end: t.selectionEnd, length: t.value.length };
    });
    expect(selected).toEqual({ focused: true, start: 0, end: selected.length, length: selected.length });
    const snippet = await code(page);
    await page.close();

    const words = "Words of the article. ".repeat(30);
    const filler = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the story. ${words}</p>`);
    const article = await env.browser.newPage({ viewport: { width: 320, height: 640 } });
    const articleErrors: string[] = [];
    article.on("pageerror", (e) => articleErrors.push(e.message));
    const ours = (url: string) => url.startsWith(env.served.url) || url.startsWith("data:");
    article.on("request", (r) => void (ours(r.url()) || foreign.push(r.url())));
    // The article is a page of the app's origin (served here by the browser; the harness serves only the app).
    const story = `${env.served.url}/news/story.html`;
    await article.route(story, (r) =>
      r.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><head>
      <meta name="viewport" content="width=device-width"><title>Story</title>
      <style>body { margin: 0 12px; font: 16px Georgia, serif }</style></head><body><article><h1>Who wrote to whom</h1>
      ${filler.slice(0, 4).join("")}${snippet}${filler.slice(4).join("")}</article></body></html>`,
      }),
    );
    await article.goto(story);
    const frame = article.locator("article iframe");
    expect(await frame.count()).toBe(1);
    await frame.scrollIntoViewIfNeeded();
    await article.waitForFunction(
      () => {
        const f = document.querySelector("iframe");
        return f?.contentDocument?.body?.dataset.status === "ready";
      },
      undefined,
      { timeout: READY, polling: 200 },
    );
    const loaded = await frame.evaluate((f: HTMLIFrameElement) => ({
      href: f.contentWindow!.location.href,
      title: f.title,
    }));
    expect(hashOf(loaded.href).get("person")).toBe(raw.people.address[3]);
    expect(hashOf(loaded.href).get("f.embed")).toBe("1");
    expect(loaded.title).toBe(TITLE);
    // The column is 320 - 2 × 12 px; a 16:9 embed that narrow keeps its min-height.
    const box = (await frame.boundingBox())!;
    expect(box.width).toBe(296);
    expect(box.height).toBe(420);
    expect(await frame.evaluate((f: HTMLIFrameElement) => f.contentWindow!.innerWidth)).toBe(296);
    await screenshot(article, "embed-article-phone");

    await article.setViewportSize({ width: 1100, height: 800 });
    await article.waitForFunction(() => document.querySelector("iframe")!.getBoundingClientRect().width === 1076);
    const wide = (await frame.boundingBox())!;
    expect(wide.height).toBeCloseTo((1076 * 9) / 16, 0);
    expect(errors).toEqual([]);
    expect(articleErrors).toEqual([]);
    expect(foreign).toEqual([]);
    await article.close();
  });

  it("says a dataset from disk cannot be embedded, and does not copy or preview it", async () => {
    const { page } = await env.open();
    const file = { name: "mine.json", mimeType: "application/json", buffer: readFileSync(SAMPLE) };
    await page.locator("input[type=file]").setInputFiles(file);
    await page.waitForFunction(
      () => document.body.dataset.status === "ready" && !!document.querySelector('[data-control="embed"]'),
      undefined,
      { polling: 100 },
    );
    await openDialog(page);
    expect(await page.locator(".embed-file-note").isVisible()).toBe(true);
    expect(await page.locator(".embed-file-note").textContent()).toContain("the file is not on a server");
    expect(await page.locator('[data-control="embed-copy"]').isDisabled()).toBe(true);
    expect(await page.locator(".embed-previews").isVisible()).toBe(false);
    expect(await page.locator(".embed-preview-frame").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-control"))).toBe("embed-close");
    await page.locator('[data-control="embed-close"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>(".embed-dialog")?.open === false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-control"))).toBe("embed");
    await page.close();
  });
});
