// Line thickness on screen: four pairs who wrote 1, 3, 8 and 30 messages fall in the four
// thickness classes (1, 2–4, 5–19, 20+), and the pixels show each class thicker than the one below,
// in proportion to the classes' widths (read across each line, away from the people at its ends).
// And a network of more lines than a view draws: zoomed out, the single messages are left out and
// a caption says how many; zoomed in, they are drawn.
import { describe, expect, it } from "vitest";
import { encodeDataset } from "../../src/data/decode";
import { DEFAULT_NETWORK_SETTINGS } from "../../src/render/settings";
import { screenshot } from "./harness";
import { pixels } from "./truth";
import { useBrowser } from "./use-browser";

const WEIGHTS = [1, 3, 8, 30];
const env = useBrowser((served) => {
  const t0 = Date.UTC(2016, 0, 4);
  const messages = WEIGHTS.flatMap((w, k) =>
    Array.from({ length: w }, (_, i) => ({
      time: t0 + i * 3_600_000 + k,
      sender: 2 * k,
      to: [2 * k + 1],
      cc: [],
      bcc: [],
      subject: "",
    })),
  );
  const ids = WEIGHTS.flatMap((_, k) => [2 * k, 2 * k + 1]);
  const file = encodeDataset({
    meta: { title: "Four pairs", synthetic: true, timeZone: "UTC" },
    people: { address: ids.map((i) => `p${i}@pairs.org`), name: ids.map((i) => `Person ${i}`) },
    messages,
  });
  // Each pair on its own horizontal line, one above the other.
  file.layout = { x: ids.map((i) => (i % 2) * 3), y: ids.map((i) => Math.floor(i / 2)) };
  served.extra.set("/fixtures/pairs.json", JSON.stringify(file));
  served.extra.set("/fixtures/ring.json", JSON.stringify(ring()));
});

const RING = 400;
/** 400 people on a circle: each wrote 30 messages to the next, and one to everyone at least a
 *  quarter of the way round (chords across the middle, more lines than the default budget). */
function ring() {
  const t0 = Date.UTC(2016, 0, 4);
  const messages: { time: number; sender: number; to: number[]; cc: number[]; bcc: number[]; subject: string }[] = [];
  const add = (sender: number, to: number) =>
    messages.push({ time: t0 + messages.length * 1000, sender, to: [to], cc: [], bcc: [], subject: "" });
  for (let i = 0; i < RING; i++) {
    for (let k = 0; k < 30; k++) add(i, (i + 1) % RING);
    for (let j = 0; j < RING; j++) if (ringDistance(i, j) > RING / 4) add(i, j);
  }
  const ids = Array.from({ length: RING }, (_, i) => i);
  const file = encodeDataset({
    meta: { title: "Ring", synthetic: true, timeZone: "UTC" },
    people: { address: ids.map((i) => `r${i}@ring.org`), name: ids.map((i) => `Ring ${i}`) },
    messages,
  });
  const angle = (i: number) => (2 * Math.PI * i) / RING;
  file.layout = { x: ids.map((i) => 100 * Math.cos(angle(i))), y: ids.map((i) => 100 * Math.sin(angle(i))) };
  return file;
}
const ringDistance = (i: number, j: number) => Math.min(Math.abs(i - j), RING - Math.abs(i - j));

describe("lines", () => {
  it("draws each thickness class thicker than the one below, in proportion to its width", async () => {
    const { page, errors } = await env.ready("?data=../fixtures/pairs.json", { width: 1280, height: 800 });
    const net = page.locator(".network");
    const img = pixels(await net.screenshot());
    await screenshot(page, "lines-classes");
    const ink: number[] = [];
    for (let k = 0; k < WEIGHTS.length; k++) {
      const [a, b] = await page.evaluate(
        (k) => [window.switchboard!.positionOf(2 * k)!, window.switchboard!.positionOf(2 * k + 1)!],
        k,
      );
      // A third of the way along: clear of both people and of the tools over the network's top right.
      const x = Math.round(a.x + (b.x - a.x) / 3);
      const y = Math.round(a.y);
      let sum = 0;
      for (let dy = -8; dy <= 8; dy++) sum += 765 - img.at(x, y + dy).reduce((s, c) => s + c, 0);
      ink.push(sum);
    }
    const widths = DEFAULT_NETWORK_SETTINGS.edges.classSizes;
    for (let k = 1; k < ink.length; k++)
      expect(ink[k], `class ${k} against ${k - 1}: ${ink}`).toBeGreaterThan(ink[k - 1] * 1.25);
    // The thickest against the thinnest, as their widths are (within a third: antialiasing blurs a hairline).
    const ratio = ink[3] / ink[0];
    expect(ratio).toBeGreaterThan((widths[3] / widths[0]) * 0.67);
    expect(ratio).toBeLessThan((widths[3] / widths[0]) * 1.5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("leaves out the single messages of a view with too many lines, says so, and draws them zoomed in", async () => {
    const { page, errors } = await env.ready("?data=../fixtures/ring.json", { width: 1280, height: 800 });
    let single = 0;
    for (let i = 0; i < RING; i++) for (let j = 0; j < RING; j++) if (ringDistance(i, j) > RING / 4) single++;
    const caption = page.locator(".lines-caption");
    await expect
      .poll(() => caption.textContent())
      .toBe(
        `${single.toLocaleString("en-GB")} lines of a single message in this period not drawn at this zoom: zoom in to see them.`,
      );
    const net = page.locator(".network");
    const box = (await net.boundingBox())!;
    /** Darkness in a 24 px box at the ring's middle (no person there, only chords). */
    const middleInk = async () => {
      const [a, b] = await page.evaluate(() => [
        window.switchboard!.positionOf(0)!,
        window.switchboard!.positionOf(200)!,
      ]);
      const img = pixels(await net.screenshot());
      const [cx, cy] = [Math.round((a.x + b.x) / 2), Math.round((a.y + b.y) / 2)];
      let sum = 0;
      for (let dy = -12; dy < 12; dy++)
        for (let dx = -12; dx < 12; dx++) sum += 765 - img.at(cx + dx, cy + dy).reduce((s, c) => s + c, 0);
      return { sum: sum / 576, centre: { x: box.x + cx, y: box.y + cy } };
    };
    const before = await middleInk();
    await screenshot(page, "lines-thinned");
    expect(before.sum, "no chord drawn across the middle").toBeLessThan(1);
    await page.mouse.move(before.centre.x, before.centre.y);
    await page.mouse.wheel(0, -240);
    await expect.poll(() => caption.isHidden()).toBe(true);
    await page.evaluate(() => window.switchboard!.nextFrame());
    const after = await middleInk();
    await screenshot(page, "lines-zoomed-in");
    expect(after.sum, "the chords drawn across the middle").toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });
});
