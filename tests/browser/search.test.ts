// Search: `/` focuses the box, a query without accents and with a typo finds the person, Enter
// selects them and flies the camera to them.
import { describe, expect, it } from "vitest";
import { screenshot } from "./harness";
import { raw } from "./sample";
import { useBrowser } from "./use-browser";

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

const env = useBrowser();

describe("search", () => {
  it("finds a person despite accents, case and a typo, and selects them", async () => {
    // A person with an accented first name whose name nobody else has.
    const counts = new Map<string, number>();
    raw.people.name.forEach((n) => counts.set(n, (counts.get(n) ?? 0) + 1));
    const target = raw.people.name.findIndex((n) => /^[^ ]*[éëáó][^ ]* [A-Z][a-z]{5,}$/.test(n) && counts.get(n) === 1);
    expect(target).toBeGreaterThanOrEqual(0);
    const [first, last] = fold(raw.people.name[target]).split(" ");
    const typo = last.slice(0, 2) + last[3] + last[2] + last.slice(4); // two letters swapped
    const { page, errors } = await env.open();
    await page.locator(".network").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("search-input");
    await page.keyboard.type(`${first.toUpperCase()} ${typo}`);
    const option = page.locator(".search-option").first();
    await option.waitFor();
    expect(await option.locator(".search-name").textContent()).toBe(raw.people.name[target]);
    expect(await option.locator(".search-address").textContent()).toBe(raw.people.address[target]);
    await screenshot(page, "09-search-results");
    await page.keyboard.press("Enter");
    const details = page.locator(".person-panel");
    await details.waitFor({ state: "visible" });
    expect(await details.locator(".panel-title").textContent()).toBe(raw.people.name[target]);
    // The camera flies to them: their node ends up in the middle of the view the panel leaves.
    const box = (await page.locator(".network").boundingBox())!;
    const inset = (await page.locator(".drawer").boundingBox())!.width;
    await page.waitForFunction(
      ([p, w, h, left]) => {
        const pos = window.switchboard!.positionOf(p);
        return pos !== null && Math.abs(pos.x - (left + (w - left) / 2)) < 3 && Math.abs(pos.y - h / 2) < 3;
      },
      [target, box.width, box.height, inset] as const,
      { polling: 100, timeout: 10_000 },
    );
    await screenshot(page, "10-search-picked");
    expect(errors).toEqual([]);
    await page.close();
  });
});
