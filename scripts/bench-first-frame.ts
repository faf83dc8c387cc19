// Navigation to the first frame the browser composites with the network in it, read from the
// browser's own frames (a DevTools screencast), not from the app's marks: a figure that can be set
// beside any other tool measured the same way. A frame "shows the network" when the middle half of
// the network's box (clear of the tools over its top right) has at least 2 % of pixels unlike
// the box's background.
import { PNG } from "pngjs";
import type { Browser } from "playwright-core";

const INK_SHARE = 0.02;
const VIEWPORT = { width: 1280, height: 800 };

export async function firstCompositedFrame(browser: Browser, url: string, selector = ".network"): Promise<number> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    const cdp = await page.context().newCDPSession(page);
    const frames: { at: number; png: Buffer }[] = [];
    cdp.on("Page.screencastFrame", (f) => {
      frames.push({ at: (f.metadata.timestamp ?? 0) * 1000, png: Buffer.from(f.data, "base64") });
      void cdp.send("Page.screencastFrameAck", { sessionId: f.sessionId }).catch(() => {});
    });
    await cdp.send("Page.startScreencast", { format: "png", everyNthFrame: 1 });
    await page.goto(url);
    await page.waitForFunction(() => window.switchboard?.firstFrameAt != null, undefined, { timeout: 300_000 });
    // A few more frames after the app's own mark, so the one that shows it has arrived.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await cdp.send("Page.stopScreencast");
    const origin = await page.evaluate(() => performance.timeOrigin);
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${url}: no ${selector} to look for`);
    const hit = frames.find((f) => showsNetwork(f.png, box));
    if (!hit) throw new Error(`${url}: none of ${frames.length} frames shows the network`);
    return hit.at - origin;
  } finally {
    await page.close();
  }
}

/** Whether the middle half of `box` (CSS px; frames are at the viewport's size) holds ink. */
function showsNetwork(png: Buffer, box: { x: number; y: number; width: number; height: number }): boolean {
  const img = PNG.sync.read(png);
  const scale = img.width / VIEWPORT.width;
  const at = (x: number, y: number) => {
    const i = (Math.round(y * scale) * img.width + Math.round(x * scale)) * 4;
    return [img.data[i], img.data[i + 1], img.data[i + 2]];
  };
  const bg = at(box.x + 2, box.y + box.height - 3);
  let ink = 0;
  let all = 0;
  for (let y = box.y + box.height / 4; y < box.y + (3 * box.height) / 4; y += 2)
    for (let x = box.x + box.width / 4; x < box.x + (3 * box.width) / 4; x += 2) {
      const [r, g, b] = at(x, y);
      all++;
      if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 24) ink++;
    }
  return ink / all >= INK_SHARE;
}
