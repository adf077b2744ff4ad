/**
 * Campaign-progress counters in the database. `applyPaidOrder` must be called
 * inside the transaction that marks the order paid (orders.server.ts), so the
 * counters (and the festivals' subsidy totals) can never drift from the
 * orders; `reconcile` proves it.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, schema, transact, type Tx } from "~/db.server";
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
 * Adds one paid order to every counter it touches, in one upsert for all of its
 * counters. Call inside the paying transaction, with its handle.
 */
export async function applyPaidOrder(tx: Tx, orderId: number, now: Date): Promise<void> {
  await addPaidSubsidies(tx, orderId, now);
  const lines: (CountedLine & { productId: number })[] = await tx.select(countedLine).from(orderLines).where(eq(orderLines.orderId, orderId));
  // The sessions running as it is paid ("orders during a session"), read in the same transaction.
  const featured = await sessionsCountingAt(tx, [...new Set(lines.map((l) => l.productId))], now);
  const deltas = [...deltasForPaidOrder(lines), ...sessionDeltasForPaidOrder(lines, featured)];
  if (!deltas.length) return;
  // Each (scope, key, metric) appears once in `deltas`, as one statement's upsert needs on PostgreSQL.
  await tx
    .insert(progressCounters)
    .values(deltas.map((d) => ({ ...d, updatedAt: now })))
    .onConflictDoUpdate({
      target: [progressCounters.scope, progressCounters.scopeKey, progressCounters.metric],
      set: { value: sql`${progressCounters.value} + excluded.value`, updatedAt: now },
    });
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
  for (const row of found) result.get(row.scopeKey)![row.metric] = row.value;
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
    for (const d of [...deltasForPaidOrder(lines), ...sessionDeltasForPaidOrder(lines, featured)]) {
      const key = counterKey(d);
      const prev = expected.get(key);
      expected.set(key, prev ? { ...prev, value: prev.value + d.value } : { ...d });
    }
  }
  const stored = new Map((await db.select().from(progressCounters)).map((r) => [counterKey(r), r]));
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
    await transact(db, async (tx) => {
      for (const d of drift) {
        await tx
          .insert(progressCounters)
          .values({ scope: d.scope, scopeKey: d.scopeKey, metric: d.metric, value: d.expected, updatedAt: now })
          .onConflictDoUpdate({
            target: [progressCounters.scope, progressCounters.scopeKey, progressCounters.metric],
            set: { value: d.expected, updatedAt: now },
          });
      }
    });
  }
  return drift;
}
