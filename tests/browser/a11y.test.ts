// Accessibility: axe-core finds no violation in the whole app, at a desktop and a phone size, on
// load, with a person, a connection and a chain open, in the table view and with the filters open;
// and the network's text description (aria-describedby) says what the sample shows, by the numbers.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations } from "./axe";
import { corpus } from "./fixtures";
import { screenshot, waitForCommunities } from "./harness";
import { activityIn, busiest, farFromBusiest, msgs, ranked, raw, whole } from "./sample";
import { countIn, fmt } from "./truth";
import { useApp, useBrowser } from "./use-browser";
import { undirected } from "../reference";

const activity = activityIn();
/** The busiest person's heaviest connection, and someone three or more links away. */
const [heaviest] = [...undirected(whole.pairs)]
  .filter(([k]) => k.split("-").map(Number).includes(busiest))
  .sort((a, b) => b[1] - a[1]);
const partner = heaviest[0]
  .split("-")
  .map(Number)
  .find((p) => p !== busiest)!;
const far = farFromBusiest();

const SIZES = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
];

describe.each(SIZES)("axe at $width×$height", (size) => {
  const app = useApp("", size);
  const tag = `${size.width}`;
  /** Waits until the drawer shows the panel, naming the person. */
  const drawerShows = (panel: string, person: number) =>
    app.page.waitForFunction(
      ([p, name]) => {
        const d = document.querySelector<HTMLElement>(".drawer");
        return (
          d !== null &&
          !d.hidden &&
          d.dataset.panel === p &&
          d.querySelector(`.${p}-panel`)?.textContent?.includes(name)
        );
      },
      [panel, raw.people.name[person]] as const,
      { polling: 100 },
    );

  it("on load", async () => {
    expect(await app.page.evaluate(() => document.body.dataset.status)).toBe("ready");
    await expectNoViolations(app.page, `${tag}-load`);
  });

  it("with the person panel open", async () => {
    await app.page.evaluate((p) => window.switchboard!.actions.selectPerson(p), busiest);
    await drawerShows("person", busiest);
    await expectNoViolations(app.page, `${tag}-person`);
  });

  it("with a connection open", async () => {
    await app.page.evaluate(([a, b]) => window.switchboard!.actions.openConnection(a, b), [busiest, partner]);
    await drawerShows("connection", partner);
    await expectNoViolations(app.page, `${tag}-connection`);
  });

  it("with a chain open", async () => {
    expect(far).toBeGreaterThanOrEqual(0);
    await app.page.evaluate(([a, b]) => window.switchboard!.actions.openChain(a, b), [busiest, far]);
    await drawerShows("chain", far);
    await expectNoViolations(app.page, `${tag}-chain`);
  });

  it("in the table view", async () => {
    await app.page.evaluate(() => {
      window.switchboard!.actions.selectPerson(null);
      window.switchboard!.actions.setView("table");
    });
    await app.page.waitForFunction(
      () =>
        !document.querySelector<HTMLElement>(".table-overlay")!.hidden &&
        document.querySelectorAll(".table-overlay tbody tr").length > 0,
      undefined,
      { polling: 100 },
    );
    await expectNoViolations(app.page, `${tag}-table`);
  });

  it("with the filters open", async () => {
    await app.page.evaluate(() => window.switchboard!.actions.setView("network"));
    await app.page.locator("details.filters > summary").click();
    await app.page.waitForFunction(() => document.querySelector<HTMLDetailsElement>("details.filters")!.open);
    await app.page.locator("details.filters").scrollIntoViewIfNeeded();
    await expectNoViolations(app.page, `${tag}-filters`);
    expect(app.errors).toEqual([]);
  });
});

describe("axe when the network cannot be laid out", () => {
  const LAYOUT = /\/assets\/layout\.worker-[^/]*\.js$/;
  // A dataset without positions: the app lays it out in a worker, which this test breaks.
  const env = useBrowser((served) => served.extra.set("/fixtures/nolayout.json", JSON.stringify(corpus("No layout"))));

  it("says why with a Try again button screen readers reach, and is an image again once laid out", async () => {
    const { page, errors } = await env.open("?data=../fixtures/nolayout.json", undefined, {
      before: (p) => p.route(LAYOUT, (r) => r.fulfill({ status: 404, body: "" })),
      wait: false,
    });
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
  const app = useApp("", { width: 1280, height: 800 });
  const description = (page: Page) =>
    page.evaluate(() => {
      const id = document.querySelector(".network")!.getAttribute("aria-describedby");
      const el = id ? document.getElementById(id) : null;
      return el ? [...el.querySelectorAll("p")].map((p) => p.textContent ?? "") : null;
    });

  it("says how many people and messages are shown and who is most connected, as the raw file does", async () => {
    const { page } = app;
    const { messages, people } = countIn(msgs, -Infinity, Infinity);
    const lines = await description(page);
    expect(lines).not.toBeNull();
    expect(lines![0]).toMatch(/^Period: .+, the whole corpus\.$/);
    expect(lines![1]).toBe(`Shown: ${fmt(people)} people and ${fmt(messages)} messages.`);
    const top = ranked().slice(0, 5);
    const [first, second] = top.map((p) => raw.people.name[p]);
    expect(lines![2]).toContain(`: ${first} (${fmt(activity[top[0]])} messages), ${second} (`);
    const communities = await page.evaluate(() => window.switchboard!.communities!.count);
    expect(lines![3]).toMatch(new RegExp(`^${fmt(communities)} communities; the largest`));
    await page.evaluate((p) => window.switchboard!.actions.selectPerson(p), busiest);
    await page.waitForFunction(() =>
      document.querySelector("[data-view-description]")?.textContent?.includes("Selected:"),
    );
    const selected = `Selected: ${raw.people.name[busiest]}, ${fmt(activity[busiest])} messages in this view`;
    expect((await description(page))!.join(" ")).toContain(`${selected} (${fmt(whole.sent(busiest))} sent`);
  });

  it("has a Show as a table button that appears on keyboard focus and opens the table view", async () => {
    const { page } = app;
    await page.evaluate(() => window.switchboard!.actions.selectPerson(null));
    // Shown means not clipped away by .visually-hidden, and wide enough to read.
    const shown = () =>
      page.evaluate(() => {
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
