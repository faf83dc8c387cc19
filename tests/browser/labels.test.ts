// The network's names at a desktop and a phone size: on the whole period, with a person selected and
// with a chain open, no two label boxes overlap, every box lies inside the network, text is drawn in
// each box (and nowhere else), the people the reader picked are named in bold, and an export scene
// has every person shown and labels that do not overlap.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { LabelBoxHook } from "../../src/shell/test-hooks";
import { nextFrame } from "./gestures";
import { screenshot } from "./harness";
import { busiest, farFromBusiest, msgs, raw } from "./sample";
import { countIn } from "./truth";
import { useApp } from "./use-browser";

const far = farFromBusiest();
const shownWhole = countIn(msgs, -Infinity, Infinity).people;

type Box = Pick<LabelBoxHook, "left" | "top" | "right" | "bottom">;
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Pairs of boxes that overlap, by brute force. */
function overlaps(boxes: (Box & { text: string })[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++)
      if (overlap(boxes[i], boxes[j])) bad.push(`${boxes[i].text} / ${boxes[j].text}`);
  }
  return bad;
}

/** Ink on the label canvas: dark opaque pixels inside each box, and any opaque pixel outside them. */
async function inkOf(page: Page, boxes: Box[]) {
  return page.evaluate((bs) => {
    const canvas = document.querySelector<HTMLCanvasElement>(".network canvas.network-labels")!;
    const k = canvas.width / canvas.clientWidth;
    const img = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    const inside = (x: number, y: number, grow: number) =>
      bs.some((b) => x >= b.left - grow && x <= b.right + grow && y >= b.top - grow && y <= b.bottom + grow);
    const dark = bs.map(() => 0);
    let stray = 0;
    for (let py = 0; py < canvas.height; py++) {
      for (let px = 0; px < canvas.width; px++) {
        const i = 4 * (py * canvas.width + px);
        const [r, g, b, a] = [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
        if (a === 0) continue;
        const [x, y] = [(px + 0.5) / k, (py + 0.5) / k];
        if (!inside(x, y, 2)) stray++;
        if (a > 200 && r + g + b < 200)
          bs.forEach((box, n) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom && dark[n]++);
      }
    }
    return { dark, stray, ratio: k };
  }, boxes);
}

describe.each([
  { width: 1280, height: 800, tag: "desktop" },
  { width: 375, height: 667, tag: "phone" },
])("labels at $width×$height", ({ width, height, tag }) => {
  const app = useApp("", { width, height });

  /** Waits for a frame, then checks the labels on screen; returns them. */
  async function checkLabels(): Promise<LabelBoxHook[]> {
    await nextFrame(app.page);
    const boxes = await app.page.evaluate(() => window.switchboard!.labelBoxes());
    const net = await app.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>(".network")!;
      const drawer = document.querySelector<HTMLElement>(".drawer")!;
      const [c, d] = [el.getBoundingClientRect(), drawer.getBoundingClientRect()];
      const panel = drawer.hidden
        ? null
        : { left: d.left - c.left, top: d.top - c.top, right: d.right - c.left, bottom: d.bottom - c.top };
      const controls = [...document.querySelectorAll(".network-tools > *")]
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => ({ left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top }));
      return { width: el.clientWidth, height: el.clientHeight, panel, controls };
    });
    expect(boxes.length).toBeGreaterThan(0);
    expect(overlaps(boxes)).toEqual([]);
    const out = boxes.filter((b) => b.left < 0 || b.top < 0 || b.right > net.width || b.bottom > net.height);
    expect(out.map((b) => b.text)).toEqual([]);
    // None is hidden under the open panel.
    const under = boxes.filter((b) => net.panel !== null && overlap(b, net.panel));
    expect(under.map((b) => b.text)).toEqual([]);
    expect(net.controls.length).toBeGreaterThan(0);
    expect(boxes.filter((b) => net.controls.some((k) => overlap(b, k))).map((b) => b.text)).toEqual([]);
    expect(await app.page.evaluate(() => window.switchboard!.displayedLabels())).toEqual(boxes.map((b) => b.text));
    const ink = await inkOf(app.page, boxes);
    // Each name is drawn: a dozen dark pixels at least (a few letters), nothing outside the boxes.
    const blank = boxes.filter((_, i) => ink.dark[i] < 12 * ink.ratio * ink.ratio).map((b) => b.text);
    expect(blank).toEqual([]);
    expect(ink.stray).toBe(0);
    return boxes;
  }

  it("names the busiest people on the whole period, apart and inside the view", async () => {
    const boxes = await checkLabels();
    expect(boxes.map((b) => b.text)).toContain(raw.people.name[busiest]);
    expect(boxes.every((b) => !b.bold)).toBe(true);
    if (tag === "desktop") expect(boxes.length).toBeGreaterThanOrEqual(12);
    await screenshot(app.page, `labels-${tag}`);
  });

  it("builds an export scene with every person shown and labels apart", async () => {
    const scene = await app.page.evaluate(() => {
      const s = window.switchboard!.scene(1200, 675);
      const ctx = document.createElement("canvas").getContext("2d")!;
      // Each label's box from the text's own width in the scene's font.
      const boxes = s.labels.map((l) => {
        ctx.font = `${l.bold ? "600 " : ""}${l.size}px ${getComputedStyle(document.body).fontFamily}`;
        const w = ctx.measureText(l.text).width;
        return { text: l.text, left: l.x, right: l.x + w, top: l.y - 0.9 * l.size, bottom: l.y + 0.2 * l.size };
      });
      return {
        nodes: s.nodes.length,
        people: new Set(s.nodes.map((n) => n.person)).size,
        edges: s.edges.length,
        boxes,
        inside: s.nodes.every((n) => n.x >= 0 && n.x <= 1200 && n.y >= 0 && n.y <= 675),
      };
    });
    const shown = await app.page.evaluate(() => {
      const st = window.switchboard!.stats();
      let n = 0;
      for (let p = 0; p < st.sent.length; p++) if (st.sent[p] + st.received[p] > 0) n++;
      return n;
    });
    expect(shown).toBe(shownWhole);
    expect(scene.nodes).toBe(shownWhole);
    expect(scene.people).toBe(shownWhole);
    expect(scene.inside).toBe(true);
    expect(scene.edges).toBeGreaterThan(shownWhole / 2);
    expect(scene.boxes.length).toBeGreaterThan(3);
    expect(overlaps(scene.boxes)).toEqual([]);
    expect(scene.boxes.every((b) => b.left >= 0 && b.right <= 1200 && b.top >= 0 && b.bottom <= 675)).toBe(true);
  });

  it("names the selected person in bold, apart from the rest", async () => {
    await app.page.evaluate((p) => window.switchboard!.actions.selectPerson(p), busiest);
    const name = raw.people.name[busiest];
    await app.page.waitForFunction((n) => window.switchboard!.labelBoxes().some((b) => b.bold && b.text === n), name, {
      polling: 100,
    });
    const boxes = await checkLabels();
    expect(boxes.filter((b) => b.bold).map((b) => b.text)).toEqual([name]);
    await screenshot(app.page, `labels-${tag}-person`);
  });

  it("names the people on an open chain, none overlapping", async () => {
    expect(far).toBeGreaterThanOrEqual(0);
    await app.page.evaluate(([a, b]) => window.switchboard!.actions.openChain(a, b), [busiest, far]);
    await app.page.waitForFunction(
      () => (window.switchboard!.frame().derived.chain?.people.length ?? 0) > 2,
      undefined,
      { polling: 100 },
    );
    const people = await app.page.evaluate(() => window.switchboard!.frame().derived.chain!.people);
    const names = people.map((p) => raw.people.name[p]);
    // The camera flies to the chain; once it is still, every person on it in view is named (the
    // phone's network is small: some of the chain may lie beyond it).
    const named = await app.page.waitForFunction(
      ([ps, ns]) => {
        const sb = window.switchboard!;
        const el = document.querySelector<HTMLElement>(".network")!;
        const inView = ns.filter((_, i) => {
          const q = sb.positionOf(ps[i]);
          return q !== null && q.x > 16 && q.y > 16 && q.x < el.clientWidth - 16 && q.y < el.clientHeight - 16;
        });
        const bold = new Set(
          sb
            .labelBoxes()
            .filter((b) => b.bold)
            .map((b) => b.text),
        );
        return inView.length >= 2 && inView.every((n) => bold.has(n)) ? inView : null;
      },
      [people, names] as const,
      { polling: 200, timeout: 20_000 },
    );
    const inView = (await named.jsonValue()) as string[];
    const boxes = await checkLabels();
    const bold = boxes.filter((b) => b.bold).map((b) => b.text);
    expect(bold.filter((n) => !names.includes(n))).toEqual([]);
    expect(inView.filter((n) => !bold.includes(n))).toEqual([]);
    if (tag === "desktop") expect(inView.length).toBe(names.length);
    await screenshot(app.page, `labels-${tag}-chain`);
    if (tag === "desktop") await screenshot(app.page, "labels-chain");
    expect(app.errors).toEqual([]);
  });
});
