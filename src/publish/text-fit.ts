// Text for the export page (pure): CSS font strings, a width estimate when no canvas is at hand,
// lines wrapped to a width (never cut: a word too long for the line is broken), and labels
// shortened with an ellipsis.

/** Width in CSS px of `text` drawn in a CSS `font` (canvas measureText, or an estimate). */
export type Measure = (text: string, font: string) => number;

export const round = (v: number) => Math.round(v * 100) / 100;

/** An estimate of text width from typical sans-serif advance widths (a little generous). */
export const estimateWidth: Measure = (text, font) => {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 16);
  const bold = /^\s*(bold|[6-9]00)\b/.test(font) ? 1.07 : 1;
  let em = 0;
  for (const ch of text) {
    if (/[iljtf.,:;'!|\s]/.test(ch)) em += 0.3;
    else if (/[mwMW@]/.test(ch)) em += 0.88;
    else if (/[A-Z0-9]/.test(ch)) em += 0.66;
    else if (ch.charCodeAt(0) > 0x2e7f) em += 1;
    else em += 0.56;
  }
  return em * size * bold;
};

/** Breaks a word wider than the line into pieces that fit (at least one character each). */
function breakWord(word: string, max: number, font: string, measure: Measure): string[] {
  const out: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece && measure(piece + ch, font) > max) {
      out.push(piece);
      piece = "";
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/** Lines of `text` no wider than `max`, broken at spaces (inside a word only when it alone is too wide). */
export function wrapText(text: string, max: number, font: string, measure: Measure): string[] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (measure(w, font) > max ? breakWord(w, max, font, measure) : [w]));
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next, font) > max) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The text shortened with an ellipsis to fit `max` (legend labels are names, not sentences). */
export function fitText(text: string, max: number, font: string, measure: Measure): string {
  if (measure(text, font) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && measure(`${chars.join("").trimEnd()}…`, font) > max) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}
