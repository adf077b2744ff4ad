/**
 * Browser-test harness: the built app on a private copy of the seeded
 * database, and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import net from "node:net";
import { and, eq, gt, lte, type SQL } from "drizzle-orm";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, openDatabase, openPostgres, type AppDatabase } from "../../db/connection";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { rows } from "../../db/transact";
import { localizePath, splitLangPath } from "../../app/modules/i18n/config";
import { schema } from "~/db.server";
import { findChromium } from "../../scripts/chromium";
import { copyBaseDatabase } from "../setup/copy-database";
import { copyBasePostgresDatabase } from "../setup/postgres";

export interface TestServer {
  url: string;
  /** SQLite: the server's private copy of the seeded database, for checking what it stored ("" on PostgreSQL). */
  databasePath: string;
  /** PostgreSQL: the URL of the server's private copy of the seeded database ("" on SQLite). */
  databaseUrl: string;
  /** A new connection to the server's copy, on its engine, through the app's data layer (query it with `schema` of ~/db.server); the caller closes it. */
  openDatabase(): AppDatabase;
  /**
   * The server's copy of the database, on this run's engine, for a journey to
   * check what the server stored (or to find what to visit): Drizzle's
   * builders over `schema` of ~/db.server, which bind instants and flags as
   * each engine wants. One connection, opened on first use and closed when the
   * server stops. Never read the database with an engine's own client.
   */
  readonly db: AppDatabase;
  /**
   * Rows of a raw query on the server's copy, alike on both engines (`rows`
   * of the data layer): values as `${…}` placeholders, camelCase aliases
   * quoted (`AS "timeZone"`), instants back as epoch milliseconds and flags as
   * 1/0. Compare instants and flags through `db`'s builders instead: the
   * engines store them differently.
   */
  query<T>(query: SQL): Promise<T[]>;
  stop(): Promise<void>;
}

function tryPort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(port, "127.0.0.1", () => {
      const bound = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(bound));
    });
  });
}

/**
 * A free port: any the system hands out, or, with TEST_PORTS=3701-3799 (say),
 * one from that range, for machines where test servers must stay inside it.
 */
async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORTS ?? "");
  if (!range) return tryPort(0);
  const [from, to] = [Number(range[1]), Number(range[2])];
  const size = to - from + 1;
  const start = Math.floor(Math.random() * size);
  for (let k = 0; k < size; k++) {
    try {
      return await tryPort(from + ((start + k) % size));
    } catch {
      /* taken: try the next one */
    }
  }
  throw new Error(`No free port in TEST_PORTS=${process.env.TEST_PORTS}`);
}

/** The health check's body over a connection of its own (a cluster hands each new connection to the next worker). */
export function healthOnNewConnection(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(res.statusCode === 200 ? body : null));
    });
    req.on("error", () => resolve(null));
  });
}

/**
 * The built app on a private copy of the seeded database: one server process
 * (scripts/server.ts), or with `processes` > 1 a cluster of them sharing the
 * port and the database, as `npm start` runs it (scripts/cluster.ts).
 */
export async function startTestServer(env: Record<string, string> = {}, options: { processes?: number } = {}): Promise<TestServer> {
  const port = await freePort();
  // The server's own copy of the seeded database, on the engine this run tests.
  const postgresServer = inject("postgresServer");
  const databaseUrl = postgresServer ? await copyBasePostgresDatabase(postgresServer, inject("baseDb"), "server") : "";
  const databasePath = postgresServer ? "" : copyBaseDatabase("server");
  const processes = options.processes ?? 1;
  const script = processes > 1 ? "scripts/cluster.ts" : "scripts/server.ts";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: databasePath }),
      SESSION_SECRET: "browser-test-session-secret-0123456789abcdef",
      // The test server speaks plain HTTP on loopback.
      INSECURE_COOKIES: "1",
      WEB_CONCURRENCY: String(processes),
      // A production server logs every request at info; tests want only warnings and errors.
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // A minute: on a loaded machine (browser journeys beside other work) a cold start can pass 30 s.
  const deadline = Date.now() + 60_000;
  // Up when every process answers (a cluster's connections go round the workers).
  const answered = new Set<string>();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The test server exited:\n${output}`);
    try {
      const health = await healthOnNewConnection(`${url}/healthz`);
      if (health) answered.add(health);
      if (answered.size >= processes) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`The test server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const open = () => (databaseUrl ? openPostgres(databaseUrl) : openDatabase(databasePath));
  let db: AppDatabase | undefined;
  const server: TestServer = {
    url,
    databasePath,
    databaseUrl,
    openDatabase: open,
    get db() {
      db ??= open();
      return db;
    },
    query: (query) => rows(server.db, query),
    async stop() {
      if (db) await closeDatabase(db);
      db = undefined;
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
  return server;
}

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const executablePath = process.env.CHROME_PATH || findChromium();
  if (!executablePath) throw new Error("No Chromium: run the tests with `npm test`, which finds or installs one.");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    // Playwright gives each launch a fresh, temporary profile and removes it on close.
    close: () => browser.close(),
  };
}

/** Collects console errors and uncaught page errors, which a journey asserts are none. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

export interface Journey {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Registers the usual set-up for a journey file: a test server (with extra
 * environment if given) and a browser, both stopped after the file's tests.
 */
export function setUpJourney(env: Record<string, string> = {}, afterStop?: () => void): Journey {
  let server: TestServer | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    server = await startTestServer(env);
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
    await server?.stop();
    afterStop?.();
  });
  return {
    get server() {
      if (!server) throw new Error("The test server is not started yet");
      return server;
    },
    get browser() {
      if (!launched) throw new Error("The browser is not launched yet");
      return launched.browser;
    },
  };
}

/** A published festival of the seed whose sale is on now and stays on for `openFor` milliseconds more (undefined: none). */
export async function festivalOnSale(server: TestServer, openFor: number): Promise<{ id: number; slug: string; timeZone: string } | undefined> {
  const [f, p] = [schema.festivals, schema.festivalPhases];
  const now = Date.now();
  const [festival] = await server.db
    .select({ id: f.id, slug: f.slug, timeZone: f.timeZone })
    .from(f)
    .innerJoin(p, eq(p.festivalId, f.id))
    .where(and(eq(f.status, "published"), eq(p.kind, "sale"), lte(p.startsAt, new Date(now)), gt(p.endsAt, new Date(now + openFor))))
    .orderBy(f.id)
    .limit(1);
  return festival;
}

/**
 * Signs in as a person does: types the address of the page they want, is
 * sent to the sign-in page in that page's language, fills it in, submits it,
 * and lands back on that page (hydrated, unless JavaScript is off).
 */
export async function signIn(
  page: Page,
  server: TestServer,
  firstPage: string,
  account: { email: string; password: string },
  options: { javaScript?: boolean } = {},
): Promise<void> {
  await page.goto(`${server.url}${firstPage}`);
  await page.waitForURL((url) => url.pathname === localizePath("/login", splitLangPath(firstPage).lang));
  // A person reads the form before typing: with JavaScript on, the page has
  // hydrated by then, so the submission is never caught half-way through it.
  if (options.javaScript !== false) await waitForHydration(page);
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === firstPage).catch(async (error: unknown) => {
    // Say where the browser stayed and what the page said, so a failure here can be told apart
    // (refused sign-in, rate limit, slow server) from the log alone.
    const said = await page.locator('[role="alert"]').allTextContents().catch(() => []);
    throw new Error(`signing in as ${account.email} did not reach ${firstPage}: the browser is at ${page.url()}, the page says ${JSON.stringify(said)}`, { cause: error });
  });
  if (options.javaScript !== false) await waitForHydration(page);
}

/** The seeded organiser signs in by way of `firstPage` (the console by default); see signIn. */
export function signInAsOrganiser(page: Page, server: TestServer, firstPage = "/organiser", options: { javaScript?: boolean } = {}) {
  return signIn(page, server, firstPage, { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, options);
}

/** Records CSP violations the page reports (the init script runs outside the page's CSP). */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** Waits until React has hydrated the page (root.tsx marks <html data-hydrated>). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * axe-core's WCAG 2.1 A/AA and best-practice findings on the page as it is,
 * one line per rule with up to three places. The page's context needs
 * `bypassCSP: true`: the injected script has no nonce.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}
