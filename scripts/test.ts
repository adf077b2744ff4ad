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
 * The test files the PostgreSQL pass runs, on a base database migrated and
 * seeded as on SQLite (tests/setup/global-setup.ts). The app's modules and
 * the tests that read the database directly are moving to the asynchronous,
 * engine-neutral data layer (issue 15); a file joins this list once it
 * passes on both engines. The list grows until the pass runs the whole suite
 * (then it goes, and both passes run the same files).
 */
const POSTGRES_PASS = [
  "tests/integration/transact.test.ts",
  "db/schema-parity.test.ts",
  "tests/integration/postgres-migrations.test.ts",
  "tests/integration/search-engines.test.ts",
  "tests/integration/postgres-showcase.test.ts",
  "tests/integration/pages.test.ts",
  "tests/integration/orders.test.ts",
  "tests/integration/checkout.test.ts",
  "tests/integration/checkout-totals.test.ts",
  "tests/integration/live-counters.test.ts",
  "tests/integration/festivals.test.ts",
  "tests/integration/festival-programme.test.ts",
  "tests/integration/rush.test.ts",
  "tests/integration/orders-property.test.ts",
  "tests/integration/orders-by-source.test.ts",
  "tests/integration/stripe.test.ts",
  "tests/integration/feeds.test.ts",
  "tests/integration/deal-funding.test.ts",
  "tests/integration/deal-limit-notice.test.ts",
  "tests/integration/app-clock.test.ts",
  "tests/integration/deal-units.test.ts",
  "tests/integration/deal-limit-race.test.ts",
  "tests/integration/fuzz-forms.test.ts",
  "tests/integration/festival-setup.test.ts",
  "tests/integration/product-import.test.ts",
  "tests/integration/owner-enrolment-isolation.test.ts",
  "tests/integration/campaign-trend.test.ts",
  "tests/integration/festival-deals.test.ts",
  "tests/integration/secret-rotation.test.ts",
  "tests/integration/partial-translation.test.ts",
  "tests/integration/home-campaign-numbers.test.ts",
  "tests/integration/static-assets.test.ts",
  "tests/integration/not-found.test.ts",
  "tests/integration/trust-proxy.test.ts",
  "tests/integration/request-id.test.ts",
  "tests/integration/order-fulfilment.test.ts",
  "tests/integration/organiser-review-bulk.test.ts",
  "tests/integration/uploads-storage.test.ts",
  "tests/integration/seed.test.ts",
  "tests/integration/catalog.test.ts",
  "tests/integration/html-bytes.test.ts",
  "tests/integration/owner-xss.test.ts",
  "tests/integration/owner-shipping.test.ts",
  "tests/integration/enrol-after-registration.test.ts",
  "tests/integration/order-lookup-limit.test.ts",
  "tests/integration/deal-rule.test.ts",
  "tests/integration/hardening.test.ts",
  "tests/integration/owner-orders-csv.test.ts",
  "tests/integration/owner-listing.test.ts",
  "tests/integration/owner-store-profile.test.ts",
  "tests/integration/owner.test.ts",
  "tests/integration/purge.test.ts",
  "tests/integration/search-facets.test.ts",
  "tests/integration/search-freshness.test.ts",
  "tests/integration/search-relevance.test.ts",
  "tests/integration/seed-catalogue.test.ts",
  "tests/integration/seo-structured.test.ts",
  "tests/integration/tracker.test.ts",
  "tests/integration/page-cache-freshness.test.ts",
  "tests/integration/page-javascript.test.ts",
  "tests/integration/shared-pages.test.ts",
  "tests/integration/setup-lock.test.ts",
  "tests/integration/two-processes.test.ts",
  "tests/env-docs.test.ts",
  "tests/guards.test.ts",
  "tests/i18n.test.ts",
  "db/checkpoints.test.ts",
  "app/env.server.test.ts",
  "app/modules/art/art.test.ts",
  "app/modules/auth/schemas.test.ts",
  "app/modules/cart/limits.test.ts",
  "app/modules/catalog/seo.test.ts",
  "app/modules/catalog/targets.test.ts",
  "app/modules/counters/counters.test.ts",
  "app/modules/festivals/clock-zones.test.ts",
  "app/modules/festivals/clock.test.ts",
  "app/modules/http/drop-nul-bytes.test.ts",
  "app/modules/http/log.server.test.ts",
  "app/modules/http/page-cache-responses.test.ts",
  "app/modules/http/page-cache.test.ts",
  "app/modules/http/safe-redirect.test.ts",
  "app/modules/http/trust-proxy.test.ts",
  "app/modules/i18n/back-office-routes.test.ts",
  "app/modules/i18n/config.test.ts",
  "tests/dependency-patches.test.ts",
  "app/modules/i18n/format.test.ts",
  "app/modules/i18n/isolate.test.ts",
  "app/modules/markdown/markdown.test.ts",
  "app/modules/money/currency.test.ts",
  "app/modules/money/money.test.ts",
  "app/modules/money/presentment.test.ts",
  "app/modules/orders/checkout-schema.test.ts",
  "app/modules/owner/owner.test.ts",
  "app/modules/pricing/funding.test.ts",
  "app/modules/pricing/pricing.test.ts",
  "app/modules/programme/ics.test.ts",
  "app/modules/programme/schedule.test.ts",
  "app/modules/search/query.test.ts",
  "app/modules/security/headers.test.ts",
  "app/modules/security/origin.test.ts",
  "app/modules/shipping/shipping-schema.test.ts",
  "app/modules/shipping/zones.test.ts",
  "app/modules/text/normalise.test.ts",
  "app/modules/trust/content.test.ts",
  "app/modules/uploads/images.server.test.ts",
  "tests/browser/organiser-session-form-nojs.test.ts",
  "tests/browser/organiser-funds-a-discount.test.ts",
  "tests/browser/organiser-reviews-in-bulk.test.ts",
  "tests/browser/organiser-sees-orders-by-source.test.ts",
  "tests/browser/festival-programme-in-chinese.test.ts",
  "tests/browser/organiser-schedules-festival.test.ts",
  "tests/browser/organiser-sets-up-festival.test.ts",
  "tests/browser/owner-edits-store-profile.test.ts",
  "tests/browser/owner-organiser-polish.test.ts",
];

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

// Arguments given to `npm test -- …` narrow the SQLite pass (as before); the PostgreSQL pass runs its list.
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
  postgresPass = runVitest("postgres", POSTGRES_PASS, server.url);
} finally {
  server.stop();
}

// Plain closing lines that any CI can read.
console.log(`\n${line("SQLite", sqlitePass.summary)}\n${line("PostgreSQL", postgresPass.summary)}`);
process.exit(sqlitePass.status !== 0 ? sqlitePass.status : postgresPass.status);
