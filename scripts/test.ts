/**
 * `npm test`: the whole suite. First the gates (types, lint, dead code), each
 * run in full so one run reports every failing gate; then makes sure a
 * Chromium is there for the browser tests, builds the app the browser tests
 * run against, and runs Vitest on SQLite; then the PostgreSQL pass: starts a
 * throw-away PostgreSQL server (scripts/postgres.ts, installing Debian's
 * package where it is missing) and runs Vitest again with DATABASE_URL
 * pointing at it, and stops it whatever happened.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./chromium";
import { startTemporaryPostgres } from "./postgres";

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

/**
 * The PostgreSQL pass runs the whole suite again, on a base database migrated
 * and seeded as on SQLite (tests/setup/global-setup.ts): every test file
 * passes on both engines (issue 15).
 */

interface Summary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

/** One Vitest run; its exit status and counts. */
function runVitest(label: string, args: string[], databaseUrl: string | undefined): { status: number; summary: Summary | null } {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROME_PATH: chrome, NODE_ENV: "test" };
  // The SQLite pass runs without DATABASE_URL, whatever the shell has.
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const summaryFile = path.join(os.tmpdir(), `showcase-vitest-${process.pid}-${label}.json`);
  const vitest = spawnSync(
    process.execPath,
    [
      path.resolve("node_modules/vitest/vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${summaryFile}`,
      ...args,
    ],
    { stdio: "inherit", env },
  );
  let summary: Summary | null = null;
  if (fs.existsSync(summaryFile)) {
    summary = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as Summary;
    fs.rmSync(summaryFile, { force: true });
  }
  return { status: vitest.status ?? 1, summary };
}

const line = (label: string, s: Summary | null) =>
  s
    ? `${label}: ${s.numPassedTests} passed, ${s.numFailedTests} failed, ${s.numPendingTests} skipped`
    : `${label}: no summary (Vitest stopped early)`;

// Arguments given to `npm test -- …` narrow the SQLite pass (as before); the PostgreSQL pass runs the whole suite.
const sqlitePass = runVitest("sqlite", process.argv.slice(2), undefined);

console.log("\nPostgreSQL pass: starting a temporary PostgreSQL server…");
let postgresPass: ReturnType<typeof runVitest> = { status: 1, summary: null };
const server = startTemporaryPostgres();
// Stopped on every way out: a normal end, a thrown error, Ctrl-C or a kill.
process.on("exit", server.stop);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    server.stop();
    process.exit(1);
  });
}
try {
  postgresPass = runVitest("postgres", [], server.url);
} finally {
  server.stop();
}

// Plain closing lines that any CI can read.
console.log(`\n${line("SQLite", sqlitePass.summary)}\n${line("PostgreSQL", postgresPass.summary)}`);
process.exit(sqlitePass.status !== 0 ? sqlitePass.status : postgresPass.status);
