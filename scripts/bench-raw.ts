/**
 * The raw `node:http` server `npm run bench` compares the app with: one
 * process per core through node's cluster (WEB_CONCURRENCY, like `npm start`),
 * each answering every recorded URL with exactly the status, headers and
 * body bytes the app sent for it (recorded by scripts/bench.ts with the
 * Accept-Encoding the load generator sends). Node adds Date, Connection and
 * Keep-Alive itself, as it does for the app. Anything else is a 404.
 *
 *   BENCH_RAW_RECORDINGS=file.json  PORT=3651  HOST=127.0.0.1  WEB_CONCURRENCY=2
 *
 * The recordings file: `{ "/path?query": { status, headers: [name, value, …], body: base64 } }`.
 * The primary prints "ready" once every worker listens; SIGTERM stops them all.
 */
import cluster from "node:cluster";
import fs from "node:fs";
import { createServer } from "node:http";
import os from "node:os";

export interface Recording {
  status: number;
  /** Flat [name, value, name, value, …], as the app sent them. */
  headers: string[];
  body: string;
}

const port = Number(process.env.PORT ?? 3651);
const host = process.env.HOST ?? "127.0.0.1";

if (cluster.isPrimary) {
  const count = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());
  let listening = 0;
  let stopping = false;
  cluster.on("listening", () => {
    if (++listening === count) console.log("ready");
  });
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      console.error(`raw server process ${worker.process.pid} ended (${signal ?? `exit ${code}`})`);
      process.exit(1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  for (let i = 0; i < count; i++) cluster.fork();
} else {
  const file = process.env.BENCH_RAW_RECORDINGS;
  if (!file) throw new Error("BENCH_RAW_RECORDINGS is not set");
  const recordings = new Map<string, { status: number; headers: string[]; body: Buffer }>();
  for (const [url, r] of Object.entries(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Recording>)) {
    recordings.set(url, { status: r.status, headers: r.headers, body: Buffer.from(r.body, "base64") });
  }
  const server = createServer((req, res) => {
    const r = recordings.get(req.url ?? "/");
    if (!r) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not recorded");
      return;
    }
    res.writeHead(r.status, r.headers);
    res.end(req.method === "HEAD" ? undefined : r.body);
  });
  server.listen(port, host);
  process.once("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
