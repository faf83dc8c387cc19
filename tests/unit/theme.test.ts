// Both themes are checked for contrast: every page text colour against both page backgrounds
// (read from styles.css itself), and every community colour as the network draws it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { OTHER_COLOUR, PALETTE } from "../../src/communities/describe";
import { ACTIONS } from "../../src/state/actions";
import { initialView } from "../../src/state/view-state";
import { contrast, reachContrast } from "../../src/theme/colours";
import { nodeColour, resolveTheme, THEMES } from "../../src/theme/theme";

const css = readFileSync(resolve(__dirname, "../../src/styles.css"), "utf8");

/** The custom properties of the first rule whose selector contains `selector`. */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1], m[2]]));
}

describe("theme contrast", () => {
  for (const [theme, selector] of [
    ["light", ':root, :root[data-theme="light"]'],
    ["dark", ':root[data-theme="dark"]'],
  ] as const) {
    const v = variables(selector);
    it(`${theme}: text colours reach 4.5:1 on both backgrounds, the accent too`, () => {
      expect(Object.keys(v).length).toBeGreaterThan(15);
      for (const bg of ["paper", "paper-2"]) {
        for (const ink of ["ink", "ink-2", "ink-3", "accent", "annotation-ink", "danger"]) {
          expect(contrast(v[ink], v[bg]), `${ink} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrast(v["on-accent"], v.accent), "badge text").toBeGreaterThanOrEqual(4.5);
      expect(contrast(v["mark-ink"], v.mark), "badge").toBeGreaterThanOrEqual(4.5);
      expect(contrast(v.ink, v.hover), "hovered rows").toBeGreaterThanOrEqual(4.5);
      expect(v.paper.toLowerCase()).toBe(THEMES[theme].background);
    });
    it(`${theme}: every community colour is at least 3:1 against the network's background`, () => {
      for (const c of [...PALETTE, OTHER_COLOUR]) {
        const drawn = nodeColour(c, theme);
        expect(contrast(drawn, THEMES[theme].background), `${c} → ${drawn}`).toBeGreaterThanOrEqual(3);
        // Colours that already pass are left alone.
        if (contrast(c, THEMES[theme].background) >= 3) expect(drawn).toBe(c.toLowerCase());
      }
      // The pale sand of Tol's palette (1.6:1 on white) gets a darker variant on light only.
      expect(contrast("#DDCC77", "#ffffff")).toBeLessThan(2);
      expect(nodeColour("#DDCC77", "light")).not.toBe("#ddcc77");
    });
    it(`${theme}: network text reaches 7:1`, () => {
      expect(contrast(THEMES[theme].text, THEMES[theme].background)).toBeGreaterThanOrEqual(7);
    });
  }
  it("adapted colours stay distinct from each other", () => {
    for (const theme of ["light", "dark"] as const) {
      const drawn = PALETTE.map((c) => nodeColour(c, theme));
      expect(new Set(drawn).size).toBe(PALETTE.length);
    }
  });
  it("reachContrast darkens on light and lightens on dark, and only as far as needed", () => {
    const dark = reachContrast("#88CCEE", "#ffffff", 3);
    expect(contrast(dark, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrast(dark, "#ffffff")).toBeLessThan(3.2);
    const light = reachContrast("#332288", "#15181c", 3);
    expect(contrast(light, "#15181c")).toBeGreaterThanOrEqual(3);
    expect(contrast(light, "#15181c")).toBeLessThan(3.2);
  });
});

describe("the theme in the view state", () => {
  const full = { start: 0, end: 10 };
  it("follows the system until the view chooses, and the choice is a flag the link carries", () => {
    const s = initialView(full);
    expect(resolveTheme(s.flags.theme, true)).toBe("dark");
    const chosen = ACTIONS.setTheme(s, "light");
    expect(chosen.flags).toEqual({ theme: "light" });
    expect(resolveTheme(chosen.flags.theme, true)).toBe("light");
    expect(ACTIONS.setTheme(chosen, null).flags).toEqual({});
    expect(ACTIONS.setTheme(chosen, "light")).toBe(chosen);
  });
  it("the system preference is not part of a restored view", () => {
    const s = ACTIONS.setSystemTheme(initialView(full), true);
    expect(s.systemDark).toBe(true);
    expect(ACTIONS.restore(s, initialView(full)).systemDark).toBe(true);
    expect(ACTIONS.setSystemTheme(s, true)).toBe(s);
  });
});
