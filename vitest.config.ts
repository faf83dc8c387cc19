// Two projects: unit tests (pure, Node) and browser tests (built app in the system Chromium).
// Two workers share the machine: a browser test spends much of its time waiting on a frame that
// SwiftShader draws on the CPU, so a second file keeps the cores busy meanwhile; more than two
// only makes each frame slower on a two-core machine (override with --maxWorkers).
// Browser files run with isolate: false, so a worker keeps one served build and one Chromium for
// every file it runs (tests/browser/use-browser.ts); each file still gets fresh browser contexts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      // Some unit tests run the importer's command line as a child process: on a loaded 2-core
      // machine (browser files beside them) starting one can take several seconds.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          isolate: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
