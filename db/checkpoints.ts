/**
 * WAL checkpoints off the request path.
 *
 * In WAL mode every commit appends its pages to the -wal file, and a
 * checkpoint copies them back into the database file and fsyncs it. By
 * default SQLite runs that checkpoint inside whichever commit pushes the WAL
 * past 1,000 pages, so every few dozen orders one shopper's request paid for
 * copying and syncing everyone's pages. Here a worker thread with its own
 * connection runs a PASSIVE checkpoint (never blocks readers or the writer)
 * every `intervalMs`, on the other core; the app's connection keeps an
 * automatic checkpoint only as a backstop, at a higher mark, and since the
 * worker has already copied most frames by then, the backstop is cheap.
 * See docs/decisions/0010-order-path-throughput.md.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { AppDatabase } from "./connection";

export interface CheckpointOptions {
  /** How often the worker checkpoints. */
  intervalMs?: number;
  /** The app connection's own automatic checkpoint, as a backstop (pages). */
  backstopPages?: number;
}

// Runs in the worker, as CommonJS. It resolves the driver through the path it
// is given, so it works the same from the source tree and from the build.
const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 1000");
let copied = 0;
const checkpoint = () => {
  try {
    const [row] = db.pragma("wal_checkpoint(PASSIVE)");
    // "checkpointed" counts every frame copied back since the WAL last restarted, so count runs, not frames.
    if (row.checkpointed > 0) copied++;
  } catch (error) {
    // A busy database this time round: the next tick (or the backstop) catches up.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "stop") {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.postMessage({ stopped: true, copied });
    parentPort.close();
  }
});
`;

// One worker per database file per process, kept on globalThis so that a
// module reloaded by the dev server does not start a second one.
const running: Map<string, Worker> = ((globalThis as { __showcaseCheckpointers?: Map<string, Worker> }).__showcaseCheckpointers ??=
  new Map<string, Worker>());

/**
 * Starts the background checkpointer for this connection's file (once per
 * file per process). The returned function stops it after one last
 * checkpoint and resolves to how many of the worker's checkpoints found
 * committed frames to copy back (0 if it was not running).
 */
export function startBackgroundCheckpoints(db: AppDatabase, options: CheckpointOptions = {}): () => Promise<number> {
  const client = db.$client;
  const file = client.name;
  if (client.memory || !file) return () => Promise.resolve(0);
  client.pragma(`wal_autocheckpoint = ${options.backstopPages ?? 10_000}`);
  // After a burst the WAL file would otherwise stay at its largest size.
  client.pragma("journal_size_limit = 67108864");
  let worker = running.get(file);
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: createRequire(import.meta.url).resolve("better-sqlite3"), intervalMs: options.intervalMs ?? 100 },
    });
    // Never keeps the process alive, and a failure to start only means the backstop does the work.
    worker.unref();
    worker.on("error", (error) => {
      console.warn(`Background checkpoints stopped: ${error.message}`);
      running.delete(file);
    });
    running.set(file, worker);
  }
  const started = worker;
  return () => stopCheckpointer(file, started);
}

function stopCheckpointer(file: string, worker = running.get(file)): Promise<number> {
  return new Promise<number>((resolve) => {
    if (!worker || running.get(file) !== worker) return resolve(0);
    running.delete(file);
    worker.once("message", (message: { copied: number }) => resolve(message.copied));
    worker.once("exit", () => resolve(0));
    worker.postMessage("stop");
  });
}

/**
 * Copies every committed page into the database file and empties the WAL, so
 * that a plain copy of the file is complete (the test set-up copies one).
 * Stops this process's background checkpointer first: SQLite answers a
 * checkpoint that meets another one at once with "busy", without waiting.
 */
export async function foldWalIntoFile(db: AppDatabase): Promise<void> {
  await stopCheckpointer(db.$client.name);
  for (let attempt = 0; attempt < 100; attempt++) {
    const [row] = db.$client.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
    if (row.busy === 0 && row.log === row.checkpointed) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Could not fold the WAL into ${db.$client.name}: another connection kept it busy`);
}
