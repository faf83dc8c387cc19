// One state, one link: a view set up by interaction, copied with "Copy link" and opened in a fresh
// browser context, shows the same text, selection, panels, colours, camera and pixels; Back and
// Forward step through the investigation; bad links are named and the rest restored; the same view
// has the same community colours whatever path led to it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { brushPeriod, nextFrame, summaryEndsWith } from "./gestures";
import { ARTEFACTS, screenshot, waitForCommunities } from "./harness";
import { msgs, name, org, ranked, raw } from "./sample";
import { pixelDifference, shownTail } from "./truth";
import { useBrowser } from "./use-browser";
import { referenceView } from "../reference";

const CLIPBOARD = ["clipboard-read", "clipboard-write"];

const env = useBrowser();

/** Everything a reader would compare between two screens. */
async function whatIsShown(page: Page, people: number[]) {
  await nextFrame(page);
  return {
    summary: await page.locator(".period-summary").textContent(),
    panel: await page.locator(".drawer").getAttribute("data-panel"),
    title: await page.evaluate(
      () => document.querySelector(".drawer .panel:not([hidden]) .panel-title")?.textContent ?? null,
    ),
    drawer: (await page.locator(".drawer").innerText()).slice(0, 2000),
    badge: await page.locator(".filter-badge").textContent(),
    legend: await page
      .locator(".legend-list button.community")
      .evaluateAll((bs) =>
        bs.map(
          (b) =>
            `${b.querySelector(".legend-label")?.textContent} ${(b.querySelector(".swatch") as HTMLElement).style.background}`,
        ),
      ),
    positions: await page.evaluate((ps) => ps.map((p) => window.switchboard!.positionOf(p)), people),
  };
}

/** Waits until the camera and the address bar have stopped changing (animations end, the
 *  throttled history write lands). */
async function settle(page: Page) {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __seen?: string };
      const now = `${JSON.stringify(window.switchboard!.state().camera)} ${location.href}`;
      const same = now === w.__seen;
      w.__seen = now;
      return same;
    },
    undefined,
    { polling: 400 },
  );
}

async function pick(page: Page, box: string, who: string) {
  const input = page.locator(`${box} .search-input`);
  await input.fill(who);
  await page.locator(`${box} .search-option`).first().waitFor();
  await input.press("Enter");
}

describe("the link to a view", () => {
  it("restores a brushed period, a person, a filter, a chain and the camera in a fresh browser", async () => {
    const { page, errors } = await env.ready("", { width: 1280, height: 800 }, { permissions: CLIPBOARD });
    const period = await brushPeriod(page, 0.9, 0.97);
    // The two busiest people of the period, by the reference count.
    const v = referenceView(msgs, org, period.start, period.end, { massLimit: 20 });
    const top = ranked(v);
    const [a, b] = top;
    await pick(page, "[data-search=search]", name(a));
    await page.locator(".filters summary").click();
    await page.locator("input[data-filter=mass]").check();
    await summaryEndsWith(page, shownTail(v.messages.length, v.people));
    await pick(page, "[data-search=chain]", name(b));
    await page.locator(".chain-panel:not([hidden])").waitFor();
    // A zoom with the wheel, then the camera settles.
    const net = (await page.locator(".network").boundingBox())!;
    await page.mouse.move(net.x + net.width * 0.6, net.y + net.height * 0.5);
    await page.mouse.wheel(0, -240);
    await page.waitForFunction(() => (window.switchboard!.state().camera?.ratio ?? 1) < 0.99, undefined, {
      polling: 100,
    });
    await settle(page);
    // The pointer leaves the network (no hover), and the picture is taken before the confirmation
    // covers part of it.
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => window.switchboard!.state().hovered === null, undefined, { polling: 50 });
    await nextFrame(page);
    const pixelsBefore = await page.locator(".network").screenshot();
    await page.locator("button[data-control=copy-link]").click();
    await page.locator(".toast:not([hidden])").waitFor();
    expect(await page.locator(".toast").textContent()).toContain("Link copied");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("#from=");
    expect(link).toContain(`person=${raw.people.address[a]}`);
    expect(link).toContain(`chain=${raw.people.address[b]}`);
    expect(link).toContain("mass=20");
    expect(link).toContain("cam=");
    const shown = await whatIsShown(page, top.slice(0, 6));
    expect(shown.panel).toBe("chain");
    expect(shown.title).toBe(`${name(a)} to ${name(b)}`);
    expect(shown.badge).toBe("1 on");
    await screenshot(page, "10-link-source");

    const fresh = await env.ready(link.slice(link.indexOf("/app/") + 5));
    const again = await whatIsShown(fresh.page, top.slice(0, 6));
    expect(again.summary).toBe(shown.summary);
    expect({ ...again, positions: null }).toEqual({ ...shown, positions: null });
    again.positions.forEach((q, i) => {
      expect(Math.abs(q!.x - shown.positions[i]!.x)).toBeLessThan(1);
      expect(Math.abs(q!.y - shown.positions[i]!.y)).toBeLessThan(1);
    });
    expect(await fresh.page.locator("input[data-filter=mass]").isChecked()).toBe(true);
    const pixelsAfter = await fresh.page.locator(".network").screenshot();
    expect(pixelDifference(pixelsBefore, pixelsAfter)).toBeLessThan(0.002);
    await screenshot(fresh.page, "10-link-restored");
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await page.close();
    await fresh.page.close();
  });

  // The other kinds of state, set up by interaction, two to a link, then opened from it in a fresh page.
  const kinds: [string, string, (page: Page) => Promise<void>][] = [
    [
      "connection-community",
      "a highlighted community at another resolution, and a connection",
      async (page) => {
        await page.locator("#resolution").fill("1.5");
        await page.locator("#resolution").dispatchEvent("change");
        await page.waitForFunction(() => window.switchboard!.state().resolution === 1.5, undefined, { polling: 50 });
        await waitForCommunities(page);
        await page.locator(".legend-list button.community").nth(1).click();
        await page.waitForFunction(() => window.switchboard!.frame().derived.litCommunity === 1, undefined, {
          polling: 50,
        });
        await pick(page, "[data-search=search]", name(5));
        await page.locator(".person-panel button.count").first().click();
        await page.locator(".connection-panel:not([hidden])").waitFor();
        expect(await page.evaluate(() => window.switchboard!.frame().derived.litCommunity)).toBe(1);
      },
    ],
    [
      "focus-table",
      "a person's network two steps out, in the table view with a threshold",
      async (page) => {
        await pick(page, "[data-search=search]", name(9));
        await page.locator("button[data-focus='2']").click();
        await page.waitForFunction(() => window.switchboard!.state().focus?.steps === 2, undefined, { polling: 50 });
        await page.locator(".filters summary").click();
        await page.locator("input[data-filter=min-connection]").fill("3");
        await page.waitForFunction(() => window.switchboard!.state().filters.minConnection === 3, undefined, {
          polling: 50,
        });
        await page.locator("button[data-control=table-view]").click();
        await page.locator(".table-overlay").waitFor({ state: "visible" });
        expect(await page.evaluate(() => window.switchboard!.state().focus?.steps)).toBe(2);
      },
    ],
  ];
  for (const [slug, kind, setUp] of kinds) {
    it(`restores ${kind} from its link`, async () => {
      const { page, errors } = await env.ready();
      await setUp(page);
      await waitForCommunities(page);
      await settle(page);
      const people = [0, 5, 9, 20, 40];
      const shown = await whatIsShown(page, people);
      const tables = await page.locator(".table-view").innerText();
      const lit = await page.locator(".legend-list button[aria-pressed=true]").allTextContents();
      const before = await page.locator(".network").screenshot();
      const link = await page.evaluate(() => location.href);
      const fresh = await env.ready(link.slice(link.indexOf("/app/") + 5));
      const again = await whatIsShown(fresh.page, people);
      expect({ ...again, positions: null }).toEqual({ ...shown, positions: null });
      again.positions.forEach((q, i) =>
        expect(Math.hypot(q!.x - shown.positions[i]!.x, q!.y - shown.positions[i]!.y)).toBeLessThan(1),
      );
      expect(await fresh.page.locator(".table-view").innerText()).toBe(tables);
      expect(await fresh.page.locator(".legend-list button[aria-pressed=true]").allTextContents()).toEqual(lit);
      const after = await fresh.page.locator(".network").screenshot();
      writeFileSync(join(ARTEFACTS, `10-link-${slug}-source.png`), before);
      writeFileSync(join(ARTEFACTS, `10-link-${slug}-restored.png`), after);
      expect(pixelDifference(before, after)).toBeLessThan(0.002);
      expect([...errors, ...fresh.errors]).toEqual([]);
      await page.close();
      await fresh.page.close();
    });
  }

  it("steps back and forward through five actions", async () => {
    const { page, errors } = await env.ready();
    const seen = async () => ({
      panel: await page.locator(".drawer").getAttribute("data-panel"),
      badge: (await page.locator(".filter-badge").textContent()) ?? "",
      table: await page.locator(".table-overlay").isVisible(),
      lit: await page.locator(".legend-list button[aria-pressed=true] .legend-label").allTextContents(),
    });
    const steps = [await seen()];
    await pick(page, "[data-search=search]", name(0));
    await page.locator(".person-panel:not([hidden])").waitFor();
    steps.push(await seen());
    await page.locator(".person-panel button.count").first().click();
    await page.locator(".connection-panel:not([hidden])").waitFor();
    steps.push(await seen());
    await page.locator(".filters summary").click();
    await page.locator("input[data-filter=mass]").check();
    await page.waitForFunction(() => document.querySelector(".filter-badge")?.textContent === "1 on", undefined, {
      polling: 100,
    });
    steps.push(await seen());
    await page.locator("button[data-control=table-view]").click();
    await page.locator(".table-overlay").waitFor({ state: "visible" });
    steps.push(await seen());
    await page.locator("button[data-control=table-view]").click();
    await page.locator(".legend-list button.community").first().click();
    await page.waitForFunction(() => document.querySelector(".legend-list button[aria-pressed=true]"), undefined, {
      polling: 100,
    });
    steps.push(await seen());
    expect(steps.map((s) => s.panel)).toEqual(["", "person", "connection", "connection", "connection", ""]);
    expect(steps[5].lit).toHaveLength(1);

    // Back through every step (the network/table toggle back is one step too), then forward again.
    const expectAfter = async (want: Awaited<ReturnType<typeof seen>>) => {
      await page.waitForFunction(
        (w) =>
          document.querySelector(".drawer")?.getAttribute("data-panel") === w.panel &&
          (document.querySelector(".filter-badge")?.textContent ?? "") === w.badge,
        want,
        { polling: 100 },
      );
      expect(await seen()).toEqual(want);
    };
    await page.goBack();
    await expectAfter({ ...steps[4], lit: [], table: false });
    for (const k of [4, 3, 2, 1, 0]) {
      await page.goBack();
      await expectAfter(steps[k]);
    }
    expect(page.url()).toContain("/app/");
    for (const k of [1, 2, 3, 4]) {
      await page.goForward();
      await expectAfter(steps[k]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("names what a bad link asked for and restores the rest", async () => {
    const bad = "#person=nobody%40nowhere.org&from=2031-01-01&zoom=3&mass=lots&res=9&cam=1,2&view=table&roles=to";
    const { page, errors } = await env.ready(bad);
    const note = (await page.locator(".link-note").textContent()) ?? "";
    for (const part of [
      'person "nobody@nowhere.org"',
      'from "2031-01-01"',
      'unknown setting "zoom"',
      'mass "lots"',
      'res "9"',
      'cam "1,2"',
    ])
      expect(note).toContain(part);
    expect(await page.locator(".table-overlay").isVisible()).toBe(true);
    expect(await page.locator("input[data-role=to]").isChecked()).toBe(true);
    const v = referenceView(msgs, org, -Infinity, Infinity, { roles: "to" });
    expect(await page.locator(".period-summary").textContent()).toContain(shownTail(v.messages.length, v.people));
    await screenshot(page, "11-bad-link");
    await page.locator("[data-control=dismiss-link-note]").click();
    expect(await page.locator(".link-note").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives the same view the same community colours whatever path led to it", async () => {
    const direct = await env.ready();
    const colours = (page: Page) =>
      page.evaluate(() => {
        const r = window.switchboard!.frame().derived.communities.result!;
        return Array.from(r.community, (c) => (c >= 0 ? r.colours[c] : ""));
      });
    const whole = await colours(direct.page);
    // Brush April, then "Show whole period"; toggle a filter off and on.
    await brushPeriod(direct.page, 0.9, 0.95);
    await waitForCommunities(direct.page);
    await direct.page.locator(".reset-period").click();
    await direct.page.waitForFunction(
      () =>
        document.querySelector(".legend")?.getAttribute("data-state") === "busy" ||
        window.switchboard!.frame().derived.communities.status === "ready",
      undefined,
      { polling: 50 },
    );
    await waitForCommunities(direct.page);
    expect(await colours(direct.page)).toEqual(whole);
    await direct.page.locator(".filters summary").click();
    await direct.page.locator("input[data-filter=mass]").check();
    await direct.page.waitForFunction(() => window.switchboard!.state().filters.massMailing !== null, undefined, {
      polling: 50,
    });
    await waitForCommunities(direct.page);
    const massOn = await colours(direct.page);
    await direct.page.locator("input[data-filter=mass]").uncheck();
    await direct.page.waitForFunction(
      () =>
        window.switchboard!.state().filters.massMailing === null &&
        window.switchboard!.frame().derived.communities.status === "ready",
      undefined,
      { polling: 50 },
    );
    expect(await colours(direct.page)).toEqual(whole);
    // The filtered view opened straight from its link has the colours it had on the way.
    const viaLink = await env.ready("#mass=20");
    expect(await colours(viaLink.page)).toEqual(massOn);
    await direct.page.close();
    await viaLink.page.close();
  });

  it("copies the link with the C key and says so", async () => {
    const { page } = await env.open("", undefined, { permissions: CLIPBOARD });
    await pick(page, "[data-search=search]", name(3));
    await page.locator(".person-panel:not([hidden])").waitFor();
    await page.keyboard.press("c");
    await page.locator(".toast:not([hidden])").waitFor();
    expect(await page.locator(".toast").textContent()).toContain("Link copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`person=${raw.people.address[3]}`);
    await page.close();
  });
});
