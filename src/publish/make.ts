// Makes one export file from the current frame: its bytes (a Blob) and its file name. The images
// are laid out once for the chosen size and theme; the network comes from the live view.
import { displayName } from "../data/people";
import type { Dataset } from "../data/types";
import { connectionBetween } from "../graph/connection";
import type { Adjacency } from "../graph/adjacency";
import type { EdgeIndex } from "../graph/edges";
import { personMessages } from "../graph/person";
import type { Frame } from "../state/coordinator";
import { openPanel } from "../state/view-state";
import type { ExportFormat, MessagesSource, SizeChoice } from "./choices";
import { connectionMessagesCsv, connectionsCsv, peopleCsv, personMessagesCsv } from "./csv";
import { canvasMeasure } from "./draw-canvas";
import { exportFileName } from "../ui/download";
import { toGexf } from "./gexf";
import { layoutFrame } from "./layout-frame";
import { renderPng } from "./png";
import type { NetworkScene, SceneFrame, Theme } from "../render/scene";
import { sceneToSvg } from "./svg";

export interface ExportSources {
  ds: Dataset;
  edges: EdgeIndex;
  adj: Adjacency;
  layout: { x: Float32Array; y: Float32Array };
  networkScene(width: number, height: number, theme: Theme): NetworkScene;
  sceneFrame(frame: Frame, theme: Theme): SceneFrame;
}

export interface ExportFile {
  blob: Blob;
  name: string;
}

/** Byte order mark: spreadsheet programs then read the CSV's names as UTF-8. */
const BOM = "\uFEFF";

/** The open person's or connection's message list (a chain has none to export). */
export type OpenMessages = MessagesSource & { csv(): string };

export function messagesSource(ds: Dataset, edges: EdgeIndex, adj: Adjacency, frame: Frame): OpenMessages | null {
  const { state, derived } = frame;
  const open = openPanel(state);
  const stats = derived.stats;
  if (open === "connection" && state.connection) {
    const { a, b } = state.connection;
    const conn = connectionBetween(ds, edges, adj, stats, a, b);
    return {
      kind: "connection",
      who: `${displayName(ds.people, a)} and ${displayName(ds.people, b)}`,
      count: conn.messages.length,
      csv: () => connectionMessagesCsv(ds, conn),
    };
  }
  if (open === "person" && state.selected !== null) {
    const p = state.selected;
    return {
      kind: "person",
      who: displayName(ds.people, p),
      count: personMessages(ds, edges, adj, stats, p).length,
      csv: () => personMessagesCsv(ds, edges, adj, stats, p),
    };
  }
  return null;
}

export async function makeExport(
  src: ExportSources,
  frame: Frame,
  format: ExportFormat,
  size: SizeChoice,
  theme: Theme,
): Promise<ExportFile> {
  const { ds, edges, adj } = src;
  const stats = frame.derived.stats;
  const name = (what: string, ext: string) => exportFileName(ds.meta.title, stats.period, ds.meta.timeZone, what, ext);
  const csv = (text: string, what: string) => ({
    blob: new Blob([BOM + text], { type: "text/csv;charset=utf-8" }),
    name: name(what, "csv"),
  });
  const sized = `${size.width}x${size.height}${theme === "dark" ? "-dark" : ""}`;
  switch (format) {
    case "png": {
      const sceneFrame = src.sceneFrame(frame, theme);
      const { blob } = await renderPng(sceneFrame, size, (w, h) => src.networkScene(w, h, theme));
      return { blob, name: name(sized, "png") };
    }
    case "svg": {
      const sceneFrame = src.sceneFrame(frame, theme);
      const layout = layoutFrame({ width: size.width, height: size.height }, sceneFrame, canvasMeasure());
      const svg = sceneToSvg(sceneFrame, layout, src.networkScene(layout.network.width, layout.network.height, theme));
      return { blob: new Blob([svg], { type: "image/svg+xml" }), name: name(sized, "svg") };
    }
    case "people-csv":
      return csv(peopleCsv(ds, stats, frame.derived.communities), "people");
    case "connections-csv":
      return csv(connectionsCsv(ds, edges, stats), "connections");
    case "messages-csv": {
      const source = messagesSource(ds, edges, adj, frame);
      if (!source) throw new Error("Open a person or a connection first.");
      return csv(source.csv(), `messages ${source.who}`);
    }
    case "gexf": {
      const sceneFrame = src.sceneFrame(frame, theme);
      const gexf = toGexf({
        ds,
        edges,
        stats,
        communities: frame.derived.communities,
        layout: src.layout,
        theme,
        highlight: frame.derived.highlight,
        description: `${sceneFrame.title}. ${sceneFrame.subtitle}`,
      });
      return { blob: new Blob([gexf], { type: "application/gexf+xml" }), name: name("network", "gexf") };
    }
  }
}
