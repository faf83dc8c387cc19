// Phone widths: the table view, the period summary and the person panel fit 320 px and never break
// a name inside a word or a number or date inside itself; a slow download shows how much arrived.
import { readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { encodeDataset } from "../../src/data/decode";
import { openApp, screenshot, type Served } from "./harness";
import { busiest, MONTHS, msgs, name, raw, SAMPLE, TZ, whole as view } from "./sample";
import { countIn, fmt, panelCounts } from "./truth";
import { installProbe } from "./phone-probe";
import { useBrowser } from "./use-browser";

const all = countIn(msgs, -Infinity, Infinity);
/** "9 Sep 2013" in the corpus's zone (Node's en-GB would say "Sept"). */
const day = (t: number) => {
  const [d, m, y] = new Intl.DateTimeFormat("en-GB", {
    timeZone: TZ,
    day: "numeric",
    month: "numeric",
    year: "numeric",
  })
    .format(new Date(t))
    .split("/")
    .map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const WIDTHS = [320, 375, 700];
/** A correspondent with a long name and a three-digit count: the count must not be squeezed. */
const LONG_NAME = "Maximiliana Alexandrovna Featherstonehaugh Cholmondeley de la Tour";
const LONG_COUNT = 339;

const env = useBrowser((served) => {
  const day0 = Date.UTC(2016, 2, 1, 12);
  served.extra.set(
    "/fixtures/long-names.json",
    JSON.stringify(
      encodeDataset({
        meta: { title: "Long names", synthetic: true, timeZone: "UTC" },
        people: {
          address: ["ann@example.org", "max@example.org", "bo@example.org"],
          name: ["Ann Lee", LONG_NAME, "Bo Ek"],
        },
        messages: [
          ...Array.from({ length: LONG_COUNT }, (_, i) => ({
            time: day0 + i * 3_600_000,
            sender: 0,
            to: [1],
            cc: [],
            bcc: [],
            subject: "Notes",
          })),
          { time: day0, sender: 2, to: [0], cc: [], bcc: [], subject: "Hi" },
        ],
        layout: { x: [0, 1, 0.5], y: [0, 0, 1] },
      }),
    ),
  );
});

async function openAt(width: number, query = "") {
  const opened = await env.open(query, { width, height: 640 });
  await opened.page.evaluate(installProbe);
  return opened;
}

describe("the table view on a phone", () => {
  for (const width of WIDTHS) {
    it(`at ${width} px keeps Name, Sent and Received on screen and never breaks a name inside a word`, async () => {
      const { page, errors } = await openAt(width);
      await page.locator("button[data-control=table-view]").click();
      await page.locator(".table-view").waitFor({ state: "visible" });
      const cellsOf = (n: number) =>
        page.evaluate((sel) => window.phoneProbe!.tableCells(sel), `.table-view .table-block:nth-of-type(${n}) table`);
      const people = await cellsOf(1);
      const links = await cellsOf(2);
      await screenshot(page, `phone-table-${width}`);
      // Nothing covers the first caption (the network's tools sit above the tables).
      const covered = await page
        .locator(".table-view caption")
        .first()
        .evaluate((cap) => {
          const r = document.createRange();
          r.selectNodeContents(cap);
          const box = r.getBoundingClientRect();
          return [box.left + 2, (box.left + box.right) / 2, box.right - 2].filter(
            (x) => !cap.contains(document.elementFromPoint(x, (box.top + box.bottom) / 2)),
          );
        });
      expect(covered).toEqual([]);
      // No horizontal scrolling: the overlay is no wider than the screen, nor its content than it.
      const overlay = await page
        .locator(".table-overlay")
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(overlay.scroll).toBe(overlay.client);
      expect((await page.locator(".table-overlay").boundingBox())!.width).toBeLessThanOrEqual(width);
      const inside = (r: { left: number; right: number; width: number }) =>
        r.width > 0 && r.left >= 0 && r.right <= width;
      for (const key of ["name", "sent", "received"]) {
        const column = people.columns.find((c) => c.key === key)!;
        expect(inside(column.header), `${key} header at ${width}`).toBe(true);
        expect(column.cells).toHaveLength(50);
        for (const cell of column.cells) expect(inside(cell), `${key} cell at ${width}`).toBe(true);
      }
      for (const column of links.columns)
        for (const cell of [column.header, ...column.cells]) expect(inside(cell)).toBe(true);
      // What the cells say, against the raw file: each person's name, address and counts.
      const names = people.columns.find((c) => c.key === "name")!.cells;
      const address = people.columns.find((c) => c.key === "address")!.cells;
      names.forEach((cell, row) => {
        const p = Number(cell.person);
        expect(cell.text).toBe(name(p));
        expect(address[row].text).toBe(raw.people.address[p]);
        expect(people.columns.find((c) => c.key === "sent")!.cells[row].text).toBe(fmt(view.sent(p)));
        expect(people.columns.find((c) => c.key === "received")!.cells[row].text).toBe(fmt(view.received(p)));
      });
      for (const key of ["address", "org", "community"]) {
        const column = people.columns.find((c) => c.key === key)!;
        for (const [row, cell] of column.cells.entries()) {
          expect(inside(cell), `${key} cell at ${width}`).toBe(true);
          if (width < 400) {
            // Under the name, within its column, not a column of its own.
            expect(cell.top).toBeGreaterThanOrEqual(names[row].bottom - 1);
            expect(cell.right).toBeLessThanOrEqual(people.columns.find((c) => c.key === "sent")!.cells[row].left + 1);
          }
        }
        expect(column.header.width > 0, `${key} header shown at ${width}`).toBe(width >= 700);
      }
      // Every word of every name sits on one line.
      const broken = [...people.columns, ...links.columns].flatMap((c) => c.cells.flatMap((cell) => cell.brokenWords));
      expect(broken).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe("the period summary on a phone", () => {
  it("at 320 px wraps between the period, its messages and its people, never inside one", async () => {
    const { page, errors } = await openAt(320);
    const dated = msgs.filter((m) => !Number.isNaN(m.t)).map((m) => m.t);
    const parts = [
      `${day(Math.min(...dated))} – ${day(Math.max(...dated))}`,
      `${fmt(all.messages)} messages`,
      `${fmt(all.people)} people`,
    ];
    expect(await page.locator(".period-summary").textContent()).toBe(parts.join(" · "));
    const lines = await page.evaluate(
      (ts) => ts.map((t) => window.phoneProbe!.linesOfText(".period-summary", t)),
      parts,
    );
    expect(lines.map((l) => l.count)).toEqual([1, 1, 1]);
    // It did have to wrap: the parts are not all on one line.
    expect(new Set(lines.map((l) => l.top)).size).toBeGreaterThan(1);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 640 });
      await screenshot(page, `phone-summary-${width}`);
      const again = await page.evaluate(
        (ts) => ts.map((t) => window.phoneProbe!.linesOfText(".period-summary", t).count),
        parts,
      );
      expect(again).toEqual([1, 1, 1]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the person panel on a phone", () => {
  it("at 320 px keeps every count of a busy person on one line", async () => {
    const { page, errors } = await openAt(320);
    await page.evaluate((p) => window.switchboard!.actions.selectPerson(p), busiest);
    const panel = page.locator(".person-panel");
    await panel.waitFor({ state: "visible" });
    const counts = panelCounts(msgs, { start: -Infinity, end: Infinity }, busiest);
    expect(await panel.locator("[data-field=sent] dd").textContent()).toBe(counts.sentText);
    expect(await panel.locator("[data-field=received] dd").textContent()).toBe(counts.receivedText);
    const numbers = await page.evaluate(() => window.phoneProbe!.brokenNumbers(".person-panel"));
    expect(numbers.checked).toBeGreaterThan(20);
    expect(numbers.broken).toEqual([]);
    await screenshot(page, "phone-person-320");
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px shows a long-named correspondent's ${LONG_COUNT} messages on one line, the name broken between words`, async () => {
      const { page, errors } = await openAt(width, "?data=../fixtures/long-names.json");
      await page.evaluate(() => window.switchboard!.actions.selectPerson(0));
      const count = page.locator(".person-panel .top-list li[data-correspondent='1'] .count").first();
      await count.waitFor();
      expect(await count.textContent()).toBe(String(LONG_COUNT));
      const numbers = await page.evaluate(() => window.phoneProbe!.brokenNumbers(".person-panel"));
      expect(numbers.broken).toEqual([]);
      const longName = ".person-panel .top-list li[data-correspondent='1'] button[data-person]";
      const words = await page.evaluate((sel) => window.phoneProbe!.brokenWords(sel), longName);
      expect(words).toEqual([]);
      await page.locator(".person-panel .tops").scrollIntoViewIfNeeded();
      await screenshot(page, `phone-person-long-${width}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/** A server in front of the harness that dribbles the dataset: the first part at once, the rest
 *  when the test says. */
async function dribbling(body: Buffer, first: number, withLength: boolean) {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const upstream = new URL(env.served.url);
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/fixtures/slow.json")) {
      res.writeHead(200, {
        "Content-Type": "application/json",
        ...(withLength ? { "Content-Length": String(body.length) } : {}),
      });
      res.write(body.subarray(0, first));
      void released.then(() => res.end(body.subarray(first)));
      return;
    }
    const ask = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(ask);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const front: Served = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    extra: env.served.extra,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return { front, release };
}

describe("a slow download", () => {
  const body = readFileSync(SAMPLE);
  const kB = (n: number) => `${Math.round(n / 1000)} kB`;
  for (const withLength of [true, false]) {
    it(`shows ${withLength ? "bytes and percentage (Content-Length known)" : "bytes alone (no Content-Length)"}, then loads`, async () => {
      expect(body.length).toBeGreaterThan(100_000);
      expect(body.length).toBeLessThan(999_000); // kB() is right for this range
      const first = Math.ceil(body.length * 0.48);
      const percent = Math.floor((first * 100) / body.length);
      expect(percent).toBe(48);
      const { front, release } = await dribbling(body, first, withLength);
      const { page, errors, foreign } = await openApp(
        env.browser,
        front,
        "?data=../fixtures/slow.json",
        { width: 320, height: 640 },
        { wait: false },
      );
      const expected = `Loading the dataset… ${kB(first)}${withLength ? ` of ${kB(body.length)} (${percent}%)` : ""}`;
      await page.waitForFunction((t) => document.querySelector(".page-status p")?.textContent === t, expected, {
        polling: 50,
        timeout: 30_000,
      });
      const bar = await page.locator(".page-status progress").evaluate((el: HTMLProgressElement) => ({
        value: el.getAttribute("value") === null ? null : el.value,
        max: el.max,
        label: el.getAttribute("aria-label"),
      }));
      // Without a total the bar is indeterminate (no value; max stays at its default, 1).
      const want = withLength ? { value: first, max: body.length } : { value: null, max: 1 };
      expect(bar).toEqual({ ...want, label: "Loading the dataset" });
      expect(await page.evaluate(() => document.body.dataset.status)).toBe("loading");
      await screenshot(page, `phone-progress-${withLength ? "length" : "no-length"}-320`);
      release();
      await page.waitForFunction(() => document.body.dataset.status !== "loading", undefined, {
        polling: 100,
        timeout: 60_000,
      });
      expect(await page.evaluate(() => document.body.dataset.status)).toBe("ready");
      expect(await page.locator(".period-summary").textContent()).toContain(
        `· ${fmt(all.messages)} messages · ${fmt(all.people)} people`,
      );
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
      await front.close();
    });
  }
});
