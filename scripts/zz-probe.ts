import { readFileSync } from "node:fs";
import { launch, serveDist } from "../tests/browser/harness";
const served = await serveDist(process.env.PROBE_DIST);
served.extra.set("/fixtures/big.json", readFileSync(process.env.PROBE_FILE ?? "bench-data/bench-500k.json", "utf8"));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript("globalThis.__name = (f) => f;");
await page.addInitScript(() => {
  const w = window as unknown as { __lt: { start: number; duration: number }[] };
  w.__lt = [];
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => w.__lt.push({ start: e.startTime, duration: e.duration })),
  ).observe({ type: "longtask", buffered: true });
});
page.on("console", (m) => console.log("console:", m.text()));
const t0 = Date.now();
await page.goto(`${served.url}/app/?data=../fixtures/big.json`);
await page.waitForFunction(() => window.switchboard?.firstFrameAt != null, undefined, {
  timeout: 600_000,
  polling: 100,
});
console.log("first frame wall", Date.now() - t0);
await page
  .waitForFunction(() => document.querySelector(".legend")?.getAttribute("data-state") === "ready", undefined, {
    timeout: 600_000,
    polling: 100,
  })
  .catch(() => console.log("no communities"));
console.log("communities wall", Date.now() - t0);
const r = await page.evaluate(() => {
  const w = window as unknown as { __lt: { start: number; duration: number }[] };
  const ff = window.switchboard!.firstFrameAt!;
  const ms = performance
    .getEntriesByType("measure")
    .filter((m) => m.name.startsWith("sb:"))
    .map((m) => `${m.name} @${Math.round(m.startTime)} ${Math.round(m.duration)}`);
  return {
    ff,
    ms,
    lt: w.__lt.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`),
    heap: (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1e6,
    comm: window.switchboard!.communities,
  };
});
console.log(JSON.stringify(r, null, 1));
await page.screenshot({ path: "/tmp/probe.png" });
await browser.close();
await served.close();
