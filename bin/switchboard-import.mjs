#!/usr/bin/env node
// Runs the importer's TypeScript source through tsx (installed with the project).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/import/cli.ts");
process.exitCode = await main(process.argv.slice(2));
