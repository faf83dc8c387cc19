// The sample in the built app: drawn network, brushing, selection, hover, no foreign requests.
import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/communities/describe";
import { brush, nextFrame } from "./gestures";
import { screenshot, waitForCommunities } from "./harness";
import { MONTHS, msgs, raw } from "./sample";
import { countIn, everyoneSentReceived, fmt, inkStats, panelCounts } from "./truth";
import { useApp } from "./use-browser";

const EDT = 4 * 3600_000; // New York is UTC-4 from March to November

const app = useApp();

async function networkShot(): Promise<Buffer> {
  await nextFrame(app.page);
  return app.page.locator(".network").screenshot();
}

describe("the bundled sample", () => {
  it("says it is fictional and summarises the whole corpus", async () => {
    await expect(app.page.locator("#synthetic").isVisible()).resolves.toBe(true);
    expect(await app.page.locator("#title").textContent()).toContain("fictional");
    const all = countIn(msgs, -Infinity, Infinity);
    const summary = await app.page.locator(".period-summary").textContent();
    expect(summary).toMatch(new RegExp(`· ${fmt(all.messages)} messages · ${fmt(all.people)} people$`));
    expect(summary).toMatch(/^\d+ Sep 2013 – \d+ May 2016/);
  });

  it("draws the network in community colours", async () => {
    const shot = await networkShot();
    await screenshot(app.page, "01-sample-loaded");
    const s = inkStats(shot, PALETTE);
    expect(s.ink).toBeGreaterThan(0.05);
    expect(s.coloursSeen).toBeGreaterThanOrEqual(5);
    const legend = await app.page.locator(".legend-status").textContent();
    expect(legend).toMatch(/^\d+ communities · modularity 0\.\d\d$/);
    expect(await app.page.locator(".legend-list li").count()).toBeGreaterThanOrEqual(5);
  });

  it("labels the most connected people without piling them up", async () => {
    const labels = await app.page.evaluate(() => window.switchboard!.displayedLabels());
    expect(labels.length).toBeGreaterThanOrEqual(5);
    // The busiest person overall is among the labels.
    const all = countIn(msgs, -Infinity, Infinity);
    const activity = everyoneSentReceived(all.inside, raw.people.name.length).map((x) => x.sent + x.received);
    const top = activity.indexOf(Math.max(...activity));
    expect(labels).toContain(raw.people.name[top]);
  });

  it("filters the network to a brushed period, with counts equal to the data", async () => {
    const before = await networkShot();
    const probe = [0, 7, 42, 500, 1200];
    const placed = await app.page.evaluate((ps) => ps.map((p) => window.switchboard!.positionOf(p)), probe);
    await brush(app.page, 0.93, 0.97);
    const summary = (await app.page.locator(".period-summary").textContent())!;
    const m = summary.match(/^(\d+) (\w+)(?: (\d{4}))? – (\d+) (\w+) (\d{4}) · ([\d,]+) messages · ([\d,]+) people$/);
    expect(m, summary).not.toBeNull();
    const [, d1, mo1, y1, d2, mo2, y2] = m!;
    const start = Date.UTC(Number(y1 ?? y2), MONTHS.indexOf(mo1), Number(d1)) + EDT;
    const end = Date.UTC(Number(y2), MONTHS.indexOf(mo2), Number(d2) + 1) + EDT;
    const expected = countIn(msgs, start, end);
    expect(expected.messages).toBeGreaterThan(100);
    expect(summary.endsWith(`· ${fmt(expected.messages)} messages · ${fmt(expected.people)} people`)).toBe(true);
    await waitForCommunities(app.page);
    const after = await networkShot();
    await screenshot(app.page, "02-brushed-period");
    expect(inkStats(after, PALETTE).ink).toBeLessThan(inkStats(before, PALETTE).ink);
    expect(await app.page.locator(".reset-period").isVisible()).toBe(true);
    // Once the brush is still, the labels name the period's busiest person.
    const act = everyoneSentReceived(expected.inside, raw.people.name.length).map((a) => a.sent + a.received);
    const busiest = raw.people.name[act.indexOf(Math.max(...act))];
    await app.page.waitForFunction((name) => window.switchboard!.displayedLabels().includes(name), busiest, {
      polling: 100,
      timeout: 20_000,
    });
    // Nobody moved: positions stay put while the period changes.
    expect(await app.page.evaluate((ps) => ps.map((p) => window.switchboard!.positionOf(p)), probe)).toEqual(placed);
  });

  it("shows a person's details for the period when their node is clicked", async () => {
    const summary = (await app.page.locator(".period-summary").textContent())!;
    const period = await app.page.evaluate(() => window.switchboard!.state().period);
    const { inside } = countIn(msgs, period.start, period.end);
    const activity = everyoneSentReceived(inside, raw.people.name.length);
    const hub = activity.map((a) => a.sent + a.received).reduce((best, v, i, arr) => (v > arr[best] ? i : best), 0);
    const pos = (await app.page.evaluate((p) => window.switchboard!.positionOf(p), hub))!;
    const net = (await app.page.locator(".network").boundingBox())!;
    await app.page.mouse.click(net.x + pos.x, net.y + pos.y);
    const details = app.page.locator(".person-panel");
    await details.waitFor({ state: "visible" });
    const expected = panelCounts(msgs, period, hub);
    expect(expected.sent).toBe(activity[hub].sent);
    expect(await details.locator(".panel-title").textContent()).toBe(raw.people.name[hub]);
    expect(await details.locator(".panel-sub").textContent()).toBe(raw.people.address[hub]);
    expect(await details.locator("[data-field=sent] dd").textContent()).toBe(expected.sentText);
    expect(await details.locator("[data-field=received] dd").textContent()).toBe(expected.receivedText);
    expect(await app.page.locator(".period-summary").textContent()).toBe(summary);
    await app.page.waitForFunction(() => document.querySelector("[data-field=community]") !== null, undefined, {
      polling: 100,
    });
    await screenshot(app.page, "03-person-selected");
    // The selection highlights the person's correspondents and dims everyone else.
    expect(inkStats(await networkShot(), PALETTE).dimmed).toBeGreaterThan(0.002);
    await details.locator(".panel-close").click();
    await details.waitFor({ state: "hidden" });
  });

  it("highlights a person and their correspondents on hover", async () => {
    const period = await app.page.evaluate(() => window.switchboard!.state().period);
    const { inside } = countIn(msgs, period.start, period.end);
    const activity = everyoneSentReceived(inside, raw.people.name.length).map((a) => a.sent + a.received);
    const hub = activity.indexOf(Math.max(...activity));
    const net = (await app.page.locator(".network").boundingBox())!;
    // The pointer may rest on someone since the last test: move it off the people first.
    await app.page.mouse.move(net.x + 2, net.y + 2);
    await app.page.waitForFunction(() => window.switchboard!.state().hovered === null, undefined, { polling: 50 });
    const before = inkStats(await networkShot(), PALETTE).dimmed;
    const pos = (await app.page.evaluate((p) => window.switchboard!.positionOf(p), hub))!;
    await app.page.mouse.move(net.x + pos.x, net.y + pos.y);
    await app.page.waitForFunction((p) => window.switchboard!.state().hovered === p, hub, { polling: 50 });
    const during = inkStats(await networkShot(), PALETTE).dimmed;
    await screenshot(app.page, "04-hover");
    expect(during).toBeGreaterThan(before + 0.002);
    await app.page.mouse.move(net.x + 2, net.y + 2);
    await app.page.waitForFunction(() => window.switchboard!.state().hovered === null, undefined, { polling: 50 });
  });

  it("returns to the whole period", async () => {
    await app.page.locator(".reset-period").click();
    const all = countIn(msgs, -Infinity, Infinity);
    expect(await app.page.locator(".period-summary").textContent()).toContain(`· ${fmt(all.messages)} messages`);
  });

  it("made no request to another host and threw no error", () => {
    expect(app.foreign).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
