// The two themes: background and text colours shared by the page (styles.css variables), the
// network (sigma styles and labels) and the exports, and the community colours adapted to each
// background (every node colour at least 3:1 against it, WCAG's figure for graphics).
import { reachContrast } from "./colours";

export type ThemeName = "light" | "dark";

export interface ThemeColours {
  name: ThemeName;
  background: string;
  text: string;
  muted: string;
  /** Lines between people, before the per-dataset opacity: "r, g, b". */
  edgeRgb: string;
  /** Lit lines (a selection's or a chain's). */
  edgeLit: string;
  /** People dimmed by a highlight: deliberately faint. */
  dimmed: string;
}

export const THEMES: Record<ThemeName, ThemeColours> = {
  light: {
    name: "light",
    background: "#ffffff",
    text: "#1a1a1a",
    muted: "#555555",
    edgeRgb: "96, 104, 112",
    edgeLit: "rgba(40, 48, 56, 0.6)",
    dimmed: "#e3e3e3",
  },
  dark: {
    name: "dark",
    background: "#15181c",
    text: "#ececec",
    muted: "#b4b9bf",
    edgeRgb: "176, 184, 192",
    edgeLit: "rgba(226, 232, 238, 0.65)",
    dimmed: "#2c3138",
  },
};

/** Graphics against their background: WCAG 2.1 non-text contrast. */
export const NODE_CONTRAST = 3;

const adapted = new Map<string, string>();

/** A community (or "other") colour as drawn on this theme's background. */
export function nodeColour(colour: string, theme: ThemeName): string {
  const key = `${theme}:${colour}`;
  let c = adapted.get(key);
  if (c === undefined) {
    c = reachContrast(colour, THEMES[theme].background, NODE_CONTRAST);
    adapted.set(key, c);
  }
  return c;
}

/** The theme a view asks for: its flag, else the reader's system preference. */
export function resolveTheme(flag: string | undefined, prefersDark: boolean): ThemeName {
  if (flag === "dark" || flag === "light") return flag;
  return prefersDark ? "dark" : "light";
}
