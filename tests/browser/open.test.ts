// Opening other datasets: ?data=, the file picker, drag-and-drop, a dataset with no layout, and errors.
import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/communities/describe";
import { corpus } from "./fixtures";
import { nextFrame } from "./gestures";
import { screenshot, waitForCommunities } from "./harness";
import { countIn, fmt, inkStats, messagesOf, type RawFile } from "./truth";
import { useBrowser } from "./use-browser";

/** A small corpus without a precomputed layout, so the app lays it out in its worker. */
const smallCorpus = (title: string) => corpus(title, { people: 150, messages: 1200, seed: 11, source: "test fixture" });

const env = useBrowser((served) => {
  const bad = smallCorpus("Broken");
  bad.messages.sender[1] = 999;
  served.extra.set("/fixtures/bad-sender.json", JSON.stringify(bad));
  served.extra.set("/fixtures/nolayout.json", JSON.stringify(smallCorpus("Small corpus without layout")));
});

describe("opening datasets", () => {
  it("lays out and shows a dataset given by ?data= that has no layout", async () => {
    const { page, foreign, errors } = await env.open("?data=../fixtures/nolayout.json");
    expect(await page.locator("#title").textContent()).toBe("Small corpus without layout");
    expect(await page.locator("#synthetic").isVisible()).toBe(false);
    await waitForCommunities(page);
    const raw = JSON.parse(env.served.extra.get("/fixtures/nolayout.json")!) as RawFile;
    const all = countIn(messagesOf(raw), -Infinity, Infinity);
    expect(await page.locator(".period-summary").textContent()).toContain(
      `· ${fmt(all.messages)} messages · ${fmt(all.people)} people`,
    );
    await nextFrame(page);
    const s = inkStats(await page.locator(".network").screenshot(), PALETTE);
    expect(s.ink).toBeGreaterThan(0.02);
    expect(s.coloursSeen).toBeGreaterThanOrEqual(3);
    await screenshot(page, "05-data-param-no-layout");
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a clear error naming the file, field and record of an invalid dataset", async () => {
    const { page } = await env.open("?data=../fixtures/bad-sender.json");
    const err = page.locator(".page-error");
    await err.waitFor();
    expect(await err.locator("h1").textContent()).toBe("This dataset cannot be opened");
    expect(await page.locator("#title").textContent()).toBe("No dataset open");
    expect(await err.textContent()).toContain("bad-sender.json");
    expect(await err.locator(".error-field").textContent()).toBe("messages.sender[1]");
    expect(await err.textContent()).toContain("999 is out of range (dataset has 150 people)");
    await screenshot(page, "06-invalid-dataset");
    await page.close();
  });

  it("explains a missing file and refuses another host without contacting it", async () => {
    const missing = await env.open("?data=../fixtures/nope.json");
    expect(await missing.page.locator(".page-error").textContent()).toContain("HTTP 404");
    await missing.page.close();
    const other = await env.open("?data=https://example.com/leak.json");
    expect(await other.page.locator(".page-error").textContent()).toContain("https://example.com is another host");
    expect(other.foreign).toEqual([]);
    await other.page.close();
  });

  it("opens a dataset from disk with the file picker, and reports a file that is not JSON", async () => {
    const { page } = await env.open();
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("From: someone\n") });
    await page.locator(".page-error").waitFor();
    expect(await page.locator(".page-error").textContent()).toContain("notes.json");
    expect(await page.locator(".page-error").textContent()).toContain("is not valid JSON");
    const good = env.served.extra.get("/fixtures/nolayout.json")!;
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(good) });
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, { polling: 100 });
    expect(await page.locator("#title").textContent()).toBe("Small corpus without layout");
    await page.close();
  });

  it("opens a dataset dropped on the page", async () => {
    const { page } = await env.open();
    const text = env.served.extra.get("/fixtures/nolayout.json")!;
    await page.evaluate((body) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], "dropped.json", { type: "application/json" }));
      document.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dataset.status = "loading";
      document.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, { polling: 100 });
    expect(await page.locator("#title").textContent()).toBe("Small corpus without layout");
    expect(await page.evaluate(() => document.body.classList.contains("dropping"))).toBe(false);
    await page.close();
  });
});
