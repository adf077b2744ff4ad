/**
 * Database set-up as a guarded step (issue 15): servers starting at once on
 * one empty database migrate and seed it once. The lock itself is checked
 * step by step (one holder at a time, a dead holder's lease runs out), then
 * two processes run `npm run db:seed` on the same fresh file at once, and
 * the result is counted: every migration applied once, one seed, the
 * catalogue and counters of one seeded database.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { releaseSetupLock, tryTakeSetupLock, withSetupLock } from "../../db/setup-lock";

const runDir = () => inject("runDir");

describe("the set-up lock", () => {
  it("has one holder at a time, is free again once released, and passes on when a dead holder's lease runs out", async () => {
    const file = path.join(runDir(), `lock-${process.pid}.sqlite`);
    const one = openDatabase(file);
    const two = openDatabase(file);
    const now = 1_000_000;
    expect(tryTakeSetupLock(one, "server-a", now, 60_000)).toBe(true);
    expect(tryTakeSetupLock(two, "server-b", now + 1, 60_000)).toBe(false);
    releaseSetupLock(one, "server-a");
    expect(tryTakeSetupLock(two, "server-b", now + 2, 60_000)).toBe(true);
    // server-b dies holding it: nobody gets it before the lease ends, server-a does after.
    expect(tryTakeSetupLock(one, "server-a", now + 59_000, 60_000)).toBe(false);
    expect(tryTakeSetupLock(one, "server-a", now + 60_002, 60_000)).toBe(true);
    releaseSetupLock(one, "server-a");

    // withSetupLock: a second caller starts only after the first has finished.
    const events: string[] = [];
    let finishFirst!: () => void;
    const first = withSetupLock(one, async () => {
      events.push("first starts");
      await new Promise<void>((resolve) => (finishFirst = resolve));
      events.push("first ends");
    });
    const second = withSetupLock(two, () => void events.push("second runs"), { pollMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(["first starts"]);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(["first starts", "first ends", "second runs"]);
    one.$client.close();
    two.$client.close();
  });
});

function runSeed(databasePath: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
      env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" },
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
    const file = path.join(runDir(), `two-setups-${process.pid}.sqlite`);
    const [a, b] = await Promise.all([runSeed(file), runSeed(file)]);
    expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
    const seeding = [a, b].filter((r) => r.out.includes("Empty database")).length;
    expect(seeding).toBe(1);

    const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    const made = new Database(file, { readonly: true });
    const base = new Database(inject("baseDb"), { readonly: true });
    const one = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(one(made, "SELECT count(*) AS n FROM __drizzle_migrations")).toBe(journal.entries.length);
    for (const table of ["stores", "products", "users", "festivals", "festival_deals", "orders", "order_lines"]) {
      expect({ table, n: one(made, `SELECT count(*) AS n FROM ${table}`) }).toEqual({
        table,
        n: one(base, `SELECT count(*) AS n FROM ${table}`),
      });
    }
    expect(one(made, "SELECT value AS n FROM progress_counters WHERE scope = 'campaign' AND metric = 'orders'")).toBe(
      one(made, "SELECT count(*) AS n FROM orders WHERE status = 'paid'"),
    );
    // The lock was given back.
    expect(one(made, "SELECT count(*) AS n FROM __setup_lock")).toBe(0);
    made.close();
    base.close();
  }, 240_000);
});
