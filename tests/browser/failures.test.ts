// What the app does when things go wrong: datasets it cannot draw are refused naming the field,
// empty datasets say what is there, failing workers say so and can be retried, the latest dataset
// asked for wins and the replaced one is disposed, and no page is ever blank or waits forever.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeDataset } from "../../src/data/decode";
import type { DatasetFile } from "../../src/data/types";
import { corpus as generated } from "./fixtures";
import { screenshot, waitForCommunities, type Served } from "./harness";
import { countIn, fmt, messagesOf, type RawFile } from "./truth";
import { useBrowser } from "./use-browser";

/** The generated corpus, laid out unless told. */
const corpus = (title: string, layout = true) => generated(title, { layout });
function tiny(people: number, messages: { time: number | null; sender: number; to: number[] }[]): DatasetFile {
  return encodeDataset({
    meta: { title: `${people} people, ${messages.length} messages`, synthetic: false, timeZone: "UTC" },
    people: {
      address: Array.from({ length: people }, (_, i) => `p${i}@example.org`),
      name: Array.from({ length: people }, (_, i) => `Person ${i}`),
    },
    messages: messages.map((m) => ({ ...m, cc: [], bcc: [], subject: "Hi" })),
  });
}
const put = (served: Served, path: string, file: unknown) =>
  served.extra.set(`/fixtures/${path}`, JSON.stringify(file));

const env = useBrowser((served) => {
  const far = corpus("Far future");
  far.messages.time[3] = 1e12;
  put(served, "far.json", far);
  const zone = corpus("Bad zone");
  zone.meta.timeZone = "Mars/Olympus";
  put(served, "zone.json", zone);
  const huge = corpus("Huge layout");
  huge.layout!.x[7] = 1e39;
  put(served, "huge.json", huge);
  put(served, "no-people.json", tiny(0, []));
  put(served, "no-messages.json", tiny(3, []));
  put(
    served,
    "undated.json",
    tiny(3, [
      { time: null, sender: 0, to: [1] },
      { time: null, sender: 1, to: [2] },
    ]),
  );
  put(served, "nolayout.json", corpus("No layout", false));
  put(served, "small.json", corpus("Small corpus"));
  // Over the size that is opened in the decode worker (whitespace after JSON is still JSON).
  served.extra.set("/fixtures/padded.json", `${JSON.stringify(corpus("Small corpus"))}${" ".repeat(1 << 20)}`);
});

/** Serves a worker script's URL with a broken body (404, a throw at load, a worker that dies). */
function breakWorker(page: Page, which: RegExp, how: "404" | "throw" | "die") {
  return page.route(which, (route: Route) => {
    if (how === "404") return route.fulfill({ status: 404, body: "" });
    const body =
      how === "throw"
        ? 'throw new Error("broken at load");'
        : 'postMessage({ type: "ready" }); onmessage = () => close();';
    return route.fulfill({ status: 200, contentType: "text/javascript", body });
  });
}
const COMMUNITIES = /\/assets\/worker-[^/]*\.js$/;
const LAYOUT = /\/assets\/layout\.worker-[^/]*\.js$/;
const DECODE = /\/assets\/decode\.worker-[^/]*\.js$/;

describe("datasets the app cannot draw", () => {
  for (const [file, field] of [
    ["far.json", "messages.time[3]"],
    ["zone.json", "meta.timeZone"],
    ["huge.json", "layout.x[7]"],
  ]) {
    it(`refuses ${file} naming ${field}, and leaves no half-built explorer`, async () => {
      const { page, errors } = await env.open(`?data=../fixtures/${file}`);
      await page.locator(".page-error").waitFor();
      expect(await page.locator(".page-error h1").textContent()).toBe("This dataset cannot be opened");
      expect(await page.locator(".page-error .error-field").textContent()).toBe(field);
      expect(await page.locator(".explorer").count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("does not follow a redirect to another site's dataset, and says why", async () => {
    // Another site, counting what reaches it; the app's own host has an open redirect to it.
    let reached = 0;
    const other = createServer((_, res) => {
      reached++;
      res.writeHead(200, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" }).end("{}");
    });
    await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
    const elsewhere = `http://localhost:${(other.address() as AddressInfo).port}/dataset.json`;
    try {
      const { page, errors } = await env.open(`?data=${encodeURIComponent(`../redirect?to=${elsewhere}`)}`);
      await page.locator(".page-error").waitFor();
      expect(await page.locator(".page-error").textContent()).toContain(
        "the server answered with a redirect, which Switchboard does not follow for datasets",
      );
      expect(reached).toBe(0);
      expect(await page.locator(".explorer").count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      other.close();
    }
  });

  it("says what an empty dataset holds, and never shows 1969", async () => {
    const cases: [string, string][] = [
      ["no-people.json", "This dataset has no people"],
      ["no-messages.json", "This dataset has no messages"],
      ["undated.json", "No dated messages: 2 messages cannot be placed in a period"],
    ];
    for (const [file, says] of cases) {
      const { page, errors } = await env.open(`?data=../fixtures/${file}`);
      expect(await page.locator(".network-note").textContent()).toContain(says);
      expect(await page.locator(".timeline-empty").textContent()).toBe("No dated messages: the timeline is empty");
      expect(await page.locator(".period-summary").textContent()).toMatch(/^No dated messages · \d+ (people|person)$/);
      expect(await page.locator(".timeline-bar rect").count()).toBe(0);
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(/1969|1970/);
      if (file === "undated.json") await screenshot(page, "12-undated-dataset");
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe("workers that fail", () => {
  for (const how of ["404", "throw", "die"] as const) {
    it(`says so when the communities worker ${how === "404" ? "is missing" : how === "throw" ? "throws at load" : "dies"}, and retries`, async () => {
      const { page, errors } = await env.open("?data=../fixtures/small.json", undefined, {
        before: (p) => breakWorker(p, COMMUNITIES, how),
      });
      await page.waitForFunction(
        () => document.querySelector(".legend")?.getAttribute("data-state") === "error",
        undefined,
        { timeout: 60_000, polling: 100 },
      );
      const status = (await page.locator(".legend-status").textContent()) ?? "";
      expect(status).toMatch(how === "die" ? /stopped answering/ : /could not start/);
      expect(status).not.toContain("undefined");
      await page.unroute(COMMUNITIES);
      await page.locator("[data-control=retry-communities]").click();
      await waitForCommunities(page);
      expect(await page.locator(".legend-status").textContent()).toMatch(/^\d+ communit(y|ies) · modularity/);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("opens a large dataset on the page's own thread when the decode worker cannot load; a small one never asks for it", async () => {
    const small = corpus("Small corpus");
    const all = countIn(messagesOf(small as unknown as RawFile), -Infinity, Infinity);
    for (const [file, expected] of [
      ["padded.json", 1],
      ["small.json", 0],
    ] as const) {
      let asked = 0;
      const { page, errors } = await env.open(`?data=../fixtures/${file}`, undefined, {
        before: (p) => p.route(DECODE, (route) => (asked++, route.fulfill({ status: 404, body: "" }))),
      });
      expect(asked, file).toBe(expected);
      await waitForCommunities(page);
      const summary = (await page.locator(".period-summary").textContent()) ?? "";
      expect(summary).toContain(`· ${fmt(all.messages)} messages`);
      expect(summary).toContain(`${fmt(all.people)} people`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("says so when the layout worker cannot load, and lays out on retry", async () => {
    const { page, errors } = await env.open("?data=../fixtures/nolayout.json", undefined, {
      before: (p) => breakWorker(p, LAYOUT, "404"),
      wait: false,
    });
    await page.locator("[data-control=retry-layout]").waitFor({ timeout: 60_000 });
    const said = (await page.locator(".network .network-status").textContent()) ?? "";
    expect(said).toContain("could not be laid out");
    expect(said).not.toContain("undefined");
    await page.unroute(LAYOUT);
    await page.locator("[data-control=retry-layout]").click();
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, {
      timeout: 60_000,
      polling: 100,
    });
    await waitForCommunities(page);
    expect(await page.locator(".network").getAttribute("data-state")).toBe("ready");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the latest dataset asked for wins", () => {
  it("a file picked while a slow ?data= download runs replaces it, and the slow one never mounts", async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const { page, errors } = await env.open("?data=../fixtures/slow.json", undefined, {
      wait: false,
      before: (p) =>
        p.route(
          (url) => url.pathname === "/fixtures/slow.json",
          async (route) => {
            await held;
            // The app gives up the download when the file is picked: the request may be gone.
            await route
              .fulfill({
                status: 200,
                contentType: "application/json",
                body: JSON.stringify(corpus("The slow download")),
              })
              .catch(() => {});
          },
        ),
    });
    await page.locator(".page-status").waitFor();
    const ignored = page.waitForEvent("console", (m) => m.text().includes("replaced by a newer request"));
    const small = corpus("Picked from disk");
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "picked.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(small)) });
    await page.waitForFunction(() => document.body.dataset.status === "ready", undefined, {
      timeout: 60_000,
      polling: 100,
    });
    const canvases = await page.locator(".network canvas").count();
    release();
    await ignored;
    expect(await page.locator("#title").textContent()).toBe("Picked from disk");
    expect(await page.locator(".explorer").count()).toBe(1);
    expect(await page.locator(".network canvas").count()).toBe(canvases);
    const all = countIn(messagesOf(small as unknown as RawFile), -Infinity, Infinity);
    expect(await page.locator(".period-summary").textContent()).toContain(`· ${fmt(all.messages)} messages`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opening a second file disposes the first explorer: one network, one set of workers and keys", async () => {
    const { page, errors } = await env.open("?data=../fixtures/small.json");
    await waitForCommunities(page);
    const canvases = await page.locator(".network canvas").count();
    const other = corpus("Second file");
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "second.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(other)) });
    await page.waitForFunction(
      () => document.querySelector("#title")?.textContent === "Second file" && document.body.dataset.status === "ready",
      undefined,
      { polling: 100 },
    );
    await waitForCommunities(page);
    expect(await page.locator(".explorer").count()).toBe(1);
    expect(await page.locator("canvas").count()).toBe(canvases);
    // One key handler: "/" focuses the one search box once, and Escape reaches one store.
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("search-input"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
