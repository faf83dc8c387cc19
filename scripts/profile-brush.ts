// npm run bench:profile: where the main thread's time goes while brushing. Opens a dataset in the
// built app (PROFILE_DIST, default dist/; build with `vite build --minify false` for readable
// names), drags a two-week window across the last three months under the DevTools profiler (or,
// with PROFILE_ACTION=select, selects the busiest people one after another), and prints the
// functions with the most self time. Numbers for a person reading a profile, not verdicts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serveDist, DIST } from "../tests/browser/harness";
import { brushMoves, selections } from "./brush-moves";

const file = process.argv[2] ?? join(new URL("..", import.meta.url).pathname, "bench-data/bench-100k.json");
const moves = Number(process.env.PROFILE_MOVES ?? 24);
const served = await serveDist(process.env.PROFILE_DIST ?? DIST);
served.extra.set("/fixtures/profiled.json", readFileSync(file, "utf8"));
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.goto(`${served.url}/app/?data=../fixtures/profiled.json`);
  await page.waitForFunction(
    () => document.querySelector(".legend")?.getAttribute("data-state") === "ready",
    undefined,
    {
      timeout: 600_000,
      polling: 100,
    },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const { js } =
    process.env.PROFILE_ACTION === "select"
      ? await page.evaluate(selections, moves)
      : await page.evaluate(brushMoves, moves);
  const total = js.reduce((a, b) => a + b, 0);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + deltas[i] / 1000);
  });
  console.log(
    `${moves} ${process.env.PROFILE_ACTION === "select" ? "selections" : "brush moves"}: ${Math.round(total)} ms of main-thread JS (${Math.round(total / moves)} per move)`,
  );
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 30)))
    console.log(`${(ms / moves).toFixed(2).padStart(8)} ms/move  ${k}`);
} finally {
  await browser.close();
  await served.close();
}
