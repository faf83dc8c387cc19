// Bootstrap: URL -> load dataset -> mount the explorer; errors are shown in the page. The latest
// request wins: a file opened while an earlier dataset is still loading replaces it, and the
// replaced explorer is disposed.
import "./styles.css";
import "./embed/embed.css";
import { mountApp } from "./app";
import { DatasetError } from "./data/errors";
import { openDataset } from "./data/decode-client";
import { loadDatasetFromFile, loadDatasetFromUrl, type OpenBytes } from "./data/load";
import type { Opened } from "./data/opened";
import type { Dataset } from "./data/types";
import { h } from "./ui/dom";
import { firstSentence } from "./embed/embed-frame";
import { mountOpenFile } from "./shell/open-file";
import { showError, showLoading, showProgress } from "./shell/status";
import { timed } from "./data/perf";
import { decodeFlags } from "./state/url";
import { resolveTheme } from "./theme/theme";
import { systemPrefersDark } from "./shell/theme-view";

const DEFAULT_DATA = "data/sample.json";

/** ?data=<url> must stay on this app's origin: the app makes no request to any other host. */
function datasetUrl(search: string, base: string): string {
  const param = new URLSearchParams(search).get("data");
  const url = new URL(param ?? DEFAULT_DATA, base);
  if (url.origin !== new URL(base).origin)
    throw new DatasetError(
      "?data",
      `${url.origin} is another host; Switchboard only opens datasets served with the app`,
      param ?? "",
    );
  return url.href;
}

/** What the link asks of the page before the dataset has loaded, so an embed never shows the full
 *  app's controls, projector mode (f.present=1) never shows the full-size page first, and no page
 *  flashes the wrong theme. */
function presentEarly(hash: string): boolean {
  const flags = decodeFlags(hash);
  const embed = flags.embed === "1";
  if (embed) document.documentElement.dataset.embed = "";
  if (flags.present === "1") document.documentElement.dataset.present = "";
  document.documentElement.dataset.theme = resolveTheme(flags.theme, systemPrefersDark());
  return embed;
}
const embedded = presentEarly(location.hash);

const title = document.getElementById("title") as HTMLElement;
const subtitle = document.getElementById("subtitle") as HTMLElement;
const badge = document.getElementById("synthetic") as HTMLElement;
const main = document.getElementById("app") as HTMLElement;
let dispose: (() => void) | null = null;
let request: AbortController | null = null;

function showMeta(ds: Dataset) {
  title.textContent = ds.meta.title;
  document.title = `${ds.meta.title} · Switchboard`;
  badge.hidden = !ds.meta.synthetic;
  // An embed has room for one sentence; its credit line names the source.
  subtitle.replaceChildren(
    embedded ? firstSentence(ds.meta.description ?? "") : (ds.meta.description ?? ""),
    ds.meta.source ? h("span", { class: "source" }, ` Source: ${ds.meta.source}.`) : "",
  );
}

function superseded(what: string) {
  console.info(`Switchboard: ${what} was replaced by a newer request`);
}

async function open(
  load: (opener: OpenBytes, signal: AbortSignal) => Promise<Opened>,
  what: string,
  source: { data: string | null; fromFile: boolean },
) {
  request?.abort();
  const mine = new AbortController();
  request = mine;
  dispose?.();
  dispose = null;
  showLoading(main, what);
  try {
    const t0 = performance.now();
    const opened = await load(openDataset, mine.signal);
    if (mine.signal.aborted) return superseded(what);
    performance.measure("sb:load", { start: t0, end: performance.now() });
    timed("sb:meta", () => showMeta(opened.ds));
    const hash = source.fromFile ? "" : location.hash;
    const unmount = await mountApp(main, opened, { ...source, hash, signal: mine.signal });
    if (mine.signal.aborted) {
      unmount();
      return superseded(what);
    }
    dispose = unmount;
  } catch (err) {
    if (mine.signal.aborted) return superseded(what);
    console.error(err);
    title.textContent = "No dataset open";
    subtitle.replaceChildren();
    badge.hidden = true;
    showError(main, err);
  }
}

// Readers of an embed open nothing: the graphic shows the dataset its snippet names.
if (!embedded) {
  mountOpenFile(
    document.getElementById("open-file") as HTMLElement,
    (file) => void open((opener) => loadDatasetFromFile(file, opener), file.name, { data: null, fromFile: true }),
  );
}
// open() shows any failure in the page itself.
void open(
  async (opener, signal) =>
    loadDatasetFromUrl(datasetUrl(location.search, location.href), opener, signal, (p) =>
      showProgress(main, "the dataset", p),
    ),
  "the dataset",
  {
    data: new URLSearchParams(location.search).get("data"),
    fromFile: false,
  },
);
