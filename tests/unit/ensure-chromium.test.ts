// npm test's first step: it finds the system Chromium, or says exactly what to run.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const SCRIPT = new URL("../../scripts/ensure-chromium.mjs", import.meta.url).pathname;
const run = (env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
  return { code: r.status, stderr: r.stderr };
};

describe("ensure-chromium", () => {
  it("uses CHROMIUM_PATH when it exists, and names it", () => {
    const r = run({ CHROMIUM_PATH: process.execPath });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`at ${process.execPath}`);
  });
  it("refuses a CHROMIUM_PATH that does not exist", () => {
    const r = run({ CHROMIUM_PATH: "/no/such/chromium" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CHROMIUM_PATH=/no/such/chromium does not exist");
  });
  it("says exactly what to run when there is none and it may not install", () => {
    const r = run({ SWITCHBOARD_CHROMIUM_CANDIDATES: "/no/such/a:/no/such/b", SWITCHBOARD_NO_INSTALL: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("looked in CHROMIUM_PATH, /no/such/a, /no/such/b");
    expect(r.stderr).toContain("Debian/Ubuntu:  sudo apt-get install -y chromium");
    expect(r.stderr).toContain("CHROMIUM_PATH=/path/to/chromium npm test");
  });
});
