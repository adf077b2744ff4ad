/**
 * `npm run reconcile` recomputes every counter from the paid orders. A counter
 * changed by hand shows as drift, and `--fix` puts it back by adding the
 * difference to the counter's first row (a counter is the sum of its rows).
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, execute, schema, transact } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";

const { progressCounters } = schema;
const campaign = and(eq(progressCounters.scope, "campaign"), eq(progressCounters.scopeKey, "all"), eq(progressCounters.metric, "units"));

describe("reconcile", () => {
  it("finds a counter changed by hand, repairs it with --fix, and then finds nothing", async () => {
    expect(await reconcileCounters()).toEqual([]);
    const before = (await readCounters("campaign", ["all"])).get("all")!;
    expect(before.units).toBeGreaterThan(0);

    // Seven units appear from nowhere on the campaign counter's rows, and a store's order counter disappears.
    await transact(db, (tx) => execute(tx, sql`UPDATE progress_counters SET value = value + 7 WHERE ${campaign} AND shard = (SELECT MAX(shard) FROM progress_counters WHERE ${campaign})`));
    const [store] = await db
      .select({ scopeKey: progressCounters.scopeKey, value: sql<number>`SUM(${progressCounters.value})`.mapWith(Number) })
      .from(progressCounters)
      .where(and(eq(progressCounters.scope, "store"), eq(progressCounters.metric, "orders")))
      .groupBy(progressCounters.scopeKey)
      .orderBy(progressCounters.scopeKey)
      .limit(1);
    expect(store.value).toBeGreaterThan(0);
    await transact(db, (tx) =>
      tx.delete(progressCounters).where(and(eq(progressCounters.scope, "store"), eq(progressCounters.scopeKey, store.scopeKey), eq(progressCounters.metric, "orders"))),
    );

    const drift = [
      { scope: "campaign", scopeKey: "all", metric: "units", stored: before.units + 7, expected: before.units },
      { scope: "store", scopeKey: store.scopeKey, metric: "orders", stored: 0, expected: store.value },
    ];
    const sorted = <T extends { scope: string }>(list: T[]) => [...list].sort((a, b) => a.scope.localeCompare(b.scope));
    expect(sorted(await reconcileCounters())).toEqual(drift);
    // Reporting changes nothing; --fix repairs both, the missing counter with a row of its own.
    expect(sorted(await reconcileCounters())).toEqual(drift);
    expect(sorted(await reconcileCounters({ fix: true }))).toEqual(drift);
    expect(await reconcileCounters()).toEqual([]);
    expect((await readCounters("campaign", ["all"])).get("all")!.units).toBe(before.units);
    expect((await readCounters("store", [store.scopeKey])).get(store.scopeKey)!.orders).toBe(store.value);
  });
});
