/**
 * The data layer's one way to write (db/transact.ts), on a real database, on
 * whichever engine DATABASE_URL chooses (npm test runs it on both):
 * concurrent transactions never see each other's uncommitted writes nor take
 * them along when they roll back; a nested `transact` is a savepoint; work a
 * transaction starts after it has ended opens its own; `rows` and `execute`
 * answer alike on both engines. Proven by counting rows.
 */
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, execute, isPostgres, readSnapshot, rows, schema, transact, type Tx } from "~/db.server";
import { closeDatabase, openPostgres } from "../../db/connection";

const NOTE = "transact-test";
const notes = async () =>
  (await rows<{ detail: string }>(db, sql`SELECT detail FROM audit_log WHERE action = ${NOTE} ORDER BY id`)).map((r) => r.detail);
const note = async (tx: Tx, detail: string) => {
  await tx.insert(schema.auditLog).values({ action: NOTE, detail, createdAt: new Date() });
};

describe("transact", () => {
  beforeEach(async () => {
    await transact(db, (tx) => execute(tx, sql`DELETE FROM audit_log WHERE action = ${NOTE}`));
  });

  it("commits what the function wrote and returns its result", async () => {
    const result = await transact(db, async (tx) => {
      await note(tx, "a");
      return 7;
    });
    expect(result).toBe(7);
    expect(await notes()).toEqual(['"a"']);
  });

  it("rolls back everything on a throw, and a transaction running beside it keeps its own writes", async () => {
    const failing = transact(db, async (tx) => {
      await note(tx, "lost-1");
      await Promise.resolve();
      await note(tx, "lost-2");
      throw new Error("boom");
    });
    const beside = transact(db, async (tx) => {
      await note(tx, "kept");
    });
    await expect(failing).rejects.toThrow("boom");
    await beside;
    expect(await notes()).toEqual(['"kept"']);
  });

  it("runs many concurrent transactions, none lost and none half-kept", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        transact(db, async (tx) => {
          await note(tx, `n${i}`);
          await Promise.resolve();
          if (i % 5 === 0) throw new Error(`refused ${i}`);
        }).catch(() => undefined),
      ),
    );
    expect(await notes()).toHaveLength(32);
  });

  it("makes a nested transact a savepoint: its throw undoes only its own writes", async () => {
    await transact(db, async (tx) => {
      await note(tx, "outer");
      await expect(
        transact(tx, async (inner) => {
          await note(inner, "inner");
          throw new Error("inner refused");
        }),
      ).rejects.toThrow("inner refused");
      await transact(tx, (inner) => note(inner, "inner-kept"));
    });
    expect(await notes()).toEqual(['"outer"', '"inner-kept"']);
  });

  it("gives work started inside a transaction that runs after it ended a transaction of its own", async () => {
    let later: Promise<unknown> = Promise.resolve();
    await transact(db, async (tx) => {
      await note(tx, "first");
      later = new Promise((resolve) => setImmediate(resolve)).then(() => transact(db, (tx2) => note(tx2, "later")));
    });
    await later;
    expect(await notes()).toEqual(['"first"', '"later"']);
  });

  it("lets a read through db inside a transaction see the transaction's own writes", async () => {
    // A reader waiting outside any transaction's call chain, let go once the transaction has written.
    let wrote = () => {};
    const outside = new Promise<void>((resolve) => (wrote = resolve)).then(() => notes());
    await transact(db, async (tx) => {
      await note(tx, "mine");
      expect(await notes()).toEqual(['"mine"']);
      const [row] = await db
        .select({ detail: schema.auditLog.detail })
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, NOTE));
      expect(row?.detail).toBe("mine");
      wrote();
      // SQLite has one connection, so a reader beside the transaction sees its writes; on PostgreSQL a reader
      // on another connection sees only what is committed.
      expect(await outside).toEqual(process.env.DATABASE_URL ? [] : ['"mine"']);
    });
    expect(await notes()).toEqual(['"mine"']);
  });

  it("answers raw queries alike on both engines: counts and sums as numbers, instants as epoch milliseconds, changed rows counted", async () => {
    const before = Date.now();
    await transact(db, async (tx) => {
      await note(tx, "x");
      await note(tx, "y");
    });
    const [summary] = await rows<{ n: number; total: number; latest: number }>(
      db,
      sql`SELECT count(*) AS n, coalesce(sum(length(action)), 0) AS total, max(created_at) AS latest FROM audit_log WHERE action = ${NOTE}`,
    );
    expect({ ...summary, latest: typeof summary.latest }).toEqual({ n: 2, total: 2 * NOTE.length, latest: "number" });
    expect(summary.latest).toBeGreaterThanOrEqual(before - 1);
    const changed = await transact(db, (tx) => execute(tx, sql`UPDATE audit_log SET ip = ${"127.0.0.1"} WHERE action = ${NOTE}`));
    expect(changed).toBe(2);
  });

  it("reads one moment in readSnapshot, and refuses a write there (PostgreSQL: REPEATABLE READ, READ ONLY)", async () => {
    const count = async () => (await notes()).length;
    // SQLite-only: its one writing connection is the snapshot's while it runs, so nothing can commit meanwhile.
    if (!isPostgres(db)) {
      expect(await readSnapshot(db, async () => [await count(), await count()])).toEqual([0, 0]);
      return;
    }
    // PostgreSQL: another connection commits between two reads of the snapshot; only a later read sees it.
    const other = openPostgres(process.env.DATABASE_URL);
    try {
      const inSnapshot = await readSnapshot(db, async () => {
        const first = await count();
        await transact(other, (tx) => note(tx, "meanwhile"));
        return [first, await count()];
      });
      expect(inSnapshot).toEqual([0, 0]);
      // A READ COMMITTED transaction sees each commit as it happens.
      const inTransaction = await transact(db, async () => {
        const first = await count();
        await transact(other, (tx) => note(tx, "meanwhile-2"));
        return [first, await count()];
      });
      expect(inTransaction).toEqual([1, 2]);
      await expect(readSnapshot(db, (tx) => note(tx, "refused"))).rejects.toThrow();
      expect(await count()).toBe(2);
    } finally {
      await closeDatabase(other);
    }
  });
});
