// Keyboard only: search, select, step through correspondents, filters, timeline, table view and
// Escape, without the mouse. Dataset text that looks like HTML stays text, source links are only
// ever web addresses, and on a phone the person panel sits above the network.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeDataset } from "../../src/data/decode";
import { nextFrame, summaryEndsWith } from "./gestures";
import { screenshot, waitForCommunities } from "./harness";
import { busiest, msgs, name, org, ranked, whole } from "./sample";
import { fmt, shownTail } from "./truth";
import { useBrowser } from "./use-browser";
import { referenceView } from "../reference";

const env = useBrowser();

/** Presses Tab until the focused element matches `selector` (at most 60 times). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("keyboard only", () => {
  it("searches, selects, steps through correspondents, filters, moves the period and clears", async () => {
    const { page, errors } = await env.ready("", { width: 1400, height: 900 });
    const all = whole;
    const person = ranked()[2];

    await page.keyboard.press("/");
    await page.keyboard.type(name(person));
    await page.locator(`.search-option[data-person="${person}"]`).waitFor();
    while ((await page.locator(".search-option[aria-selected=true]").getAttribute("data-person")) !== String(person))
      await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator(".person-panel").waitFor({ state: "visible" });
    expect(await page.locator(".person-panel .panel-title").textContent()).toBe(name(person));

    // Arrow keys step through their correspondents, most messages (both ways) first.
    const both = new Map<number, number>();
    for (const [k, n] of all.pairs) {
      const [a, b] = k.split(">").map(Number);
      if (a === person) both.set(b, (both.get(b) ?? 0) + n);
      if (b === person) both.set(a, (both.get(a) ?? 0) + n);
    }
    const order = [...both].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    // Picking moved keyboard focus to the panel and announced the person: the arrows work at once.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("drawer"))).toBe(true);
    expect(await page.locator("[data-announcer]").textContent()).toBe(
      `${name(person)} selected. Arrow keys step through their correspondents.`,
    );
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const second = order[1][0];
    await page.waitForFunction((p) => window.switchboard!.state().hovered === p, second, { polling: 50 });
    expect(await page.locator("[data-announcer]").textContent()).toBe(
      `${name(second)}: ${fmt(order[1][1])} messages with ${name(person)}. Enter opens them.`,
    );
    await page.keyboard.press("Enter");
    await page.waitForFunction((p) => window.switchboard!.state().selected === p, second, { polling: 50 });
    expect(await page.locator(".person-panel .panel-title").textContent()).toBe(name(second));
    await screenshot(page, "17-keyboard-correspondent");

    // Escape closes the panel.
    await page.keyboard.press("Escape");
    await page.locator(".drawer").waitFor({ state: "hidden" });

    // Filters: open with Enter, tick "hide mass mailings" with Space.
    await page.keyboard.press("/");
    await tabTo(page, ".filters summary");
    await page.keyboard.press("Enter");
    await tabTo(page, "input[data-filter=mass]");
    await page.keyboard.press("Space");
    const v = referenceView(msgs, org, -Infinity, Infinity, { massLimit: 20 });
    await summaryEndsWith(page, shownTail(v.messages.length, v.people));

    // The timeline: End chooses the last bars; Left moves the period back one (weekly) bar at the
    // same length, Right moves it back again, Shift+Left shortens it by a bar.
    await tabTo(page, ".timeline-svg");
    await page.keyboard.press("End");
    const first = await page.evaluate(() => window.switchboard!.state().period);
    expect(first.end).toBe(await page.evaluate(() => window.switchboard!.full.end));
    const atEnd = await page.locator(".period-summary").textContent();
    await page.keyboard.press("ArrowLeft");
    const moved = await page.evaluate(() => window.switchboard!.state().period);
    const days = (p: { start: number; end: number }) => Math.round((p.end - p.start) / 86_400_000);
    expect(Math.round((first.start - moved.start) / 86_400_000)).toBe(7);
    // The first period ends with the last message, not at midnight: compare whole days.
    expect(days({ start: moved.start, end: moved.end })).toBe(
      days({ start: first.start, end: Math.ceil((first.end - first.start) / 86_400_000) * 86_400_000 + first.start }),
    );
    const inPeriod = referenceView(msgs, org, moved.start, moved.end, { massLimit: 20 });
    expect(await page.locator(".period-summary").textContent()).toContain(
      shownTail(inPeriod.messages.length, inPeriod.people),
    );
    await page.keyboard.press("ArrowRight");
    expect(await page.locator(".period-summary").textContent()).toBe(atEnd);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    const shorter = await page.evaluate(() => window.switchboard!.state().period);
    expect([shorter.start, days(moved) - days(shorter)]).toEqual([moved.start, 7]);
    await page.keyboard.press("Delete");
    await page.waitForFunction(
      () => window.switchboard!.state().period.start === window.switchboard!.full.start,
      undefined,
      { polling: 50 },
    );

    // The table view, sorted from the keyboard.
    await tabTo(page, "button[data-control=table-view]");
    await page.keyboard.press("Enter");
    await page.locator(".table-view").waitFor({ state: "visible" });
    await tabTo(page, ".table-view th button");
    await page.keyboard.press("Enter");
    expect(await page.locator(".table-view th[aria-sort=ascending] button").first().textContent()).toBe("Name");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("untrusted text", () => {
  it("shows a name and subject that look like HTML as literal text", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const subject = "<script>alert(2)</script><b>bold</b>";
    const t = Date.UTC(2016, 3, 1);
    const file = encodeDataset({
      meta: {
        title: "<i>Hostile</i> corpus",
        synthetic: true,
        timeZone: "UTC",
        messageUrlTemplate: "https://archive.example/doc/{id}",
      },
      people: {
        address: ["evil@x.example", "b@y.example", "c@y.example"],
        name: [evil, "Bea <u>Under</u>", "Cy"],
        org: ["<b>Org</b>", "Y", "Y"],
      },
      messages: [0, 1, 2, 3].map((i) => ({
        time: t + i * 3600_000,
        sender: i % 2 ? 1 : 0,
        to: [i % 2 ? 0 : 1],
        cc: [2],
        bcc: [],
        subject,
        id: `A/${i} x`,
      })),
    });
    env.served.extra.set("/fixtures/hostile.json", JSON.stringify(file));
    const { page, errors } = await env.open("?data=/fixtures/hostile.json");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForCommunities(page);
    expect(await page.locator("#title").textContent()).toBe("<i>Hostile</i> corpus");
    await page.keyboard.press("/");
    await page.keyboard.type("img");
    const option = page.locator(".search-option").first();
    await option.waitFor();
    expect(await option.locator(".search-name").textContent()).toBe(evil);
    await page.keyboard.press("Enter");
    const panel = page.locator(".person-panel");
    await panel.waitFor({ state: "visible" });
    expect(await panel.locator(".panel-title").textContent()).toBe(evil);
    expect(await panel.locator("[data-field=org] dd").textContent()).toBe("<b>Org</b>");
    expect(await panel.locator("tbody td.subject").first().textContent()).toBe(subject);
    // The subject links to the source document, the id escaped into the template.
    expect(await panel.locator("tbody td.subject a").first().getAttribute("href")).toBe(
      "https://archive.example/doc/A%2F0%20x",
    );
    expect(await panel.locator(".top-list button[data-person]").first().textContent()).toBe("Bea <u>Under</u>");
    expect(await page.locator(".legend").textContent()).toContain(evil);
    // Nothing was parsed as markup: no image, script, bold or underline element came from the data.
    expect(
      await page.evaluate(
        () => document.querySelectorAll("main img, main script, main b, main u, main i, header i").length,
      ),
    ).toBe(0);
    await screenshot(page, "18-hostile-text");
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a source template that is not a web address", () => {
  it("gives no link rather than a javascript: one", async () => {
    const file = encodeDataset({
      meta: { title: "Links", synthetic: true, timeZone: "UTC", messageUrlTemplate: "javascript:alert({id})" },
      people: { address: ["a@x.example", "b@x.example"], name: ["Ann", "Ben"] },
      messages: [{ time: Date.UTC(2016, 3, 1), sender: 0, to: [1], cc: [], bcc: [], subject: "Hello" }],
    });
    env.served.extra.set("/fixtures/links.json", JSON.stringify(file));
    const { page, errors } = await env.open("?data=/fixtures/links.json");
    await page.keyboard.press("/");
    await page.keyboard.type("Ann");
    await page.locator(".search-option").first().waitFor();
    await page.keyboard.press("Enter");
    const cell = page.locator(".person-panel tbody td.subject").first();
    await cell.waitFor();
    expect(await cell.textContent()).toBe("Hello");
    expect(await cell.locator("a").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("on a phone", () => {
  it("shows the person panel above the network, which stays drawn", async () => {
    const { page, errors } = await env.ready("", { width: 390, height: 844 });
    const person = busiest;
    await page.locator("[data-search=search] .search-input").fill(name(person));
    await page.locator(`.search-option[data-person="${person}"]`).click();
    const panel = page.locator(".person-panel");
    await panel.waitFor({ state: "visible" });
    expect(await panel.locator(".panel-title").textContent()).toBe(name(person));
    const drawer = (await page.locator(".drawer").boundingBox())!;
    const net = (await page.locator(".network").boundingBox())!;
    // The drawer spans the width and leaves part of the network uncovered below it.
    expect(drawer.width).toBeGreaterThan(net.width - 2);
    expect(drawer.y + drawer.height).toBeLessThan(net.y + net.height - 100);
    // The camera centres the person in the part of the network below the panel.
    const below = drawer.y + drawer.height - net.y;
    await page.waitForFunction(
      ([p, w, h, top]) => {
        const q = window.switchboard!.positionOf(p);
        return q !== null && Math.abs(q.x - w / 2) < 3 && Math.abs(q.y - (top + (h - top) / 2)) < 3;
      },
      [person, net.width, net.height, below] as const,
      { polling: 100, timeout: 10_000 },
    );
    await nextFrame(page);
    await screenshot(page, "19-phone-person");
    expect(errors).toEqual([]);
    await page.close();
  });
});
