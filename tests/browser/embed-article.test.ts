// Embeds inside an article page, as a newsroom ships them: the snippet draws the view and the
// article scrolls over the graphic until the reader clicks into it; pages with 4 and 18 embeds all
// draw, live or as their still image (a browser keeps only so many WebGL contexts).
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { embedSnippet } from "../../src/publish/snippet";
import { embedReady } from "./gestures";
import { screenshot, type Served } from "./harness";
import { corpus } from "./fixtures";
import { TITLE } from "./sample";
import { useBrowser } from "./use-browser";

/** The many-embeds pages show a small corpus: what they test is the browser's limit on WebGL
 *  contexts, and every embed loading the 20,000-message sample would take minutes. */
const SMALL = "/fixtures/article-corpus.json";
const env = useBrowser((served) =>
  served.extra.set(SMALL, JSON.stringify(corpus("Small corpus", { people: 200, messages: 2500 }))),
);

/** An article page with `count` embeds of the sample between paragraphs of text. */
function article(count: number, served: Served, data: string | null): string {
  const para =
    "<p>" + "The party's staff wrote to each other about the primaries, the donors and the press. ".repeat(12) + "</p>";
  const query = data ? `?data=${encodeURIComponent(data)}` : "";
  const snippet = embedSnippet(`${served.url}/app/${query}#f.embed=1`, { title: TITLE, aspect: "16:9" });
  const items = Array.from({ length: count }, (_, i) => `${para}<figure id="g${i}">${snippet}</figure>`).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<style>body{font:18px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:0 16px}figure{margin:24px 0}</style></head>
<body><h1>What the mailbox shows</h1>${items}${para}${para}</body></html>`;
}

async function openArticle(count: number, data: string | null = null, viewport = { width: 900, height: 800 }) {
  const path = `/fixtures/article-${count}.html`;
  env.served.extra.set(path, article(count, env.served, data));
  const page = await env.browser.newPage({ viewport });
  page.setDefaultTimeout(60_000); // as the harness's pages: two files share the two cores
  await page.goto(`${env.served.url}${path}`);
  return page;
}

const frameOf = async (page: Page, i: number) => (await page.locator(`#g${i} iframe`).elementHandle())!.contentFrame();

/** Share of the pixels of an embed's network (below the buttons) that are not the white background. */
async function inkOf(frame: Frame): Promise<number> {
  const { PNG } = await import("pngjs");
  const box = (await frame.locator(".network").boundingBox())!;
  const page = frame.page();
  const img = PNG.sync.read(
    await page.screenshot({ clip: { x: box.x, y: box.y + 44, width: box.width, height: box.height - 44 } }),
  );
  let ink = 0;
  for (let i = 0; i < img.data.length; i += 4 * 7)
    if (img.data[i] < 235 || img.data[i + 1] < 235 || img.data[i + 2] < 235) ink++;
  return ink / (img.data.length / (4 * 7));
}

describe("embeds in an article", () => {
  it("the snippet draws the view, and the article scrolls over it until the reader clicks in", async () => {
    const page = await openArticle(1);
    await page.locator("#g0").scrollIntoViewIfNeeded();
    const frame = (await frameOf(page, 0))!;
    await embedReady(frame);
    expect(await frame.locator("h1").textContent()).toBe(TITLE);
    const box = (await page.locator("#g0 iframe").boundingBox())!;
    expect(await inkOf(frame)).toBeGreaterThan(0.05);
    await screenshot(page, "embed-article");
    const before = await page.evaluate(() => scrollY);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => scrollY > y, before, { timeout: 10_000 });
    expect(await frame.evaluate(() => window.switchboard!.state().camera)).toBeNull();
    // Ctrl + wheel zooms without clicking.
    const box2 = (await page.locator("#g0 iframe").boundingBox())!;
    await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -200);
    await page.keyboard.up("Control");
    await frame.waitForFunction(() => (window.switchboard!.state().camera?.ratio ?? 1) < 0.99, undefined, {
      timeout: 10_000,
    });
    await page.close();
  });

  for (const count of [4, 18]) {
    it(`a page with ${count} embeds: every one draws, live or as its still image`, async () => {
      const page = await openArticle(count, `..${SMALL}`);
      const seen: string[] = [];
      for (let i = 0; i < count; i++) {
        await page.locator(`#g${i}`).scrollIntoViewIfNeeded();
        const frame = (await frameOf(page, i))!;
        await embedReady(frame);
        const ink = await inkOf(frame);
        seen.push(
          await frame.evaluate(() => document.querySelector<HTMLElement>(".network")!.dataset.context ?? "live"),
        );
        expect(ink, `embed ${i} of ${count} is blank`).toBeGreaterThan(0.05);
      }
      // Scrolled back to the top, the first embeds draw again (the oldest lose WebGL first).
      for (const i of [0, 1]) {
        await page.locator(`#g${i}`).scrollIntoViewIfNeeded();
        const frame = (await frameOf(page, i))!;
        await frame.waitForFunction(() => document.body.dataset.status === "ready");
        expect(await inkOf(frame), `embed ${i} after scrolling back`).toBeGreaterThan(0.05);
      }
      const now: string[] = [];
      for (let i = 0; i < count; i++) {
        now.push(
          await (await frameOf(page, i))!.evaluate(
            () => document.querySelector<HTMLElement>(".network")!.dataset.context ?? "live",
          ),
        );
      }
      console.info(
        `${count} embeds: ${seen.filter((s) => s === "lost").length} still when loaded, ` +
          `${now.filter((s) => s === "lost").length} still at the end`,
      );
      await page.close();
    }, 420_000);
  }
});
