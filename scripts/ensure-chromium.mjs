#!/usr/bin/env node
// Run by `npm test` before the browser tests: finds the system Chromium, or installs Debian's
// package when this machine can (root or password-less sudo, with apt-get), or says exactly what
// to run. Plain Node, no dependencies: it must work before anything else is set up.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// SWITCHBOARD_CHROMIUM_CANDIDATES (colon-separated) and SWITCHBOARD_NO_INSTALL=1 are for its tests.
const CANDIDATES = process.env.SWITCHBOARD_CHROMIUM_CANDIDATES?.split(":") ?? [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
];
const say = (line) => process.stderr.write(`ensure-chromium: ${line}\n`);

function found() {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (existsSync(given)) return given;
    say(`CHROMIUM_PATH=${given} does not exist; point it at a Chromium or Chrome binary, or unset it.`);
    process.exit(1);
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function version(path) {
  const r = spawnSync(path, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : `${path} (version unknown)`;
}

let path = found();
if (!path) {
  const root = process.getuid?.() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  const sudo = !root && apt && spawnSync("sudo", ["-n", "true"]).status === 0;
  if (process.platform === "linux" && apt && (root || sudo) && !process.env.SWITCHBOARD_NO_INSTALL) {
    const run = (args) => {
      say(`running: ${sudo ? "sudo " : ""}${args.join(" ")}`);
      execFileSync(sudo ? "sudo" : args[0], sudo ? args : args.slice(1), {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    };
    say("no Chromium found; installing Debian's chromium package for the browser tests…");
    run(["apt-get", "update", "-qq"]);
    run(["apt-get", "install", "-y", "-qq", "chromium"]);
    path = found();
  }
}
if (!path) {
  say("the browser tests need Chromium, and none was found (looked in CHROMIUM_PATH, " + CANDIDATES.join(", ") + ").");
  say("Install it, then run npm test again:");
  say("  Debian/Ubuntu:  sudo apt-get install -y chromium");
  say("  Fedora:         sudo dnf install -y chromium");
  say('  macOS:          CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test');
  say("  anything else:  CHROMIUM_PATH=/path/to/chromium npm test");
  process.exit(1);
}
say(`using ${version(path)} at ${path}`);
