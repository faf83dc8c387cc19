// The export dialog's choices (pure): the formats, the image sizes, and the line saying what each
// format will contain for the view ("312 people, 1,104 connections with positions…").
import { plural } from "../ui/format";

export type ExportFormat = "png" | "svg" | "people-csv" | "connections-csv" | "messages-csv" | "gexf";

export interface FormatChoice {
  format: ExportFormat;
  label: string;
  /** Whether the page size applies (the images). */
  sized: boolean;
}

export const FORMATS: readonly FormatChoice[] = [
  { format: "png", label: "Image (PNG)", sized: true },
  { format: "svg", label: "Vector image (SVG)", sized: true },
  { format: "people-csv", label: "People (CSV)", sized: false },
  { format: "connections-csv", label: "Connections (CSV)", sized: false },
  { format: "messages-csv", label: "Messages (CSV)", sized: false },
  { format: "gexf", label: "Network for Gephi (GEXF)", sized: false },
];

export type SizeKey = "1200x675" | "1600x900" | "1080x1080" | "current";

export interface SizeChoice {
  key: SizeKey;
  label: string;
  width: number;
  height: number;
}

export const FIXED_SIZES: readonly SizeChoice[] = [
  { key: "1200x675", label: "1200 × 675 (16:9, social)", width: 1200, height: 675 },
  { key: "1600x900", label: "1600 × 900 (16:9, large)", width: 1600, height: 900 },
  { key: "1080x1080", label: "1080 × 1080 (square)", width: 1080, height: 1080 },
];

/** The fixed sizes and the network's size on screen now (at least a small phone's, should the
 *  network be hidden behind the table view). */
export function sizeChoices(current: { width: number; height: number }): SizeChoice[] {
  const width = Math.max(320, Math.round(current.width));
  const height = Math.max(240, Math.round(current.height));
  return [...FIXED_SIZES, { key: "current", label: `Current size (${width} × ${height})`, width, height }];
}

/** What is open for the messages export: a person's or a connection's list (null: nothing open). */
export interface MessagesSource {
  /** "Jane Doe" or "Jane Doe and Bob Smith". */
  who: string;
  kind: "person" | "connection";
  count: number;
}

export interface ViewCounts {
  people: number;
  connections: number;
  messages: MessagesSource | null;
}

/** The line under the format choice: what the file will hold. */
export function describeFormat(format: ExportFormat, counts: ViewCounts, size: SizeChoice, density: number): string {
  const shown = `${plural(counts.people, "person", "people")}, ${plural(counts.connections, "connection")}`;
  const pixels = `${size.width * density} × ${size.height * density} pixels`;
  switch (format) {
    case "png":
      return `${shown} as on screen, with the title, period, legend and credit. ${pixels} (${density}× density).`;
    case "svg":
      return `${shown} as circles and lines, names as editable text, with the title, period, legend and credit.`;
    case "people-csv":
      return `${plural(counts.people, "person", "people")}: name, address, organisation, community, sent, received.`;
    case "connections-csv":
      return `${plural(counts.connections, "connection")}: from, to, messages in the period, addresses.`;
    case "messages-csv": {
      const m = counts.messages;
      if (!m) return "Open a person or a connection first: this exports the messages their panel lists.";
      const list = plural(m.count, "message");
      return m.kind === "person"
        ? `${m.who}'s ${list} in the period: date, from, to, cc, bcc, subject.`
        : `${list} between ${m.who} in the period, with direction and role.`;
    }
    case "gexf":
      return `${shown}, with layout positions, communities, colours and weights (messages in the period).`;
  }
}
