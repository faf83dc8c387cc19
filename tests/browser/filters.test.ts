// Filters, the communities panel and the table view on the sample: each filter's counts equal
// the raw file's under the same rule, the histogram follows, and the tables list what is shown.
import { describe, expect, it } from "vitest";
import { brushPeriod, nextFrame, summaryEndsWith } from "./gestures";
import { screenshot, waitForCommunities } from "./harness";
import { msgs, name, org, raw, whole } from "./sample";
import { fmt, inkStats, shownTail } from "./truth";
import { useApp } from "./use-browser";
import { countedRecipients, referenceView, type RefFilters } from "../reference";

// The largest organisation, as the panel lists it first.
const orgSize = new Map<string, number>();
org.forEach((o) => orgSize.set(o, (orgSize.get(o) ?? 0) + 1));
const biggest = [...orgSize].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];

const app = useApp("", { width: 1400, height: 900 }, (page) => page.locator(".filters summary").click());

async function expectCounts(f: RefFilters) {
  const v = referenceView(msgs, org, -Infinity, Infinity, f);
  const text = shownTail(v.messages.length, v.people);
  await summaryEndsWith(app.page, text, 10_000).catch(() => {}); // the check below says what it shows instead
  expect(await app.page.locator(".period-summary").textContent()).toContain(text);
  return v;
}

/** Sum of the drawn bar heights: the shown bars, and the faint ones for all messages. */
async function barHeights() {
  const sum = (sel: string) =>
    app.page.locator(sel).evaluateAll((rs) => rs.reduce((s, r) => s + Number(r.getAttribute("height")), 0));
  return { shown: await sum(".bars rect"), all: await sum(".bars-all rect") };
}

describe("filters", () => {
  const all = whole;

  it("hides an organisation, or shows only it", async () => {
    const box = app.page.locator(`input[data-org="${biggest}"]`);
    await box.check();
    const v = await expectCounts({ hideOrgs: [biggest] });
    expect(v.messages.length).toBeLessThan(all.messages.length);
    expect(await app.page.locator(".filter-badge").textContent()).toBe("1 on");
    await app.page.locator("select[data-filter=org-mode]").selectOption("include");
    await expectCounts({ onlyOrgs: [biggest] });
    await box.uncheck();
    await app.page.locator("select[data-filter=org-mode]").selectOption("exclude");
    await expectCounts({});
  });

  it("hides mass mailings over N recipients, and the histogram drops with them", async () => {
    await app.page.locator("input[data-filter=mass]").check();
    const v20 = await expectCounts({ massLimit: 20 });
    expect(v20.messages.length).toBeLessThan(all.messages.length);
    await app.page.locator("input[data-filter=mass-limit]").fill("3");
    const v3 = await expectCounts({ massLimit: 3 });
    expect(v3.messages.length).toBeLessThan(v20.messages.length);
    // Bars share one scale: shown / all heights = messages kept / all dated messages drawn.
    const kept = msgs.filter(
      (m) => !Number.isNaN(m.t) && countedRecipients(m, org, { massLimit: 3 }).length > 0,
    ).length;
    const dated = msgs.filter((m) => !Number.isNaN(m.t) && countedRecipients(m, org, {}).length > 0).length;
    const h = await barHeights();
    expect(h.shown / h.all).toBeCloseTo(kept / dated, 2);
    await screenshot(app.page, "14-filters-mass-mailings");
    await app.page.locator("input[data-filter=mass-limit]").fill("20");
    await expectCounts({ massLimit: 20 });
    await app.page.locator("input[data-filter=mass]").uncheck();
    await expectCounts({});
    expect((await barHeights()).all).toBe(0);
  });

  it("keeps connections with at least N messages", async () => {
    await app.page.locator("input[data-filter=min-connection]").fill("4");
    const v = await expectCounts({ minConnection: 4 });
    expect(v.pairs.size).toBeLessThan(all.pairs.size);
    await app.page.locator("input[data-filter=min-connection]").fill("1");
    await expectCounts({});
  });

  it("counts To only, or To and Cc", async () => {
    await app.page.locator("input[data-role=to]").check();
    const to = await expectCounts({ roles: "to" });
    await app.page.locator("input[data-role=to-cc]").check();
    const toCc = await expectCounts({ roles: "to-cc" });
    expect(to.pairs.size).toBeLessThan(toCc.pairs.size);
    await app.page.locator("input[data-role=all]").check();
    await expectCounts({});
  });

  it("hides people with fewer than N messages, and combines with the other filters and the brush", async () => {
    await app.page.locator("input[data-filter=min-person]").fill("25");
    const v = await expectCounts({ minPerson: 25 });
    expect(v.people).toBeLessThan(all.people);
    await app.page.locator("input[data-filter=mass]").check();
    await app.page.locator("input[data-role=to-cc]").check();
    await expectCounts({ minPerson: 25, massLimit: 20, roles: "to-cc" });
    expect(await app.page.locator(".filter-badge").textContent()).toBe("3 on");
    const period = await brushPeriod(app.page, 0.92, 0.97);
    const v2 = referenceView(msgs, org, period.start, period.end, { minPerson: 25, massLimit: 20, roles: "to-cc" });
    expect(await app.page.locator(".period-summary").textContent()).toContain(shownTail(v2.messages.length, v2.people));
    await app.page.locator("button[data-filter=reset]").click();
    await app.page.locator(".reset-period").click();
    await expectCounts({});
    expect(await app.page.locator(".filter-badge").isVisible()).toBe(false);
  });
});

describe("communities panel", () => {
  it("highlights a community when clicked", async () => {
    await app.page.locator(".filters summary").click();
    await nextFrame(app.page);
    const before = inkStats(await app.page.locator(".network").screenshot(), []).dimmed;
    const first = app.page.locator("button[data-community='0']");
    await first.click();
    expect(await first.getAttribute("aria-pressed")).toBe("true");
    await nextFrame(app.page);
    const during = inkStats(await app.page.locator(".network").screenshot(), []).dimmed;
    expect(during).toBeGreaterThan(before + 0.01);
    await screenshot(app.page, "15-community-highlighted");
    await first.click();
    expect(await first.getAttribute("aria-pressed")).toBe("false");
  });

  it("finds more, smaller communities at a higher resolution, and the same ones again at the first", async () => {
    const count = async () =>
      Number((await app.page.locator(".legend-status").textContent())!.match(/^(\d+) communit/)![1]);
    const before = await count();
    await app.page.locator("input[data-control=resolution]").focus();
    await app.page.keyboard.press("End");
    await app.page.waitForFunction(() => window.switchboard!.state().resolution === 3, undefined, { polling: 100 });
    await waitForCommunities(app.page);
    const after = await count();
    expect(after).toBeGreaterThan(before);
    // Seeded: the same period, filters and resolution give the same communities again.
    await app.page.locator("input[data-control=resolution]").fill("1");
    await app.page.waitForFunction(() => window.switchboard!.state().resolution === 1, undefined, { polling: 100 });
    await waitForCommunities(app.page);
    expect(await count()).toBe(before);
  });
});

describe("table view", () => {
  it("lists the people and connections shown, sortable, and a name selects the person", async () => {
    const v = whole;
    await app.page.locator("button[data-control=table-view]").click();
    const tables = app.page.locator(".table-view");
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
    await screenshot(app.page, "16-table-view");
    await peopleTable.locator("tbody tr").first().locator("button").click();
    await app.page.locator(".person-panel").waitFor({ state: "visible" });
    expect(await app.page.locator(".person-panel .panel-title").textContent()).toBe(first);
    await app.page.locator("button[data-control=table-view]").click();
    await tables.waitFor({ state: "hidden" });
    expect(app.errors).toEqual([]);
  });
});
