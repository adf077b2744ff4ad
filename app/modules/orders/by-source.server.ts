/** Paid orders by the source the shopper landed from (a feed link's utm_source), for the organiser. */
import { desc, eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";

const { orders } = schema;

export interface SourceTotals {
  /** null: the shopper came without a source we keep (direct, or a link without utm values). */
  source: string | null;
  orders: number;
  /** Goods in the base currency, without shipping (as the festival GMV counters count). */
  revenueBaseMinor: number;
}

export async function paidOrdersBySource(): Promise<SourceTotals[]> {
  const revenue = sql<number>`coalesce(sum(${orders.totalBaseMinor} - ${orders.shippingBaseMinor}), 0)`.mapWith(Number);
  return await db
    .select({ source: orders.source, orders: sql<number>`count(*)`.mapWith(Number), revenueBaseMinor: revenue })
    .from(orders)
    .where(eq(orders.status, "paid"))
    .groupBy(orders.source)
    .orderBy(desc(revenue), sql`${orders.source} NULLS LAST`);
}
