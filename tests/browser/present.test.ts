// Projector mode (f.present=1) in a real browser, at 1920×1080 and 1280×720, light and dark. Every
// number is read from the page and checked here, not by the app's code: each visible piece of text's
// computed font size, its colour against the background behind it (ancestors walked for an opaque
// one; WCAG contrast computed below), node-label ink in screenshots, the node colours in use
// against the network's background, the stage, and the controls that hide until the pointer moves.
// "Body text" is every text outside the timeline: the title line, the summary line above the timeline,
// panels, notes and (once shown) the controls: at least 24 px. Text inside the timeline (its axis,
// annotations and controls, sized by timeline.css) is chart text: at least 18 px. All text: 7:1.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nextFrame } from "./gestures";
import { screenshot, waitForCommunities } from "./harness";
import { useBrowser } from "./use-browser";
import { pixels } from "./truth";

type Img = ReturnType<typeof pixels>;

type Rgba = [number, number, number, number];

interface TextSample {
  text: string;
  /** Computed font size, CSS px. */
  px: number;
  /** The text's colour as painted (alpha from the colour and every ancestor's opacity). */
  colour: Rgba;
  /** The first opaque background behind it, with any translucent ones above composited on it. */
  background: Rgba;
  /** "chart": inside the timeline (axis, annotations, its controls); "body": the rest. */
  kind: "body" | "chart";
  /** A CSS-ish path for messages. */
  where: string;
}

/** Every text node that shows on screen now (in the viewport, not clipped away or transparent). */
function visibleTexts(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n.length > 3 ? n[3] : 1];
    };
    const over = (top: number[], under: number[]): [number, number, number, number] => {
      const a = top[3];
      return [0, 1, 2].map((k) => top[k] * a + under[k] * (1 - a)).concat(1) as [number, number, number, number];
    };
    const backgroundOf = (el: Element) => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let base: number[] = [255, 255, 255, 1]; // the canvas behind an unpainted page
      if (layers.length && layers[layers.length - 1][3] >= 1) base = layers.pop()!;
      for (const l of layers.reverse()) base = over(l, base);
      return base as [number, number, number, number];
    };
    const out: unknown[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      const el = node.parentElement;
      if (!text || !el || el.closest(".visually-hidden, script, style, title")) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight)
        continue;
      const style = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const colour = parse(svg ? style.fill : style.color);
      let alpha = colour[3];
      for (let e: Element | null = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      const where = [el, el.parentElement]
        .filter((e) => e)
        .map((e) => `${e!.tagName.toLowerCase()}.${[...e!.classList].join(".")}`)
        .join(" < ");
      out.push({
        text: text.slice(0, 60),
        px: parseFloat(style.fontSize),
        colour: [colour[0], colour[1], colour[2], alpha],
        background: backgroundOf(el),
        kind: el.closest(".timeline") ? "chart" : "body",
        where,
      });
    }
    return out as TextSample[];
  });
}

/** WCAG 2 relative luminance of 0–255 channels. */
function luminance([r, g, b]: number[]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast of a (possibly translucent) foreground over an opaque background. */
function contrastOver(fg: Rgba, bg: Rgba): number {
  const a = fg[3];
  const painted = [0, 1, 2].map((k) => fg[k] * a + bg[k] * (1 - a));
  const [l1, l2] = [luminance(painted), luminance(bg)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

const hexToRgba = (hex: string): Rgba => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 1];
};

/** Rows of the box (screenshot px) holding a pixel within `tol` of the colour: the ink's height. */
function inkHeight(
  img: Img,
  box: { left: number; top: number; right: number; bottom: number },
  colour: Rgba,
  tol = 48,
): number {
  let first = -1,
    last = -1;
  for (let y = Math.max(0, Math.floor(box.top)); y < Math.min(img.height, Math.ceil(box.bottom)); y++) {
    for (let x = Math.max(0, Math.floor(box.left)); x < Math.min(img.width, Math.ceil(box.right)); x++) {
      const p = img.at(x, y);
      if (Math.abs(p[0] - colour[0]) < tol && Math.abs(p[1] - colour[1]) < tol && Math.abs(p[2] - colour[2]) < tol) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  }
  return first < 0 ? 0 : last - first + 1;
}

const env = useBrowser();

const ready = async (page: Page) => {
  await waitForCommunities(page);
  await nextFrame(page);
};
const toolsOpacity = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector(".network-tools")!).opacity);
/** Font size of the names now, from their boxes (text height plus 2 px padding each side). */
const labelHeights = (page: Page) => page.evaluate(() => window.switchboard!.labelBoxes().map((b) => b.bottom - b.top));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The texts under the limits: a list that names each offender (empty when all pass). */
function offenders(texts: TextSample[]) {
  return texts.flatMap((t) => {
    const min = t.kind === "chart" ? 18 : 24;
    const ratio = contrastOver(t.colour, t.background);
    return t.px < min || ratio < 7 ? [`${t.where} "${t.text}": ${t.px} px, ${ratio.toFixed(2)}:1`] : [];
  });
}

/** Names as drawn: the ink height (rows with the page's text colour) inside each label's box. */
async function labelInk(page: Page) {
  const shot = pixels(await page.locator(".network").screenshot());
  const ink = hexToRgba(
    await page.evaluate(() => {
      const c = (getComputedStyle(document.body).color.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
    }),
  );
  const boxes = await page.evaluate(() => window.switchboard!.labelBoxes());
  return boxes.map((b) => ({ text: b.text, ink: inkHeight(shot, b, ink) }));
}

/** Node colours sigma draws now, how many nodes have each, and the network's background. */
async function nodeColours(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>(".network")!;
    const count = new Map<string, number>();
    for (const n of window.switchboard!.scene(el.clientWidth, el.clientHeight).nodes)
      count.set(n.fill, (count.get(n.fill) ?? 0) + 1);
    return { colours: [...count].sort((a, b) => b[1] - a[1]), background: getComputedStyle(el).backgroundColor };
  });
}

const VIEWS = [
  { width: 1920, height: 1080, theme: "light" },
  { width: 1920, height: 1080, theme: "dark" },
  { width: 1280, height: 720, theme: "light" },
  { width: 1280, height: 720, theme: "dark" },
] as const;

describe("projector mode", () => {
  for (const v of VIEWS) {
    it(`at ${v.width}×${v.height}, ${v.theme}: large high-contrast text and names, the whole stage, controls on demand`, async () => {
      const viewport = { width: v.width, height: v.height };
      const { page, errors } = await env.open(`#f.present=1&f.theme=${v.theme}`, viewport);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.dataset.present)).toBe("");
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(v.theme);

      // Text: every piece on screen, and the ones a room must read among them.
      const texts = await visibleTexts(page);
      expect(offenders(texts)).toEqual([]);
      const title = texts.find((t) => t.where.startsWith("h1"));
      expect(title?.px).toBeGreaterThanOrEqual(24);
      expect(texts.some((t) => t.where.includes("period-summary") && /messages/.test(t.text))).toBe(true);
      expect(
        texts.filter((t) => t.kind === "chart" && /^\d{4}$|^[A-Z][a-z]+$/.test(t.text)).length,
        "axis ticks",
      ).toBeGreaterThan(4);

      // The stage: no side panel, the title on one line, the network the page's full width.
      const stage = await page.evaluate(() => ({
        side: document.querySelector(".side")?.checkVisibility() ?? false,
        network: document.querySelector(".network")!.getBoundingClientRect().width,
        masthead: document.querySelector(".masthead")!.getBoundingClientRect().height,
        h1: document.querySelector(".masthead h1")!.getClientRects().length,
        line: parseFloat(getComputedStyle(document.querySelector(".masthead h1")!).lineHeight) || 40,
      }));
      expect(stage.side).toBe(false);
      expect(stage.network).toBeGreaterThanOrEqual(v.width - 1);
      expect(stage.masthead).toBeLessThan(2 * stage.line);

      // Names: at least 20 px (box height less padding over the font's ascent + descent, 1.18 em),
      // and as drawn: a 20-px font's capitals alone are 14 px of ink.
      const heights = await labelHeights(page);
      expect(heights.length).toBeGreaterThanOrEqual(v.width === 1920 ? 6 : 2);
      for (const h of heights) expect((h - 4) / 1.18).toBeGreaterThanOrEqual(20);
      const ink = await labelInk(page);
      expect(
        ink.filter((l) => l.ink < 14),
        "names drawn under 20 px",
      ).toEqual([]);

      // Node colours in use: each at least 3:1 against the network's background, and drawn.
      const nodes = await nodeColours(page);
      const bg = nodes.background.match(/\d+/g)!.slice(0, 3).map(Number).concat(1) as Rgba;
      expect(nodes.colours.length).toBeGreaterThanOrEqual(6);
      for (const [c] of nodes.colours) expect(contrastOver(hexToRgba(c), bg), c).toBeGreaterThanOrEqual(3);
      const shot = pixels(await page.locator(".network").screenshot());
      const seen = nodes.colours.slice(0, 6).filter(([c]) => {
        const want = hexToRgba(c);
        let n = 0;
        for (let y = 0; y < shot.height; y += 2)
          for (let x = 0; x < shot.width; x += 2) {
            const p = shot.at(x, y);
            if (Math.abs(p[0] - want[0]) < 10 && Math.abs(p[1] - want[1]) < 10 && Math.abs(p[2] - want[2]) < 10) n++;
          }
        return n > 10;
      });
      expect(seen.length).toBeGreaterThanOrEqual(5);
      if (v.width === 1920) await screenshot(page, `present-${v.width}x${v.height}-${v.theme}`);

      // Controls: hidden until the pointer moves, then shown (large, legible), hidden again when idle.
      expect(await toolsOpacity(page)).toBe("0");
      const button = await page.locator("[data-control=present]").boundingBox();
      const hit = await page.evaluate(
        ([x, y]) => !!document.elementFromPoint(x, y)?.closest(".network-tools"),
        [button!.x + button!.width / 2, button!.y + button!.height / 2],
      );
      expect(hit, "a hidden control takes no click").toBe(false);
      await page.mouse.move(v.width / 2, v.height / 2);
      await page.mouse.move(v.width / 2 + 40, v.height / 2 + 20);
      const movedAt = Date.now();
      await page.waitForFunction(() => getComputedStyle(document.querySelector(".network-tools")!).opacity === "1");
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector(".network-tools")!).opacity === "0",
        undefined,
        { timeout: 10_000 },
      );
      expect(Date.now() - movedAt).toBeGreaterThanOrEqual(2000);
      // Keyboard focus inside them keeps them shown, though the pointer is idle; shown, they are
      // large and legible. (Read while focus holds them: a pointer's few seconds may pass while a
      // loaded machine reads every text on the page.)
      await page.locator("[data-control=present]").focus();
      await page.waitForFunction(() => getComputedStyle(document.querySelector(".network-tools")!).opacity === "1");
      expect(await page.evaluate(() => document.querySelector<HTMLElement>(".explorer")!.dataset.controls)).toBe(
        "idle",
      );
      const shown = await visibleTexts(page);
      expect(shown.some((t) => t.text === "Present")).toBe(true);
      expect(offenders(shown)).toEqual([]);
      if (v.width === 1920 && v.theme === "light") await screenshot(page, "present-controls");
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("toggles live with P (not in a field, not with a modifier) and the button; names and lines follow", async () => {
    const { page, errors } = await env.open("#f.theme=light", { width: 1920, height: 1080 });
    await ready(page);
    const normal = { labels: await labelHeights(page), edges: await edgeLook(page) };
    expect(median(normal.labels)).toBeLessThan(20);
    // The same probe finds the normal page's small, paler text: it is what projector mode changes.
    expect((await visibleTexts(page).then(offenders)).length).toBeGreaterThan(10);

    const field = page.locator(".side .search-input");

    await field.focus();
    await page.keyboard.type("p");
    expect(await field.inputValue()).toBe("p");
    await field.fill("");
    await field.blur();
    await page.keyboard.press("Alt+p");
    expect(await page.evaluate(() => window.switchboard!.state().flags.present)).toBeUndefined();

    await page.keyboard.press("p");
    await page.waitForFunction(() => document.documentElement.dataset.present === "");
    await page.waitForFunction(() => window.switchboard!.labelBoxes().some((b) => b.bottom - b.top > 25));
    await nextFrame(page);
    expect(await page.evaluate(() => window.switchboard!.state().flags.present)).toBe("1");
    expect(page.url()).toContain("f.present=1");
    expect(await page.locator(".side").isVisible()).toBe(false);
    const present = { labels: await labelHeights(page), edges: await edgeLook(page) };
    expect(present.labels.length, "fewer names").toBeLessThan(normal.labels.length);
    expect(Math.min(...present.labels)).toBeGreaterThan(Math.max(...normal.labels));
    expect(present.edges.width, "thicker lines").toBeGreaterThan(normal.edges.width * 1.4);
    expect(present.edges.alpha, "darker lines").toBeGreaterThan(normal.edges.alpha * 1.4);
    expect(present.edges.width * present.edges.alpha, "ink per line").toBeGreaterThan(
      2.5 * normal.edges.width * normal.edges.alpha,
    );
    expect(await page.locator("[data-control=present]").getAttribute("aria-pressed")).toBe("true");

    // A person's panel over the network: its text is as large and as clear.
    await page.evaluate(() => {
      const s = window.switchboard!.stats();
      let best = 0;
      for (let i = 0; i < s.sent.length; i++) if (s.sent[i] + s.received[i] > s.sent[best] + s.received[best]) best = i;
      window.switchboard!.actions.selectPerson(best);
    });
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>(".drawer")?.dataset.panel === "person" &&
        !document.querySelector<HTMLElement>(".drawer")!.hidden,
    );
    await nextFrame(page);
    expect(offenders(await visibleTexts(page))).toEqual([]);
    await screenshot(page, "present-person");
    await page.keyboard.press("Escape");

    // The button (shown once the pointer moves) leaves projector mode. The pointer moves to it and
    // clicks at once: the controls hide again 2.5 s after a move, and a slow frame must not let
    // them go between a wait here and the click.
    await page.mouse.move(900, 500);
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".explorer")!.dataset.controls === "shown");
    const button = (await page.locator("[data-control=present]").boundingBox())!;
    await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2);
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await page.waitForFunction(() => document.documentElement.dataset.present === undefined);
    await page.waitForFunction(() => window.switchboard!.labelBoxes().every((b) => b.bottom - b.top < 25));
    expect(await page.locator(".side").isVisible()).toBe(true);
    expect(await page.locator("[data-control=present]").getAttribute("aria-pressed")).toBe("false");
    expect(page.url()).not.toContain("f.present");
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Median width (CSS px) and opacity of the lines sigma draws now. */
function edgeLook(page: Page): Promise<{ width: number; alpha: number }> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>(".network")!;
    const edges = window.switchboard!.scene(el.clientWidth, el.clientHeight).edges;
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const alpha = (c: string) => Number(c.match(/rgba\([^)]*,\s*([\d.]+)\)/)?.[1] ?? 1);
    return { width: mid(edges.map((e) => e.width)), alpha: mid(edges.map((e) => alpha(e.colour))) };
  });
}
