// Colour arithmetic (pure): WCAG contrast ratios, and the variant of a colour that reaches a
// contrast against a background by darkening (light theme) or lightening (dark theme) it in steps
// of lightness, keeping its hue. Community colours, labels and edges are checked with these.

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** #rgb or #rrggbb to 0–255 channels; throws on anything else. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const s = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return { r: parseInt(s.slice(0, 2), 16), g: parseInt(s.slice(2, 4), 16), b: parseInt(s.slice(4, 6), 16) };
}

export function toHex({ r, g, b }: Rgb): string {
  const c = (v: number) =>
    Math.round(Math.max(0, Math.min(255, v)))
      .toString(16)
      .padStart(2, "0");
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** WCAG 2 relative luminance. */
export function luminance({ r, g, b }: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio between two hex colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const la = luminance(parseHex(a));
  const lb = luminance(parseHex(b));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Mixes a colour toward black (t < 0) or white (t > 0) by |t| (0–1). */
function shade(c: Rgb, t: number): Rgb {
  const to = t < 0 ? 0 : 255;
  const k = Math.abs(t);
  return { r: c.r + (to - c.r) * k, g: c.g + (to - c.g) * k, b: c.b + (to - c.b) * k };
}

/** The colour itself when it already reaches `min` against `background`; else the least-changed
 *  shade toward black (on a light background) or white (on a dark one) that does. */
export function reachContrast(colour: string, background: string, min: number): string {
  if (contrast(colour, background) >= min) return colour.toLowerCase();
  const base = parseHex(colour);
  const towardWhite = luminance(parseHex(background)) < 0.18;
  for (let step = 1; step <= 100; step++) {
    const candidate = toHex(shade(base, ((towardWhite ? 1 : -1) * step) / 100));
    if (contrast(candidate, background) >= min) return candidate;
  }
  return towardWhite ? "#ffffff" : "#000000";
}
