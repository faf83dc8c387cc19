// Accessibility: axe-core finds no violation in the whole app, at a desktop and a phone size, on
// load, with a person, a connection and a chain open, in the table view and with the filters open;
// and the network's text description (aria-describedby) says what the sample shows, by the numbers.
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeDataset } from "../../src/data/decode";
import { makeCorpus } from "../../scripts/sample/model";
import { expectNoViolations } from "./axe";
import { launch, openApp, screenshot, serveDist, waitForCommunities, type Served } from "./harness";
import { countIn, fmt, messagesOf, orgsOf, readRaw } from "./truth";
import { hops, referenceView, undirected } from "../reference";

const raw = readRaw(resolve(__dirname, "../../data/sample.json"));
const msgs = messagesOf(raw);
const whole = referenceView(msgs, orgsOf(raw), -Infinity, Infinity);
const activity = raw.people.address.map((_, p) => whole.sent(p) + whole.received(p));
/** The busiest person, their heaviest connection, and someone three or more links away. */
const busiest = activity.indexOf(Math.max(...activity));
const [heaviest] = [...undirected(whole.pairs)].filter(([k]) => k.split("-").map(Number).includes(busiest))
  .sort((a, b) => b[1] - a[1]);
const partner = heaviest[0].split("-").map(Number).find((p) => p !== busiest)!;
const far = activity.findIndex((n, p) => n > 0 && hops(whole.pairs, busiest, p) >= 3);

const SIZES = [{ width: 1280, height: 800 }, { width: 375, height: 667 }];

describe.each(SIZES)("axe at $width×$height", (size) => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const tag = `${size.width}`;
  /** Waits until the drawer shows the panel, naming the person. */
  const drawerShows = (panel: string, person: number) =>
    page.waitForFunction(([p, name]) => {
      const d = document.querySelector<HTMLElement>(".drawer");
      return d !== null && !d.hidden && d.dataset.panel === p && d.querySelector(`.${p}-panel`)?.textContent?.includes(name);
    }, [panel, raw.people.name[person]] as const, { polling: 100 });

  beforeAll(async () => {
    served = await serveDist();
    browser = await launch();
    ({ page, errors } = await openApp(browser, served, "", size));
    await waitForCommunities(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("on load", async () => {
    expect(await page.evaluate(() => document.body.dataset.status)).toBe("ready");
    await expectNoViolations(page, `${tag}-load`);
  });

  it("with the person panel open", async () => {
    await page.evaluate((p) => window.switchboard!.actions.selectPerson(p), busiest);
    await drawerShows("person", busiest);
    await expectNoViolations(page, `${tag}-person`);
  });

  it("with a connection open", async () => {
    await page.evaluate(([a, b]) => window.switchboard!.actions.openConnection(a, b), [busiest, partner]);
    await drawerShows("connection", partner);
    await expectNoViolations(page, `${tag}-connection`);
  });

  it("with a chain open", async () => {
    expect(far).toBeGreaterThanOrEqual(0);
    await page.evaluate(([a, b]) => window.switchboard!.actions.openChain(a, b), [busiest, far]);
    await drawerShows("chain", far);
    await expectNoViolations(page, `${tag}-chain`);
  });

  it("in the table view", async () => {
    await page.evaluate(() => {
      window.switchboard!.actions.selectPerson(null);
      window.switchboard!.actions.setView("table");
    });
    await page.waitForFunction(() => !document.querySelector<HTMLElement>(".table-overlay")!.hidden &&
      document.querySelectorAll(".table-overlay tbody tr").length > 0, undefined, { polling: 100 });
    await expectNoViolations(page, `${tag}-table`);
  });

  it("with the filters open", async () => {
    await page.evaluate(() => window.switchboard!.actions.setView("network"));
    await page.locator("details.filters > summary").click();
    await page.waitForFunction(() => document.querySelector<HTMLDetailsElement>("details.filters")!.open);
    await page.locator("details.filters").scrollIntoViewIfNeeded();
    await expectNoViolations(page, `${tag}-filters`);
    expect(errors).toEqual([]);
  });
});

describe("axe when the network cannot be laid out", () => {
  let served: Served;
  let browser: Browser;
  const LAYOUT = /\/assets\/layout\.worker-[^/]*\.js$/;

  beforeAll(async () => {
    served = await serveDist();
    browser = await launch();
    // A dataset without positions: the app lays it out in a worker, which this test breaks.
    const { people, messages } = makeCorpus({ people: 120, messages: 900, seed: 5 });
    served.extra.set("/fixtures/nolayout.json", JSON.stringify(encodeDataset({
      meta: { title: "No layout", synthetic: false, timeZone: "UTC" },
      people: { address: people.map((p) => p.address), name: people.map((p) => p.name) },
      messages,
    })));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("says why with a Try again button screen readers reach, and is an image again once laid out", async () => {
    const { page, errors } = await openApp(browser, served, "?data=../fixtures/nolayout.json", undefined,
      { before: (p) => p.route(LAYOUT, (r) => r.fulfill({ status: 404, body: "" })), wait: false });
    await page.locator("[data-control=retry-layout]").waitFor({ timeout: 60_000 });
    await expectNoViolations(page, "layout-error");
    await page.unroute(LAYOUT);
    await page.locator("[data-control=retry-layout]").click();
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, { timeout: 60_000 });
    await waitForCommunities(page);
    expect(await page.locator(".network").getAttribute("role")).toBe("img");
    await expectNoViolations(page, "laid-out");
    expect(errors).toEqual([]);
  });
});

describe("the network's text description", () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const description = () => page.evaluate(() => {
    const id = document.querySelector(".network")!.getAttribute("aria-describedby");
    const el = id ? document.getElementById(id) : null;
    return el ? [...el.querySelectorAll("p")].map((p) => p.textContent ?? "") : null;
  });

  beforeAll(async () => {
    served = await serveDist();
    browser = await launch();
    ({ page } = await openApp(browser, served, "", { width: 1280, height: 800 }));
    await waitForCommunities(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("says how many people and messages are shown and who is most connected, as the raw file does", async () => {
    const { messages, people } = countIn(msgs, -Infinity, Infinity);
    const lines = await description();
    expect(lines).not.toBeNull();
    expect(lines![0]).toMatch(/^Period: .+, the whole corpus\.$/);
    expect(lines![1]).toBe(`Shown: ${fmt(people)} people and ${fmt(messages)} messages.`);
    const top = [...activity.keys()].sort((a, b) => activity[b] - activity[a] || a - b).slice(0, 5);
    const [first, second] = top.map((p) => raw.people.name[p]);
    expect(lines![2]).toContain(`: ${first} (${fmt(activity[top[0]])} messages), ${second} (`);
    const communities = await page.evaluate(() => window.switchboard!.communities!.count);
    expect(lines![3]).toMatch(new RegExp(`^${fmt(communities)} communities; the largest`));
    await page.evaluate((p) => window.switchboard!.actions.selectPerson(p), busiest);
    await page.waitForFunction(() => document.querySelector("[data-view-description]")?.textContent?.includes("Selected:"));
    const selected = `Selected: ${raw.people.name[busiest]}, ${fmt(activity[busiest])} messages in this view`;
    expect((await description())!.join(" ")).toContain(`${selected} (${fmt(whole.sent(busiest))} sent`);
  });

  it("has a Show as a table button that appears on keyboard focus and opens the table view", async () => {
    await page.evaluate(() => window.switchboard!.actions.selectPerson(null));
    // Shown means not clipped away by .visually-hidden, and wide enough to read.
    const shown = () => page.evaluate(() => {
      const b = document.querySelector<HTMLElement>("[data-control=show-table]")!;
      return getComputedStyle(b).clip === "auto" && b.getBoundingClientRect().width > 40 ? b.textContent : null;
    });
    expect(await shown()).toBeNull();
    await page.locator("[data-control=show-table]").focus();
    expect(await shown()).toBe("Show as a table");
    await screenshot(page, "a11y-show-table-focused");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.switchboard!.state().view === "table", undefined, { polling: 100 });
    expect(await page.evaluate(() => document.activeElement?.closest(".table-overlay") !== null)).toBe(true);
  });
});
