/**
 * `npm test`: the whole suite. First the gates (types, lint, dead code), each
 * run in full so one run reports every failing gate; then makes sure a
 * Chromium is there for the browser tests, builds the app the browser tests
 * run against, and runs Vitest.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./chromium";

// The same npm scripts a developer runs by hand, so a gate here cannot differ from one there.
const GATES = [
  { script: "typecheck", what: "types (tsc)" },
  { script: "lint", what: "lint (ESLint)" },
  { script: "knip", what: "dead code (knip)" },
];
const failedGates: string[] = [];
for (const gate of GATES) {
  console.log(`Gate: ${gate.what} — npm run ${gate.script}`);
  const run = spawnSync("npm", ["run", "--silent", gate.script], { stdio: ["ignore", "inherit", "inherit"] });
  if (run.status !== 0) failedGates.push(`${gate.what} (npm run ${gate.script})`);
}
if (failedGates.length > 0) {
  console.error(`\nGate failed: ${failedGates.join("; ")}. Fix it before the build and tests run.`);
  process.exit(1);
}
console.log("Gates passed: types, lint, dead code.");

const chrome = ensureChromium();
console.log(`Browser tests will use ${chrome}`);

console.log("Building the app for the browser tests…");
const build = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, NODE_ENV: "production" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const summaryFile = path.join(os.tmpdir(), `showcase-vitest-${process.pid}.json`);
const vitest = spawnSync(
  process.execPath,
  [
    path.resolve("node_modules/vitest/vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${summaryFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, CHROME_PATH: chrome, NODE_ENV: "test" } },
);
// One plain closing line that any CI can read.
if (fs.existsSync(summaryFile)) {
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  fs.rmSync(summaryFile, { force: true });
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
}
process.exit(vitest.status ?? 1);
