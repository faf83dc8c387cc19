// Writes data/sample.story.json, the example story on the bundled sample: the whole mailbox, its
// hubs, its busiest two weeks, and the strongest chain between two departments. Every figure in a
// caption is computed here from the dataset; the cameras come from the app itself (it frames the
// hub and the chain), so run `npm run build` first. Usage: npx tsx scripts/sample-story.ts
import { readFileSync, writeFileSync } from "node:fs";
import { parseDataset } from "../src/data/load";
import { displayName } from "../src/data/people";
import { formatNumber, formatPeriod } from "../src/ui/format";
import { buildAdjacency } from "../src/graph/adjacency";
import { strongestChain } from "../src/graph/chain";
import { buildEdgeIndex } from "../src/graph/edges";
import { computePeriodStats, fullPeriod, type Period } from "../src/graph/period";
import { encodeView } from "../src/state/url";
import { initialView, type ViewState } from "../src/state/view-state";
import { storyFromJson, STORY_FORMAT, STORY_VERSION, type StoryFile } from "../src/story/story-file";
import { localDay, startOfLocalDay } from "../src/time/zone";
import { launch, openApp, serveDist } from "../tests/browser/harness";

const ds = parseDataset(readFileSync("data/sample.json", "utf8"), "data/sample.json");
const edges = buildEdgeIndex(ds);
const adj = buildAdjacency(ds, edges);
const full = fullPeriod(ds);
const ctx = { people: ds.people, timeZone: ds.meta.timeZone, full };
const name = (p: number) => displayName(ds.people, p);
const whole = computePeriodStats(ds, edges, full);
const volume = (p: number) => whole.sent[p] + whole.received[p];
const byVolume = Array.from({ length: ds.people.count }, (_, p) => p).sort((a, b) => volume(b) - volume(a));

// The busiest fourteen local days.
const times = ds.messages.time.subarray(0, ds.messages.datedCount);
const countIn = (p: Period) => times.filter((t) => t >= p.start && t < p.end).length;
const [y0, m0, d0] = localDay(full.start, ctx.timeZone).split("-").map(Number);
let busiest = { period: full, messages: 0 };
for (let d = 0; ; d++) {
  const period = {
    start: startOfLocalDay(y0, m0, d0 + d, ctx.timeZone),
    end: startOfLocalDay(y0, m0, d0 + d + 14, ctx.timeZone),
  };
  if (period.end > full.end) break;
  const messages = countIn(period);
  if (messages > busiest.messages) busiest = { period, messages };
}
const busy = computePeriodStats(ds, edges, busiest.period);

// The strongest chain from the busiest Finance person to the busiest Press person, through others.
const inOrg = (org: string) => byVolume.filter((p) => ds.people.org[p] === org);
const [fin, press] = [inOrg("FPNC Finance"), inOrg("FPNC Press")];
let chainPair: { a: number; b: number; people: number[] } | null = null;
for (const a of fin.slice(0, 5))
  for (const b of press.slice(0, 5)) {
    const c = strongestChain(adj, edges, whole.edgeWeight, a, b);
    if (!chainPair && c && c.people.length >= 3) chainPair = { a, b, people: c.people };
  }
if (!chainPair) throw new Error("no chain of three or more people between Finance and Press");

const view = (patch: Partial<ViewState>) => encodeView({ ...initialView(full), ...patch }, ctx);
const [h1, h2, h3] = byVolume;
const dateText = (p: Period) => formatPeriod(p, ctx.timeZone);

// Cameras as the app frames the hub and the chain.
const served = await serveDist();
const browser = await launch();
const cameras: Record<string, string> = {};
try {
  const { page } = await openApp(browser, served, "", { width: 1920, height: 1080 });
  // Framed as a story plays: with no drawer beside the network.
  await page.evaluate(() => document.documentElement.setAttribute("data-playing", ""));
  const settle = async (act: string, a: number, b: number) => {
    await page.evaluate(
      ([act, a, b]) => {
        const sb = window.switchboard!;
        if (act === "find") sb.actions.findPerson(a);
        else sb.actions.openChain(a, b);
      },
      [act, a, b] as const,
    );
    // The camera flies; it has landed when two frames apart it has not moved.
    let last = "";
    for (;;) {
      const now = await page.evaluate(async () => {
        await window.switchboard!.nextFrame();
        return JSON.stringify(window.switchboard!.state().camera);
      });
      if (now === last && now !== "null") return JSON.parse(now) as ViewState["camera"];
      last = now;
    }
  };
  cameras.hub = JSON.stringify(await settle("find", h1, 0));
  cameras.chain = JSON.stringify(await settle("chain", chainPair.a, chainPair.b));
} finally {
  await browser.close();
  await served.close();
}
const cam = (key: string) => JSON.parse(cameras[key]) as ViewState["camera"];

const file: StoryFile = {
  format: STORY_FORMAT,
  version: STORY_VERSION,
  title: "Inside the committee's mailbox",
  dataset: ds.meta.title,
  steps: [
    {
      heading: "Who wrote to whom",
      caption:
        `${formatNumber(whole.messages)} messages among ${formatNumber(whole.people)} people, ${dateText(full)}. ` +
        "Each dot is a person, each line a pair who wrote to each other; colours are communities.",
      view: view({}),
    },
    {
      heading: `The hubs: ${name(h1)}`,
      caption:
        `${name(h1)} sent or received ${formatNumber(volume(h1))} messages, more than anyone; ` +
        `then ${name(h2)} (${formatNumber(volume(h2))}) and ${name(h3)} (${formatNumber(volume(h3))}).`,
      view: view({ selected: h1, camera: cam("hub") }),
    },
    {
      heading: "The busiest two weeks",
      caption: `${dateText(busiest.period)}: ${formatNumber(busy.messages)} messages among ${formatNumber(busy.people)} people.`,
      view: view({ period: busiest.period }),
    },
    {
      heading: "From Finance to the press office",
      caption:
        `The strongest chain from ${name(chainPair.a)} (Finance) to ${name(chainPair.b)} (Press) runs through ` +
        `${chainPair.people.slice(1, -1).map(name).join(", ")}.`,
      view: view({ selected: chainPair.a, chain: { a: chainPair.a, b: chainPair.b }, camera: cam("chain") }),
    },
  ],
};
const check = storyFromJson(file, ctx);
if (check.errors.length) throw new Error(`the example story does not check out: ${check.errors.join("; ")}`);
writeFileSync("data/sample.story.json", `${JSON.stringify(file, null, 2)}\n`);
console.log(JSON.stringify(file, null, 2));
