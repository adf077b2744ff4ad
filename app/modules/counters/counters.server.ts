/**
 * Campaign-progress counters in the database. `applyPaidOrder` must be called
 * inside the transaction that marks the order paid (orders.server.ts), so the
 * counters (and the festivals' subsidy totals) can never drift from the
 * orders; `reconcile` proves it.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { counterShards, db, schema, transact, type Tx } from "~/db.server";
import { addPaidSubsidies } from "../festivals/funding.server";
import { countingSessions, sessionsCountingAt } from "../programme/programme.server";
import { counterKey, deltasForPaidOrder, sessionDeltasForPaidOrder, type CountedLine, type CounterDelta, type CounterMetric, type CounterScope } from "./counters";

const { orderLines, orders, progressCounters } = schema;

/** What the counters count of each order line. */
const countedLine = {
  productId: orderLines.productId,
  storeId: orderLines.storeId,
  categoryId: orderLines.categoryId,
  countryCode: orderLines.countryCode,
  festivalId: orderLines.festivalId,
  quantity: orderLines.quantity,
  lineTotalBaseMinor: orderLines.lineTotalBaseMinor,
};

/**
 * Adds one paid order to every counter it touches (and its subsidies to its
 * festivals' totals), in one upsert for all of its counters. Call inside the
 * paying transaction, with its handle.
 *
 * Each counter is spread over `counterShards(tx)` rows (one on SQLite): an
 * order adds to the rows of shard `orderId mod shards`, so on PostgreSQL
 * payments running side by side mostly lock different rows, instead of every
 * payment waiting for the one before it to commit its campaign row. Readers
 * sum a counter's rows, so it still changes in the order's transaction and
 * always equals what the paid orders add up to.
 */
export async function applyPaidOrder(tx: Tx, orderId: number, now: Date): Promise<void> {
  // One read of the order's lines, for the subsidies and the counters.
  const lines = await tx
    .select({ ...countedLine, subsidyBaseMinor: orderLines.subsidyBaseMinor })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  await addPaidSubsidies(tx, lines, now);
  // The sessions running as it is paid ("orders during a session"), read in the same transaction.
  const featured = await sessionsCountingAt(tx, [...new Set(lines.map((l) => l.productId))], now);
  const deltas = [...deltasForPaidOrder(lines), ...sessionDeltasForPaidOrder(lines, featured)];
  if (!deltas.length) return;
  // Each (scope, key, metric) appears once in `deltas`, as one statement's upsert needs on PostgreSQL; the campaign's
  // rows come first in every order's, so two payments on one shard queue at its campaign row rather than deadlock.
  await addToCounterRows(tx, deltas, orderId % counterShards(tx), now);
}

/** Adds each delta to its counter's row of `shard`, creating the row if it is the first, in one upsert. */
async function addToCounterRows(tx: Tx, deltas: readonly CounterDelta[], shard: number, now: Date): Promise<void> {
  await tx
    .insert(progressCounters)
    .values(deltas.map((d) => ({ scope: d.scope, scopeKey: d.scopeKey, metric: d.metric, value: d.value, shard, updatedAt: now })))
    .onConflictDoUpdate({
      target: [progressCounters.scope, progressCounters.scopeKey, progressCounters.metric, progressCounters.shard],
      set: { value: sql`${progressCounters.value} + excluded.value`, updatedAt: now },
    });
}

/** Adds `delta` to the running total kept under its counter's key. */
function addToTotal(totals: Map<string, CounterDelta>, delta: CounterDelta): void {
  const key = counterKey(delta);
  const value = (totals.get(key)?.value ?? 0) + delta.value;
  totals.set(key, { scope: delta.scope, scopeKey: delta.scopeKey, metric: delta.metric, value });
}

export type CounterValues = Record<CounterMetric, number>;

/** The counters of `scopeKeys` in one scope (zero where nothing was counted yet). */
export async function readCounters(scope: CounterScope, scopeKeys: readonly string[]): Promise<Map<string, CounterValues>> {
  const result = new Map<string, CounterValues>();
  for (const key of scopeKeys) result.set(key, { orders: 0, units: 0, gmv: 0 });
  if (!scopeKeys.length) return result;
  const found = await db
    .select({ scopeKey: progressCounters.scopeKey, metric: progressCounters.metric, value: progressCounters.value })
    .from(progressCounters)
    .where(and(eq(progressCounters.scope, scope), inArray(progressCounters.scopeKey, [...scopeKeys])));
  // A counter's value is the sum of its rows (its shards).
  for (const row of found) result.get(row.scopeKey)![row.metric] += row.value;
  return result;
}

export interface Drift {
  scope: CounterScope;
  scopeKey: string;
  metric: CounterMetric;
  stored: number;
  expected: number;
}

/** Recomputes every counter from the paid orders and reports (optionally repairs) the differences. */
export async function reconcileCounters(options: { fix?: boolean; now?: Date } = {}): Promise<Drift[]> {
  const expected = new Map<string, CounterDelta>();
  const byOrder = new Map<number, (CountedLine & { productId: number; paidAt: Date | null })[]>();
  const paidLines = await db
    .select({ orderId: orderLines.orderId, paidAt: orders.paidAt, ...countedLine })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orders.status, "paid"));
  for (const line of paidLines) {
    const list = byOrder.get(line.orderId) ?? [];
    list.push(line);
    byOrder.set(line.orderId, list);
  }
  const sessions = await countingSessions();
  for (const lines of byOrder.values()) {
    // The sessions that ran when the order was paid and feature one of its products, as applyPaidOrder found them.
    const paidAt = lines[0].paidAt?.getTime() ?? NaN;
    const productIds = new Set(lines.map((l) => l.productId));
    const featured = sessions.filter((f) => f.startsAt <= paidAt && paidAt < f.endsAt && productIds.has(f.productId));
    for (const d of [...deltasForPaidOrder(lines), ...sessionDeltasForPaidOrder(lines, featured)]) addToTotal(expected, d);
  }
  // A counter's value is the sum of its rows (its shards).
  const stored = new Map<string, CounterDelta>();
  for (const row of await db.select().from(progressCounters)) addToTotal(stored, row);
  const drift: Drift[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const e = expected.get(key);
    const s = stored.get(key);
    const expectedValue = e?.value ?? 0;
    const storedValue = s?.value ?? 0;
    if (expectedValue !== storedValue) {
      const ref = (e ?? s)!;
      drift.push({ scope: ref.scope, scopeKey: ref.scopeKey, metric: ref.metric, stored: storedValue, expected: expectedValue });
    }
  }
  if (options.fix && drift.length) {
    const now = options.now ?? new Date();
    // The difference goes to the counter's shard 0, so its rows add up to what the orders say.
    const corrections = drift.map((d) => ({ scope: d.scope, scopeKey: d.scopeKey, metric: d.metric, value: d.expected - d.stored }));
    await transact(db, (tx) => addToCounterRows(tx, corrections, 0, now));
  }
  return drift;
}
