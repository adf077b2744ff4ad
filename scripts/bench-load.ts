/**
 * The load generator for `npm run bench`, in a process of its own so that
 * autocannon's CPU is not taken from the server it measures (nor the other
 * way round). Forked by scripts/bench.ts with an IPC channel: each message
 * `{ id, url, connections, seconds, headers }` runs one autocannon run and
 * answers `{ id, result }` or `{ id, error }`. Only 127.0.0.1 is accepted,
 * and every run is stopped by force if it overruns its time.
 */
import autocannon from "autocannon";

export interface LoadRequest {
  id: number;
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx responses, errors and timeouts. */
  bad: number;
  /** Responses completed in the run; 0 means every request outlasted it, so the other figures mean nothing. */
  done: number;
  /** Requests sent, those still unanswered when the run ended included. */
  sent: number;
}

function run(request: LoadRequest): Promise<LoadResult> {
  if (new URL(request.url).hostname !== "127.0.0.1") return Promise.reject(new Error(`refusing to load ${request.url}: 127.0.0.1 only`));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: request.url, connections: request.connections, duration: request.seconds, pipelining: 1, timeout: 10, headers: request.headers },
      (error, r) => {
        clearTimeout(guard);
        if (error) reject(error);
        else resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts, done: r.requests.total, sent: r.requests.sent });
      },
    );
    const guard = setTimeout(() => instance.stop(), (request.seconds + 20) * 1000);
  });
}

if (!process.send) {
  console.error("scripts/bench-load.ts is started by scripts/bench.ts (it needs an IPC channel).");
  process.exit(1);
}
// One run at a time, in the order asked.
let queue = Promise.resolve();
process.on("message", (request: LoadRequest) => {
  queue = queue.then(() =>
    run(request).then(
      (result) => void process.send!({ id: request.id, result }),
      (error: unknown) => void process.send!({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
// The bench going away (however it ends) ends this process too.
process.on("disconnect", () => process.exit(0));
