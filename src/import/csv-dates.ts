// Day-first or month-first: decided for a whole CSV date column before any row is read, from the
// dates that only one reading allows (13/05/2016 is day-first, 05/13/2016 month-first). A column
// where both appear, or where every date reads either way, stops the import and asks for
// --date-format: a date is never read month-first on a guess.
import { DateTime } from "luxon";
import type { DateStyle } from "./dates";
import { ImportError } from "./reader";

const SLASH = /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?!\d)/;

export const DATE_FORMAT_HELP = `--date-format day-first (13/05/2016), --date-format month-first (05/13/2016), or a luxon format such as "dd/MM/yyyy HH:mm"`;

/** The style a --date-format value names. */
export function dateStyleOf(value: string): DateStyle {
  const v = value.toLowerCase().replace(/[\s_]/g, "-");
  if (["day-first", "dmy", "dd/mm/yyyy", "d/m/y"].includes(v)) return { order: "dmy" };
  if (["month-first", "mdy", "mm/dd/yyyy", "m/d/y"].includes(v)) return { order: "mdy" };
  return { format: value };
}

/** Whether a --date-format luxon format reads any of a column's dates: one that reads none is a
 *  mistake, refused with an example instead of falling back to another reading. */
export class FormatCheck {
  matched = false;
  private sample: string | null = null;
  constructor(private readonly format: string) {}

  add(cell: string, line: number): void {
    if (this.matched) return;
    this.sample ??= `line ${line}: "${cell.trim()}"`;
    this.matched = DateTime.fromFormat(cell.trim(), this.format, { zone: "UTC", locale: "en-US" }).isValid;
  }

  decide(file: string, column: string): void {
    if (this.matched || this.sample === null) return;
    throw new ImportError(
      file,
      `--date-format "${this.format}" reads none of column "${column}"'s dates (e.g. ${this.sample}); give the format they are written in: ${DATE_FORMAT_HELP}`,
    );
  }
}

export class DateOrderVote {
  private dayFirst: string | null = null;
  private monthFirst: string | null = null;
  private either: string | null = null;

  /** One cell of the date column, at `line` of the file. */
  add(cell: string, line: number): void {
    const m = SLASH.exec(cell);
    if (!m) return;
    const [a, b] = [Number(m[1]), Number(m[2])];
    const example = `line ${line}: "${cell.trim()}"`;
    if (a > 12 && b <= 12) this.dayFirst ??= example;
    else if (b > 12 && a <= 12) this.monthFirst ??= example;
    else if (a <= 12 && b <= 12) this.either ??= example;
  }

  /** The column's order, or an error naming the column and its evidence. */
  decide(file: string, column: string): DateStyle {
    if (this.dayFirst && this.monthFirst) {
      throw new ImportError(
        file,
        `column "${column}" mixes day-first (${this.dayFirst}) and month-first (${this.monthFirst}) dates; say which it is with ${DATE_FORMAT_HELP}`,
      );
    }
    if (this.dayFirst) return { order: "dmy" };
    if (this.monthFirst) return { order: "mdy" };
    if (this.either) {
      throw new ImportError(
        file,
        `column "${column}": every date reads both day-first and month-first (e.g. ${this.either}); say which with ${DATE_FORMAT_HELP}`,
      );
    }
    return {};
  }
}
