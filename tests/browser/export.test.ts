// The Export… dialog on the sample, in a period with a person selected: the files the browser
// downloads (PNG, SVG, CSV, GEXF) checked against the raw file, the pixels and the table view.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { parse as parseCsv } from "csv-parse/sync";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTEFACTS, screenshot, waitForCommunities } from "./harness";
import { msgs, org, ranked, raw } from "./sample";
import { fmt, inkStats, others, pixels } from "./truth";
import { useApp } from "./use-browser";
import { nodeColour } from "../../src/theme/theme";
import { referenceView } from "../reference";

const PERIOD = { start: Date.UTC(2016, 2, 1, 5), end: Date.UTC(2016, 3, 15, 4) };
const view = referenceView(msgs, org, PERIOD.start, PERIOD.end);
const person = ranked(view)[2];
/** Share of dimmed-grey pixels in the PNG before anything is highlighted. */
let dimmedBefore = 1;

beforeAll(() => mkdirSync(ARTEFACTS, { recursive: true }));
const app = useApp("", { width: 1280, height: 800 }, async (page) => {
  await page.evaluate((period) => window.switchboard!.actions.setPeriod(period), PERIOD);
  await waitForCommunities(page);
});

/** Opens the dialog, picks the format (and size, theme), downloads, and returns the file. */
async function download(format: string, opts: { size?: string; theme?: "light" | "dark" } = {}) {
  if (!(await app.page.locator(".export-dialog[open]").count())) await app.page.click('[data-control="export"]');
  await app.page.check(`.export-dialog input[data-format="${format}"]`);
  if (opts.size) await app.page.selectOption('[data-control="export-size"]', opts.size);
  if (opts.theme) await app.page.check(`.export-dialog input[data-theme-choice="${opts.theme}"]`);
  const contents = await app.page.locator("[data-export-contents]").textContent();
  const [file] = await Promise.all([
    app.page.waitForEvent("download"),
    app.page.click('[data-control="export-download"]'),
  ]);
  const path = await file.path();
  const bytes = readFileSync(path);
  // Images are kept with the screenshots, to be looked at.
  if (format === "png" || format === "svg")
    writeFileSync(join(ARTEFACTS, `export-${opts.size ?? "current"}-${opts.theme ?? "light"}.${format}`), bytes);
  return { name: file.suggestedFilename(), bytes, contents: contents ?? "" };
}
const csvRows = (b: Buffer) => parseCsv(b.toString("utf8").replace(/^\uFEFF/, "")) as string[][];
/** The community colours as drawn on a light background. */
const communityColours = async () =>
  (await app.page.evaluate(() => window.switchboard!.frame().derived.communities.result!.colours.slice(0, 6))).map(
    (c) => nodeColour(c, "light"),
  );

describe("the export dialog", () => {
  it("opens labelled, with focus inside, says what each format holds, and Escape gives focus back", async () => {
    await app.page.click('[data-control="export"]');
    const dialog = app.page.locator(".export-dialog");
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    const label = await dialog.evaluate(
      (d) => document.getElementById(d.getAttribute("aria-labelledby")!)?.textContent,
    );
    expect(label).toBe("Export this view");
    await app.page.check('.export-dialog input[data-format="gexf"]');
    expect(await app.page.locator("[data-export-contents]").textContent()).toContain(
      `${fmt(view.people)} people, ${fmt(view.pairs.size)} connections`,
    );
    await app.page.check('.export-dialog input[data-format="messages-csv"]');
    expect(await app.page.locator("[data-export-contents]").textContent()).toContain(
      "Open a person or a connection first",
    );
    expect(await app.page.locator('[data-control="export-download"]').isDisabled()).toBe(true);
    await app.page.check('.export-dialog input[data-format="png"]');
    await screenshot(app.page, "export-dialog");
    await app.page.keyboard.press("Escape");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute("data-control"))).toBe("export");
  });

  it("saves a 2× PNG with the title, the network and the community colours drawn in", async () => {
    const { name, bytes } = await download("png", { size: "1200x675", theme: "light" });
    expect(name).toMatch(
      /^federal-party-national-committee-mailbox-fictional-sample-2016-03-01-to-2016-04-14-1200x675\.png$/,
    );
    const img = pixels(bytes);
    expect([img.width, img.height]).toEqual([2400, 1350]);
    let dark = 0;
    for (let y = 40; y < 200; y += 2) for (let x = 40; x < 1600; x += 2) if (Math.max(...img.at(x, y)) < 90) dark++;
    expect(dark).toBeGreaterThan(2000);
    let ink = 0;
    for (let y = 450; y < 950; y += 4) for (let x = 100; x < 2300; x += 4) if (Math.min(...img.at(x, y)) < 235) ink++;
    expect(ink).toBeGreaterThan(3000);
    expect(img.at(2, 2)).toEqual([255, 255, 255]);
    const colours = inkStats(bytes, await communityColours());
    expect(colours.coloursSeen).toBeGreaterThanOrEqual(3);
    dimmedBefore = colours.dimmed;
  });

  it("saves a dark PNG at the square size", async () => {
    const { bytes } = await download("png", { size: "1080x1080", theme: "dark" });
    const img = pixels(bytes);
    expect([img.width, img.height]).toEqual([2160, 2160]);
    expect(img.at(2, 2)).toEqual([0x15, 0x18, 0x1c]);
  });

  it("saves an SVG with one circle per person shown and names as text", async () => {
    const { bytes } = await download("svg", { size: "1600x900", theme: "light" });
    const doc = new DOMParser().parseFromString(bytes.toString("utf8"), "image/svg+xml");
    expect(doc.documentElement.getAttribute("width")).toBe("1600");
    expect(doc.getElementsByTagName("circle").length).toBe(view.people);
    const texts = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent ?? "");
    expect(texts.join(" ")).toContain("Federal Party National Committee");
    expect(texts.join(" ")).toContain(`${fmt(view.messages.length)} messages · ${fmt(view.people)} people`);
  });

  it("saves the people and connections as CSV, as many rows as the table view lists", async () => {
    const people = csvRows((await download("people-csv")).bytes);
    const links = csvRows((await download("connections-csv")).bytes);
    expect(people.length - 1).toBe(view.people);
    expect(links.length - 1).toBe(view.pairs.size);
    const byAddress = new Map(raw.people.address.map((a, i) => [a, i]));
    for (const row of people.slice(1, 40)) expect(Number(row[4])).toBe(view.sent(byAddress.get(row[1])!));
    await app.page.keyboard.press("Escape");
    await app.page.click('[data-control="table-view"]');
    const pagers = app.page.locator(".table-view .pager-status");
    await expect
      .poll(() => pagers.allTextContents())
      .toEqual([`1–50 of ${fmt(view.people)}`, `1–50 of ${fmt(view.pairs.size)}`]);
    await app.page.click('[data-control="table-view"]');
  });

  it("saves a GEXF that reads back with the same people, connections and weights", async () => {
    const { bytes } = await download("gexf", { theme: "light" });
    const g = parseGexf(Graph, bytes.toString("utf8"));
    expect([g.order, g.size]).toEqual([view.people, view.pairs.size]);
    g.forEachEdge((_e, a, s, t) => expect(a.weight).toBe(view.pairs.get(`${s}>${t}`)));
  });

  it("with a person selected: their messages, and the highlight drawn into the image", async () => {
    await app.page.keyboard.press("Escape");
    await app.page.evaluate((p) => window.switchboard!.actions.selectPerson(p), person);
    await app.page.click('[data-control="export"]');
    await app.page.check('.export-dialog input[data-format="messages-csv"]');
    const mine = view.messages.filter(
      (m) => (m.sender === person || others(m).includes(person)) && view.shownFor(m, person),
    );
    expect(await app.page.locator("[data-export-contents]").textContent()).toContain(
      `${fmt(mine.length)} messages in the period`,
    );
    const messages = csvRows((await download("messages-csv")).bytes);
    expect(messages.slice(1).map((r) => Number(r[8]))).toEqual(mine.map((m) => m.index + 1));
    const png = await download("png", { size: "1200x675", theme: "light" });
    expect(inkStats(png.bytes, []).dimmed).toBeGreaterThan(Math.max(0.004, dimmedBefore * 4));
    const svg = new DOMParser().parseFromString((await download("svg")).bytes.toString("utf8"), "image/svg+xml");
    const texts = Array.from(svg.getElementsByTagName("text")).map((t) => t.textContent ?? "");
    expect(texts).toContain(raw.people.name[person] || raw.people.address[person]);
    expect(app.foreign).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
