/**
 * Campaign-progress counters in the database. `applyPaidOrder` must be called
 * inside the transaction that marks the order paid (orders.server.ts), so the
 * counters can never drift from the orders; `reconcile` proves it.
 */
import { eq } from "drizzle-orm";
import { db, schema, statements, type AppDatabase, type Tx } from "~/db.server";
import { counterKey, deltasForPaidOrder, type CountedLine, type CounterDelta, type CounterMetric, type CounterScope } from "./counters";

function paidLinesQuery(on: AppDatabase, orderId?: number) {
  const q = on
    .select({
      orderId: schema.orderLines.orderId,
      storeId: schema.orderLines.storeId,
      categoryId: schema.orderLines.categoryId,
      countryCode: schema.orderLines.countryCode,
      festivalId: schema.orderLines.festivalId,
      quantity: schema.orderLines.quantity,
      lineTotalBaseMinor: schema.orderLines.lineTotalBaseMinor,
    })
    .from(schema.orderLines)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
    .where(orderId === undefined ? eq(schema.orders.status, "paid") : eq(schema.orderLines.orderId, orderId));
  return q.all();
}

/*
 * The hot path of fulfilment uses statements prepared once per connection
 * (see db/prepared.ts): building and compiling the same Drizzle query on every
 * call cost about ten times running it. They are taken from the caller's
 * transaction handle, so they run inside that transaction.
 */
const prepared = statements((client) => ({
  lines: client.prepare<[number], CountedLine>(
    `select "store_id" AS storeId, "category_id" AS categoryId, "country_code" AS countryCode,
       "festival_id" AS festivalId, "quantity", "line_total_base_minor" AS lineTotalBaseMinor
     from "order_lines" where "order_lines"."order_id" = ?`,
  ),
  // All of one order's deltas in one statement (a JSON array), rather than one upsert per counter.
  upsertAll: client.prepare<{ deltas: string; now: number }>(
    `INSERT INTO progress_counters (scope, scope_key, metric, value, updated_at)
     SELECT json_extract(value, '$.scope'), json_extract(value, '$.scopeKey'), json_extract(value, '$.metric'), json_extract(value, '$.value'), @now
     FROM json_each(@deltas) WHERE true
     ON CONFLICT (scope, scope_key, metric) DO UPDATE SET value = progress_counters.value + excluded.value, updated_at = excluded.updated_at`,
  ),
  // Every page with a festival banner and every live feed tick reads these (keys as a JSON array).
  read: client.prepare<{ scope: string; keys: string }, { scopeKey: string; metric: CounterMetric; value: number }>(
    `SELECT scope_key AS scopeKey, metric, value FROM progress_counters
     WHERE scope = @scope AND scope_key IN (SELECT value FROM json_each(@keys))`,
  ),
}));

/** Adds one paid order to every counter it touches. Call inside the paying transaction. */
export function applyPaidOrder(tx: Tx, orderId: number, now: Date): void {
  const statements = prepared(tx);
  const deltas = deltasForPaidOrder(statements.lines.all(orderId));
  if (deltas.length) statements.upsertAll.run({ deltas: JSON.stringify(deltas), now: now.getTime() });
}

export type CounterValues = Record<CounterMetric, number>;

export function readCounters(scope: CounterScope, scopeKeys: readonly string[]): Map<string, CounterValues> {
  const result = new Map<string, CounterValues>();
  for (const key of scopeKeys) result.set(key, { orders: 0, units: 0, gmv: 0 });
  if (!scopeKeys.length) return result;
  const rows = prepared(db).read.all({ scope, keys: JSON.stringify(scopeKeys) });
  for (const row of rows) result.get(row.scopeKey)![row.metric] = row.value;
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
export function reconcileCounters(options: { fix?: boolean; now?: Date } = {}): Drift[] {
  const expected = new Map<string, CounterDelta>();
  const byOrder = new Map<number, ReturnType<typeof paidLinesQuery>>();
  for (const line of paidLinesQuery(db)) {
    const list = byOrder.get(line.orderId) ?? [];
    list.push(line);
    byOrder.set(line.orderId, list);
  }
  for (const lines of byOrder.values()) {
    for (const d of deltasForPaidOrder(lines)) {
      const key = counterKey(d);
      const prev = expected.get(key);
      expected.set(key, prev ? { ...prev, value: prev.value + d.value } : { ...d });
    }
  }
  const stored = new Map(db.select().from(schema.progressCounters).all().map((r) => [counterKey(r), r]));
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
    db.transaction((tx) => {
      for (const d of drift) {
        tx.insert(schema.progressCounters)
          .values({ scope: d.scope, scopeKey: d.scopeKey, metric: d.metric, value: d.expected, updatedAt: now })
          .onConflictDoUpdate({
            target: [schema.progressCounters.scope, schema.progressCounters.scopeKey, schema.progressCounters.metric],
            set: { value: d.expected, updatedAt: now },
          })
          .run();
      }
    });
  }
  return drift;
}
