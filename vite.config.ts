// Vite config: relative base so dist/ works from any sub-path of any static server; the bundled
// sample in data/ is served in development and copied into dist/data/ at build.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

function serveDataFolder(): Plugin {
  const dir = resolve(new URL(".", import.meta.url).pathname, "data");
  return {
    name: "switchboard-data",
    configureServer(server) {
      server.middlewares.use("/data", (req, res, next) => {
        const name = decodeURIComponent((req.url ?? "/").split("?")[0].slice(1));
        if (!/^[\w.-]+\.json$/.test(name)) return next();
        try {
          const body = readFileSync(resolve(dir, name));
          res.setHeader("Content-Type", "application/json");
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const name of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
        this.emitFile({ type: "asset", fileName: `data/${name}`, source: readFileSync(resolve(dir, name)) });
      }
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [serveDataFolder()],
  // sigma + graphology + d3 make one ~540 kB chunk (146 kB gzipped, within the 300 kB budget).
  build: { target: "es2022", outDir: "dist", chunkSizeWarningLimit: 700 },
  worker: { format: "es" },
  server: { port: 5173 },
});
