/**
 * PostgreSQL only (DATABASE_URL set, as in `npm test`'s PostgreSQL pass):
 * every migration in db/migrations-pg applied to an empty database gives
 * db/schema.pg.ts's tables, the search extensions and the rows and triggers
 * the SQLite migrations also make; the set-up lock lets one server at a time
 * in; and the two behaviours the domain's writes rest on hold on a pool of
 * connections: a conditional update that met a competing writer re-checks
 * its condition once that writer commits (READ COMMITTED), a nested
 * `transact` is a savepoint, and the content version's one row, moved by
 * triggers, is locked at commit, so two transactions taking the same rows in
 * one order cannot deadlock on it; and a deadlock's victim runs again.
 * Proven by counting rows and runs.
 */
import fs from "node:fs";
import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDatabase, openPostgres, type AppDatabase } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import * as postgresSchema from "../../db/schema.pg";
import { withSetupLock } from "../../db/setup-lock";
import { execute, rows, transact, type Tx } from "../../db/transact";
import { createEmptyPostgresDatabase } from "../setup/postgres";

const server = inject("postgresServer");
const one = async <T>(db: AppDatabase, query: ReturnType<typeof sql>) => (await rows<T>(db, query))[0];

/** A step one transaction waits for until the test (or the other transaction) opens it. */
interface Gate {
  opened: Promise<void>;
  open: () => void;
}
function gate(): Gate {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** How many of this database's connections wait for a lock now. */
const lockWaits = async (db: AppDatabase) =>
  (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).n;

describe.skipIf(!server)("PostgreSQL migrations and transactions", () => {
  let url = "";
  let db: AppDatabase;

  beforeAll(async () => {
    url = await createEmptyPostgresDatabase(server, inject("baseDb"), "migrations");
    db = openPostgres(url);
  });
  afterAll(() => closeDatabase(db));

  it("applies every migration once to an empty database: the schema's tables and columns, the search extensions, the site's row and triggers", async () => {
    await runMigrations(db);
    await runMigrations(db);
    const journal = JSON.parse(fs.readFileSync("db/migrations-pg/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(await one(db, sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`)).toEqual({ n: journal.entries.length });
    const extensions = await rows<{ name: string }>(db, sql`SELECT extname AS name FROM pg_extension ORDER BY extname`);
    expect(extensions.map((e) => e.name)).toEqual(expect.arrayContaining(["pg_trgm", "unaccent"]));
    expect(await one(db, sql`SELECT unaccent('Café') AS plain, similarity('cafe', 'cafe au lait') > 0 AS similar`)).toEqual({
      plain: "Cafe",
      similar: 1,
    });
    expect(await one(db, sql`SELECT count(*) AS n FROM site_state WHERE id = 1 AND content_version = 0`)).toEqual({ n: 1 });

    const columns = await rows<{ table: string; column: string; nullable: string }>(
      db,
      sql`SELECT table_name AS "table", column_name AS "column", is_nullable AS nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const made = new Map<string, string[]>();
    for (const c of columns)
      made.set(c.table, [...(made.get(c.table) ?? []), `${c.column}${c.nullable === "NO" ? " not null" : ""}`]);
    const declared = (Object.values(postgresSchema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
    expect([...made.keys()].sort()).toEqual(declared.map((t) => getTableName(t)).sort());
    for (const table of declared) {
      const expected = getTableConfig(table).columns.map((c) => `${c.name}${c.notNull ? " not null" : ""}`);
      expect({ table: getTableName(table), columns: made.get(getTableName(table))?.sort() }).toEqual({
        table: getTableName(table),
        columns: expected.sort(),
      });
    }
  });

  it("keeps the catalogue's dates and the content version by trigger, as on SQLite", async () => {
    await transact(db, async (tx) => {
      await execute(
        tx,
        sql`INSERT INTO users (id, email, name, role, created_at) VALUES (1, 'o@example.com', 'Owner', 'owner', now())`,
      );
      await execute(tx, sql`INSERT INTO categories (id, slug) VALUES (1, 'tea')`);
      await execute(
        tx,
        sql`INSERT INTO stores (id, slug, owner_id, country_code, status, created_at, updated_at) VALUES (1, 's', 1, 'CN', 'live', '2026-01-02T03:04:05.678Z', now())`,
      );
      await execute(
        tx,
        sql`INSERT INTO products (id, store_id, category_id, slug, price_minor, currency, stock, status, created_at, updated_at) VALUES (1, 1, 1, 'p', 500, 'USD', 3, 'active', now(), now())`,
      );
    });
    expect(await one(db, sql`SELECT live_since AS at FROM stores WHERE id = 1`)).toEqual({
      at: Date.parse("2026-01-02T03:04:05.678Z"),
    });
    const bumps = await one<{ n: number }>(db, sql`SELECT content_version AS n FROM site_state`);
    // Three inserts into tables shared pages show (users is not one): three bumps.
    expect(bumps).toEqual({ n: 3 });
    // The product was published at once; a status change takes the app's clock.
    await transact(db, (tx) => execute(tx, sql`UPDATE products SET status = 'draft' WHERE id = 1`));
    expect(await one(db, sql`SELECT published_at AS at FROM products WHERE id = 1`)).toEqual({ at: null });
    await transact(db, (tx) => execute(tx, sql`UPDATE products SET status = 'active' WHERE id = 1`));
    const published = await one<{ at: number }>(db, sql`SELECT published_at AS at FROM products WHERE id = 1`);
    expect(Math.abs(published.at - Date.now())).toBeLessThan(60_000);
  });

  it("makes a conditional update that met a competing writer re-check its condition once that writer commits", async () => {
    const take = (tx: Tx) => rows<{ id: number }>(tx, sql`UPDATE products SET stock = stock - 2 WHERE id = 1 AND stock >= 2 RETURNING id`);
    const firstHasTaken = gate();
    const firstMayCommit = gate();

    const first = transact(db, async (tx) => {
      const taken = await take(tx);
      firstHasTaken.open();
      await firstMayCommit.opened;
      return taken.length;
    });
    await firstHasTaken.opened;
    const second = transact(db, async (tx) => (await take(tx)).length);
    // The second update waits on the first one's row lock before the first commits.
    await expect.poll(() => lockWaits(db)).toBe(1);
    firstMayCommit.open();
    expect([await first, await second]).toEqual([1, 0]);
    expect(await one(db, sql`SELECT stock FROM products WHERE id = 1`)).toEqual({ stock: 1 });
  });

  it("makes a nested transact a savepoint: its throw undoes only its own writes", async () => {
    await transact(db, async (tx) => {
      await execute(tx, sql`UPDATE products SET stock = stock + 10 WHERE id = 1`);
      await expect(
        transact(tx, async (inner) => {
          await execute(inner, sql`UPDATE products SET stock = stock + 100 WHERE id = 1`);
          throw new Error("inner refused");
        }),
      ).rejects.toThrow("inner refused");
      // The database handle itself, inside the transaction's call chain, nests too.
      await transact(db, (inner) => execute(inner, sql`UPDATE products SET stock = stock + 1000 WHERE id = 1`));
    });
    expect(await one(db, sql`SELECT stock FROM products WHERE id = 1`)).toEqual({ stock: 1011 });
  });

  it("lets two transactions take the same two low-stock products in product order without a deadlock: the content version moves at commit", async () => {
    // Stock at 5 or less: each take moves the content version (a trigger), as in a flash sale's last units.
    await transact(db, async (tx) => {
      await execute(
        tx,
        sql`INSERT INTO products (id, store_id, category_id, slug, price_minor, currency, stock, status, created_at, updated_at) VALUES (2, 1, 1, 'q', 500, 'USD', 3, 'active', now(), now())`,
      );
      await execute(tx, sql`UPDATE products SET stock = 3 WHERE id = 1`);
    });
    const version = async () => (await one<{ n: number }>(db, sql`SELECT content_version AS n FROM site_state`)).n;
    const before = await version();
    // What the stock rule (takeStock) runs.
    const take = async (tx: Tx, id: number) =>
      (await rows<{ id: number }>(tx, sql`UPDATE products SET stock = stock - 1 WHERE id = ${id} AND stock >= 1 RETURNING id`)).length;
    const firstHasOne = gate();
    const firstMayGoOn = gate();

    // The first takes product 1, then product 2; the second takes product 2 while the first is open.
    const runs = { first: 0, second: 0 };
    const first = transact(db, async (tx) => {
      runs.first++;
      const tookOne = await take(tx, 1);
      firstHasOne.open();
      await firstMayGoOn.opened;
      return tookOne + (await take(tx, 2));
    });
    await firstHasOne.opened;
    let secondDone = false;
    const second = transact(db, (tx) => {
      runs.second++;
      return take(tx, 2);
    }).finally(() => (secondDone = true));
    // The second holds product 2 and has committed, or waits on a lock: the content version's row, if the
    // first took it with product 1 and holds it until it ends. Then the first's take of product 2 closes the
    // circle and PostgreSQL ends one of them with "deadlock detected".
    await expect.poll(async () => secondDone || (await lockWaits(db)) > 0).toBe(true);
    firstMayGoOn.open();
    expect(await Promise.all([first, second])).toEqual([2, 1]);
    expect(await rows(db, sql`SELECT id, stock FROM products WHERE id IN (1, 2) ORDER BY id`)).toEqual([
      { id: 1, stock: 2 },
      { id: 2, stock: 1 },
    ]);
    // Three takes of low stock, three moves of the content version, all committed.
    expect((await version()) - before).toBe(3);
    // Neither was ended by PostgreSQL and run again (transact retries a deadlock's victim).
    expect(runs).toEqual({ first: 1, second: 1 });
  });

  it("runs a transaction PostgreSQL ended as a deadlock's victim again, so both writers succeed", async () => {
    // Well above 5, so no trigger moves the content version: the two product rows are the only locks.
    await transact(db, (tx) => execute(tx, sql`UPDATE products SET stock = 100 WHERE id IN (1, 2)`));
    const stock = async () => rows<{ id: number; stock: number }>(db, sql`SELECT id, stock FROM products WHERE id IN (1, 2) ORDER BY id`);
    const before = await stock();
    const add = (tx: Tx, id: number) => execute(tx, sql`UPDATE products SET stock = stock + 1 WHERE id = ${id}`);
    const firstHasOne = gate();
    const secondHasTwo = gate();
    const firstWaits = gate();
    const runs = { first: 0, second: 0 };
    // Writes one row, says so, waits for its cue and writes the other.
    const writer = (who: keyof typeof runs, [a, b]: [number, number], holds: Gate, cue: Gate) =>
      transact(db, async (tx) => {
        runs[who]++;
        await add(tx, a);
        holds.open();
        await cue.opened;
        await add(tx, b);
      });
    // Rows in opposite orders, as no domain write takes them: 1 then 2, and 2 then 1.
    const first = writer("first", [1, 2], firstHasOne, secondHasTwo);
    await firstHasOne.opened;
    const second = writer("second", [2, 1], secondHasTwo, firstWaits);
    await secondHasTwo.opened;
    // The first waits for product 2, which the second holds; the second's take of product 1 closes the circle.
    await expect.poll(() => lockWaits(db)).toBe(1);
    firstWaits.open();
    await Promise.all([first, second]);
    // One of them was ended ("deadlock detected") and ran again: three runs, and both writes of each landed once.
    expect(runs.first + runs.second).toBe(3);
    expect(await stock()).toEqual(before.map((p) => ({ id: p.id, stock: p.stock + 2 })));
  });

  it("lets one holder of the set-up lock in at a time", async () => {
    const other = openPostgres(url);
    const events: string[] = [];
    let letGo: () => void = () => {};
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let inside: () => void = () => {};
    const firstInside = new Promise<void>((resolve) => (inside = resolve));
    const first = withSetupLock(db, async () => {
      events.push("first in");
      inside();
      await held;
      events.push("first out");
    });
    await firstInside;
    const waiting: string[] = [];
    const second = withSetupLock(other, () => void events.push("second in"), { log: (m) => waiting.push(m) });
    await expect.poll(() => waiting.length).toBe(1);
    letGo();
    await Promise.all([first, second]);
    expect(events).toEqual(["first in", "first out", "second in"]);
    await closeDatabase(other);
  });
});
