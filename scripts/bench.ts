/**
 * `npm run bench`: builds the app, starts the production server
 * (scripts/server.ts, the one `npm start` runs) on a private copy of a seeded
 * database, and measures with autocannon four catalogue pages against the
 * bare route (app/routes/bench-bare.tsx) that renders the same data with no
 * layout through the same server and i18n set-up; then the same at
 * SEED_SCALE=100. Also in-process search latency (scripts/bench-search.ts).
 *
 *   BENCH_SCALES=1,100  BENCH_SECONDS=5  BENCH_PORT=3650  BENCH_SKIP_BUILD=1  BENCH_RESEED=1  BUILD_DIR=build
 *
 * Seeded databases are kept in tests/.tmp/bench (one per scale and migration
 * set; scale 100 takes minutes to make, once); every run measures a copy.
 * Traffic goes to 127.0.0.1 only, every run and wait is bounded, and the
 * server is stopped (SIGTERM) however the bench ends.
 */
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { BUILD_DIR, DATA, ensureBuild, HOST, runChild, seededDatabase, startServer as startBenchServer, stopChildrenOnExit, stopServer } from "./bench-server";

const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 5));
const WARMUP_SECONDS = Math.min(2, SECONDS);
const SCALES = (process.env.BENCH_SCALES ?? "1,100").split(",").map((s) => Math.max(1, Math.floor(Number(s))));
const PORT = Number(process.env.BENCH_PORT ?? 3650);
const RUN_DIR = path.join(DATA, `run-${process.pid}`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

const cleanUp = stopChildrenOnExit(() => fs.rmSync(RUN_DIR, { recursive: true, force: true }));

async function build() {
  await ensureBuild();
  if (!fs.readFileSync(path.join(BUILD_DIR, "server/index.js"), "utf8").includes('"routes/bench-bare"')) {
    throw new Error(`The build in ${BUILD_DIR} has no bench-bare route: rebuild it (drop BENCH_SKIP_BUILD).`);
  }
}

// ── Measurements ─────────────────────────────────────────────────────────────
interface Result {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  /** Responses completed in the run; 0 means every request outlasted it, so the other figures mean nothing. */
  done: number;
}

/** One autocannon run, stopped by force if it overruns its time. */
function load(url: string, connections: number, seconds = SECONDS): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 10 }, (error, r) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts, done: r.requests.total });
    });
    const guard = setTimeout(() => instance.stop(), (seconds + 20) * 1000);
  });
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

interface Row {
  name: string;
  page: Result;
  bare: Result;
  page10: Result;
  bare10: Result;
}
interface ScaleResult {
  scale: number;
  rows: Row[];
  search: { n: number; p50: number; p99: number; max: number };
  peakMb: number;
}

const f0 = (n: number) => n.toFixed(0);
/** A figure, or "—" when the run completed no response (every request took longer than the run). */
const fig = (r: Result, v: string, width: number) => (r.done ? v : "—").padStart(width);
const ratioOf = (r: Row) => (r.page.done && r.bare.done ? r.page.rps / r.bare.rps : NaN);
function line(r: Row): string {
  const bad = r.page.bad + r.bare.bad + r.page10.bad + r.bare10.bad;
  const none = [r.page, r.bare, r.page10, r.bare10].some((x) => !x.done);
  return (
    `  ${r.name.padEnd(17)}|${fig(r.page, f0(r.page.rps), 6)} ${fig(r.page, String(r.page.p50), 4)} ${fig(r.page, String(r.page.p99), 4)} ` +
    `|${fig(r.bare, f0(r.bare.rps), 6)} ${fig(r.bare, String(r.bare.p50), 4)} ${fig(r.bare, String(r.bare.p99), 4)} ` +
    `|${(Number.isNaN(ratioOf(r)) ? "—" : ratioOf(r).toFixed(2)).padStart(6)} |${fig(r.page10, String(r.page10.p99), 5)} ${fig(r.bare10, String(r.bare10.p99), 5)}` +
    (bad ? `  (${bad} non-2xx/errors)` : "") +
    (none ? "  (— : no response completed within the run)" : "")
  );
}
const HEADER = [
  "                   |     page @50      |     bare @50      |       | p99 @10 (ms)",
  "  page             |  req/s  p50  p99 |  req/s  p50  p99 | ratio |  page  bare",
];

async function measureScale(scale: number): Promise<ScaleResult> {
  const seeded = await seededDatabase(scale);
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const copy = path.join(RUN_DIR, `scale-${scale}.sqlite`);
  console.log(`[${elapsed()}] Scale ${scale}: copying the seeded database for this run…`);
  fs.copyFileSync(seeded, copy);

  const sqlite = new Database(copy, { readonly: true });
  const live = "FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'";
  // The middle of the catalogue, not its newest or oldest corner.
  const productCount = (sqlite.prepare(`SELECT count(*) AS n ${live}`).get() as { n: number }).n;
  const product = (sqlite.prepare(`SELECT p.slug ${live} ORDER BY p.id LIMIT 1 OFFSET ?`).get(Math.floor(productCount / 2)) as { slug: string }).slug;
  const storeCount = (sqlite.prepare("SELECT count(*) AS n FROM stores WHERE status = 'live'").get() as { n: number }).n;
  const store = (sqlite.prepare("SELECT slug FROM stores WHERE status = 'live' ORDER BY id LIMIT 1 OFFSET ?").get(Math.floor(storeCount / 2)) as { slug: string }).slug;
  sqlite.close();

  console.log(`[${elapsed()}] Scale ${scale}: in-process search…`);
  const searchOut = await runChild(["--import", "tsx", "scripts/bench-search.ts"], { DATABASE_PATH: copy }, 300_000, "capture");
  const search = JSON.parse(searchOut.trim().split("\n").pop()!) as ScaleResult["search"];

  console.log(`[${elapsed()}] Scale ${scale}: starting the production server on ${HOST}:${PORT}…`);
  const server = await startBenchServer(copy, PORT, { BENCH_BARE_ROUTE: "1" });
  const base = `http://${HOST}:${PORT}`;
  const targets = [
    ["/products", "/products", "/bench-bare?view=products"],
    ["/products/:slug", `/products/${product}`, `/bench-bare?view=product&slug=${product}`],
    ["/stores/:slug", `/stores/${store}`, `/bench-bare?view=store&slug=${store}`],
    ["/search?q=coffee", "/search?q=coffee", "/bench-bare?view=search&q=coffee"],
  ] as const;
  const rows: Row[] = [];
  try {
    // Every URL must answer 200 before anything is measured.
    for (const [, page, bare] of targets) {
      for (const url of [page, bare]) {
        const res = await fetch(`${base}${url}`, { signal: AbortSignal.timeout(30_000) });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
      }
    }
    console.log(`  ${SECONDS} s per run; latency in ms`);
    for (const l of HEADER) console.log(l);
    for (const [name, page, bare] of targets) {
      await load(`${base}${page}`, 10, WARMUP_SECONDS); // warm caches and JIT
      await load(`${base}${bare}`, 10, WARMUP_SECONDS);
      const row: Row = {
        name,
        page: await load(`${base}${page}`, 50),
        bare: await load(`${base}${bare}`, 50),
        page10: await load(`${base}${page}`, 10),
        bare10: await load(`${base}${bare}`, 10),
      };
      rows.push(row);
      console.log(line(row));
    }
    return { scale, rows, search, peakMb: peakRssMb(server.pid!) };
  } finally {
    await stopServer(server);
    fs.rmSync(copy, { force: true });
  }
}

function summary(results: ScaleResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    out.push("", `Scale ${r.scale} (${r.scale * 100} stores, ${r.scale * 1000} products), ${SECONDS} s per run, latency in ms`);
    out.push(...HEADER, ...r.rows.map(line));
    out.push(`  in-process search (${r.search.n} queries): p50 ${r.search.p50.toFixed(2)} ms, p99 ${r.search.p99.toFixed(2)} ms, max ${r.search.max.toFixed(2)} ms`);
    out.push(`  server peak memory (VmHWM): ${r.peakMb} MB`);
  }
  out.push("", "Targets");
  const yes = (ok: boolean) => (ok ? "met   " : "MISSED");
  for (const r of results) {
    for (const row of r.rows) {
      const ratio = ratioOf(row);
      out.push(`  ${yes(ratio >= 0.6)} scale ${r.scale}: ${row.name} ratio ${Number.isNaN(ratio) ? "— (a run completed no response)" : ratio.toFixed(2)} (≥ 0.6)`);
    }
    for (const row of r.rows) {
      const p99 = row.page10.done ? `${row.page10.p99} ms` : `— (no response within ${SECONDS} s)`;
      out.push(`  ${yes(row.page10.done > 0 && row.page10.p99 <= 50)} scale ${r.scale}: ${row.name} p99 @10 ${p99} (≤ 50 ms)`);
    }
  }
  const big = results.find((r) => r.scale >= 100);
  if (big) out.push(`  ${yes(big.search.p99 <= 20)} scale ${big.scale}: in-process search p99 ${big.search.p99.toFixed(2)} ms (≤ 20 ms)`);
  const small = results.find((r) => r.scale === 1);
  if (small && big) {
    for (const [i, row] of small.rows.entries()) {
      const slowdown = big.rows[i].page.done ? row.page.rps / big.rows[i].page.rps : Infinity;
      out.push(`  ${yes(slowdown <= 1.5)} ${row.name} req/s scale 1 ÷ scale ${big.scale}: ${Number.isFinite(slowdown) ? `${slowdown.toFixed(2)}×` : "— (none completed at scale 100)"} (≤ 1.5×)`);
    }
  }
  out.push("", `Bench took ${elapsed()}.`);
  return out;
}

let exitCode = 0;
try {
  await build();
  const results: ScaleResult[] = [];
  for (const scale of SCALES) results.push(await measureScale(scale));
  console.log(summary(results).join("\n"));
} catch (error) {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  cleanUp();
}
process.exit(exitCode);
