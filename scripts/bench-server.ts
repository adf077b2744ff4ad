/**
 * What the benchmarks that run the production server share (`npm run bench`,
 * `npm run bench:live`): child processes that are always stopped however the
 * bench ends, the build (BENCH_SKIP_BUILD, BUILD_DIR), seeded databases kept
 * between runs in tests/.tmp/bench, and the server itself on 127.0.0.1;
 * also what the live-counter bench and journey do to it: find the live
 * festival's buyable deal, and pay one order for it.
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
const children = new Set<ChildProcess>();
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Stops every child on exit and on a signal; `cleanUp` runs first on a signal, and is returned for the bench's own ending. */
export function stopChildrenOnExit(extra: () => void = () => {}): () => void {
  const cleanUp = () => {
    for (const child of children) child.kill("SIGTERM");
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
    for (const child of children) child.kill("SIGTERM");
  });
  return cleanUp;
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
  if (fs.existsSync(file) && process.env.BENCH_RESEED !== "1") return file;
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
export async function startServer(database: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = track(
    spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        BUILD_DIR,
        DATABASE_PATH: database,
        PORT: String(port),
        HOST,
        SESSION_SECRET: randomBytes(32).toString("hex"),
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`http://${HOST}:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) return server;
    } catch {
      /* still starting */
    }
    await sleep(200);
  }
  throw new Error(`the server did not answer on ${HOST}:${port} within 60 s (is the port taken?)`);
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await Promise.race([exited, sleep(5000)]);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
}

// ── A live festival and a paid order ─────────────────────────────────────────
export interface LiveTarget {
  slug: string;
  product: string;
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
  const placed = await send("/checkout", { email: "bench.live@example.com", name: "Bench Shopper", line1: "1 Bench Road", city: "Nairobi", country: "KE" });
  const payUrl = placed.headers.get("Location");
  if (!payUrl?.includes("/pay/demo/")) throw new Error(`checkout answered ${placed.status} without a demo payment page`);
  const paid = await send(payUrl, { outcome: "pay" });
  if (paid.status !== 303) throw new Error(`paying answered ${paid.status}`);
}

