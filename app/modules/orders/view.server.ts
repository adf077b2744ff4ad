/** Reading orders back for the shopper: by private link, or by number + email. */
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { orderKeyMatches } from "./links.server";

export type OrderRecord = typeof schema.orders.$inferSelect;

export async function orderByNumber(number: string): Promise<OrderRecord | null> {
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.number, number.trim().toUpperCase())).limit(1);
  return order ?? null;
}

/** The order a private link opens, or null (wrong number or key look the same). */
export async function orderByLink(number: string, key: string | null): Promise<OrderRecord | null> {
  const order = await orderByNumber(number);
  return order && orderKeyMatches(order.number, key) ? order : null;
}

export async function orderByNumberAndEmail(number: string, email: string): Promise<OrderRecord | null> {
  const [order] = await db
    .select()
    .from(schema.orders)
    .where(and(eq(schema.orders.number, number.trim().toUpperCase()), eq(schema.orders.email, email.trim().toLowerCase())))
    .limit(1);
  return order ?? null;
}

export function orderLines(orderId: number) {
  return db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId)).orderBy(schema.orderLines.id);
}
