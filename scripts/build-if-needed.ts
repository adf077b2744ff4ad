import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "public", "vite.config.ts", "package.json"];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the app when there is no build, or the sources changed since the last one. */
export function buildIfNeeded(log: (message: string) => void = console.log): void {
  const entry = path.resolve(process.env.BUILD_DIR || "build", "server/index.js");
  const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(path.resolve(s))));
  if (built && built >= changed) return;
  log(built ? "Sources changed since the last build: rebuilding…" : "No build yet: building the app (about a minute)…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error("The build failed; see the output above.");
}
