/**
 * What the benchmarks that run the production server share (`npm run bench`,
 * `npm run bench:live`): child processes that are always stopped however the
 * bench ends, the build (BENCH_SKIP_BUILD, BUILD_DIR), seeded databases kept
 * between runs in tests/.tmp/bench, and the server itself on 127.0.0.1.
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
