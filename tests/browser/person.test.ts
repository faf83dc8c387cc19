// The person panel, the connection panel (from a click on a line), focus and the strongest chain,
// on the sample, in a brushed period, with every number checked against the raw file.
import { beforeAll, describe, expect, it } from "vitest";
import { brushPeriod, nextFrame, summaryEndsWith } from "./gestures";
import { screenshot } from "./harness";
import { msgs, name, org, ranked, raw, TZ } from "./sample";
import { fmt, inkStats, others, panelCounts, shownTail } from "./truth";
import { useApp } from "./use-browser";
import { hops, referenceView, strongestCost, undirected, type RefView } from "../reference";

const day = (t: number) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: TZ, day: "numeric", month: "short", year: "numeric" })
      .formatToParts(new Date(t))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day} ${p.month} ${p.year}`;
};

let period: { start: number; end: number };
let view: RefView;
let person: number;

// Brush the busiest weeks of the campaign.
const app = useApp("", { width: 1400, height: 900 }, async (page) => (period = await brushPeriod(page, 0.9, 0.96)));
beforeAll(() => {
  view = referenceView(msgs, org, period.start, period.end);
  // A busy person, but not the busiest hub: the 5th most active in the period.
  person = ranked(view)[4];
});

async function pick(selector: string, who: number) {
  const input = app.page.locator(`${selector} .search-input`);
  await input.fill(name(who));
  const option = app.page.locator(`${selector} .search-option[data-person="${who}"]`);
  await option.waitFor();
  await option.click();
}

describe("the person panel", () => {
  it("shows who they are and their numbers for the period and in all", async () => {
    await pick("[data-search=search]", person);
    const panel = app.page.locator(".person-panel");
    await panel.waitFor({ state: "visible" });
    expect(await panel.locator(".panel-title").textContent()).toBe(name(person));
    expect(await panel.locator(".panel-sub").textContent()).toBe(raw.people.address[person]);
    expect(await panel.locator("[data-field=org] dd").textContent()).toBe(org[person]);
    const counts = panelCounts(msgs, period, person);
    expect(counts.sent + counts.received).toBeGreaterThan(20);
    expect(await panel.locator("[data-field=sent] dd").textContent()).toBe(counts.sentText);
    expect(await panel.locator("[data-field=received] dd").textContent()).toBe(counts.receivedText);
    const mine = msgs.filter(
      (m) => !Number.isNaN(m.t) && others(m).length > 0 && (m.sender === person || others(m).includes(person)),
    );
    expect(await panel.locator("[data-field=first] dd").textContent()).toBe(day(mine[0].t));
    expect(await panel.locator("[data-field=last] dd").textContent()).toBe(day(mine[mine.length - 1].t));
    await app.page.waitForFunction(
      () => document.querySelector(".person-panel [data-field=community] dd")?.textContent?.includes("people"),
      undefined,
      { polling: 100 },
    );
    expect(await panel.locator(".sparkline").getAttribute("aria-label")).toBe(
      `Activity over time: ${fmt(mine.length)} messages in all`,
    );
    expect(await panel.locator(".sparkline-bar").count()).toBeGreaterThan(3);
  });

  it("names their top correspondents each way with the messages in the period", async () => {
    const panel = app.page.locator(".person-panel");
    const out = [...view.pairs]
      .filter(([k]) => k.startsWith(`${person}>`))
      .map(([k, n]) => ({ p: Number(k.split(">")[1]), n }));
    const inn = [...view.pairs]
      .filter(([k]) => k.endsWith(`>${person}`))
      .map(([k, n]) => ({ p: Number(k.split(">")[0]), n }));
    const order = (a: { p: number; n: number }, b: { p: number; n: number }) => b.n - a.n || a.p - b.p;
    const rows = async (i: number) =>
      panel
        .locator(".top-list")
        .nth(i)
        .locator("li")
        .evaluateAll((lis) =>
          lis.map((li) => [li.querySelector("[data-person]")!.textContent, li.querySelector(".count")!.textContent]),
        );
    expect(await rows(0)).toEqual(
      out
        .sort(order)
        .slice(0, 5)
        .map((c) => [name(c.p), fmt(c.n)]),
    );
    expect(await rows(1)).toEqual(
      inn
        .sort(order)
        .slice(0, 5)
        .map((c) => [name(c.p), fmt(c.n)]),
    );
  });

  it("lists their messages in the period, paged and sortable", async () => {
    const panel = app.page.locator(".person-panel");
    const mine = view.messages.filter((m) => view.shownFor(m, person));
    expect(await panel.locator(".list-head").textContent()).toBe(`Messages in the period (${fmt(mine.length)})`);
    const status = panel.locator(".pager-status");
    expect(await status.textContent()).toBe(`1–20 of ${fmt(mine.length)}`);
    const subjects = (ms: typeof mine) =>
      ms.map((m) => raw.messages.subjects![raw.messages.subject![m.index]] || "(no subject)");
    const shown = () => panel.locator("tbody td.subject").allTextContents();
    expect(await shown()).toEqual(subjects(mine.slice(0, 20)));
    await panel.locator("button[data-page=next]").click();
    expect(await status.textContent()).toBe(`21–40 of ${fmt(mine.length)}`);
    expect(await shown()).toEqual(subjects(mine.slice(20, 40)));
    // Newest first: the date column sorted the other way.
    await panel.locator("button.sort[data-sort=date]").click();
    expect(await panel.locator("th[aria-sort=descending] button").textContent()).toBe("Date");
    expect(await shown()).toEqual(subjects([...mine].reverse().slice(0, 20)));
    await screenshot(app.page, "11-person-panel");
  });
});

describe("a line, focus and chains", () => {
  it("shows only their network one step out", async () => {
    await app.page.locator(".person-panel button[data-focus='1']").click();
    const focused = referenceView(msgs, org, period.start, period.end, { focus: { person, steps: 1 } });
    await summaryEndsWith(app.page, shownTail(focused.messages.length, focused.people));
    expect(focused.people).toBeLessThan(view.people);
    expect(await app.page.locator(".person-panel button[data-focus='1']").getAttribute("aria-pressed")).toBe("true");
  });

  it("opens the messages behind a line when it is clicked", async () => {
    // The point on one of their lines farthest from every other line and person drawn, so the
    // click can only mean that line.
    const focused = referenceView(msgs, org, period.start, period.end, { focus: { person, steps: 1 } });
    const segs = [...focused.pairs.keys()].map((k) => k.split(">").map(Number));
    const ids = [...new Set(segs.flat())];
    const at = new Map(ids.map((p, i) => [p, i]));
    const pos = await app.page.evaluate((ps) => ps.map((p) => window.switchboard!.positionOf(p)!), ids);
    const xy = (p: number) => pos[at.get(p)!];
    const toSeg = (q: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }) => {
      const dx = b.x - a.x,
        dy = b.y - a.y;
      const t = Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(q.x - a.x - t * dx, q.y - a.y - t * dy);
    };
    const net = (await app.page.locator(".network").boundingBox())!;
    const panel0 = (await app.page.locator(".drawer").boundingBox())!.width;
    const onScreen = (q: { x: number; y: number }) =>
      q.x > panel0 + 20 && q.y > 20 && q.x < net.width - 20 && q.y < net.height - 20;
    let best = { clear: -1, x: 0, y: 0, other: -1 };
    for (const [s0, t0] of segs) {
      if (s0 !== person && t0 !== person) continue;
      const other = s0 === person ? t0 : s0;
      for (let f = 0.2; f <= 0.8; f += 0.05) {
        const q = {
          x: xy(person).x + f * (xy(other).x - xy(person).x),
          y: xy(person).y + f * (xy(other).y - xy(person).y),
        };
        const lines = segs
          .filter(([a, b]) => !((a === person && b === other) || (a === other && b === person)))
          .map(([a, b]) => toSeg(q, xy(a), xy(b)));
        const dots = ids.map((p) => Math.hypot(q.x - xy(p).x, q.y - xy(p).y) - 14);
        const clear = Math.min(...lines, ...dots);
        if (clear > best.clear && onScreen(q)) best = { clear, x: q.x, y: q.y, other };
      }
    }
    expect(best.clear).toBeGreaterThan(3);
    const other = best.other;
    await app.page.mouse.click(net.x + best.x, net.y + best.y);
    const panel = app.page.locator(".connection-panel");
    await panel.waitFor({ state: "visible" });
    const title = await panel.locator(".panel-title").textContent();
    expect([`${name(person)} and ${name(other)}`, `${name(other)} and ${name(person)}`]).toContain(title);
    const [a, b] = title === `${name(person)} and ${name(other)}` ? [person, other] : [other, person];
    const ab = view.messages.filter((m) => m.sender === a && view.shownFor(m, b));
    const ba = view.messages.filter((m) => m.sender === b && view.shownFor(m, a));
    const roles = (ms: typeof ab, r: number) =>
      `To ${ms.filter((m) => m.to.includes(r)).length} · Cc ${ms.filter((m) => !m.to.includes(r) && m.cc.includes(r)).length} · Bcc ${ms.filter((m) => !m.to.includes(r) && !m.cc.includes(r)).length}`;
    expect(await panel.locator("[data-direction=ab] .direction-total").textContent()).toBe(
      `${ab.length} message${ab.length === 1 ? "" : "s"}`,
    );
    expect(await panel.locator("[data-direction=ba] .direction-total").textContent()).toBe(
      `${ba.length} message${ba.length === 1 ? "" : "s"}`,
    );
    expect(await panel.locator("[data-direction=ab] .roles").textContent()).toBe(roles(ab, b));
    expect(await panel.locator("[data-direction=ba] .roles").textContent()).toBe(roles(ba, a));
    const rows = await panel
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.message)));
    expect(rows).toEqual(
      [...ab, ...ba]
        .map((m) => m.index)
        .sort((x, y) => x - y)
        .slice(0, 20),
    );
    await nextFrame(app.page);
    await screenshot(app.page, "12-connection-panel");
    // Escape closes the connection and returns to the person.
    await app.page.keyboard.press("Escape");
    await app.page.locator(".person-panel").waitFor({ state: "visible" });
    await app.page.locator(".person-panel button[data-focus=all]").click();
    await app.page.waitForFunction(() => window.switchboard!.state().focus === null, undefined, { polling: 100 });
  });

  it("finds the strongest chain of correspondents to someone three or more steps away", async () => {
    const far = raw.people.name
      .map((_, p) => p)
      .find((p) => p > 100 && hops(view.pairs, person, p) >= 3 && hops(view.pairs, person, p) < Infinity)!;
    expect(far).toBeDefined();
    await pick("[data-search=chain]", far);
    const panel = app.page.locator(".chain-panel");
    await panel.waitFor({ state: "visible" });
    expect(await panel.locator(".panel-title").textContent()).toBe(`${name(person)} to ${name(far)}`);
    const people = await panel
      .locator(".chain-person")
      .evaluateAll((bs) => bs.map((b) => Number((b as HTMLElement).dataset.person)));
    const counts = await panel.locator(".chain-link").allTextContents();
    expect(people[0]).toBe(person);
    expect(people[people.length - 1]).toBe(far);
    // Each step is a real link with the messages both ways the data gives, and no chain is stronger.
    const both = undirected(view.pairs);
    let cost = 0;
    for (let i = 1; i < people.length; i++) {
      const [x, y] = [people[i - 1], people[i]].sort((u, v) => u - v);
      const n = both.get(`${x}-${y}`) ?? 0;
      expect(n).toBeGreaterThan(0);
      expect(counts[i - 1]).toBe(`${fmt(n)} message${n === 1 ? "" : "s"}`);
      cost += 1 / n;
    }
    expect(cost).toBeCloseTo(strongestCost(view.pairs, person, far), 9);
    await nextFrame(app.page);
    const shot = await app.page.locator(".network").screenshot();
    expect(inkStats(shot, []).dimmed).toBeGreaterThan(0.002);
    await screenshot(app.page, "13-chain");
    expect(app.errors).toEqual([]);
  });
});
