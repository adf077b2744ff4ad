/**
 * Database set-up as a guarded step (issue 15): servers starting at once on
 * one empty database migrate and seed it once. The lock itself is checked
 * step by step (one holder at a time; on SQLite, a dead holder's lease runs
 * out), then two processes run `npm run db:seed` on the same fresh database
 * at once, and the result is counted: every migration applied once, one
 * seed, the catalogue and counters of one seeded database. On either engine.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { sql, type SQL } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { db } from "~/db.server";
import { closeDatabase, type AppDatabase } from "../../db/connection";
import { releaseSetupLock, tryTakeSetupLock, withSetupLock } from "../../db/setup-lock";
import { emptyDatabase, firstRow } from "./fixtures";

const onPostgres = Boolean(inject("postgresServer"));

describe("the set-up lock", () => {
  // SQLite-only: its lock is a lease row taken and given back by these functions; PostgreSQL takes an
  // advisory lock behind withSetupLock (checked below), which the server frees when its holder's connection dies.
  it.skipIf(onPostgres)("has one holder at a time, is free again once released, and passes on when a dead holder's lease runs out", async () => {
    const database = await emptyDatabase(`lock-${process.pid}`);
    const one = database.open();
    const two = database.open();
    const now = 1_000_000;
    expect(tryTakeSetupLock(one, "server-a", now, 60_000)).toBe(true);
    expect(tryTakeSetupLock(two, "server-b", now + 1, 60_000)).toBe(false);
    releaseSetupLock(one, "server-a");
    expect(tryTakeSetupLock(two, "server-b", now + 2, 60_000)).toBe(true);
    // server-b dies holding it: nobody gets it before the lease ends, server-a does after.
    expect(tryTakeSetupLock(one, "server-a", now + 59_000, 60_000)).toBe(false);
    expect(tryTakeSetupLock(one, "server-a", now + 60_002, 60_000)).toBe(true);
    releaseSetupLock(one, "server-a");
    await closeDatabase(one);
    await closeDatabase(two);
  });

  it("lets a second caller start only after the first has finished (withSetupLock, two connections)", async () => {
    const database = await emptyDatabase(`lock_wait_${process.pid}`);
    const one = database.open();
    const two = database.open();
    const events: string[] = [];
    let finishFirst!: () => void;
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = withSetupLock(one, async () => {
      events.push("first starts");
      firstStarted();
      await new Promise<void>((resolve) => (finishFirst = resolve));
      events.push("first ends");
    });
    await started;
    const second = withSetupLock(two, () => void events.push("second runs"), { pollMs: 5 });
    // Time for the second caller to run, were it not held back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(["first starts"]);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(["first starts", "first ends", "second runs"]);
    await closeDatabase(one);
    await closeDatabase(two);
  });
});

function runSeed(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
      env: { ...process.env, ...env, NODE_ENV: "test", LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("two servers setting up one empty database at once", () => {
  it("leave one migrated, seeded database: every migration once, one seed, counters equal to the orders", async () => {
    const database = await emptyDatabase(`two_setups_${process.pid}`);
    const [a, b] = await Promise.all([runSeed(database.env), runSeed(database.env)]);
    expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
    const seeding = [a, b].filter((r) => r.out.includes("Empty database")).length;
    expect(seeding).toBe(1);

    // Each engine has its own migrations; PostgreSQL's migrator keeps its table in the schema "drizzle".
    const journal = JSON.parse(fs.readFileSync(onPostgres ? "db/migrations-pg/meta/_journal.json" : "db/migrations/meta/_journal.json", "utf8")) as {
      entries: unknown[];
    };
    const made = database.open();
    // This file's own copy of the run's seeded base database, which no test here changes.
    const base: AppDatabase = db;
    const one = async (handle: AppDatabase, query: SQL) => (await firstRow<{ n: number }>(handle, query)).n;
    try {
      expect(await one(made, onPostgres ? sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations` : sql`SELECT count(*) AS n FROM __drizzle_migrations`)).toBe(
        journal.entries.length,
      );
      for (const table of ["stores", "products", "users", "festivals", "festival_deals", "orders", "order_lines"]) {
        const count = sql.raw(`SELECT count(*) AS n FROM ${table}`);
        expect({ table, n: await one(made, count) }).toEqual({ table, n: await one(base, count) });
      }
      expect(await one(made, sql`SELECT SUM(value) AS n FROM progress_counters WHERE scope = 'campaign' AND metric = 'orders'`)).toBe(
        await one(made, sql`SELECT count(*) AS n FROM orders WHERE status = 'paid'`),
      );
      // SQLite-only: the lease row was given back (PostgreSQL's advisory lock went with its holder's connection).
      if (!onPostgres) expect(await one(made, sql`SELECT count(*) AS n FROM __setup_lock`)).toBe(0);
    } finally {
      await closeDatabase(made);
    }
  }, 240_000);
});
