/**
 * The counter rule, pure: what one paid order adds to the campaign-progress
 * counters. Each scope an order touches gets +1 order, its units and its GMV
 * (base-currency minor units). The same function serves fulfilment and
 * reconciliation, so the two cannot disagree.
 */
export type CounterScope = "campaign" | "festival" | "store" | "country" | "category" | "session";
export type CounterMetric = "orders" | "units" | "gmv";

export interface CountedLine {
  storeId: number;
  categoryId: number;
  countryCode: string;
  festivalId: number | null;
  quantity: number;
  lineTotalBaseMinor: number;
}

export interface CounterDelta {
  scope: CounterScope;
  scopeKey: string;
  metric: CounterMetric;
  value: number;
}

export const CAMPAIGN_KEY = "all";

export function counterKey(d: Pick<CounterDelta, "scope" | "scopeKey" | "metric">): string {
  return `${d.scope}|${d.scopeKey}|${d.metric}`;
}

export function deltasForPaidOrder(lines: readonly CountedLine[]): CounterDelta[] {
  const buckets = new Map<string, { scope: CounterScope; scopeKey: string; units: number; gmv: number }>();
  const add = (scope: CounterScope, scopeKey: string, line: CountedLine) => {
    const id = `${scope}|${scopeKey}`;
    const bucket = buckets.get(id) ?? { scope, scopeKey, units: 0, gmv: 0 };
    bucket.units += line.quantity;
    bucket.gmv += line.lineTotalBaseMinor;
    buckets.set(id, bucket);
  };
  for (const line of lines) {
    add("campaign", CAMPAIGN_KEY, line);
    if (line.festivalId !== null) add("festival", String(line.festivalId), line);
    add("store", String(line.storeId), line);
    add("country", line.countryCode, line);
    add("category", String(line.categoryId), line);
  }
  return [...buckets.values()].flatMap((b) => [
    { scope: b.scope, scopeKey: b.scopeKey, metric: "orders" as const, value: 1 },
    { scope: b.scope, scopeKey: b.scopeKey, metric: "units" as const, value: b.units },
    { scope: b.scope, scopeKey: b.scopeKey, metric: "gmv" as const, value: b.gmv },
  ]);
}

/** What a session's counters count of an order line. */
export interface SessionCountedLine {
  productId: number;
  quantity: number;
  lineTotalBaseMinor: number;
}

/**
 * "Orders during a session": a paid order counts once for each approved
 * session running when it was paid that features one of its products
 * (`featured`: those sessions and their featured products among the order's),
 * with the units and GMV of its featured lines.
 */
export function sessionDeltasForPaidOrder(lines: readonly SessionCountedLine[], featured: readonly { sessionId: number; productId: number }[]): CounterDelta[] {
  const bySession = new Map<number, Set<number>>();
  for (const f of featured) bySession.set(f.sessionId, (bySession.get(f.sessionId) ?? new Set<number>()).add(f.productId));
  return [...bySession].flatMap(([sessionId, productIds]) => {
    const counted = lines.filter((l) => productIds.has(l.productId));
    if (!counted.length) return [];
    const scopeKey = String(sessionId);
    return [
      { scope: "session" as const, scopeKey, metric: "orders" as const, value: 1 },
      { scope: "session" as const, scopeKey, metric: "units" as const, value: counted.reduce((n, l) => n + l.quantity, 0) },
      { scope: "session" as const, scopeKey, metric: "gmv" as const, value: counted.reduce((n, l) => n + l.lineTotalBaseMinor, 0) },
    ];
  });
}
