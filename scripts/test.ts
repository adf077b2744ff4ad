/**
 * `npm test`: the whole suite. Makes sure a Chromium is there for the browser
 * tests, builds the app the browser tests run against, then runs Vitest.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureChromium } from "./chromium";

const chrome = ensureChromium();
console.log(`Browser tests will use ${chrome}`);

console.log("Building the app for the browser tests…");
const build = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, NODE_ENV: "production" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const vitest = spawnSync(process.execPath, [path.resolve("node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROME_PATH: chrome, NODE_ENV: "test" },
});
process.exit(vitest.status ?? 1);
