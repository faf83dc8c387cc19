// Browser test harness: serves dist/ (and test fixtures) on loopback, launches the system Chromium.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

const ROOT = resolve(new URL(".", import.meta.url).pathname, "../..");
/** The build under test: dist/, or SB_DIST (a session building elsewhere, e.g. beside another). */
export const DIST = process.env.SB_DIST ? resolve(process.env.SB_DIST) : join(ROOT, "dist");
export const ARTEFACTS = process.env.SB_ARTEFACTS ? resolve(process.env.SB_ARTEFACTS) : join(ROOT, "test-results");

export interface Served {
  url: string;
  extra: Map<string, string>;
  close(): Promise<void>;
}

/** Serves dist/ (or another build) under /app/ (a sub-path, as a newsroom server would) plus in-memory files under
 *  /fixtures/ (JSON datasets, or .html pages such as an article with embeds). */
export async function serveDist(dist = DIST): Promise<Served> {
  if (!existsSync(join(dist, "index.html")))
    throw new Error(`${dist} is missing: run \`npm run build\` first (npm test does)`);
  const extra = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (path.startsWith("/fixtures/") && extra.has(path)) {
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/json" });
      res.end(extra.get(path));
      return;
    }
    // An open redirect, as a careless server may have one: /redirect?to=<any address>.
    if (path === "/redirect") {
      const to = new URL(req.url ?? "/", "http://localhost").searchParams.get("to") ?? "/";
      res.writeHead(302, { Location: to }).end();
      return;
    }
    if (!path.startsWith("/app/")) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dist, path.slice(5)));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, extra, close: () => new Promise((r) => server.close(() => r())) };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // The page is composited in software: SwiftShader then draws only the WebGL canvases, not
  // every layer of every frame and screenshot (about a tenth off the browser tests).
  "--disable-gpu-compositing",
];

export function launch(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome"].find((p) =>
      existsSync(p),
    );
  if (!executablePath)
    throw new Error(
      "Chromium not found: run `node scripts/ensure-chromium.mjs` (npm test does), which installs or explains, or set CHROMIUM_PATH",
    );
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface Viewport {
  width: number;
  height: number;
}

/** An opened app: its page, the requests it made to other hosts and the errors it threw. */
export interface Opened {
  page: Page;
  foreign: string[];
  errors: string[];
}

export interface OpenOptions {
  /** Browser permissions for the page's own context (e.g. "clipboard-read"). */
  permissions?: string[];
  /** Runs before the page loads (routes that break a worker, slow a download…). */
  before?(page: Page): Promise<unknown>;
  /** Wait for the app to leave "loading" (default true). */
  wait?: boolean;
  /** The reader asks for reduced motion: the camera jumps instead of gliding (fewer frames). */
  reducedMotion?: boolean;
}

/** Opens the app and waits until it is ready (or shows an error); records requests to other hosts.
 *  Each page has a context of its own: a fresh browser profile, as a reader opening a link. */
export async function openApp(
  browser: Browser,
  served: Served,
  query = "",
  viewport: Viewport = { width: 1280, height: 800 },
  opts: OpenOptions = {},
): Promise<Opened> {
  const page = await browser.newPage({
    viewport,
    permissions: opts.permissions,
    reducedMotion: opts.reducedMotion ? "reduce" : "no-preference",
  });
  // Two files share two cores, and WebGL is drawn on the CPU: an action may wait behind another
  // file's frames (an embed dialog loads two more apps), so actions wait up to 60 s, not 30.
  page.setDefaultTimeout(60_000);
  await opts.before?.(page);
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(served.url) && !r.url().startsWith("blob:") && !r.url().startsWith("data:"))
      foreign.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${served.url}/app/${query}`);
  if (opts.wait !== false)
    await page.waitForFunction(() => document.body.dataset.status !== "loading", undefined, {
      timeout: 60_000,
      polling: 100,
    });
  return { page, foreign, errors };
}

export async function waitForCommunities(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector(".legend")?.getAttribute("data-state") === "ready",
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`) });
}
