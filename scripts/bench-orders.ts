/**
 * `npm run bench:orders`: paid-order transactions per second on this machine,
 * on a freshly seeded database of its own. Measures
 *   1. the whole paid-order path: price on the server, one transaction that
 *      takes the stock and stores the pending order, then one that stores the
 *      payment event, moves pending → paid and adds to every counter;
 *   2. the fulfilment transaction alone (event + guarded update + counters);
 * then checks that reconcile still finds zero drift.
 *
 * SQLite (the default): one process, one order at a time, on
 * tests/.tmp/bench-orders; WAL checkpoints run as in the server, in a
 * background thread (db/checkpoints.ts).
 *
 * PostgreSQL (BENCH_DATABASE=postgres): a throw-away server
 * (scripts/postgres.ts), migrated and seeded as `npm start` does with
 * DATABASE_URL, then BENCH_PROCESSES app processes (default 2) on it, each
 * with BENCH_CONCURRENCY orders in flight (default 8: a server process serves
 * many requests at once) over its pool of DATABASE_POOL_SIZE connections.
 * Beside the run it samples pg_stat_activity (what the busy connections wait
 * on, and how many wait for a lock on a progress_counters row) and counts
 * the round trips per order; it prints whether issue #15's target holds
 * (≥ 2,000 paid orders/s with 2 app processes).
 *   BENCH_ORDERS=5000  (orders per measurement, all processes together)
 *   BENCH_DATABASE=sqlite|postgres  BENCH_PROCESSES=2  BENCH_CONCURRENCY=8  DATABASE_POOL_SIZE=10
 *   BENCH_CPU_PROF=dir  (PostgreSQL: each app process writes a V8 CPU profile there)
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const N = Number(process.env.BENCH_ORDERS ?? 5000);
const ENGINE = process.env.BENCH_DATABASE === "postgres" ? "postgres" : "sqlite";
const PROCESSES = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 2));
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CONCURRENCY ?? 8));
const TARGET = 2000;
const WORKER = process.env.BENCH_ORDERS_WORKER;
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(", ");

/** Work one process runs when told: `tag` names the phase, `from`/`count` its share of the orders. */
interface Phase {
  phase: "warm" | "full" | "prepare" | "pay" | "replay";
  from: number;
  count: number;
}
interface PhaseDone {
  ms: number;
  /** Queries sent to the database in the phase (round trips). */
  queries: number;
  duplicates: number;
  /** CPU time the process used in the phase (user + system), in µs. */
  cpuUs: number;
}

/** The app's order path, loaded once DATABASE_PATH or DATABASE_URL is settled. */
async function orderPath() {
  const { db, schema, transact } = await import("../app/db.server");
  const { and, eq } = await import("drizzle-orm");
  const { createPendingOrder, markOrderPaid } = await import("../app/modules/orders/orders.server");
  // Products from many stores, countries and categories (deals included).
  const products = await db
    .select({ id: schema.products.id })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .where(and(eq(schema.products.status, "active"), eq(schema.stores.status, "live")))
    .orderBy(schema.products.id);
  const currencies = ["USD", "CNY", "KES", "EUR", "NGN"];
  const input = (i: number) => ({
    lines: [
      { productId: products[(i * 7) % products.length].id, quantity: 1 + (i % 2) },
      { productId: products[(i * 13 + 5) % products.length].id, quantity: 1 },
    ].filter((l, k, all) => k === 0 || l.productId !== all[0].productId),
    email: `bench${i}@example.com`,
    customerName: "Bench Shopper",
    shippingAddress: { line1: "1 Bench Road", city: "Nairobi" },
    shippingCountry: "KE",
    lang: "en" as const,
    currency: currencies[i % currencies.length],
    paymentProvider: "demo",
    now: new Date(),
  });
  const pay = (orderId: number, tag: string) =>
    markOrderPaid({ orderId, provider: "demo", providerEventId: `bench-${tag}-${orderId}`, type: "bench.paid", now: new Date() });
  /** Plenty of stock and of deal units, so every order succeeds (5,000 orders used up a deal's committed units). */
  const fillStock = () =>
    transact(db, async (tx) => {
      await tx.update(schema.products).set({ stock: 1_000_000 });
      await tx.update(schema.festivalDeals).set({ committedStock: 1_000_000 });
    });
  return { db, products, input, pay, createPendingOrder, fillStock };
}

/** Runs `fn(i)` for i in [from, from + count) with `concurrency` calls in flight. */
async function inFlight(from: number, count: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = from;
  const end = from + count;
  const lane = async () => {
    while (next < end) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

// ── SQLite: one process, one order at a time ─────────────────────────────────
async function benchSqlite() {
  const dir = path.resolve("tests/.tmp/bench-orders");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");

  const { prepareDatabase } = await import("./prepare-database");
  await prepareDatabase({ log: () => {} });
  const { stopBackgroundCheckpoints } = await import("../app/db.server");
  const { reconcileCounters } = await import("../app/modules/counters/counters.server");
  const { db, products, input, pay, createPendingOrder, fillStock } = await orderPath();
  await fillStock();

  // The WAL's size, sampled between orders: shows the checkpoints keep up.
  const walFile = `${process.env.DATABASE_PATH}-wal`;
  let walPeak = 0;
  const sampleWal = (i: number) => {
    if (i % 250 === 0) walPeak = Math.max(walPeak, fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0);
  };

  // Warm-up (JIT, page cache of the file).
  for (let i = 0; i < 200; i++) await pay((await createPendingOrder(input(i))).id, "warm");

  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const order = await createPendingOrder(input(i));
    if ((await pay(order.id, "full")) !== "paid") throw new Error("order not paid");
    sampleWal(i);
  }
  const fullMs = performance.now() - t0;

  const pending: number[] = [];
  for (let i = 0; i < N; i++) pending.push((await createPendingOrder(input(i))).id);
  t0 = performance.now();
  for (const [i, id] of pending.entries()) {
    if ((await pay(id, "pay")) !== "paid") throw new Error("order not paid");
    sampleWal(i);
  }
  const payMs = performance.now() - t0;

  t0 = performance.now();
  let dup = 0;
  for (const id of pending) if ((await pay(id, "pay")) === "duplicate_event") dup++;
  const replayMs = performance.now() - t0;

  const drift = await reconcileCounters();
  const rate = (ms: number) => Math.round((N * 1000) / ms).toLocaleString("en");
  console.log(`Paid-order benchmark (${N.toLocaleString("en")} orders each, 1–2 lines, SQLite WAL, synchronous=NORMAL, ${products.length} products; one process, one order at a time):`);
  console.log(`  whole path  (price + stock + pending order + payment event + pending→paid + counters): ${rate(fullMs)} paid orders/s  (${(fullMs / N).toFixed(3)} ms each)  load average ${load()}`);
  console.log(`  fulfilment  (payment event + guarded pending→paid + counters, one transaction):      ${rate(payMs)} transactions/s  (${(payMs / N).toFixed(3)} ms each)`);
  console.log(`  replays     (the same events again: no-ops):                                          ${rate(replayMs)} /s  (${dup.toLocaleString("en")} duplicates refused)`);
  console.log(`  reconcile   drift after the run: ${drift.length}`);
  console.log(`  WAL         largest size seen: ${(walPeak / 1048576).toFixed(1)} MB (checkpoints in a background thread)`);
  await stopBackgroundCheckpoints();
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (drift.length) process.exitCode = 1;
}

// ── PostgreSQL: a worker, one app process ────────────────────────────────────
async function benchWorker() {
  const pg = (await import("pg")).default;
  // Round trips: every query a pooled client sends (BEGIN and COMMIT included).
  let queries = 0;
  const proto = pg.Client.prototype as unknown as { query: (this: unknown, ...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    queries++;
    return query.apply(this, args);
  };
  const { input, pay, createPendingOrder } = await orderPath();
  let pending: number[] = [];
  const send = (m: unknown) => process.send!(m);
  process.on("message", (p: Phase) => void runPhase(p));
  const runPhase = async (p: Phase) => {
    try {
      const before = queries;
      const cpu = process.cpuUsage();
      let duplicates = 0;
      const t0 = performance.now();
      if (p.phase === "warm" || p.phase === "full") {
        await inFlight(p.from, p.count, CONCURRENCY, async (i) => {
          const order = await createPendingOrder(input(i));
          if ((await pay(order.id, p.phase)) !== "paid") throw new Error("order not paid");
        });
      } else if (p.phase === "prepare") {
        pending = new Array<number>(p.count);
        await inFlight(0, p.count, CONCURRENCY, async (k) => {
          pending[k] = (await createPendingOrder(input(p.from + k))).id;
        });
      } else {
        await inFlight(0, pending.length, CONCURRENCY, async (k) => {
          const result = await pay(pending[k], "pay");
          if (p.phase === "pay" && result !== "paid") throw new Error(`order not paid: ${result}`);
          if (result === "duplicate_event") duplicates++;
        });
      }
      const used = process.cpuUsage(cpu);
      send({ ms: performance.now() - t0, queries: queries - before, duplicates, cpuUs: used.user + used.system } satisfies PhaseDone);
    } catch (error) {
      send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  // The bench going away ends this process (normally, so a --cpu-prof profile is written).
  process.on("disconnect", () => process.exit(0));
  send({ ready: true });
}

// ── PostgreSQL: the bench ────────────────────────────────────────────────────
interface Waits {
  samples: number;
  /** Sum over samples of the app's connections in a transaction or running a query. */
  busy: number;
  /** … of those waiting on a lock, and of those whose wait is a progress_counters row. */
  lockWaits: number;
  counterWaits: number;
  /** Wait events seen, by "type:event" ("CPU" when running, "Client" when the app has not sent the next query yet). */
  events: Map<string, number>;
}

async function benchPostgres() {
  const { startTemporaryPostgres } = await import("./postgres");
  // pg_stat_statements: which statements the time goes to (printed after the run).
  const server = startTemporaryPostgres((m) => console.log(m), ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track_planning=on"]);
  const workers: ChildProcess[] = [];
  try {
    process.env.DATABASE_URL = server.url;
    const t0 = performance.now();
    const { prepareDatabase } = await import("./prepare-database");
    await prepareDatabase({ log: () => {} });
    const { db, products, fillStock } = await orderPath();
    await fillStock();
    console.log(`PostgreSQL migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s; starting ${PROCESSES} app processes…`);

    const pg = (await import("pg")).default;
    const monitor = new pg.Client({ connectionString: server.url });
    await monitor.connect();
    const { rows: version } = await monitor.query<{ server_version: string }>("SHOW server_version");
    await monitor.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    // The bench's own monitoring connection: its CPU is not the orders'.
    const monitorPid = (await monitor.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const postgresCpuUs = () => server.cpuUs([monitorPid]);

    const self = fileURLToPath(import.meta.url);
    const messages = new Map<ChildProcess, (m: Record<string, unknown>) => void>();
    for (let w = 0; w < PROCESSES; w++) {
      const child = fork(self, [], {
        execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [])],
        env: { ...process.env, BENCH_ORDERS_WORKER: String(w), DATABASE_URL: server.url },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      workers.push(child);
      child.on("message", (m: Record<string, unknown>) => messages.get(child)?.(m));
    }
    const next = (child: ChildProcess) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const exit = (code: number | null) => reject(new Error(`an app process ended (code ${code})`));
        child.once("exit", exit);
        messages.set(child, (m) => {
          child.off("exit", exit);
          if (typeof m.error === "string") reject(new Error(m.error));
          else resolve(m);
        });
      });
    await Promise.all(workers.map(next));

    /** One phase in every process at once: each takes an equal share of `total` orders from `base`. */
    const phase = async (name: Phase["phase"], base: number, total: number, sample: boolean) => {
      const share = Math.ceil(total / PROCESSES);
      const waits: Waits = { samples: 0, busy: 0, lockWaits: 0, counterWaits: 0, events: new Map() };
      let sampling = sample;
      const sampler = (async () => {
        while (sampling) {
          await sampleWaits(monitor, waits);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const serverCpu = postgresCpuUs();
      const t = performance.now();
      const done = (await Promise.all(
        workers.map((child, w) => {
          const result = next(child);
          child.send({ phase: name, from: base + w * share, count: Math.min(share, total - w * share) } satisfies Phase);
          return result;
        }),
      )) as unknown as PhaseDone[];
      const ms = performance.now() - t;
      const serverCpuUs = postgresCpuUs() - serverCpu;
      sampling = false;
      await sampler;
      const sum = (f: (d: PhaseDone) => number) => done.reduce((n, d) => n + f(d), 0);
      return { ms, queries: sum((d) => d.queries), duplicates: sum((d) => d.duplicates), appCpuUs: sum((d) => d.cpuUs), serverCpuUs, waits };
    };

    await phase("warm", 0, Math.min(N, 200 * PROCESSES), false);
    await monitor.query("SELECT pg_stat_statements_reset()");
    const full = await phase("full", 0, N, true);
    const { rows: statements } = await monitor.query<{ calls: number; plan_ms: number; exec_ms: number; query: string }>(
      `SELECT calls::int AS calls, total_plan_time AS plan_ms, total_exec_time AS exec_ms, query FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_activity%'
       ORDER BY total_plan_time + total_exec_time DESC LIMIT 14`,
    );
    const fullLoad = load();
    await phase("prepare", N, N, false);
    const paid = await phase("pay", N, N, true);
    const payLoad = load();
    const replay = await phase("replay", N, N, false);

    const { reconcileCounters } = await import("../app/modules/counters/counters.server");
    const drift = await reconcileCounters();
    const { rows: lockStats } = await monitor.query<{ deadlocks: number }>(
      "SELECT deadlocks::int AS deadlocks FROM pg_stat_database WHERE datname = current_database()",
    );
    await monitor.end();

    const perSecond = (ms: number) => (N * 1000) / ms;
    const rate = (ms: number) => Math.round(perSecond(ms)).toLocaleString("en");
    const fullRate = perSecond(full.ms);
    console.log(
      `Paid-order benchmark on PostgreSQL ${version[0].server_version} (${N.toLocaleString("en")} orders each, 1–2 lines, fsync off, ${products.length} products; ` +
        `${PROCESSES} app processes × ${CONCURRENCY} orders in flight, pool of ${Number(process.env.DATABASE_POOL_SIZE) || 10} connections each):`,
    );
    console.log(
      `  whole path  (price + stock + pending order + payment event + pending→paid + counters): ${rate(full.ms)} paid orders/s  (${(full.ms / N).toFixed(3)} ms of wall time each; ${(full.queries / N).toFixed(1)} round trips an order)  load average ${fullLoad}`,
    );
    console.log(
      `  fulfilment  (payment event + guarded pending→paid + counters, one transaction):      ${rate(paid.ms)} transactions/s  (${(paid.queries / N).toFixed(1)} round trips each)  load average ${payLoad}`,
    );
    const cpu = (r: typeof full) =>
      `CPU per order: app ${(r.appCpuUs / N / 1000).toFixed(2)} ms, PostgreSQL ${(r.serverCpuUs / N / 1000).toFixed(2)} ms (its backends, not the bench's monitor)`;
    console.log(`  CPU         whole path: ${cpu(full)}; fulfilment: ${cpu(paid)}`);
    console.log(`  replays     (the same events again: no-ops):                                          ${rate(replay.ms)} /s  (${replay.duplicates.toLocaleString("en")} duplicates refused)`);
    console.log(`  reconcile   drift after the run: ${drift.length}; deadlocks: ${lockStats[0]?.deadlocks ?? "?"}`);
    for (const [label, r] of [
      ["whole path", full],
      ["fulfilment", paid],
    ] as const) {
      const w = r.waits;
      const share = (n: number) => (w.busy ? `${((100 * n) / w.busy).toFixed(0)} %` : "—");
      const top = [...w.events].sort((a, b) => b[1] - a[1]).slice(0, 6);
      console.log(
        `  waits (${label}, ${w.samples} samples of pg_stat_activity): ${(w.busy / Math.max(1, w.samples)).toFixed(1)} connections busy on average; ` +
          `waiting on a lock ${share(w.lockWaits)}, on a progress_counters row ${share(w.counterWaits)}; ${top.map(([e, n]) => `${e} ${share(n)}`).join(", ")}`,
      );
    }
    console.log(`  statements  (whole path, pg_stat_statements): calls per order, plan + execution ms per call, the statement`);
    for (const st of statements) {
      const text = st.query.replace(/\s+/g, " ");
      console.log(
        `    ${(st.calls / N).toFixed(2).padStart(6)}  ${(st.plan_ms / st.calls).toFixed(3)} + ${(st.exec_ms / st.calls).toFixed(3)}  ${text.length > 150 ? `${text.slice(0, 150)}…` : text}`,
      );
    }
    const met = fullRate >= TARGET;
    console.log(
      `  target      ${met ? "met   " : "MISSED"} ${Math.round(fullRate).toLocaleString("en")} paid orders/s with ${PROCESSES} app processes (≥ ${TARGET.toLocaleString("en")}/s); load average ${load()} (${os.availableParallelism()} cores)`,
    );
    if (drift.length) process.exitCode = 1;
    const { closeDatabase } = await import("../db/connection");
    await closeDatabase(db);
  } finally {
    await Promise.all(
      workers.map(async (child) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((r) => child.once("exit", r));
        if (child.connected) child.disconnect();
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }),
    );
    server.stop();
  }
}

/**
 * One look at what the app's connections are doing: busy ones (in a transaction or running a
 * query), their wait events, and those waiting for a lock held by a transaction that has
 * written a progress_counters row (the hot campaign counter).
 */
async function sampleWaits(monitor: import("pg").Client, waits: Waits) {
  const { rows } = await monitor.query<{ event: string; blocked_on_counters: boolean }>(
    `SELECT CASE WHEN a.state = 'idle in transaction' THEN 'Client:idle in transaction'
                 WHEN a.wait_event_type IS NULL THEN 'CPU'
                 ELSE a.wait_event_type || ':' || a.wait_event END AS event,
            EXISTS (
              SELECT 1 FROM pg_locks held JOIN pg_class c ON c.oid = held.relation
              WHERE held.pid = ANY (pg_blocking_pids(a.pid)) AND c.relname LIKE 'progress_counters%' AND held.mode = 'RowExclusiveLock'
            ) AS blocked_on_counters
     FROM pg_stat_activity a
     WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
       AND a.state IN ('active', 'idle in transaction')`,
  );
  waits.samples++;
  for (const r of rows) {
    waits.busy++;
    waits.events.set(r.event, (waits.events.get(r.event) ?? 0) + 1);
    if (r.event.startsWith("Lock:")) {
      waits.lockWaits++;
      if (r.blocked_on_counters) waits.counterWaits++;
    }
  }
}

if (WORKER !== undefined) await benchWorker();
else if (ENGINE === "postgres") await benchPostgres();
else await benchSqlite();
