/**
 * Shipping an order line: its store's owner marks a paid line shipped (carrier
 * and tracking number), then delivered. Each change is one guarded statement
 * scoped by the owner in the query itself, with its audit row in the same
 * transaction; another owner's line, an unpaid order or a step out of order
 * changes nothing.
 */
import { and, eq, inArray } from "drizzle-orm";
import { db, schema, transact, type Tx } from "~/db.server";

const { orderLines, orders, stores, orderLineFulfilments } = schema;

export type FulfilmentStatus = (typeof schema.FULFILMENT_STATUSES)[number];

export interface LineFulfilment {
  status: FulfilmentStatus;
  carrier: string;
  trackingNumber: string;
  shippedAt: number;
  deliveredAt: number | null;
}

interface Actor {
  userId: number;
  ip?: string | null;
  now: Date;
}

/** The line, if it belongs to this store of this owner and its order is paid. */
async function ownedPaidLine(tx: Tx, ownerId: number, storeId: number, lineId: number) {
  const [line] = await tx
    .select({ id: orderLines.id })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orderLines.storeId))
    .where(and(eq(orderLines.id, lineId), eq(orderLines.storeId, storeId), eq(stores.ownerId, ownerId), eq(orders.status, "paid")))
    .limit(1);
  return line;
}

async function audit(tx: Tx, actor: Actor, action: string, lineId: number, detail: Record<string, unknown>) {
  await tx
    .insert(schema.auditLog)
    .values({ action, userId: actor.userId, subjectType: "order_line", subjectId: String(lineId), detail, ip: actor.ip ?? null, createdAt: actor.now });
}

/** Marks a paid, not yet shipped line of the owner's store shipped. False when it is not theirs, not paid, or already shipped. */
export function shipLine(ownerId: number, storeId: number, lineId: number, input: { carrier: string; trackingNumber: string }, actor: Actor): Promise<boolean> {
  return transact(db, async (tx) => {
    if (!(await ownedPaidLine(tx, ownerId, storeId, lineId))) return false;
    const inserted = await tx
      .insert(orderLineFulfilments)
      .values({ lineId, status: "shipped", carrier: input.carrier, trackingNumber: input.trackingNumber, shippedAt: actor.now, updatedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ lineId: orderLineFulfilments.lineId });
    if (inserted.length !== 1) return false;
    await audit(tx, actor, "order_line.shipped", lineId, { carrier: input.carrier, trackingNumber: input.trackingNumber });
    return true;
  });
}

/** Marks a shipped line of the owner's store delivered. False when it is not theirs or not shipped. */
export function deliverLine(ownerId: number, storeId: number, lineId: number, actor: Actor): Promise<boolean> {
  return transact(db, async (tx) => {
    if (!(await ownedPaidLine(tx, ownerId, storeId, lineId))) return false;
    const changed = await tx
      .update(orderLineFulfilments)
      .set({ status: "delivered", deliveredAt: actor.now, updatedBy: actor.userId })
      .where(and(eq(orderLineFulfilments.lineId, lineId), eq(orderLineFulfilments.status, "shipped")))
      .returning({ lineId: orderLineFulfilments.lineId });
    if (changed.length !== 1) return false;
    await audit(tx, actor, "order_line.delivered", lineId, {});
    return true;
  });
}

/** The fulfilment of each of these lines that has one (for pages that already scoped the lines). */
export async function fulfilmentsOf(lineIds: number[]): Promise<Map<number, LineFulfilment>> {
  if (!lineIds.length) return new Map();
  return new Map(
    (
      await db.select({
        lineId: orderLineFulfilments.lineId,
        status: orderLineFulfilments.status,
        carrier: orderLineFulfilments.carrier,
        trackingNumber: orderLineFulfilments.trackingNumber,
        shippedAt: orderLineFulfilments.shippedAt,
        deliveredAt: orderLineFulfilments.deliveredAt,
      })
        .from(orderLineFulfilments)
        .where(inArray(orderLineFulfilments.lineId, lineIds))
    ).map(({ lineId, shippedAt, deliveredAt, ...f }) => [lineId, { ...f, shippedAt: shippedAt.getTime(), deliveredAt: deliveredAt?.getTime() ?? null }]),
  );
}
