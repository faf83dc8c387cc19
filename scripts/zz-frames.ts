import { readFileSync } from "node:fs";
import { launch, serveDist } from "../tests/browser/harness";
const dists = (process.env.DISTS ?? "").split(",");
const file = process.env.PROBE_FILE;
const servers = await Promise.all(dists.map((d) => serveDist(d || undefined)));
if (file) for (const s of servers) s.extra.set("/fixtures/big.json", readFileSync(file, "utf8"));
const browser = await launch();
const out: Record<string, number[]> = {};
for (let round = 0; round < 3; round++)
  for (const [i, s] of servers.entries()) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript("globalThis.__name = (f) => f;");
    await page.goto(`${s.url}/app/${file ? "?data=../fixtures/big.json" : ""}`);
    await page.waitForFunction(() => window.switchboard?.firstFrameAt != null, undefined, {
      timeout: 600_000,
      polling: 100,
    });

    // real measure: nextFrame after scheduleRender via a period re-set
    const f = await page.evaluate(async () => {
      const sb = window.switchboard!;
      const times: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t0 = performance.now();
        sb.actions.setPeriod(k % 2 ? sb.full : { start: sb.full.start, end: sb.full.end - 86_400_000 });
        await sb.nextFrame();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        times.push(performance.now() - t0);
      }
      return times.slice(1);
    });
    (out[dists[i] || "main"] ??= []).push(...f);
    await page.close();
  }
for (const [k, v] of Object.entries(out)) {
  const s = [...v].sort((a, b) => a - b);
  console.log(k, "median", Math.round(s[Math.floor(s.length / 2)]), v.map(Math.round).join(" "));
}
await browser.close();
for (const s of servers) await s.close();
