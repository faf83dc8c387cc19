// The one harness every browser test file uses. A test worker serves the build once and launches
// one Chromium, on first use, and keeps both for every file it runs (the browser project runs with
// isolate: false, so this module lives as long as the worker; Playwright closes the browser when
// the worker exits). Each file, or describe block, that calls useBrowser() gets a clean slate: its
// own fixtures, and every browser context it opened closed after its last test.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  launch,
  openApp,
  serveDist,
  waitForCommunities,
  type Opened,
  type OpenOptions,
  type Served,
  type Viewport,
} from "./harness";

interface Shared {
  served: Served;
  browser: Browser;
}
let shared: Promise<Shared> | undefined;
/** The test file whose fixtures the server holds. */
let fixturesOf: string | undefined;

/** This worker's server and browser (a browser that died is launched again). */
async function worker(): Promise<Shared> {
  const now = await shared;
  if (!now?.browser.isConnected()) {
    const served = now?.served ?? serveDist();
    shared = Promise.all([served, launch()]).then(([s, browser]) => ({ served: s, browser }));
  }
  return shared!;
}

export interface BrowserEnv {
  readonly served: Served;
  readonly browser: Browser;
  /** Opens the app in a fresh context (a reader's new profile); see openApp. */
  open(query?: string, viewport?: Viewport, opts?: OpenOptions): Promise<Opened>;
  /** Opens the app and waits until its communities are found (the network fully drawn). */
  ready(query?: string, viewport?: Viewport, opts?: OpenOptions): Promise<Opened>;
}

/** Registers the beforeAll/afterAll pair; `fixtures` puts this file's datasets on the server. */
export function useBrowser(fixtures?: (served: Served) => unknown): BrowserEnv {
  let mine: Shared | undefined;
  let before = new Set<BrowserContext>();
  const current = () => {
    if (!mine) throw new Error("useBrowser(): the browser is only there inside tests and hooks");
    return mine;
  };
  const env: BrowserEnv = {
    get served() {
      return current().served;
    },
    get browser() {
      return current().browser;
    },
    open: (query = "", viewport, opts) => openApp(env.browser, env.served, query, viewport, opts),
    async ready(query, viewport, opts) {
      const opened = await env.open(query, viewport, opts);
      await waitForCommunities(opened.page);
      return opened;
    },
  };
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads hook fixtures from a destructured first argument.
  beforeAll(async ({}, suite) => {
    mine = await worker();
    before = new Set(mine.browser.contexts());
    const file = suite.file.filepath;
    if (file !== fixturesOf) mine.served.extra.clear(); // a new file: none of another file's fixtures
    fixturesOf = file;
    await fixtures?.(mine.served);
  });
  afterAll(async () => {
    const opened = mine?.browser.contexts().filter((c) => !before.has(c)) ?? [];
    await Promise.all(opened.map((c) => c.close()));
  });
  return env;
}

/** One page of the app for all the tests of a file or describe block, opened (and its communities
 *  found) before the first; `then` runs after, to set the stage. */
export function useApp(
  query = "",
  viewport?: Viewport,
  then?: (page: Page) => Promise<unknown>,
): Opened & { env: BrowserEnv } {
  const env = useBrowser();
  const app = { env } as Opened & { env: BrowserEnv };
  beforeAll(async () => {
    Object.assign(app, await env.ready(query, viewport));
    await then?.(app.page);
  });
  return app;
}
