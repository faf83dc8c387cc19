// One served build and one Chromium per test file: `const env = useBrowser()` registers the
// beforeAll/afterAll pair; read env.served and env.browser inside the tests.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launch, serveDist, type Served } from "./harness";

export function useBrowser(): { readonly served: Served; readonly browser: Browser } {
  const env = {} as { served: Served; browser: Browser };
  beforeAll(async () => {
    env.served = await serveDist();
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.served?.close();
  });
  return env;
}
