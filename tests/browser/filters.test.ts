// Filters, the communities panel and the table view on the sample: each filter's counts equal
// the raw file's under the same rule, the histogram follows, and the tables list what is shown.
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, openApp, screenshot, serveDist, waitForCommunities, type Served } from "./harness";
import { fmt, inkStats, messagesOf, orgsOf, readRaw } from "./truth";
import { countedRecipients, referenceView, type RefFilters } from "../reference";

const raw = readRaw(resolve(__dirname, "../../data/sample.json"));
const msgs = messagesOf(raw);
const org = orgsOf(raw);
const name = (p: number) => raw.people.name[p] || raw.people.address[p];
// The largest organisation, as the panel lists it first.
const orgSize = new Map<string, number>();
org.forEach((o) => orgSize.set(o, (orgSize.get(o) ?? 0) + 1));
const biggest = [...orgSize].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];

let served: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  served = await serveDist();
  browser = await launch();
  ({ page, errors } = await openApp(browser, served, "", { width: 1400, height: 900 }));
  await waitForCommunities(page);
  await page.locator(".filters summary").click();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function expectCounts(f: RefFilters) {
  const v = referenceView(msgs, org, -Infinity, Infinity, f);
  const text = `· ${fmt(v.messages.length)} messages · ${fmt(v.people)} people`;
  await page.waitForFunction((t) => document.querySelector(".period-summary")?.textContent?.endsWith(t), text, { polling: 100, timeout: 10_000 }).catch(() => {});
  expect(await page.locator(".period-summary").textContent()).toContain(text);
  return v;
}

/** Sum of the drawn bar heights: the shown bars, and the faint ones for all messages. */
async function barHeights() {
  const sum = (sel: string) => page.locator(sel).evaluateAll((rs) => rs.reduce((s, r) => s + Number(r.getAttribute("height")), 0));
  return { shown: await sum(".bars rect"), all: await sum(".bars-all rect") };
}

describe("filters", () => {
  const all = referenceView(msgs, org, -Infinity, Infinity);

  it("hides an organisation, or shows only it", async () => {
    const box = page.locator(`input[data-org="${biggest}"]`);
    await box.check();
    const v = await expectCounts({ hideOrgs: [biggest] });
    expect(v.messages.length).toBeLessThan(all.messages.length);
    expect(await page.locator(".filter-badge").textContent()).toBe("1 on");
    await page.locator("select[data-filter=org-mode]").selectOption("include");
    await expectCounts({ onlyOrgs: [biggest] });
    await box.uncheck();
    await page.locator("select[data-filter=org-mode]").selectOption("exclude");
    await expectCounts({});
  });

  it("hides mass mailings over N recipients, and the histogram drops with them", async () => {
    await page.locator("input[data-filter=mass]").check();
    const v20 = await expectCounts({ massLimit: 20 });
    expect(v20.messages.length).toBeLessThan(all.messages.length);
    await page.locator("input[data-filter=mass-limit]").fill("3");
    const v3 = await expectCounts({ massLimit: 3 });
    expect(v3.messages.length).toBeLessThan(v20.messages.length);
    // Bars share one scale: shown / all heights = messages kept / all dated messages drawn.
    const kept = msgs.filter((m) => !Number.isNaN(m.t) && countedRecipients(m, org, { massLimit: 3 }).length > 0).length;
    const dated = msgs.filter((m) => !Number.isNaN(m.t) && countedRecipients(m, org, {}).length > 0).length;
    const h = await barHeights();
    expect(h.shown / h.all).toBeCloseTo(kept / dated, 2);
    await screenshot(page, "14-filters-mass-mailings");
    await page.locator("input[data-filter=mass-limit]").fill("20");
    await expectCounts({ massLimit: 20 });
    await page.locator("input[data-filter=mass]").uncheck();
    await expectCounts({});
    expect((await barHeights()).all).toBe(0);
  });

  it("keeps connections with at least N messages", async () => {
    await page.locator("input[data-filter=min-connection]").fill("4");
    const v = await expectCounts({ minConnection: 4 });
    expect(v.pairs.size).toBeLessThan(all.pairs.size);
    await page.locator("input[data-filter=min-connection]").fill("1");
    await expectCounts({});
  });

  it("counts To only, or To and Cc", async () => {
    await page.locator("input[data-role=to]").check();
    const to = await expectCounts({ roles: "to" });
    await page.locator("input[data-role=to-cc]").check();
    const toCc = await expectCounts({ roles: "to-cc" });
    expect(to.pairs.size).toBeLessThan(toCc.pairs.size);
    await page.locator("input[data-role=all]").check();
    await expectCounts({});
  });

  it("hides people with fewer than N messages, and combines with the other filters and the brush", async () => {
    await page.locator("input[data-filter=min-person]").fill("25");
    const v = await expectCounts({ minPerson: 25 });
    expect(v.people).toBeLessThan(all.people);
    await page.locator("input[data-filter=mass]").check();
    await page.locator("input[data-role=to-cc]").check();
    await expectCounts({ minPerson: 25, massLimit: 20, roles: "to-cc" });
    expect(await page.locator(".filter-badge").textContent()).toBe("3 on");
    const box = (await page.locator(".brush .overlay").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.92, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => window.switchboard!.state().period.start > window.switchboard!.full.start, undefined, { polling: 100 });
    const period = await page.evaluate(() => window.switchboard!.state().period);
    const v2 = referenceView(msgs, org, period.start, period.end, { minPerson: 25, massLimit: 20, roles: "to-cc" });
    expect(await page.locator(".period-summary").textContent()).toContain(`· ${fmt(v2.messages.length)} messages · ${fmt(v2.people)} people`);
    await page.locator("button[data-filter=reset]").click();
    await page.locator(".reset-period").click();
    await expectCounts({});
    expect(await page.locator(".filter-badge").isVisible()).toBe(false);
  });
});

describe("communities panel", () => {
  it("highlights a community when clicked", async () => {
    await page.locator(".filters summary").click();
    await page.evaluate(() => window.switchboard!.nextFrame());
    const before = inkStats(await page.locator(".network").screenshot(), []).dimmed;
    const first = page.locator("button[data-community='0']");
    await first.click();
    expect(await first.getAttribute("aria-pressed")).toBe("true");
    await page.evaluate(() => window.switchboard!.nextFrame());
    const during = inkStats(await page.locator(".network").screenshot(), []).dimmed;
    expect(during).toBeGreaterThan(before + 0.01);
    await screenshot(page, "15-community-highlighted");
    await first.click();
    expect(await first.getAttribute("aria-pressed")).toBe("false");
  });

  it("finds more, smaller communities at a higher resolution, and the same ones again at the first", async () => {
    const count = async () => Number((await page.locator(".legend-status").textContent())!.match(/^(\d+) communit/)![1]);
    const before = await count();
    await page.locator("input[data-control=resolution]").focus();
    await page.keyboard.press("End");
    await page.waitForFunction(() => window.switchboard!.state().resolution === 3, undefined, { polling: 100 });
    await waitForCommunities(page);
    const after = await count();
    expect(after).toBeGreaterThan(before);
    // Seeded: the same period, filters and resolution give the same communities again.
    await page.locator("input[data-control=resolution]").fill("1");
    await page.waitForFunction(() => window.switchboard!.state().resolution === 1, undefined, { polling: 100 });
    await waitForCommunities(page);
    expect(await count()).toBe(before);
  });
});

describe("table view", () => {
  it("lists the people and connections shown, sortable, and a name selects the person", async () => {
    const v = referenceView(msgs, org, -Infinity, Infinity);
    await page.locator("button[data-control=table-view]").click();
    const tables = page.locator(".table-view");
    await tables.waitFor({ state: "visible" });
    const peopleTable = tables.locator(".table-block").nth(0);
    const linkTable = tables.locator(".table-block").nth(1);
    expect(await peopleTable.locator(".pager-status").textContent()).toBe(`1–50 of ${fmt(v.people)}`);
    expect(await linkTable.locator(".pager-status").textContent()).toBe(`1–50 of ${fmt(v.pairs.size)}`);
    // Sorted by messages sent, most first.
    const ids = [...new Set(v.messages.flatMap((m) => [m.sender]))];
    const topSent = Math.max(...ids.map((p) => v.sent(p)));
    expect(await peopleTable.locator("tbody tr").first().locator("td").nth(4).textContent()).toBe(fmt(topSent));
    const topLink = Math.max(...v.pairs.values());
    expect(await linkTable.locator("tbody tr").first().locator("td").nth(2).textContent()).toBe(fmt(topLink));
    // By name, A to Z.
    await peopleTable.locator("th button", { hasText: "Name" }).click();
    const shown = raw.people.name.map((_, p) => p).filter((p) => v.sent(p) + v.received(p) > 0);
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
    const first = shown.map(name).sort(collator.compare)[0];
    expect(await peopleTable.locator("tbody tr").first().locator("td").first().textContent()).toBe(first);
    await screenshot(page, "16-table-view");
    await peopleTable.locator("tbody tr").first().locator("button").click();
    await page.locator(".person-panel").waitFor({ state: "visible" });
    expect(await page.locator(".person-panel .panel-title").textContent()).toBe(first);
    await page.locator("button[data-control=table-view]").click();
    await tables.waitFor({ state: "hidden" });
    expect(errors).toEqual([]);
  });
});
