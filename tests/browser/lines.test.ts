// Line thickness on screen: four pairs who wrote 1, 3, 8 and 30 messages fall in the four
// thickness classes (1, 2–4, 5–19, 20+), and the pixels show each class thicker than the one below,
// in proportion to the classes' widths (read across each line, away from the people at its ends).
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
});

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
});
