/**
 * One database set-up (migrations, then the seed of an empty database) at a
 * time, however many servers start at once: each takes the set-up lock,
 * does what is left to do, and lets go; the others wait, then find nothing
 * left to do.
 *
 * SQLite: a lease row in `__setup_lock`, outside the migrated schema since
 * it must exist before the first migration. It is taken with one conditional
 * upsert (only when free or when its lease has run out, so a server that
 * died holding it does not block the others for ever), renewed while held,
 * and deleted on release. PostgreSQL takes a session advisory lock
 * (`pg_advisory_lock`) on a connection of its own behind the same
 * `withSetupLock`, and the server gives it back if that connection dies.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { postgresPool, type AppDatabase } from "./connection";

/** The advisory lock's key on PostgreSQL: one number every server of this app agrees on. */
const POSTGRES_LOCK = "hashtext('silk-road-showcase:setup')";

/** Long enough for the largest seed between renewals; a holder that died frees the lock after this. */
const LEASE_MS = 15 * 60 * 1000;
const RENEW_EVERY_MS = 30 * 1000;
const POLL_MS = 200;

export interface SetupLockOptions {
  log?: (message: string) => void;
  /** Tests shorten these. */
  leaseMs?: number;
  pollMs?: number;
}

function lockTable(db: AppDatabase) {
  const client = db.$client;
  client.exec(
    `CREATE TABLE IF NOT EXISTS "__setup_lock" ("name" text PRIMARY KEY NOT NULL, "holder" text NOT NULL, "expires_at" integer NOT NULL)`,
  );
  return {
    take: client.prepare<{ holder: string; now: number; expiresAt: number }>(
      `INSERT INTO "__setup_lock" ("name", "holder", "expires_at") VALUES ('setup', @holder, @expiresAt)
       ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expires_at" = excluded."expires_at"
       WHERE "__setup_lock"."expires_at" <= @now OR "__setup_lock"."holder" = @holder`,
    ),
    give: client.prepare<[string]>(`DELETE FROM "__setup_lock" WHERE "name" = 'setup' AND "holder" = ?`),
  };
}

/** Takes the lock if it is free (or its lease has run out): true if this holder now has it. */
export function tryTakeSetupLock(db: AppDatabase, holder: string, now = Date.now(), leaseMs = LEASE_MS): boolean {
  return lockTable(db).take.run({ holder, now, expiresAt: now + leaseMs }).changes === 1;
}

export function releaseSetupLock(db: AppDatabase, holder: string): void {
  lockTable(db).give.run(holder);
}

/** A holder seeding a large database keeps SQLite's write lock longer than the busy timeout: wait again then. */
function takenUnlessBusy(db: AppDatabase, holder: string, leaseMs: number): boolean {
  try {
    return tryTakeSetupLock(db, holder, Date.now(), leaseMs);
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return false;
    throw error;
  }
}

/** Runs `fn` holding the set-up lock, waiting for another holder to finish first. */
export async function withSetupLock<T>(db: AppDatabase, fn: () => T | Promise<T>, options: SetupLockOptions = {}): Promise<T> {
  const pool = postgresPool(db);
  if (pool) {
    const client = await pool.connect();
    try {
      const [{ taken }] = (await client.query<{ taken: boolean }>(`SELECT pg_try_advisory_lock(${POSTGRES_LOCK}) AS taken`)).rows;
      if (!taken) {
        options.log?.("Another server is setting up the database (migrations, seed): waiting for it…");
        await client.query(`SELECT pg_advisory_lock(${POSTGRES_LOCK})`);
      }
      try {
        return await fn();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${POSTGRES_LOCK})`);
      }
    } finally {
      client.release();
    }
  }
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const holder = `${os.hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
  let told = false;
  while (!takenUnlessBusy(db, holder, leaseMs)) {
    if (!told) options.log?.("Another server is setting up the database (migrations, seed): waiting for it…");
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? POLL_MS));
  }
  const renew = setInterval(() => takenUnlessBusy(db, holder, leaseMs), Math.min(RENEW_EVERY_MS, leaseMs / 3));
  renew.unref();
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    releaseSetupLock(db, holder);
  }
}
