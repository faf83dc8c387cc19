// The dark theme (the reader's system preference, or the toggle kept in the link), the favicon,
// and a lost WebGL context: the network shows a still image of the same view and comes back.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nodeColour, THEMES } from "../../src/theme/theme";
import { nextFrame } from "./gestures";
import { screenshot } from "./harness";
import { pixels } from "./truth";
import { useBrowser } from "./use-browser";

const env = useBrowser();

const hex = (rgb: string) =>
  "#" +
  (rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, "0"))
    .join("");

/** How many pixels of an element's screenshot are within 12 of each colour, and the share not the background. */
async function coloursIn(page: Page, selector: string, colours: string[], background: string) {
  const img = pixels(await page.locator(selector).screenshot());
  const want = [...colours, background].map((c) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)));
  const seen = new Array(colours.length).fill(0);
  let ink = 0;
  let total = 0;
  for (let y = 50; y < img.height; y += 2)
    for (let x = 0; x < img.width; x += 2) {
      const p = img.at(x, y);
      total++;
      const near = (c: number[]) =>
        Math.abs(p[0] - c[0]) < 12 && Math.abs(p[1] - c[1]) < 12 && Math.abs(p[2] - c[2]) < 12;
      if (!near(want[want.length - 1])) ink++;
      want.slice(0, -1).forEach((c, k) => near(c) && seen[k]++);
    }
  return { seen: seen.filter((n) => n > 10).length, ink: ink / total };
}

const communityColours = (page: Page, theme: "light" | "dark") =>
  page
    .evaluate(() => window.switchboard!.frame().derived.communities.result!.colours)
    .then((cs) => cs.map((c) => nodeColour(c, theme)));

describe("themes", () => {
  it("follows the reader's dark system, draws the network on dark with the adapted colours, and the toggle is kept in the link", async () => {
    const { page, errors } = await env.ready(
      "",
      { width: 1280, height: 800 },
      {
        before: (p) => p.emulateMedia({ colorScheme: "dark" }),
      },
    );
    await nextFrame(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(hex(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))).toBe(
      THEMES.dark.background,
    );
    const toggle = page.locator("[data-control=theme]");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const dark = await networkColours(page, "dark");
    expect(dark.seen).toBeGreaterThanOrEqual(5);
    expect(dark.ink).toBeGreaterThan(0.03);
    await screenshot(page, "theme-dark");

    await toggle.click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    await nextFrame(page);
    expect(page.url()).toContain("f.theme=light");
    const light = await networkColours(page, "light");
    expect(light.seen).toBeGreaterThanOrEqual(5);
    expect(hex(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))).toBe(
      THEMES.light.background,
    );
    // Back undoes the choice.
    await page.goBack();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a link with the dark theme opens dark on a light system, and the favicon loads", async () => {
    const statuses: number[] = [];
    const { page } = await env.open(
      "#f.theme=dark",
      { width: 900, height: 700 },
      {
        before: (p) =>
          Promise.resolve(p.on("response", (r) => r.url().endsWith("favicon.svg") && statuses.push(r.status()))),
      },
    );
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>("link[rel=icon]")!.href;
      const r = await fetch(href);
      return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
    });
    expect(icon.status).toBe(200);
    expect(icon.text).toContain("<svg");
    await page.close();
  });
});

describe("a lost WebGL context", () => {
  const lose = (page: Page, restore: boolean) =>
    page.evaluate((restore) => {
      for (const c of document.querySelectorAll<HTMLCanvasElement>(".network canvas.sigma-stage")) {
        const gl = c.getContext("webgl2");
        const ext = gl?.getExtension("WEBGL_lose_context");
        if (!ext) continue;
        ext.loseContext();
        if (restore) setTimeout(() => ext.restoreContext(), 300);
      }
    }, restore);

  it("shows a still image of the same view, and the live graphic again when restored or asked for", async () => {
    const { page, errors } = await env.ready("", { width: 1100, height: 760 });
    await nextFrame(page);
    const colours = (await communityColours(page, "light")).slice(0, 6);

    await lose(page, true);
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".network")!.dataset.context === "lost");
    // Restored by the browser: back to live.
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>(".network")!.dataset.context === "live",
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.locator(".lost-context").isVisible()).toBe(false);

    await lose(page, false);
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".network")!.dataset.context === "lost");
    expect(await page.locator(".still-note").textContent()).toContain("still image");
    await screenshot(page, "context-lost");
    const still = await coloursIn(page, ".still-image", colours, THEMES.light.background);
    expect(still.seen, "community colours in the still image").toBeGreaterThanOrEqual(5);
    expect(still.ink).toBeGreaterThan(0.03);

    await page.locator("[data-control=restore-graphic]").click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".network")!.dataset.context === "live");
    await nextFrame(page);
    const live = await coloursIn(page, ".network", colours, THEMES.light.background);
    expect(live.seen).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Which of the first six community colours the network canvas shows in this theme, and its ink. */
async function networkColours(page: Page, theme: "light" | "dark") {
  return coloursIn(page, ".network", (await communityColours(page, theme)).slice(0, 6), THEMES[theme].background);
}
