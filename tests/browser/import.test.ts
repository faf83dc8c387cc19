// From mail exports to the app: the importer's command line turns the test fixtures (mbox, .eml
// folder, Maildir, CSV) into a dataset, which is opened with the file picker as a reporter would.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PALETTE } from "../../src/communities/describe";
import type { ImportReport } from "../../src/import/report";
import { writeFixtures, type FixtureDir } from "../unit/import-fixtures";
import { nextFrame } from "./gestures";
import { screenshot, waitForCommunities } from "./harness";
import { countIn, fmt, inkStats, messagesOf, others, panelCounts, sentReceived, type RawFile } from "./truth";
import { useBrowser } from "./use-browser";

const env = useBrowser();
let fx: FixtureDir;
let datasetPath: string;
let report: ImportReport;

beforeAll(async () => {
  fx = writeFixtures();
  datasetPath = join(fx.dir, "imported.json");
  const reportPath = join(fx.dir, "report.json");
  const bin = new URL("../../bin/switchboard-import.mjs", import.meta.url).pathname;
  execFileSync(process.execPath, [
    bin,
    fx.mbox,
    fx.eml,
    fx.maildir,
    fx.csv,
    "--aliases",
    fx.aliases,
    "--title",
    "Imported test mailboxes",
    "-o",
    datasetPath,
    "--report",
    reportPath,
    "-q",
  ]);
  report = JSON.parse(readFileSync(reportPath, "utf8")) as ImportReport;
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

describe("an imported corpus", () => {
  it("opens in the app with the counts the data gives, undated messages noted", async () => {
    const raw = JSON.parse(readFileSync(datasetPath, "utf8")) as RawFile & { meta: { title: string } };
    expect(raw.messages.sender.length).toBe(report.imported);
    const { page, foreign, errors } = await env.open();
    await page.locator("input[type=file]").setInputFiles(datasetPath);
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, { polling: 100 });
    expect(await page.locator("#title").textContent()).toBe("Imported test mailboxes");
    expect(await page.locator("#synthetic").isVisible()).toBe(false);
    await waitForCommunities(page);

    const msgs = messagesOf(raw);
    const all = countIn(msgs, -Infinity, Infinity);
    // Shown: dated messages to someone other than the sender.
    const lineless = msgs.filter((m) => others(m).length === 0).length;
    expect(lineless).toBeGreaterThanOrEqual(report.withoutRecipients.count);
    expect(all.messages).toBe(msgs.filter((m) => !Number.isNaN(m.t) && others(m).length > 0).length);
    expect(await page.locator(".lineless-note").textContent()).toBe(
      `${lineless} message${lineless === 1 ? "" : "s"} to no one but the sender not drawn`,
    );
    // The corpus runs from 12 Apr (mbox) to 22 Apr 2016 (CSV).
    expect(await page.locator(".period-summary").textContent()).toMatch(
      new RegExp(`^12–22 Apr 2016 · ${fmt(all.messages)} messages · ${fmt(all.people)} people$`),
    );
    expect(await page.locator(".undated-note").textContent()).toBe(
      `${report.undated.count} undated messages not on the timeline`,
    );

    // Alice, merged from two addresses, with the counts the raw file gives.
    const alice = raw.people.address.indexOf("alice@fpnc.example");
    const pos = (await page.evaluate((p) => window.switchboard!.positionOf(p), alice))!;
    const net = (await page.locator(".network").boundingBox())!;
    await page.mouse.click(net.x + pos.x, net.y + pos.y);
    const details = page.locator(".person-panel");
    await details.waitFor({ state: "visible" });
    const activity = sentReceived(all.inside, alice);
    const expected = panelCounts(msgs, { start: -Infinity, end: Infinity }, alice);
    expect(await details.locator(".panel-title").textContent()).toBe("Walsh, Alice");
    expect(await details.locator("[data-field=sent] dd").textContent()).toBe(expected.sentText);
    expect(await details.locator("[data-field=received] dd").textContent()).toBe(expected.receivedText);
    expect(activity.sent).toBe(3); // mbox 1, mbox 11 (by the alias), Maildir two

    await nextFrame(page);
    expect(inkStats(await page.locator(".network").screenshot(), PALETTE).ink).toBeGreaterThan(0.002);
    await screenshot(page, "08-imported-corpus");
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows people known only by a name, as written, each their own person", async () => {
    // A FOIA-style spreadsheet: names, no addresses; "Last, First" in one cell, ";" between people.
    const csv = join(fx.dir, "foia.csv");
    writeFileSync(
      csv,
      [
        "DocID,Date,From,To,Subject",
        'F1,2016-04-12 09:00,"Clinton, Hillary","Mills, Cheryl; Abedin, Huma",Schedule',
        'F2,2016-04-12 09:00,"Clinton, Bill","Clinton, Hillary",Schedule',
        "",
      ].join("\n"),
    );
    const dataset = join(fx.dir, "foia.json");
    const bin = new URL("../../bin/switchboard-import.mjs", import.meta.url).pathname;
    execFileSync(process.execPath, [bin, csv, "-o", dataset, "-q"]);
    const raw = JSON.parse(readFileSync(dataset, "utf8")) as RawFile;
    const { page, errors } = await env.open();
    await page.locator("input[type=file]").setInputFiles(dataset);
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, { polling: 100 });
    expect(await page.locator(".period-summary").textContent()).toMatch(/ · 2 messages · 4 people$/);
    await page.locator(".network").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    await page.keyboard.type("clinton");
    const options = page.locator(".search-option");
    await options.nth(1).waitFor();
    expect((await options.locator(".search-name").allTextContents()).sort()).toEqual([
      "Clinton, Bill",
      "Clinton, Hillary",
    ]);
    expect(await options.locator(".search-address").allTextContents()).toEqual([
      "no address: known by name only",
      "no address: known by name only",
    ]);
    await options.filter({ hasText: "Clinton, Hillary" }).click();
    const details = page.locator(".person-panel");
    await details.waitFor({ state: "visible" });
    expect(await details.locator(".panel-title").textContent()).toBe("Clinton, Hillary");
    expect(await details.locator(".panel-sub").textContent()).toBe("no address: known by name only");
    const hillary = raw.people.name.indexOf("Clinton, Hillary");
    expect(raw.people.address[hillary]).toBe("");
    expect(await details.locator("[data-field=sent] dd").textContent()).toBe("1 in period · 1 in all");
    expect(await details.locator("[data-field=received] dd").textContent()).toBe("1 in period · 1 in all");
    await screenshot(page, "08b-name-only-person");
    expect(errors).toEqual([]);
    await page.close();
  });
});
