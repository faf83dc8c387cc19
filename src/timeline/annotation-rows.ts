// Where annotation labels go (pure): each label starts (or, near the right edge, ends) at its
// tick, in the first row where it fits; when the rows are full it is shortened to the room left
// (shown with an ellipsis, full text on hover and focus), and when even that is too little it
// opens a row of its own. No label is ever dropped and no two overlap.

export interface LabelWant {
  /** The tick's x in the plot (px). */
  px: number;
  /** The label's natural width (px). */
  width: number;
}

export interface LabelPlace {
  row: number;
  /** Left edge and width of the label box (px); width < the natural width means shortened. */
  left: number;
  width: number;
  /** True when the label ends at its tick (reads leftwards). */
  flip: boolean;
}

export interface RowOptions {
  plotWidth: number;
  /** Rows filled before labels are shortened (more open only when a label would be too short). */
  rows: number;
  /** Narrowest shortened label (px). */
  minWidth: number;
  /** Space kept between neighbours in a row (px). */
  gap: number;
}

/** Places labels given in ascending px order; the result is in the same order. */
export function placeLabels(wants: LabelWant[], opts: RowOptions): LabelPlace[] {
  const { plotWidth, gap } = opts;
  const rowEnd: number[] = [];
  const fit = (row: number, want: LabelWant): LabelPlace | null => {
    const free = (rowEnd[row] ?? -Infinity) + gap;
    const room = Math.min(want.width, plotWidth);
    if (want.px >= free && want.px + room <= plotWidth) return { row, left: want.px, width: room, flip: false };
    const from = Math.max(0, want.px - room);
    if (from >= free && want.px - from >= room) return { row, left: from, width: room, flip: true };
    return null;
  };
  const shortened = (row: number, want: LabelWant): LabelPlace => {
    const free = Math.max(0, (rowEnd[row] ?? -Infinity) + gap);
    const right = Math.min(want.width, want.px >= free ? plotWidth - want.px : 0);
    const left = Math.min(want.width, want.px - free);
    return right >= left
      ? { row, left: want.px, width: Math.max(0, right), flip: false }
      : { row, left: want.px - left, width: left, flip: true };
  };
  return wants.map((want) => {
    let place: LabelPlace | null = null;
    for (let row = 0; row < rowEnd.length && !place; row++) place = fit(row, want);
    if (!place && rowEnd.length < opts.rows) place = fit(rowEnd.length, want);
    if (!place) {
      let best: LabelPlace | null = null;
      for (let row = 0; row < rowEnd.length; row++) {
        const s = shortened(row, want);
        if (!best || s.width > best.width) best = s;
      }
      place =
        best && best.width >= Math.min(opts.minWidth, want.width)
          ? best
          : (fit(rowEnd.length, want) ?? shortened(rowEnd.length, want));
    }
    rowEnd[place.row] = place.left + place.width;
    return place;
  });
}

/** Rows used by a placement. */
export const rowCount = (places: LabelPlace[]): number => places.reduce((n, p) => Math.max(n, p.row + 1), 0);
