// What a reader does on the page, shared by the browser tests: brushing the timeline, waiting for
// the period summary to say what a view shows, drawing a frame, waiting for an embed.
import type { Frame, Page } from "playwright-core";

/** Drags across the overview's brush from one fraction of its width to another. */
export async function brush(page: Page, from: number, to: number): Promise<void> {
  const box = (await page.locator(".brush .overlay").boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, y, { steps: 5 });
  await page.mouse.up();
}

/** Brushes, then waits until the period has left the start of the data; returns it. */
export async function brushPeriod(page: Page, from: number, to: number): Promise<{ start: number; end: number }> {
  await brush(page, from, to);
  await page.waitForFunction(
    () => window.switchboard!.state().period.start > window.switchboard!.full.start,
    undefined,
    { polling: 100 },
  );
  return page.evaluate(() => window.switchboard!.state().period);
}

/** Waits until the period summary ends with the text. */
export async function summaryEndsWith(page: Page, tail: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((t) => document.querySelector(".period-summary")?.textContent?.endsWith(t), tail, {
    polling: 100,
    timeout,
  });
}

/** Waits for the network's next frame to be drawn. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => window.switchboard!.nextFrame());
}

/** Waits until an embed (a page, or an iframe in an article) is ready with its legend, and drawn. */
export async function embedReady(target: Page | Frame): Promise<void> {
  await target.waitForFunction(
    () => document.body.dataset.status === "ready" && document.querySelector(".embed-legend li") !== null,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  await target.evaluate(() => window.switchboard!.nextFrame());
}

/** Waits until the network's canvases have their container's size again (after the viewport was
 *  resized), and then for a frame drawn at that size. */
export async function networkFits(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const net = document.querySelector<HTMLElement>(".network");
    const canvas = net?.querySelector("canvas");
    return !!net && !!canvas && canvas.clientWidth === net.clientWidth && canvas.clientHeight === net.clientHeight;
  });
  await nextFrame(page);
}
