/**
 * The data layer's one way to write (db/transact.ts), on a real database:
 * concurrent transactions never see each other's uncommitted writes nor take
 * them along when they roll back; a nested `transact` is a savepoint; work a
 * transaction starts after it has ended opens its own. Proven by counting rows.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, execute, rows, transact } from "~/db.server";

const NOTE = "transact-test";
const notes = async () =>
  (await rows<{ detail: string }>(db, sql`SELECT detail FROM audit_log WHERE action = ${NOTE} ORDER BY id`)).map((r) => r.detail);
const note = (tx: Parameters<Parameters<typeof transact>[1]>[0], detail: string) =>
  execute(tx, sql`INSERT INTO audit_log (action, detail, created_at) VALUES (${NOTE}, ${JSON.stringify(detail)}, ${Date.now()})`);

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

  it("runs many concurrent transactions one at a time, none lost", async () => {
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
});
