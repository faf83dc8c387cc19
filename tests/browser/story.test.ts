// Stories in a real browser: a 4-step story played from the keyboard alone (each step's summary,
// selection and camera checked against the dataset), the example story's figures, writing a story
// in the side panel (add, edit, reorder, delete, save, reopen from its link), a story file that
// does not check out, and a story embed stepped by its buttons and keys.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { toBase64Url } from "../../src/story/story-link";
import { nextFrame } from "./gestures";
import { screenshot } from "./harness";
import { msgs, raw } from "./sample";
import { countIn, fmt } from "./truth";
import { useBrowser } from "./use-browser";

/** Local midnight in the sample's zone (America/New_York) in UTC ms: EDT in spring, EST in winter. */
const nyDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) + (m >= 4 && m <= 10 ? 4 : 5) * 3600_000;

// People picked from the raw file: the two busiest senders.
const senders = new Map<number, number>();
for (const m of msgs) senders.set(m.sender, (senders.get(m.sender) ?? 0) + 1);
const [a, b] = [...senders].sort((x, y) => y[1] - x[1]).map(([p]) => p);
const addr = (p: number) => raw.people.address[p];
const CAMERA = { x: 0.3, y: 0.6, ratio: 0.5 };
const STORY = {
  format: "switchboard-story",
  version: 1,
  title: "Test story",
  steps: [
    { heading: "The whole mailbox", caption: "Everyone, all the time.", view: "" },
    { heading: "March 2016", caption: "One month.", view: "from=2016-03-01&to=2016-03-31" },
    {
      heading: "The busiest sender",
      caption: "",
      view: `person=${addr(a)}&cam=${CAMERA.x},${CAMERA.y},${CAMERA.ratio}`,
    },
    {
      heading: "A chain",
      caption: "Through whom.",
      view: `person=${addr(a)}&chain=${addr(b)}&from=2016-04-01&to=2016-04-30`,
    },
  ],
};
const storyLink = (story: object, more = "") => `#${more}story=${toBase64Url(JSON.stringify(story))}`;

const env = useBrowser();

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.switchboard!.state();
    return {
      playing: s.playing,
      selected: s.selected,
      chain: s.chain,
      camera: s.camera,
      steps: s.story?.steps.length ?? 0,
      present: s.flags.present ?? null,
    };
  });
/** Waits until sigma's camera has landed where the state says (the move is animated). */
async function cameraLanded(page: Page) {
  await page.waitForFunction(
    () => {
      const sb = window.switchboard!;
      const want = sb.state().camera ?? { x: 0.5, y: 0.5, ratio: 1 };
      const now = sb.camera();
      return (
        Math.abs(now.x - want.x) < 1e-6 && Math.abs(now.y - want.y) < 1e-6 && Math.abs(now.ratio - want.ratio) < 1e-6
      );
    },
    undefined,
    { timeout: 10_000, polling: 50 },
  );
}
const summary = async (page: Page) => (await page.locator(".period-summary").textContent())!;
const counts = (start: number, end: number) => {
  const c = countIn(msgs, start, end);
  return `${fmt(c.messages)} messages · ${fmt(c.people)} people`;
};

describe("playing a story from the keyboard", () => {
  it("reaches each step with its words, period, selection and camera, and Escape keeps the story", async () => {
    // Reduced motion: each step's camera is reached in one frame (the glide has its own test below).
    const { page, errors } = await env.open(storyLink(STORY), { width: 1920, height: 1080 }, { reducedMotion: true });
    // Keyboard only: Tab to Play (the story panel opens itself when a story arrives), then Enter.
    for (let i = 0; i < 300; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-control") === "story-play")) break;
      await page.keyboard.press("Tab");
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-control"))).toBe("story-play");
    await page.keyboard.press("Enter");
    const card = page.locator(".story-card");
    const shot = new Set<number>();
    const expectStep = async (n: number) => {
      await page.waitForFunction((n) => window.switchboard!.state().playing?.step === n, n, { timeout: 10_000 });
      await cameraLanded(page);
      expect(await card.locator(".story-counter").textContent()).toBe(`${n + 1} / 4`);
      expect(await card.locator(".story-heading").textContent()).toBe(STORY.steps[n].heading);
      expect(await card.locator(".story-caption").isVisible()).toBe(STORY.steps[n].caption !== "");
      if (shot.has(n)) return;
      shot.add(n); // each step's picture once: a 1920×1080 screenshot is drawn on the CPU
      await nextFrame(page);
      await screenshot(page, `story-step-${n + 1}`);
    };
    await expectStep(0);
    expect(await page.evaluate(() => document.documentElement.hasAttribute("data-present"))).toBe(true);
    expect(await summary(page)).toContain(counts(-Infinity, Infinity));
    expect((await state(page)).camera).toBeNull();

    await page.keyboard.press("ArrowRight");
    await expectStep(1);
    expect(await summary(page)).toBe(`1–31 Mar 2016 · ${counts(nyDay(2016, 3, 1), nyDay(2016, 4, 1))}`);

    await page.keyboard.press("Space");
    await expectStep(2);
    const s2 = await state(page);
    expect(s2.selected).toBe(a);
    expect(s2.camera).toEqual(CAMERA);
    expect(await summary(page)).toContain(counts(-Infinity, Infinity));

    await page.keyboard.press("PageDown");
    await expectStep(3);
    const s3 = await state(page);
    expect(s3.chain).toEqual({ a, b });
    expect(await summary(page)).toBe(`1–30 Apr 2016 · ${counts(nyDay(2016, 4, 1), nyDay(2016, 5, 1))}`);

    // Past the end nothing moves; back, first, last and a number key.
    await page.keyboard.press("Enter");
    expect((await state(page)).playing?.step).toBe(3);
    await page.keyboard.press("ArrowLeft");
    await expectStep(2);
    await page.keyboard.press("Home");
    await expectStep(0);
    await page.keyboard.press("End");
    await expectStep(3);
    await page.keyboard.press("2");
    await expectStep(1);
    await page.keyboard.press("PageUp");
    await expectStep(0);

    await page.keyboard.press("Escape");
    await page.waitForFunction(() => window.switchboard!.state().playing === null);
    const after = await state(page);
    expect(after.steps).toBe(4);
    expect(after.present).toBeNull();
    expect(await card.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.hasAttribute("data-present"))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("glides the camera between steps, and jumps when the reader asks for less motion", async () => {
    /** Presses a key in the page and reads, in the same task, where sigma's camera is and where the state says. */
    const press = (page: Page, key: string) =>
      page.evaluate((key) => {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
        const sb = window.switchboard!;
        return { now: sb.camera(), want: sb.state().camera };
      }, key);
    const { page } = await env.open(storyLink(STORY, "step=1&"), { width: 1280, height: 720 });
    await cameraLanded(page);
    const glide = await press(page, "3");
    // The state holds the step's camera at once; sigma's camera is still where it was and flies there.
    expect(glide.want).toEqual(CAMERA);
    expect(glide.now.ratio).toBeGreaterThan(0.99);
    expect(Math.abs(glide.now.x - 0.5)).toBeLessThan(0.01);
    await cameraLanded(page);
    // Landed on the step's camera (the glide's last frames are within a millionth of it).
    const landed = await page.evaluate(() => window.switchboard!.camera());
    for (const k of ["x", "y", "ratio"] as const) expect(landed[k]).toBeCloseTo(CAMERA[k], 6);
    await page.close();

    const { page: quiet } = await env.open(
      storyLink(STORY, "step=1&"),
      { width: 1280, height: 720 },
      { reducedMotion: true },
    );
    const jump = await press(quiet, "3");
    expect(jump.now).toEqual(CAMERA);
    await quiet.close();
  });
});

describe("the example story on the bundled sample", () => {
  it("opens from the story panel and its figures match the dataset", async () => {
    const { page } = await env.open("", { width: 1280, height: 720 });
    await page.locator(".story-panel summary").click();
    await page.locator("[data-control=story-example]").click();
    await page.waitForFunction(() => (window.switchboard!.state().story?.steps.length ?? 0) === 4);
    const file = JSON.parse(
      readFileSync(resolve(import.meta.dirname, "../../data/sample.story.json"), "utf8"),
    ) as typeof STORY;
    const busy = /^from=(\d+)-(\d+)-(\d+)&to=(\d+)-(\d+)-(\d+)$/.exec(file.steps[2].view)!;
    const [y1, m1, d1, y2, m2, d2] = busy.slice(1).map(Number);
    const expected = countIn(msgs, nyDay(y1, m1, d1), nyDay(y2, m2, d2 + 1));
    expect(file.steps[2].caption).toContain(`${fmt(expected.messages)} messages among ${fmt(expected.people)} people`);
    await page.locator("[data-control=story-play]").click();
    for (let n = 0; n < 4; n++) {
      await page.waitForFunction((n) => window.switchboard!.state().playing?.step === n, n);
      await cameraLanded(page);
      expect(await page.locator(".story-heading").textContent()).toBe(file.steps[n].heading);
      await nextFrame(page);
      await screenshot(page, `story-example-${n + 1}`);
      await page.keyboard.press("ArrowRight");
    }
    expect(await summary(page)).toContain(counts(-Infinity, Infinity));
    await page.close();
  });
});

describe("writing a story in the side panel", () => {
  it("adds views as steps, edits, reorders, deletes, saves a file and travels in the link", async () => {
    const { page, errors } = await env.open("", { width: 1280, height: 800 });
    await page.locator(".story-panel summary").click();
    const add = page.locator("[data-control=story-add]");
    await add.click();
    await page.evaluate((p) => window.switchboard!.actions.selectPerson(p), a);
    await add.click();
    await page.evaluate(() =>
      window.switchboard!.actions.setPeriod({ start: Date.UTC(2016, 3, 1, 4), end: Date.UTC(2016, 4, 1, 4) }),
    );
    await add.click();
    const headings = () =>
      page.locator(".story-step-heading").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await headings()).toEqual(["9 Sep 2013 – 25 May 2016", raw.people.name[a], raw.people.name[a]]);
    await page.locator(".story-step-heading").nth(1).fill("Our busiest sender");
    await page.locator(".story-step-caption").nth(1).fill("Wrote the most.");
    await page.locator('[data-step="1"] [data-step-action="up"]').click();
    await page.locator('[data-step="2"] [data-step-action="delete"]').click();
    expect(await headings()).toEqual(["Our busiest sender", "9 Sep 2013 – 25 May 2016"]);
    const s = await page.evaluate(() => window.switchboard!.state().story!);
    expect(s.steps.map((t) => [t.heading, t.caption, t.view.selected])).toEqual([
      ["Our busiest sender", "Wrote the most.", a],
      ["9 Sep 2013 – 25 May 2016", "", null],
    ]);
    await screenshot(page, "story-panel");

    const download = page.waitForEvent("download");
    await page.locator("[data-control=story-save]").click();
    const file = JSON.parse(readFileSync((await (await download).path())!, "utf8")) as typeof STORY;
    // Selecting them moved the camera to show them: the step keeps where it went.
    const cam = s.steps[0].view.camera!;
    const fixed = (v: number) => String(Number(v.toFixed(6)));
    expect(file.steps).toEqual([
      {
        heading: "Our busiest sender",
        caption: "Wrote the most.",
        view: `person=${addr(a)}&cam=${fixed(cam.x)},${fixed(cam.y)},${Number(cam.ratio.toPrecision(6))}`,
      },
      { heading: "9 Sep 2013 – 25 May 2016", caption: "", view: "" },
    ]);
    // The address bar carries the story: a new reader opening it has the same steps.
    await page.waitForFunction(() => location.hash.includes("story="));
    const { page: other } = await env.open(new URL(page.url()).hash);
    expect(await other.evaluate(() => window.switchboard!.state().story!.steps.map((t) => t.heading))).toEqual([
      "Our busiest sender",
      "9 Sep 2013 – 25 May 2016",
    ]);
    expect(errors).toEqual([]);
    await other.close();
    await page.close();
  });

  it("refuses a story file that does not check out, naming the step and field", async () => {
    const { page } = await env.open(storyLink(STORY));
    await page.locator(".story-panel[open]").waitFor();
    const bad = {
      ...STORY,
      steps: [
        STORY.steps[0],
        { heading: "Who?", caption: "", view: "person=nobody@nowhere.example" },
        { heading: "", view: "" },
      ],
    };
    const chooser = page.waitForEvent("filechooser");
    await page.locator("[data-control=story-open]").click();
    await (await chooser).setFiles({
      name: "bad.story.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.waitForFunction(() => document.querySelectorAll(".story-errors li").length > 0);
    expect(await page.locator(".story-errors li").allTextContents()).toEqual([
      'bad.story.json: step 2, view: person "nobody@nowhere.example" (not in this dataset)',
      "bad.story.json: step 3, heading: must be text of 1 to 120 characters",
    ]);
    expect(await page.locator(".story-errors").textContent()).toContain("This story file was not opened");
    // The story that was open stays.
    expect(await page.evaluate(() => window.switchboard!.state().story!.title)).toBe("Test story");
    await screenshot(page, "story-file-errors");
    await page.close();
  });
});

describe("a story embed", () => {
  it("opens on the first step and steps by its buttons and keys, in place", async () => {
    const { page, errors } = await env.open(storyLink(STORY, "f.embed=1&"), { width: 720, height: 540 });
    const counter = page.locator(".story-counter");
    await page.waitForFunction(() => document.querySelector(".story-counter")?.textContent === "1 / 4");
    expect(await page.locator("[data-control=story-leave]").count()).toBe(0);
    await page.locator("[data-control=story-next]").click();
    await page.waitForFunction(() => document.querySelector(".story-counter")?.textContent === "2 / 4");
    expect(await summary(page)).toBe(`1–31 Mar 2016 · ${counts(nyDay(2016, 3, 1), nyDay(2016, 4, 1))}`);
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector(".story-counter")?.textContent === "3 / 4");
    expect(await page.evaluate(() => window.switchboard!.state().selected)).toBe(a);
    await page.locator("[data-control=story-back]").click();
    expect(await counter.textContent()).toBe("2 / 4");
    expect(
      await page.evaluate(() => [document.fullscreenElement, document.documentElement.hasAttribute("data-present")]),
    ).toEqual([null, false]);
    await screenshot(page, "story-embed");
    expect(errors).toEqual([]);
    await page.close();
  });
});
