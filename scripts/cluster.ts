/**
 * One server process per core (node's cluster): the workers share the port
 * and the database (SQLite in WAL mode). The primary only supervises: a
 * worker that dies is replaced, and SIGTERM/SIGINT stop the workers
 * gracefully (each finishes its requests in flight) before it leaves.
 *
 * `npm start` prepares the database and build, then runs this; on its own
 * (`node --import tsx scripts/cluster.ts`) it serves an existing build and
 * database as they are, as scripts/server.ts does for one process.
 */
import cluster from "node:cluster";
import os from "node:os";
import { startedAs } from "./main-script";

export interface ClusterOptions {
  port: number;
  host?: string;
  /** Server processes: WEB_CONCURRENCY, else one per core. */
  processes?: number;
  /** Printed once every worker listens. */
  banner?: (processes: number) => string;
}

export async function serveOnEveryCore(options: ClusterOptions): Promise<void> {
  if (cluster.isWorker) {
    const { startServer } = await import("./server");
    await startServer(options.port, options.host);
    return;
  }
  const count = Math.max(1, options.processes ?? (Number(process.env.WEB_CONCURRENCY) || os.availableParallelism()));
  let stopping = false;
  const recentDeaths: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // Replace a dead worker, but not in a tight loop if every new one dies at once (a broken build).
    const t = Date.now();
    recentDeaths.push(t);
    while (recentDeaths.length && recentDeaths[0] < t - 60_000) recentDeaths.shift();
    console.error(`Server process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another.`);
    if (recentDeaths.length > 10) {
      console.error("Server processes keep dying; stopping.");
      process.exit(1);
    }
    setTimeout(() => cluster.fork(), recentDeaths.length > 3 ? 1000 : 0);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === count && options.banner) console.log(options.banner(count));
  });
  for (let i = 0; i < count; i++) cluster.fork();
}

if (startedAs("cluster")) {
  process.env.NODE_ENV ??= "production";
  if (cluster.isPrimary) (await import("../app/env.server")).exitOnInvalidEnvironment();
  const port = Number(process.env.PORT ?? 3000);
  await serveOnEveryCore({ port, host: process.env.HOST, banner: (n) => `Listening on http://localhost:${port} (${n} server processes)` });
}
