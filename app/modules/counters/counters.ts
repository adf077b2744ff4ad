/**
 * The counter rule, pure: what one paid order adds to the campaign-progress
 * counters. Each scope an order touches gets +1 order, its units and its GMV
 * (base-currency minor units). The same function serves fulfilment and
 * reconciliation, so the two cannot disagree.
 */
export type CounterScope = "campaign" | "festival" | "store" | "country" | "category";
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
