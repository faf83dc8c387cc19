// Embed mode as a newsroom ships it: the reader's view (title, network, legend, credit, "Open the
// full view"), legible from 320 to 1200 px wide in both themes, and readers' interactions (tooltip,
// card, reset). Embeds inside an article page: embed-article.test.ts.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations } from "./axe";
import { embedReady, networkFits } from "./gestures";
import { screenshot } from "./harness";
import { msgs, name, raw, TITLE } from "./sample";
import { countIn, everyoneSentReceived, fmt } from "./truth";
import { useBrowser } from "./use-browser";

const env = useBrowser();

async function openEmbed(hash: string, width: number, height: number) {
  const opened = await env.open(`#${hash}`, { width, height });
  await embedReady(opened.page);
  return opened;
}

/** Words whose text is split over two lines, in the elements matched. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!(el as HTMLElement).offsetParent) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? "";
        for (const m of text.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

describe("embed mode", () => {
  it("has no axe violations, light or dark, with a reader's card open, and describes the view in words", async () => {
    for (const theme of ["light", "dark"]) {
      const { page } = await openEmbed(`f.embed=1&f.timeline=1&f.theme=${theme}`, 700, 500);
      await expectNoViolations(page, `embed-${theme}`);
      await page.evaluate(() => window.switchboard!.actions.selectPerson(0));
      await expect.poll(() => page.locator(".reader-card").isVisible()).toBe(true);
      await expectNoViolations(page, `embed-card-${theme}`);
      const described = await page.evaluate(
        () =>
          document.getElementById(document.querySelector(".network")!.getAttribute("aria-describedby")!)!.textContent,
      );
      const whole = countIn(msgs, -Infinity, Infinity);
      expect(described).toContain(`${fmt(whole.people)} people and ${fmt(whole.messages)} messages`);
      // The table is one button away for screen-reader and keyboard readers.
      await page.locator("[data-control=show-table]").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator(".table-overlay").isVisible()).toBe(true);
      await expectNoViolations(page, `embed-table-${theme}`);
      await page.close();
    }
  });

  it("pinch zooms on a touch screen, and one finger leaves the page to scroll", async () => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 560 }, hasTouch: true, isMobile: true });
    await page.goto(`${env.served.url}/app/#f.embed=1`);
    await embedReady(page);
    const box = (await page.locator(".network").boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: [number, number][]) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    await touch("touchStart", [
      [cx - 20, cy],
      [cx + 20, cy],
    ]);
    for (let k = 1; k <= 8; k++)
      await touch("touchMove", [
        [cx - 20 - 8 * k, cy],
        [cx + 20 + 8 * k, cy],
      ]);
    await touch("touchEnd", []);
    await page.waitForFunction(() => (window.switchboard!.state().camera?.ratio ?? 1) < 0.8, undefined, {
      timeout: 10_000,
    });
    // The network shares gestures with the page: touch-action lets one finger scroll it.
    expect(
      await page
        .locator(".network .sigma-mouse")
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).touchAction).filter((t) => t !== "auto")),
    ).toContain("pan-x pan-y");
    await page.close();
  });

  it("shows the reader's view: title, network, legend, credit and a link to the full view; nothing to edit", async () => {
    const { page, errors, foreign } = await openEmbed(
      "person=" + encodeURIComponent(raw.people.address[0]) + "&f.embed=1",
      700,
      500,
    );
    expect(await page.locator("h1").textContent()).toBe(TITLE);
    expect(await page.locator("#open-file").isVisible()).toBe(false);
    expect(await page.locator(".side").count()).toBe(0);
    expect(await page.locator("[data-control=copy-link], [data-control=embed], [data-control=export]").count()).toBe(0);
    // The whole period's counts, from the raw data.
    const whole = countIn(msgs, -Infinity, Infinity);
    const summary = (await page.locator(".period-summary").textContent()) ?? "";
    expect(summary).toContain(`${fmt(whole.messages)} messages`);
    expect(summary).toContain(`${fmt(whole.people)} people`);
    expect(await page.locator(".embed-credit").textContent()).toContain("Made with Switchboard");
    const href = (await page.locator(".embed-open").getAttribute("href")) ?? "";
    expect(href).not.toContain("f.embed");
    expect(new URL(href).hash).toContain("person=");
    // The network gets most of the frame (it had 310 of 500 px in the phone layout).
    const net = await page.locator(".network").boundingBox();
    expect(net!.height).toBeGreaterThan(320);
    expect(await page.locator(".embed-credit").textContent()).toContain("Fictional data");
    // The selected person opens a reader's card, not the side panels.
    await expect.poll(() => page.locator(".reader-card").isVisible()).toBe(true);
    expect(await page.locator(".reader-card-name").textContent()).toBe(name(0));
    expect(await page.locator(".drawer .panel").count()).toBe(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  for (const theme of ["light", "dark"] as const) {
    it(`is legible from 320 to 1200 px wide (${theme}): nothing cut, no word broken`, async () => {
      // One embed, its frame resized as a responsive article resizes it.
      const { page } = await openEmbed(`f.embed=1&f.timeline=1&f.theme=${theme}`, 320, 480);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      // The dark theme changes colours, not sizes: its narrowest and widest frames are enough.
      const sizes = [
        [320, 480],
        [375, 560],
        [700, 500],
        [1200, 675],
      ].filter((_, i, all) => theme === "light" || i === 0 || i === all.length - 1);
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        await networkFits(page);
        const fit = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: innerWidth,
          innerH: innerHeight,
          footer: document.querySelector(".embed-footer")!.getBoundingClientRect().bottom,
          outside: [
            ...document.querySelectorAll(
              "h1, .period-summary, .embed-legend li, .embed-credit > *, .network-tools .button",
            ),
          ]
            .filter((e) => (e as HTMLElement).offsetParent)
            .filter((e) => {
              const r = e.getBoundingClientRect();
              return r.left < 0 || r.right > innerWidth + 0.5;
            })
            .map((e) => e.textContent),
        }));
        expect(fit.scroll, `${width}px: page wider than the frame`).toBeLessThanOrEqual(fit.inner);
        expect(fit.outside, `${width}px: cut at the edge`).toEqual([]);
        expect(fit.footer, `${width}px: credit below the frame`).toBeLessThanOrEqual(fit.innerH + 0.5);
        expect(await brokenWords(page, "h1, .period-summary, .embed-legend, .embed-credit"), `${width}px`).toEqual([]);
        await screenshot(page, `embed-${width}-${theme}`);
      }
      await page.close();
    });
  }

  it("tooltip and card give a person's name and counts; Reset view puts the camera back", async () => {
    const { page } = await openEmbed("f.embed=1", 900, 600);
    const whole = countIn(msgs, -Infinity, Infinity);
    const busiest = everyoneSentReceived(whole.inside, raw.people.address.length)
      .map((counts, p) => ({ p, ...counts }))
      .sort((a, b) => b.sent + b.received - a.sent - a.received)[0];
    const box = (await page.locator(".network").boundingBox())!;
    const at = (await page.evaluate((p) => window.switchboard!.positionOf(p), busiest.p))!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const tip = page.locator(".reader-tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    const line = `${fmt(busiest.sent + busiest.received)} messages: ${fmt(busiest.sent)} sent, ${fmt(busiest.received)} received`;
    expect(await tip.textContent()).toBe(name(busiest.p) + line);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const card = page.locator(".reader-card");
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator(".reader-card-counts").textContent()).toBe(line);
    // Strongest correspondent, both directions, from the raw messages.
    const withOther = new Map<number, number>();
    for (const m of whole.inside) {
      const rec = [...new Set([...m.to, ...m.cc, ...m.bcc])].filter((r) => r !== m.sender);
      if (m.sender === busiest.p) for (const r of rec) withOther.set(r, (withOther.get(r) ?? 0) + 1);
      else if (rec.includes(busiest.p)) withOther.set(m.sender, (withOther.get(m.sender) ?? 0) + 1);
    }
    const top = [...withOther].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    expect(await card.locator(".reader-card-top li").first().textContent()).toBe(name(top[0]) + fmt(top[1]));
    await screenshot(page, "embed-card");
    await page.keyboard.press("Escape");
    await expect.poll(() => card.isVisible()).toBe(false);

    // The reader clicked into the graphic: the wheel zooms it; Reset view goes back.
    await page.mouse.move(box.x + 30, box.y + box.height - 30);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -240);
    await page.waitForFunction(() => (window.switchboard!.state().camera?.ratio ?? 1) < 0.95, undefined, {
      timeout: 10_000,
    });
    const reset = page.locator("[data-control=reset-view]");
    await expect.poll(() => reset.isEnabled()).toBe(true);
    await reset.click();
    await page.waitForFunction(() => Math.abs((window.switchboard!.state().camera?.ratio ?? 1) - 1) < 1e-6, undefined, {
      timeout: 10_000,
    });
    await page.close();
  });
});
