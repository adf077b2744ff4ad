/**
 * What the benchmarks that run the production server share (`npm run bench`,
 * `npm run bench:live`, `npm run bench:lighthouse`): child processes that are
 * always stopped however the bench ends (servers with cluster workers in a
 * process group of their own), the build (BENCH_SKIP_BUILD, BUILD_DIR),
 * seeded databases kept between runs in tests/.tmp/bench (seeded again when
 * their festival is no longer live), the server itself on 127.0.0.1 (one
 * process, or as `npm start` runs it) ready once /healthz answers, and the
 * pages measured: the live festival, a product and a store; also what the
 * live-counter bench and journey do to it: find the live festival's buyable
 * deal, and pay one order for it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const BUILD_DIR = path.resolve(process.env.BUILD_DIR || "build");
export const HOST = "127.0.0.1";
export const DATA = path.resolve("tests/.tmp/bench");

// ── Children are always stopped, however the bench ends ──────────────────────
// Servers that fork workers start in a process group of their own (startGroup), so their workers stop with them.
const children = new Set<ChildProcess>();
const groups = new WeakSet<ChildProcess>();
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Signals a child; a child started by startGroup leads its own group, and the signal reaches its workers too. */
export function signalChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(groups.has(child) ? -child.pid : child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Stops every child on exit and on a signal; `cleanUp` runs first on a signal, and is returned for the bench's own ending. */
export function stopChildrenOnExit(extra: () => void = () => {}): () => void {
  const cleanUp = () => {
    for (const child of children) signalChild(child, "SIGTERM");
    extra();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping.`);
      cleanUp();
      process.exit(130);
    });
  }
  process.once("exit", () => {
    for (const child of children) signalChild(child, "SIGTERM");
  });
  return cleanUp;
}

/** Stops every child still running (each as stopServer does), for a bench's own ending. */
export async function stopAllChildren() {
  for (const child of [...children]) await stopServer(child);
}

/** Runs a child to its end, within a time limit; rejects on failure. */
export function runChild(args: string[], env: Record<string, string>, limitMs: number, output: "inherit" | "capture" = "inherit"): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", output === "inherit" ? "inherit" : "pipe", "inherit"] }),
    );
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const limit = setTimeout(() => child.kill("SIGTERM"), limitMs);
    child.once("exit", (code, signal) => {
      clearTimeout(limit);
      if (code === 0) resolve(out);
      else reject(new Error(`${args.join(" ")} ended with ${signal ?? `code ${code}`}`));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── Build ────────────────────────────────────────────────────────────────────
export async function ensureBuild() {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(BUILD_DIR, "server/index.js"))) {
    console.log(`Using the existing build in ${path.relative(process.cwd(), BUILD_DIR)} (BENCH_SKIP_BUILD=1).`);
  } else {
    console.log(`Building the app into ${path.relative(process.cwd(), BUILD_DIR)}…`);
    await runChild([path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { NODE_ENV: "production", BUILD_DIR }, 300_000);
  }
}

// ── Seeded databases, kept between runs ──────────────────────────────────────
function migrationsHash(): string {
  const dir = path.resolve("db/migrations");
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest("hex").slice(0, 10);
}

export async function seededDatabase(scale: number): Promise<string> {
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `scale-${scale}-${migrationsHash()}.sqlite`);
  if (fs.existsSync(file) && process.env.BENCH_RESEED !== "1") {
    if (liveFestival(file)) return file;
    console.log(`The kept scale ${scale} database has no festival on sale now (it was seeded days ago): seeding it again.`);
  }
  const partial = `${file}.partial`;
  for (const f of [file, partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  console.log(`Seeding scale ${scale} (${scale * 100} stores, ${scale * 1000} products) into ${path.relative(process.cwd(), file)}; kept for later runs…`);
  const t0 = Date.now();
  // The seed is one transaction: report its progress by what it has written so far.
  const progress = setInterval(() => {
    const bytes = [partial, `${partial}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    console.log(`  … seeding, ${((Date.now() - t0) / 1000).toFixed(0)} s, ${(bytes / 1e6).toFixed(0)} MB written (about ${scale * 21} MB in all)`);
  }, 20_000);
  try {
    await runChild(["--import", "tsx", "scripts/seed.ts"], { DATABASE_PATH: partial, SEED_SCALE: String(scale) }, 45 * 60_000);
  } finally {
    clearInterval(progress);
  }
  // Fold the WAL into the file, so the kept database is one file to copy.
  const sqlite = new Database(partial);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  fs.renameSync(partial, file);
  console.log(`  seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return file;
}

// ── The production server ────────────────────────────────────────────────────
/** Waits until a server answers 200 on /healthz (retrying while it starts or answers slowly); throws if it exits or the time runs out. */
export async function waitForHealthz(server: ChildProcess, port: number, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`http://${HOST}:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `/healthz answered ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error); // still starting
    }
    await sleep(250);
  }
  throw new Error(`the server did not answer /healthz on ${HOST}:${port} within ${limitMs / 1000} s (${last}; is the port taken?)`);
}

/** The environment of the production server on a database, on HOST:port. */
function serverEnv(database: string, port: number, env: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "production",
    BUILD_DIR,
    DATABASE_PATH: database,
    PORT: String(port),
    HOST,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    ...env,
  };
}

/** One server process (scripts/server.ts), ready once /healthz answers. */
export async function startServer(database: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = track(
    spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      env: { ...process.env, ...serverEnv(database, port, env) },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  await waitForHealthz(server, port);
  return server;
}

/** Starts a script in a process group of its own (its workers stop with it); resolves once it prints `ready` on stdout. */
export async function startGroup(script: string, env: Record<string, string>, ready: RegExp, limitMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  groups.add(child);
  track(child);
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const limit = setTimeout(() => reject(new Error(`${script} was not ready within ${limitMs / 1000} s (is a port taken?)`)), limitMs);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(limit);
        resolve();
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(limit);
      reject(new Error(`${script} ended with ${signal ?? `code ${code}`} before it was ready`));
    });
  });
  child.stdout.resume();
  return child;
}

/**
 * The app as `npm start` serves it (scripts/start.ts: a cluster of
 * `processes` server processes, WEB_CONCURRENCY) in a process group of its
 * own; ready once every process listens and /healthz answers.
 */
export async function startApp(database: string, port: number, processes: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = await startGroup(
    "scripts/start.ts",
    serverEnv(database, port, { WEB_CONCURRENCY: String(processes), ...env }),
    /is running at/,
    180_000, // start.ts builds first if the sources are newer than the build
  );
  // Every process listens by now; the first answers may still be slow on a loaded machine.
  await waitForHealthz(server, port, 30_000);
  return server;
}

/** Stops a server (its whole group, if startGroup started it): SIGTERM, then SIGKILL after a grace period. */
export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  signalChild(server, "SIGTERM");
  await Promise.race([exited, sleep(8000)]);
  if (groups.has(server) || (server.exitCode === null && server.signalCode === null)) signalChild(server, "SIGKILL"); // a group: any worker left behind
}

// ── A live festival and a paid order ─────────────────────────────────────────
export interface LiveTarget {
  slug: string;
  product: string;
}

/** The festival whose sale is on now (the seed places one around its day), or null. */
export function liveFestival(file: string, now = Date.now()): string | null {
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite
      .prepare(
        `SELECT f.slug FROM festivals f JOIN festival_phases p ON p.festival_id = f.id
         WHERE f.status = 'published' AND p.kind = 'sale' AND p.starts_at <= @now AND p.ends_at > @now ORDER BY f.id LIMIT 1`,
      )
      .get({ now }) as { slug: string } | undefined;
    return row?.slug ?? null;
  } finally {
    sqlite.close();
  }
}

/** The pages the benches measure on a database: the live festival, and a product and a store from the middle of the catalogue (not its newest or oldest corner). */
export function benchTargets(file: string): { festival: string; product: string; store: string } {
  const festival = liveFestival(file);
  if (!festival) throw new Error("no festival is on sale now in the seeded database (BENCH_RESEED=1 seeds it again)");
  const sqlite = new Database(file, { readonly: true });
  try {
    const live = "FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'";
    const productCount = (sqlite.prepare(`SELECT count(*) AS n ${live}`).get() as { n: number }).n;
    const product = (sqlite.prepare(`SELECT p.slug ${live} ORDER BY p.id LIMIT 1 OFFSET ?`).get(Math.floor(productCount / 2)) as { slug: string }).slug;
    const storeCount = (sqlite.prepare("SELECT count(*) AS n FROM stores WHERE status = 'live'").get() as { n: number }).n;
    const store = (sqlite.prepare("SELECT slug FROM stores WHERE status = 'live' ORDER BY id LIMIT 1 OFFSET ?").get(Math.floor(storeCount / 2)) as { slug: string }).slug;
    return { festival, product, store };
  } finally {
    sqlite.close();
  }
}

/** The live festival and one of its deals a shopper can buy now (approved, outside any flash slot, units and stock left). */
export function liveFestivalDeal(file: string, now: number): LiveTarget | null {
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite
      .prepare(
        `SELECT f.slug AS slug, p.slug AS product
         FROM festivals f
         JOIN festival_phases ph ON ph.festival_id = f.id AND ph.kind = 'sale' AND ph.starts_at <= @now AND @now < ph.ends_at
         JOIN festival_enrolments e ON e.festival_id = f.id AND e.status = 'approved'
         JOIN festival_deals d ON d.enrolment_id = e.id AND d.status = 'approved' AND d.flash_starts_at IS NULL AND d.units_taken + 1 <= d.committed_stock
         JOIN products p ON p.id = d.product_id AND p.status = 'active' AND p.stock >= 1
         JOIN stores s ON s.id = p.store_id AND s.status = 'live'
         WHERE f.status = 'published'
         ORDER BY d.committed_stock - d.units_taken DESC, d.id LIMIT 1`,
      )
      .get({ now }) as LiveTarget | undefined;
    return row ?? null;
  } finally {
    sqlite.close();
  }
}

/** One paid order through the form posts a shopper makes without JavaScript: add to cart, check out, pay with the demo provider. */
export async function payDemoOrder(base: string, product: string): Promise<void> {
  const cookies = new Map<string, string>();
  const send = async (pathname: string, form: Record<string, string>) => {
    const res = await fetch(`${base}${pathname}`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams(form),
      headers: {
        Origin: base,
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      signal: AbortSignal.timeout(20_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    await res.arrayBuffer();
    return res;
  };
  const added = await send("/cart", { intent: "add", slug: product, quantity: "1" });
  if (added.status >= 400) throw new Error(`adding ${product} to the cart answered ${added.status}`);
  const placed = await send("/checkout", { email: "bench.live@example.com", name: "Bench Shopper", phone: "+254 712 345 678", line1: "1 Bench Road", city: "Nairobi", country: "KE" });
  const payUrl = placed.headers.get("Location");
  if (!payUrl?.includes("/pay/demo/")) throw new Error(`checkout answered ${placed.status} without a demo payment page`);
  const paid = await send(payUrl, { outcome: "pay" });
  if (paid.status !== 303) throw new Error(`paying answered ${paid.status}`);
}

