// The app's one font stack and the network labels' fonts: the label layer measures with the same
// strings the exports draw with, so a placed label's box is the box of the text drawn.
export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The weight of a named (selected or chained) person's label; others are drawn at 400. */
export const LABEL_BOLD_WEIGHT = 600;

/** A CSS font string, sizes rounded to 1/100 px. */
export function cssFont(size: number, weight: number, family = FONT_STACK): string {
  return `${weight} ${Math.round(size * 100) / 100}px ${family}`;
}

/** The font a network label is measured and drawn in, on screen and in every export. */
export function labelFont(size: number, bold: boolean): string {
  return cssFont(size, bold ? LABEL_BOLD_WEIGHT : 400);
}
