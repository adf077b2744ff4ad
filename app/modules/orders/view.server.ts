/** Reading orders back for the shopper: by private link, or by number + email. */
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { orderKeyMatches } from "./links.server";

export type OrderRecord = typeof schema.orders.$inferSelect;

export function orderByNumber(number: string): OrderRecord | null {
  return db.select().from(schema.orders).where(eq(schema.orders.number, number.trim().toUpperCase())).get() ?? null;
}

/** The order a private link opens, or null (wrong number or key look the same). */
export function orderByLink(number: string, key: string | null): OrderRecord | null {
  const order = orderByNumber(number);
  return order && orderKeyMatches(order.number, key) ? order : null;
}

export function orderByNumberAndEmail(number: string, email: string): OrderRecord | null {
  return (
    db
      .select()
      .from(schema.orders)
      .where(and(eq(schema.orders.number, number.trim().toUpperCase()), eq(schema.orders.email, email.trim().toLowerCase())))
      .get() ?? null
  );
}

export function orderLines(orderId: number) {
  return db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId)).orderBy(schema.orderLines.id).all();
}
